"""The Chapter 4 tab: its names, its lesson state, the contract the window's shell relies on."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabBar,
)

from desktop_nn.gui.chapter4.tab import Chapter4Tab
from desktop_nn.gui.common.plot_style import PalettePlot
from desktop_nn.gui.common.tab_contract import LessonStateError, TabContract

#: The names the README promises for automation.
NAMED = {
    "derivativePlot": PalettePlot,
    "derivativeExpressionEdit": QLineEdit,
    "derivativeStepSlider": QSlider,
    "gradientFieldPlot": PalettePlot,
    "descentPlot": PalettePlot,
    "descentLearningRateSpin": QDoubleSpinBox,
    "descentStepsSpin": QSpinBox,
    "descentRunButton": QPushButton,
    "descentPresetCombo": QComboBox,
}

LESSON = {
    "part": "descent",
    "derivative": {"expression": "exp(x)", "x": 1.0, "h": 1e-6, "method": "forward"},
    "field": {"expression": "x0^2 - x1^2", "point": [0.5, -1.0]},
    "descent": {"expression": "x0^2 + x1^2", "init": [-3.0, 4.0], "learning_rate": 10.0,
                "steps": 100, "preset": "book-10"},
}


@pytest.fixture
def tab(qtbot):
    widget = Chapter4Tab()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.shutdown()


def test_the_named_widgets_are_there(tab):
    assert isinstance(tab, TabContract) and tab.tab_key == "chapter4"
    for name, kind in NAMED.items():
        found = tab.findChildren(kind, name)
        assert len(found) == 1, name
    for plot in tab.plots():
        assert plot.accessibleName(), plot.objectName()


def test_the_default_lesson_state_is_the_book(tab):
    state = tab.lesson_state()
    assert state == {
        "part": "derivative",
        "derivative": {"expression": "0.01*x^2 + 0.1*x", "x": 5.0, "h": 1e-4,
                       "method": "central"},
        "field": {"expression": "x0^2 + x1^2", "point": [3.0, 4.0]},
        "descent": {"expression": "x0^2 + x1^2", "init": [-3.0, 4.0], "learning_rate": 0.1,
                    "steps": 100, "preset": "book-0.1"},
    }


def test_a_lesson_state_is_applied_and_read_back(tab):
    tab.apply_lesson_state(LESSON)
    assert tab.lesson_state() == LESSON
    assert tab.parts.currentWidget() is tab.descent
    assert len(tab.descent.path) == 101  # the run is shown to its end
    assert "[-2.58983747e+13 -1.29524862e+12]" in tab.descent.result_label.text()
    assert tab.derivative.step_label.text() == "h = 1e-6"


def test_every_key_is_optional(tab):
    tab.apply_lesson_state({"field": {"point": [0.0, 2.0]}})
    assert tab.field.point() == (0.0, 2.0)
    assert "[0. 4.]" in tab.field.value_label.text()
    tab.apply_lesson_state({})
    tab.apply_lesson_state({"descent": {"preset": None}})


def test_a_preset_with_other_values_keeps_the_values(tab):
    tab.apply_lesson_state({"descent": {"preset": "book-1e-10", "steps": 10}})
    assert tab.descent.learning_rate() == 1e-10 and tab.descent.steps() == 10
    assert tab.lesson_state()["descent"]["preset"] is None


@pytest.mark.parametrize("bad", [
    {"zoom": 2},
    {"part": "graph"},
    {"derivative": {"expression": "x +* 1"}},
    {"derivative": {"expression": "x0 * x1"}},
    {"derivative": {"h": 1e-50}},
    {"derivative": {"h": "1e-4"}},
    {"derivative": {"method": "backward"}},
    {"derivative": {"y": 1}},
    {"field": {"point": [1.0]}},
    {"field": {"point": [1.0, float("nan")]}},
    {"field": {"expression": "x0^2"}},
    {"descent": {"learning_rate": 0}},
    {"descent": {"steps": 2.5}},
    {"descent": {"steps": 100_000}},
    {"descent": {"preset": "book-1"}},
    {"descent": {"init": "(-3, 4)"}},
    {"descent": []},
    [("part", "field")],
])
def test_a_damaged_lesson_is_refused_and_changes_nothing(tab, bad):
    before = copy.deepcopy(tab.lesson_state())
    # A good value before the bad one must not be applied either.
    damaged = {"field": {"point": [1.0, 1.0]}, **bad} if isinstance(bad, dict) else bad
    with pytest.raises(LessonStateError):
        tab.apply_lesson_state(damaged)
    assert tab.lesson_state() == before


def test_the_hideable_controls_are_the_part_selector_and_the_named_inputs(tab):
    controls = tab.hideable_controls()
    assert isinstance(controls["chapter4PartBar"], QTabBar)
    for name in ("derivativeExpressionEdit", "derivativeStepSlider", "derivativePointSpin",
                 "derivativeMethodCombo", "gradientFieldExpressionEdit", "gradientPointX0Spin",
                 "descentLearningRateSpin", "descentStepsSpin", "descentRunButton",
                 "descentPresetCombo", "descentInitX0Spin", "lossWeightSlider"):
        assert controls[name].objectName() == name
    controls["descentRunButton"].hide()
    assert not tab.descent.run_button.isVisibleTo(tab)


def test_the_main_view_is_the_part_shown(tab):
    tab.show_part("field")
    assert tab.main_view() is tab.field.plot
    tab.show_part("descent")
    assert tab.main_view() is tab.descent.plot
    tab.show_part("derivative")
    assert tab.derivative.curve.plot in tab.main_view().findChildren(PalettePlot)
    tab.show_part("loss")
    assert tab.loss.accuracy_plot in tab.main_view().findChildren(PalettePlot)


def test_the_window_zoom_scales_the_plots_fonts_once(window):
    axis = window.chapter4_tab.field.plot.getPlotItem().getAxis("bottom")
    size = axis.style["tickFont"].pointSizeF()
    window.set_zoom_percent(200)
    for _ in range(3):  # the new font reaches the widgets through events
        QApplication.processEvents()
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(2 * size)
    assert axis.label.font().pointSizeF() == pytest.approx(2 * size)
    window.set_zoom_percent(100)
    for _ in range(3):
        QApplication.processEvents()
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(size)


def test_the_window_has_the_tab(window):
    tab = window.chapter4_tab
    assert window.tabs.indexOf(tab) >= 0
    assert "4" in window.tabs.tabText(window.tabs.indexOf(tab))
    for name in NAMED:
        assert window.findChild(object, name) is not None, name
    window.tabs.setCurrentWidget(tab)
    tab.show_part("loss")
    assert tab.loss.isVisible()
