"""Every tab legible at 200% zoom in a 1024x768 window (a classroom projector).

For each tab: every visible label, button, number box and choice shows its whole text (its
size hint fits its geometry, or it sits in a scroll area), no ancestor cuts it off, and no two
visible sibling widgets overlap. One window serves every tab.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.layout_checks import clipped_texts, cut_sideways, overlapping_siblings

SCREEN = (1024, 768)
TABS = ("trainingTab", "graphTab", "layersTab", "gradcheckTab", "evaluateTab", "insideTab",
        "drawTab", "chapter4Tab")
CHAPTER4_PARTS = ("derivative", "field", "descent", "loss")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture(scope="module")
def zoomed_window(qapp, tmp_path_factory):
    """One window at 200% in a 1024x768 frame, with its data loaded and no trained network."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("zoom-settings")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    from desktop_nn.gui import MainWindow

    window = MainWindow()
    window.resize(*SCREEN)
    window.show()
    while window.state.data is None:
        qapp.processEvents()
    yield window
    window.set_zoom_percent(100)
    window.close()
    window.deleteLater()
    settle()


def show_tab(window, name: str):
    window.set_zoom_percent(200)  # each test of this folder ends at actual size
    tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if window.tabs.widget(i).objectName() == name)
    window.tabs.setCurrentWidget(tab)
    settle()
    return tab


@pytest.mark.parametrize("name", TABS)
def test_no_text_is_cut_and_nothing_overlaps_at_200_percent(zoomed_window, name):
    tab = show_tab(zoomed_window, name)
    parts = CHAPTER4_PARTS if name == "chapter4Tab" else (None,)
    for part in parts:
        if part is not None:
            tab.show_part(part)
            settle()
        assert clipped_texts(tab) == [], part
        assert cut_sideways(tab) == [], part
        assert overlapping_siblings(tab) == [], part


def test_the_gradient_checks_column_is_as_wide_as_its_settings_need(zoomed_window):
    tab = show_tab(zoomed_window, "gradcheckTab")
    settings_box = tab.samples_spin.parentWidget()
    bar = tab.settings_panel.verticalScrollBar().sizeHint().width()
    margins = 2 * settings_box.parentWidget().layout().contentsMargins().left()
    # The maps' title wraps inside the column instead of widening it.
    assert tab.settings_panel.width() <= settings_box.minimumSizeHint().width() + margins + bar


def test_the_evaluate_tab_fits_the_width_once_it_has_evaluated(zoomed_window, qtbot):
    tab = show_tab(zoomed_window, "evaluateTab")
    zoomed_window.training_tab.reset_weights()  # a network to evaluate
    with qtbot.waitSignal(tab.evaluated, timeout=10_000):
        tab.evaluate()
    settle()
    assert tab.minimumSizeHint().width() <= SCREEN[0]  # the accuracy's line wraps
    gallery = tab.gallery
    metrics = gallery.fontMetrics()
    item = gallery.item(0)
    widest_line = max(metrics.horizontalAdvance(line) for line in item.text().split("\n"))
    assert gallery.gridSize().width() > widest_line  # captions at the zoom's size
    assert clipped_texts(tab) == []
