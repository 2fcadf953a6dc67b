"""The architecture, enforced: size limits and the direction of imports, read with ``ast``.

- No module in ``desktop_nn/`` is longer than :data:`MAX_MODULE_LINES`, no function (or
  method) longer than :data:`MAX_FUNCTION_LINES`, counted from its ``def`` line to its last
  line.
- ``core/``, ``graph/`` and ``data/`` (and the few top-level helpers they use) import no Qt and
  nothing from ``gui/`` or ``cli/``: the command line, the tests and the window drive the same
  Qt-free code. Among themselves they import one way (:data:`PURE_USES`): ``core/`` is NumPy
  and the helpers only, never ``data/``; arrays are passed in.
- A feature package of the window (every package in ``gui/`` but ``common/``) imports no other
  feature package: what several features share lives in ``gui/common/``.

Every import counts, also one inside a function and a relative one. The checks are small
functions tested on made-up sources first, so that a check that cannot fail would be seen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_nn"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
#: Modules allowed over the limit for now, with their length when the limit came: a listed
#: module may shrink but not grow. Empty: every module keeps the limit.
LONG_MODULES: dict[str, int] = {}
#: Functions ("module.py:qualified.name") allowed over the limit for now, likewise.
LONG_FUNCTIONS: dict[str, int] = {}
#: The layers that never see Qt, and the top-level modules they may use.
PURE_PACKAGES = ("core", "graph", "data", "lessons")
PURE_HELPERS = ("fileio", "job_control", "lazy_names", "npy_reader", "resources", "translatable")
#: The pure packages each pure package may import (besides the helpers).
PURE_USES = {
    "core": ("core",),
    "graph": ("core", "graph", "data"),
    "data": ("core", "data"),
    "lessons": ("lessons",),
}
QT_ROOTS = frozenset({"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy", "superqt"})
SHARED_IN_GUI = frozenset({"common"})


# -- reading the sources -----------------------------------------------------------------------
def module_name(path: Path) -> str:
    """``desktop_nn/gui/training/tab.py`` -> ``desktop_nn.gui.training.tab``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module ``source`` (the text of ``module``) imports, relative imports resolved.

    ``from a.b import c`` counts as ``a.b`` and as ``a.b.c`` (``c`` may be a module).
    """
    names: set[str] = set()
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def long_functions(source: str, limit: int) -> dict[str, int]:
    """``{qualified name: lines}`` of the functions in ``source`` longer than ``limit``."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    length = child.end_lineno - child.lineno + 1
                    if length > limit:
                        found[name] = length
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def layer_violations(module: str, imports: set[str]) -> list[str]:
    """What a pure module (core/, graph/, data/ or a helper of theirs) must not import."""
    own = module.split(".")[1] if module.count(".") >= 1 else ""
    bad = []
    for name in sorted(imports):
        root = name.split(".")[0]
        parts = name.split(".")
        if root in QT_ROOTS:
            bad.append(f"{module} imports Qt ({name})")
        elif root == "desktop_nn" and len(parts) > 1 and parts[1] not in (
                *PURE_USES.get(own, PURE_PACKAGES), *PURE_HELPERS, "__version__"):
            bad.append(f"{module} imports {name}")
    return bad


def feature_of(module: str, features: set[str]) -> str | None:
    """The feature package ``module`` belongs to (None for the shell and common/)."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["desktop_nn", "gui"] and parts[2] in features:
        return parts[2]
    return None


def cross_feature_imports(module: str, imports: set[str], features: set[str]) -> list[str]:
    """Imports of another feature package by a module of a feature package."""
    own = feature_of(module, features)
    if own is None:
        return []
    bad = []
    for name in sorted(imports):
        parts = name.split(".")
        if (len(parts) >= 3 and parts[:2] == ["desktop_nn", "gui"] and parts[2] in features
                and parts[2] != own):
            bad.append(f"{module} imports {name}")
    return bad


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def feature_packages() -> set[str]:
    """Every folder of Python modules in ``gui/`` (a package or not) but the shared ones."""
    gui = PACKAGE / "gui"
    return {path.parent.name for path in gui.glob("*/*.py")} - SHARED_IN_GUI


# -- the checks on made-up sources ---------------------------------------------------------------
def test_imports_are_found_everywhere_and_relative_ones_resolved():
    source = (
        "import numpy as np\n"
        "from PySide6.QtCore import Qt\n"
        "def late():\n"
        "    import pyqtgraph\n"
        "from ..common import palette\n"
        "from . import texts\n"
        "from .tab import Tab\n"
    )
    names = imported_modules(source, "desktop_nn.gui.training.panel")
    assert {"numpy", "PySide6.QtCore", "pyqtgraph", "desktop_nn.gui.common.palette",
            "desktop_nn.gui.training.texts", "desktop_nn.gui.training.tab"} <= names
    assert "desktop_nn.gui.graph.items" in imported_modules(
        "from ..graph import items\n", "desktop_nn.gui.training", is_package=True)


def test_the_function_check_measures_from_def_to_last_line():
    body = "".join(f"    x = {k}\n" for k in range(60))
    source = f"class A:\n    def short(self):\n        pass\n\ndef long():\n{body}"
    assert long_functions(source, 60) == {"long": 61}
    assert long_functions(source, 61) == {}
    nested = "class A:\n    def method(self):\n" + "".join(f"        y = {k}\n" for k in range(3))
    assert long_functions(nested, 3) == {"A.method": 4}


def test_the_layer_check_refuses_qt_the_window_and_the_command_line():
    imports = {"numpy", "PySide6.QtGui", "desktop_nn.gui.common", "desktop_nn.cli.train",
               "desktop_nn.image_files", "desktop_nn.core.network", "desktop_nn.fileio",
               "desktop_nn.__version__", "desktop_nn"}
    assert layer_violations("desktop_nn.core.x", imports) == [
        "desktop_nn.core.x imports Qt (PySide6.QtGui)",
        "desktop_nn.core.x imports desktop_nn.cli.train",
        "desktop_nn.core.x imports desktop_nn.gui.common",
        "desktop_nn.core.x imports desktop_nn.image_files",
    ]


def test_the_core_may_not_import_the_data_package():
    imports = {"numpy", "desktop_nn.data.datasets", "desktop_nn.core.network",
               "desktop_nn.translatable"}
    assert layer_violations("desktop_nn.core.evaluation", imports) == [
        "desktop_nn.core.evaluation imports desktop_nn.data.datasets"]
    assert layer_violations("desktop_nn.graph.layer_nets", imports) == []
    assert layer_violations("desktop_nn.lessons.format", {"desktop_nn.core.network"}) == [
        "desktop_nn.lessons.format imports desktop_nn.core.network"]


def test_the_feature_check_allows_common_and_the_shell_only():
    features = {"training", "graph", "evaluate"}
    imports = {"desktop_nn.gui.common.palette", "desktop_nn.gui.workers",
               "desktop_nn.graph.ops", "desktop_nn.gui.graph.items",
               "desktop_nn.gui.training.curves"}
    assert cross_feature_imports("desktop_nn.gui.training.tab", imports, features) == [
        "desktop_nn.gui.training.tab imports desktop_nn.gui.graph.items"]
    assert cross_feature_imports("desktop_nn.gui.main_window", imports, features) == []
    assert cross_feature_imports("desktop_nn.gui.common.state", imports, features) == []
    assert cross_feature_imports("desktop_nn.gui.evaluate", imports, features) == [
        "desktop_nn.gui.evaluate imports desktop_nn.gui.graph.items",
        "desktop_nn.gui.evaluate imports desktop_nn.gui.training.curves"]


# -- the checks on desktop_nn ------------------------------------------------------------------
def test_there_are_sources_and_features_to_check():
    assert len(sources()) > 50
    assert {"training", "graph", "gradcheck", "evaluate", "inside", "draw"} <= feature_packages()


def test_no_module_is_longer_than_the_limit():
    too_long = {}
    for path in sources():
        name = path.relative_to(PACKAGE).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LONG_MODULES.get(name, MAX_MODULE_LINES):
            too_long[name] = lines
    assert too_long == {}, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def test_no_function_is_longer_than_the_limit():
    too_long = {}
    for path in sources():
        name = path.relative_to(PACKAGE).as_posix()
        for function, lines in long_functions(path.read_text(encoding="utf-8"),
                                              MAX_FUNCTION_LINES).items():
            key = f"{name}:{function}"
            if lines > LONG_FUNCTIONS.get(key, MAX_FUNCTION_LINES):
                too_long[key] = lines
    assert too_long == {}, f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"


@pytest.mark.parametrize("layer", [*PURE_PACKAGES, *PURE_HELPERS])
def test_the_pure_layers_import_no_qt_and_nothing_of_the_window_or_the_cli(layer):
    bad = []
    checked = 0
    for path in sources():
        module = module_name(path)
        if module.split(".")[1:2] == [layer]:
            checked += 1
            imports = imported_modules(path.read_text(encoding="utf-8"), module,
                                       path.name == "__init__.py")
            bad += layer_violations(module, imports)
    assert checked and bad == []


def test_feature_packages_do_not_import_each_other():
    features = feature_packages()
    bad = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        module = module_name(path)
        imports = imported_modules(path.read_text(encoding="utf-8"), module,
                                   path.name == "__init__.py")
        bad += cross_feature_imports(module, imports, features)
    assert bad == []
