"""The window on a 1024x768 screen (a classroom projector), in every language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from desktop_nn.gui import i18n
from desktop_nn.gui.settings import app_settings

SCREEN = (1024, 768)
#: Room a window manager takes for the title bar.
TITLE_BAR = 30


@pytest.fixture(params=["en", "zh_CN", "ja_JP"])
def small_window(request, qtbot):
    from desktop_nn.gui import MainWindow

    i18n.choose_language(app_settings(), request.param)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitUntil(lambda: window.state.data is not None, timeout=30_000)
    yield window
    window.close()
    QLocale.setDefault(QLocale("en_US"))
    i18n.install_translators("en")


def test_the_window_fits_the_screen(small_window):
    hint = small_window.minimumSizeHint()
    assert hint.width() <= SCREEN[0]
    assert hint.height() <= SCREEN[1] - TITLE_BAR
    assert small_window.width() == SCREEN[0]


def test_the_per_class_headers_are_not_cut(small_window, qtbot):
    small_window.training_tab.reset_weights()  # a network to evaluate
    tab = small_window.evaluate_tab
    small_window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.evaluated, timeout=10_000):
        tab.evaluate()
    header = tab.metrics_table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(header.count()):
        text = tab.metrics_table.horizontalHeaderItem(column).text()
        # The header's own measure of what the text, its margins and the sort arrow need.
        assert header.sectionSize(column) >= header.sectionSizeHint(column), text
        assert header.sectionSize(column) > metrics.horizontalAdvance(text), text


def test_no_header_of_a_table_is_cut(small_window, qtbot):
    """Every table's header texts fit their sections (a table may scroll sideways instead)."""
    from PySide6.QtWidgets import QTableWidget

    small_window.training_tab.reset_weights()
    for tab_index in range(small_window.tabs.count()):
        small_window.tabs.setCurrentIndex(tab_index)
        tab = small_window.tabs.currentWidget()
        for table in tab.findChildren(QTableWidget):
            if not table.isVisible():
                continue
            header = table.horizontalHeader()
            for column in range(header.count()):
                item = table.horizontalHeaderItem(column)
                text = item.text() if item is not None else ""
                needed = header.fontMetrics().horizontalAdvance(text)
                assert header.sectionSize(column) > needed, (table.objectName(), text)


def test_the_runs_table_spans_the_plots_and_the_sample_under_them(small_window):
    tab = small_window.training_tab
    small_window.tabs.setCurrentWidget(tab)
    table = tab.runs_panel.table
    plots = (tab.loss_plot, tab.accuracy_plot)
    left = min(plot.mapTo(tab, plot.rect().topLeft()).x() for plot in plots)
    right = tab.preview.mapTo(tab, tab.preview.rect().topRight()).x()
    table_box = table.geometry().translated(table.parentWidget().mapTo(tab, table.pos())
                                            - table.pos())
    assert table_box.left() <= left + 2 and table_box.right() >= right - 2
    assert table_box.top() > max(plot.mapTo(tab, plot.rect().bottomLeft()).y()
                                 for plot in plots)
    # The plots keep most of the height.
    assert sum(plot.height() for plot in plots) >= 2 * tab.runs_panel.height()
