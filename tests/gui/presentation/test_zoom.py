"""View → Zoom: every text of the window scales from 50% to 300%, and the level is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from desktop_nn.gui.common.zoom import (
    MAX_ZOOM,
    MIN_ZOOM,
    ZOOM_STEPS,
    Zoom,
    base_size,
    clamp_percent,
    follow_font,
    step_down,
    step_up,
)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_steps_go_from_50_to_300_and_stop_there():
    assert ZOOM_STEPS[0] == MIN_ZOOM == 50 and ZOOM_STEPS[-1] == MAX_ZOOM == 300
    assert list(ZOOM_STEPS) == sorted(set(ZOOM_STEPS)) and 100 in ZOOM_STEPS
    assert step_up(100) == 110 and step_down(100) == 90
    assert step_up(300) == 300 and step_down(50) == 50
    assert step_up(101) == 110 and step_down(101) == 100  # a level between steps
    assert clamp_percent(10) == 50 and clamp_percent(1000) == 300 and clamp_percent(175) == 175


def test_the_application_font_scales_and_a_relative_font_keeps_its_proportion(qtbot):
    size, in_points = base_size()
    label, big = QLabel("a"), QLabel("b")
    for widget in (label, big):
        qtbot.addWidget(widget)
    follow_font(big, 1.5, bold=True)
    zoom = Zoom()
    for percent in (200, 50, 100):
        zoom.set_percent(percent)
        settle()
        points = label.font().pointSizeF() if in_points else label.font().pixelSize()
        assert points == pytest.approx(size * percent / 100, abs=0.5)
        assert big.font().pointSizeF() == pytest.approx(1.5 * label.font().pointSizeF())
        assert big.font().bold()


def plot_text_sizes(plot) -> list[float]:
    item = plot.getPlotItem()
    sizes = []
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        sizes += [axis.style["tickFont"].pointSizeF(), axis.label.font().pointSizeF()]
    return sizes


def graph_label_pixels(tab) -> float:
    """A graph label's text height on screen: its font's pixels times the view's scale."""
    label = tab.scene.edges[0].value_label
    return label.font().pixelSize() * tab.view.transform().m11()


def text_sizes(window) -> dict[str, float]:
    loss_plot = window.training_tab.loss_plot
    sizes = {f"loss plot {i}": s for i, s in enumerate(plot_text_sizes(loss_plot))}
    legend = window.training_tab.accuracy_plot.getPlotItem().legend
    sizes["legend"] = float(legend.opts["labelTextSize"].removesuffix("pt"))
    sizes["graph label"] = graph_label_pixels(window.graph_tab)
    sizes["graph table"] = window.graph_tab.findChild(QTableWidget).font().pointSizeF()
    sizes["node title"] = window.graph_tab.findChild(QLabel, "nodeTitleLabel").font().pointSizeF()
    sizes["menu"] = window.menuBar().font().pointSizeF()
    sizes["gradient check table"] = window.gradcheck_tab.table.font().pointSizeF()
    sizes["gradient check header"] = (
        window.gradcheck_tab.table.horizontalHeader().font().pointSizeF())
    sizes["accuracy"] = window.evaluate_tab.accuracy_label.font().pointSizeF()
    sizes["confusion matrix"] = window.evaluate_tab.confusion_view.font().pointSizeF()
    sizes["drawn digit's answer"] = window.draw_tab.prediction_view.answer.font().pixelSize()
    inside = plot_text_sizes(window.inside_tab.histogram_plot)
    sizes.update({f"histogram {i}": size for i, size in enumerate(inside)})
    return sizes


def test_every_text_doubles_at_200_percent(window, qtbot):
    # The graph fits at its largest scale, before and after (the side panel beside it widens
    # with its table at 200%).
    window.resize(4400, 2400)
    window.tabs.setCurrentWidget(window.graph_tab)
    settle()
    assert window.graph_tab.view.transform().m11() == pytest.approx(
        window.graph_tab.view.FIT_LIMITS[1])
    at_100 = text_sizes(window)
    assert window.set_zoom_percent(200) == 200
    settle()
    at_200 = text_sizes(window)
    for name, size in at_100.items():
        assert at_200[name] == pytest.approx(2 * size, rel=0.02), name
    window.set_zoom_percent(100)
    settle()
    assert text_sizes(window) == pytest.approx(at_100)


def test_the_level_stays_within_50_and_300(window):
    presentation = window.presentation
    assert window.set_zoom_percent(1000) == 300 and window.zoom_percent() == 300
    assert not presentation.zoom_in_action.isEnabled()
    presentation.zoom_in_action.trigger()  # a disabled action does nothing
    assert window.zoom_percent() == 300
    assert window.set_zoom_percent(-5) == 50
    assert not presentation.zoom_out_action.isEnabled()
    presentation.zoom_in_action.trigger()
    assert window.zoom_percent() == 67
    presentation.zoom_reset_action.trigger()
    assert window.zoom_percent() == 100
    presentation.zoom_out_action.trigger()
    assert window.zoom_percent() == 90


def test_the_actions_have_their_names_and_keys(window):
    names = {"zoomInAction": "Ctrl++", "zoomOutAction": "Ctrl+-", "zoomResetAction": "Ctrl+0",
             "presentationAction": "F11"}
    for name, key in names.items():
        action = window.findChild(type(window.presentation.zoom_in_action), name)
        assert action is not None, name
        assert QKeySequence(key) in action.shortcuts(), name
    view_menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "viewMenu")
    assert view_menu is not None
    assert view_menu.menuAction() in window.menuBar().actions()
    assert {window.findChild(type(window.presentation.zoom_in_action), name)
            for name in names} <= set(view_menu.actions())
    assert view_menu.findChild(type(view_menu), "languageMenu").menuAction() in view_menu.actions()


def test_ctrl_plus_and_ctrl_0_work_from_the_keyboard(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent() == 110
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent() == 100


def test_the_level_is_kept_for_the_next_start(qtbot):
    from desktop_nn.gui import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.set_zoom_percent(175)
    first.close()
    Zoom().set_percent(100)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.zoom_percent() == 175
    size, in_points = base_size()
    font = QApplication.font()
    assert (font.pointSizeF() if in_points else font.pixelSize()) == pytest.approx(
        size * 1.75, abs=0.5)
    second.close()


@pytest.mark.parametrize("saved", ["huge", "1000", "49", ""])
def test_a_bad_saved_level_gives_actual_size(qtbot, saved):
    from desktop_nn.gui import MainWindow
    from desktop_nn.gui.settings import app_settings

    app_settings().setValue("view/zoom", saved)
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.zoom_percent() == 100
    main.close()


def test_presentation_mode_is_full_screen_and_larger_and_esc_leaves_it(window, qtbot):
    window.set_zoom_percent(90)
    action = window.presentation.presentation_action
    action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert action.isChecked() and window.zoom_percent() == 150
    window.set_zoom_percent(200)  # zooming during the presentation is not kept
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not action.isChecked() and window.zoom_percent() == 90
    from desktop_nn.gui.settings import app_settings

    assert int(app_settings().value("view/zoom")) == 90


def test_presentation_goes_one_step_above_a_large_zoom(window, qtbot):
    window.set_zoom_percent(200)
    window.presentation.set_presentation_mode(True)
    assert window.zoom_percent() == 250
    window.presentation.presentation_action.trigger()  # F11 again leaves as well
    assert window.zoom_percent() == 200 and not window.isFullScreen()


def test_the_graph_fits_the_window_within_limits_that_follow_the_zoom(qtbot):
    from desktop_nn.gui.graph.tab import GraphTab

    tab = GraphTab()
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    view = tab.view
    low, high = view.FIT_LIMITS
    fitted = view.zoom
    assert low <= fitted <= high
    tab.set_zoom(2.0)
    assert view.auto_fit and 2 * low <= view.zoom <= 2 * high
    assert view.zoom == pytest.approx(min(max(fitted, 2 * low), 2 * high))
    tab.set_zoom(1.0)
    assert view.zoom == pytest.approx(fitted)
    tab.zoom_in_button.click()  # the user's own zoom: the window's zoom multiplies it
    user = view.zoom
    tab.set_zoom(1.5)
    assert view.zoom == pytest.approx(1.5 * user) and not view.auto_fit
    tab.shutdown()



def test_the_layer_graph_fits_within_limits_that_follow_the_zoom(qtbot):
    """As the computation graph does: at 200% the fit stays within twice the limits."""
    from desktop_nn.gui.layers.tab import LayersTab

    tab = LayersTab()
    qtbot.addWidget(tab)
    tab.resize(700, 450)  # the MNIST network fits below twice the smallest fit
    tab.show()
    qtbot.waitExposed(tab)
    tab.chooser.net_combo.setCurrentIndex(tab.chooser.net_combo.findData("fresh"))
    view = tab.view
    low, high = view.FIT_LIMITS
    fitted = view.zoom
    assert low <= fitted < 2 * low
    tab.set_zoom(2.0)
    assert view.auto_fit and view.zoom == pytest.approx(min(max(fitted, 2 * low), 2 * high))
    tab.set_zoom(1.0)
    assert view.zoom == pytest.approx(fitted)
    view.zoom_by(view.ZOOM_STEP)  # the user's zoom: the scene redraws its texts, then fits
    tab.set_zoom(1.5)
    assert view.auto_fit and view.zoom == pytest.approx(min(max(fitted, 1.5 * low), 1.5 * high))

def shows_every_row(table) -> bool:
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    return table.height() >= table.horizontalHeader().height() + rows


def test_sizes_made_for_the_text_grow_with_it(window, qtbot):
    from desktop_nn.gui.common.widgets import ProbabilityBars, StatusLabel

    window.tabs.setCurrentWidget(window.graph_tab)
    graph_table = window.graph_tab.gradient_table
    check_table = window.gradcheck_tab.table
    label = window.findChild(StatusLabel)
    bars = window.draw_tab.findChild(ProbabilityBars)
    height_at_100 = label.height()
    window.set_zoom_percent(200)
    settle()
    text = label.fontMetrics().height()
    assert label.height() >= label.lines * text > height_at_100
    assert bars.minimumHeight() >= len(bars.labels) * bars.fontMetrics().height()
    qtbot.waitUntil(lambda: shows_every_row(graph_table) and shows_every_row(check_table))
    for table in (graph_table, check_table):
        assert table.rowHeight(0) >= table.fontMetrics().height()
