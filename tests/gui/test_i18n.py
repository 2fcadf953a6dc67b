"""Languages: complete translations, the locale and the Language menu, CJK glyphs."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_nn.gui import i18n
from desktop_nn.gui.settings import app_settings

ROOT = Path(__file__).resolve().parents[2]
#: The files holding translatable text: the window's code, and the Qt-free modules that mark
#: the texts the window shows with desktop_nn.translatable (the graph operations' rules, the
#: divergence explanations, the class names).
GUI_SOURCES = [*sorted((ROOT / "desktop_nn" / "gui").rglob("*.py")),
               *(path for path in sorted((ROOT / "desktop_nn").rglob("*.py"))
                 if "gui" not in path.parts
                 and "desktop_nn.translatable import" in path.read_text(encoding="utf-8"))]
I18N = ROOT / "resources" / "i18n"
TRANSLATED = ("zh_CN", "ja_JP")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^}]*)?\}")


def lupdate_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"pyside6-{name} is not installed")
    return found


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory) -> set[tuple[str, str]]:
    """Every translatable string in the window's code, as pyside6-lupdate finds it."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "source.ts"
    subprocess.run([lupdate_tool("lupdate"), *map(str, GUI_SOURCES), "-ts", str(ts_file)],
                   check=True, capture_output=True)
    return set(messages(ts_file))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(source_messages, language):
    committed = messages(I18N / f"desktop_nn_{language}.ts")
    missing = sorted(source_messages - set(committed))
    assert not missing, f"{len(missing)} strings are not in the {language} .ts file: {missing[:5]}"
    unfinished = [key for key, message in committed.items()
                  if message.find("translation").get("type") in ("unfinished", "vanished",
                                                                 "obsolete")
                  or not (message.findtext("translation") or "").strip()]
    assert not unfinished, f"{len(unfinished)} unfinished entries in {language}: {unfinished[:5]}"
    stale = sorted(set(committed) - source_messages)
    assert not stale, f"{len(stale)} entries no longer in the code ({language}): {stale[:5]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_tags_and_mnemonics_survive(language):
    for (context, source), message in messages(I18N / f"desktop_nn_{language}.ts").items():
        text = message.findtext("translation")
        where = f"[{context}] {source!r} -> {text!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), where
        mnemonic = re.search(r"&([A-Za-z0-9])", source.replace("&&", ""))
        if mnemonic:
            assert re.search("&" + re.escape(mnemonic.group(1)), text, re.I), where


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_translations_are_current(tmp_path, language):
    compiled = tmp_path / f"{language}.qm"
    subprocess.run([lupdate_tool("lrelease"), str(I18N / f"desktop_nn_{language}.ts"), "-qm",
                    str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (I18N / f"desktop_nn_{language}.qm").read_bytes(), (
        "resources/i18n/*.qm are out of date: run python scripts/translations.py compile"
    )


def test_no_formatted_text_inside_tr():
    """tr(f"...") or tr("a" + b) would record a text that never matches at run time."""
    offenders = []
    for path in GUI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in ("tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP") and any(
                    isinstance(arg, (ast.JoinedStr, ast.BinOp)) for arg in node.args
                ):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders


def make_window(qtbot, language: str | None = None, locale: str | None = None):
    from desktop_nn.gui import MainWindow

    if locale is not None:
        QLocale.setDefault(QLocale(locale))
    i18n.choose_language(app_settings(), language)
    window = MainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def restore_language():
    yield
    QLocale.setDefault(QLocale("en_US"))
    i18n.install_translators("en")


EXPECTED_TRAINING_TAB = {"en": "&Training", "zh_CN": "训练", "ja_JP": "学習"}


@pytest.mark.parametrize("language", ["en", "zh_CN", "ja_JP"])
def test_the_window_speaks_the_chosen_language(qtbot, restore_language, language):
    window = make_window(qtbot, language=language)
    assert window.language == language
    tab_title = window.tabs.tabText(0)
    assert EXPECTED_TRAINING_TAB[language] in tab_title
    start = window.training_tab.start_button.text()
    if language == "en":
        assert start == "Start"
    else:
        assert not start.isascii()
    window.close()


def test_the_window_follows_the_locale(qtbot, restore_language):
    window = make_window(qtbot, language=None, locale="ja_JP")
    assert window.language == "ja_JP"
    assert EXPECTED_TRAINING_TAB["ja_JP"] in window.tabs.tabText(0)
    window.close()
    window = make_window(qtbot, language=None, locale="de_DE")
    assert window.language == "en"
    window.close()


def test_choosing_a_language_later_applies_at_the_next_start(qtbot, restore_language):
    window = make_window(qtbot, language="en")
    window.language_actions["zh_CN"].trigger()
    assert i18n.chosen_language(window.settings) == "zh_CN"
    question = window.language_question
    assert "简体中文" in question.text()  # asked in the language chosen
    question.findChild(QPushButton, "restartLaterButton").click()
    assert window.tabs.tabText(0) == "&Training"  # this window keeps its language
    window.close()
    again = make_window(qtbot, language=i18n.chosen_language(app_settings()))
    assert EXPECTED_TRAINING_TAB["zh_CN"] in again.tabs.tabText(0)
    again.close()


def render(text: str) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    font = QApplication.font()
    font.setPixelSize(32)
    painter.setFont(font)
    painter.drawText(4, 38, text)
    painter.end()
    return image


@pytest.mark.parametrize(("system", "characters"), [
    (QFontDatabase.WritingSystem.SimplifiedChinese, "学习率"),
    (QFontDatabase.WritingSystem.Japanese, "学習率"),
])
def test_cjk_text_renders_as_glyphs_not_boxes(qapp, system, characters):
    if not QFontDatabase.families(system):
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    images = [render(ch) for ch in characters]
    assert images[0] != images[1] != images[2], "different characters drew the same box"
    blank = render(" ")
    assert all(image != blank for image in images)
