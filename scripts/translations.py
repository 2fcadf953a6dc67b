"""Maintain the window's translations (a developer tool; not part of the package).

    python scripts/translations.py update     # add the code's new strings to resources/i18n/*.ts
    python scripts/translations.py compile    # build the .qm files the application loads
    python scripts/translations.py import F.json ...   # fill translations from JSON files

Edit the .ts files with Qt Linguist (``pyside6-linguist``); ``tests/gui/test_i18n.py`` fails
while any string is untranslated or a .qm file is older than its .ts.
The JSON format of ``import``: {"context": {"source": {"zh_CN": "...", "ja_JP": "..."}}}.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The files holding translatable text: the window's code, and the Qt-free modules that mark
#: the texts the window shows with desktop_nn.translatable (the graph operations' rules, the
#: divergence explanations, the class names).
SOURCES = [*sorted((ROOT / "desktop_nn" / "gui").rglob("*.py")),
           *(path for path in sorted((ROOT / "desktop_nn").rglob("*.py"))
             if "gui" not in path.parts
             and "desktop_nn.translatable import" in path.read_text(encoding="utf-8"))]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "ja_JP")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this Python")
    return found


def ts_file(language: str) -> Path:
    return I18N / f"desktop_nn_{language}.ts"


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [tool("lupdate"), *map(str, SOURCES), "-no-obsolete", "-locations", "none",
             "-target-language", language, "-ts", str(ts_file(language))],
            check=True,
        )


def compile_all() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [tool("lrelease"), str(ts_file(language)), "-qm",
             str(ts_file(language).with_suffix(".qm"))],
            check=True,
        )


def import_json(paths: list[str]) -> None:
    table: dict[str, dict[str, dict[str, str]]] = {}
    for path in paths:
        for context, entries in json.loads(Path(path).read_text(encoding="utf-8")).items():
            table.setdefault(context, {}).update(entries)
    for language in LANGUAGES:
        tree = ET.parse(ts_file(language))
        filled = 0
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                entry = table.get(name, {}).get(message.findtext("source"))
                if entry and entry.get(language):
                    translation = message.find("translation")
                    translation.text = entry[language]
                    translation.attrib.pop("type", None)
                    filled += 1
        tree.write(ts_file(language), encoding="utf-8", xml_declaration=True)
        print(f"{language}: {filled} translations imported")


def main() -> int:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "import":
        import_json(rest)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
