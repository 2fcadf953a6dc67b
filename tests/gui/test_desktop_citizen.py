"""A proper desktop citizen: keyboard access, accessible names, icon, desktop file, high DPI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSlider,
)

from desktop_nn import __version__
from desktop_nn.cli import main as cli_main
from desktop_nn.gui import i18n
from desktop_nn.gui.common.shortcuts import command_keys_of
from desktop_nn.gui.settings import app_settings
from desktop_nn.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_every_menu_action_has_a_shortcut_or_mnemonic(window):
    actions = []
    for top in window.menuBar().actions():
        assert "&" in top.text(), f"menu {top.text()!r} has no mnemonic"
        actions += [a for a in top.menu().actions() if not a.isSeparator()]
    assert len(actions) >= 8
    for action in actions:
        assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_every_button_has_a_shortcut_or_mnemonic(window):
    missing = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        if "&" not in button.text() and not command_keys_of(button):
            missing.append(f"{button.objectName() or button.text()!r}")
    assert not missing, f"buttons without a mnemonic or shortcut: {missing}"


def test_controls_are_named_for_assistive_tools(window):
    """Each control has an accessible name, a text of its own, or a label pointing at it."""
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = []
    for kind in (QAbstractSpinBox, QComboBox, QSlider, QLineEdit, QAbstractButton):
        for widget in window.findChildren(kind):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text or widget in buddies):
                unnamed.append(widget.objectName() or type(widget).__name__)
    assert not unnamed, f"controls without a name: {unnamed}"
    for name in ("lossPlot", "accuracyPlot", "graphView", "drawCanvas", "weightTilesView",
                 "confusionMatrixView"):
        widget = window.findChild(object, name)
        assert widget is not None and widget.accessibleName(), f"{name} has no accessible name"


def test_the_training_panel_is_tabbed_through_top_to_bottom(window):
    panel = window.training_tab.panel
    start = panel.preset_combo
    order, widget = [], start
    while True:
        if panel.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    assert len(order) >= 14
    ys = [w.mapTo(panel, w.rect().topLeft()).y() for w in order]
    assert ys == sorted(ys), "the tab order jumps around the panel"


def test_icon_and_desktop_file(qapp, window):
    assert not window.windowIcon().isNull()
    pixmap = window.windowIcon().pixmap(256, 256)
    assert pixmap.width() == 256  # an SVG scales without blurring
    desktop = resource_path("desktop-nn.desktop")
    text = desktop.read_text(encoding="utf-8")
    assert "Exec=desktop-nn" in text and "Icon=desktop-nn" in text
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_version_and_about(capsys, window):
    with pytest.raises(SystemExit) as exited:
        cli_main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"desktop-nn {__version__}"
    about = window.about_text()
    for name in ("Python", "Qt", "PySide6", "NumPy", "pyqtgraph"):
        assert name in about


def test_window_is_crisp_at_twice_the_pixel_density(tmp_path):
    """Under a 2x scale factor, the window renders with twice the pixels, not an upscaled blur."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop_nn.gui import MainWindow\n"
        "w = MainWindow(); w.resize(1100, 700); w.show(); app.processEvents()\n"
        "shot = w.grab()\n"
        "print(shot.devicePixelRatio(), shot.width(), shot.height(), w.width(), w.height())\n"
        "w.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2",
           "DESKTOP_NN_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ratio, width, height, logical_width, logical_height = result.stdout.split()
    assert float(ratio) == 2.0
    assert int(logical_width) >= 1100
    assert (int(width), int(height)) == (2 * int(logical_width), 2 * int(logical_height))


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def window_in(qtbot, language: str):
    """A window made in ``language`` (its translators installed before its widgets)."""
    from desktop_nn.gui import MainWindow

    i18n.choose_language(app_settings(), language)
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.language == language
    return main


@pytest.fixture
def back_to_english():
    yield
    i18n.install_translators("en")


def test_the_menus_are_file_edit_view_help(window):
    names = [action.menu().objectName() for action in window.menuBar().actions()]
    assert names == ["fileMenu", "editMenu", "viewMenu", "helpMenu"]
    assert [action.text() for action in window.menuBar().actions()] == [
        "&File", "&Edit", "&View", "&Help"]


@pytest.mark.parametrize("language", ["en", "zh_CN", "ja_JP"])
def test_mnemonics_do_not_clash(qtbot, back_to_english, language):
    """Alt+letter reaches one control: unique within a tab, and apart from tabs and menus.

    In every language: a translation keeps its own letter, "训练(&T)", and the same keys.
    """
    window = window_in(qtbot, language)
    global_letters = {mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())}
    menu_letters = [mnemonic(action.text()) for action in window.menuBar().actions()]
    assert None not in menu_letters and len(set(menu_letters)) == len(menu_letters)
    assert not global_letters & set(menu_letters), "a tab and a menu share a letter"
    global_letters |= set(menu_letters)
    global_letters.discard(None)
    checked = 0
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        seen: dict[str, str] = {}
        for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
            letter = mnemonic(widget.text()) if hasattr(widget, "text") else None
            if letter is None or (isinstance(widget, QLabel) and widget.buddy() is None):
                continue
            where = f"{window.tabs.tabText(index)}: {widget.text()!r}"
            assert letter not in global_letters, f"{where} clashes with a tab or menu"
            assert letter not in seen, f"{where} clashes with {seen[letter]!r}"
            seen[letter] = widget.text()
            checked += 1
    assert checked >= 60
    window.close()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.AlternateBase, "#2a2b2e"), (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"), (QPalette.ColorRole.Button, "#2a2b2e"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_window_follows_a_dark_palette_and_back(window, qapp):
    light = qapp.palette()
    plots = [window.findChild(pg.PlotWidget, name) for name in ("lossPlot", "accuracyPlot")]
    plots += [window.inside_tab.histogram_plot, window.inside_tab.activity_plot]

    def lightness(plot) -> int:
        return plot.backgroundBrush().color().lightness()

    def axis_text(plot) -> int:
        return plot.getPlotItem().getAxis("left").textPen().color().lightness()

    legends = [plot.getPlotItem().legend for plot in plots[:2]]

    def veils() -> list[QColor]:  # what lies under each legend's text
        return [legend.opts["brush"].color() for legend in legends]

    assert all(lightness(p) > 128 and axis_text(p) < 128 for p in plots)
    assert all(veil.lightness() > 128 and veil.alpha() > 128 for veil in veils())
    try:
        qapp.setPalette(dark_palette())
        qapp.processEvents()
        assert all(lightness(p) < 128 for p in plots), "plots kept a light background"
        assert all(axis_text(p) > 128 for p in plots), "axis text is dark on dark"
        assert all(veil.lightness() < 128 for veil in veils()), "a light veil on a dark plot"
        scene_background = window.graph_tab.findChild(object, "graphView").backgroundBrush()
        assert scene_background.color().lightness() < 128
    finally:
        qapp.setPalette(light)
        qapp.processEvents()
    assert all(lightness(p) > 128 for p in plots)


def test_curves_differ_by_line_style_as_well_as_colour(window):
    plot = window.training_tab.accuracy_plot
    train_style = plot.train_curve.opts["pen"].style()
    test_style = plot.test_curve.opts["pen"].style()
    assert train_style != test_style
    assert plot.train_curve.opts["symbol"] != plot.test_curve.opts["symbol"]


def shown_title(title: str) -> str:
    """The title a window manager shows: Qt adds " — <display name>" (QPlatformWindow)."""
    name = QGuiApplication.applicationDisplayName()
    return f"{title} \N{EM DASH} {name}" if name and title != name else title


def test_the_window_title_names_the_application_once(window):
    assert QGuiApplication.applicationDisplayName() == "desktop_nn"
    shown = shown_title(window.windowTitle())
    assert shown.count("desktop_nn") == 1, shown
    assert "Deep Learning from Scratch" in shown
