"""The Training tab honours the tab contract: main view, lesson state, hideable controls, zoom."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QTableView

from desktop_nn.gui.common.tab_contract import LessonStateError


def test_the_lesson_state_is_json_and_puts_the_settings_back(window):
    tab = window.training_tab
    state = json.loads(json.dumps(tab.lesson_state()))
    assert state["config"]["learning_rate"] == 0.1 and state["smoothing"] == 50
    tab.panel.learning_rate_spin.setValue(0.3)
    tab.plot_options.smoothing_slider.setValue(7)
    tab.apply_lesson_state(state)
    assert tab.config().learning_rate == 0.1
    assert tab.plot_settings() == (50, False)


@pytest.mark.parametrize("state, message", [
    ({"config": {"learning_rate": -1.0}, "smoothing": 7}, "learning_rate"),
    ({"config": {"hidden": 3}, "smoothing": 7}, "unknown training settings"),
    ({"config": "fast", "smoothing": 7}, "config"),
    ({"smoothing": 0, "log_scale": True}, "smoothing"),
    ({"smoothing": 7, "log_scale": "yes"}, "log_scale"),
    ({"speed": 3}, "unknown setting"),
])
def test_a_damaged_lesson_state_changes_nothing(window, state, message):
    tab = window.training_tab
    before = tab.lesson_state()
    with pytest.raises(LessonStateError, match=message):
        tab.apply_lesson_state(state)
    assert tab.lesson_state() == before


def test_the_main_view_holds_the_curves_and_the_runs_table(window):
    tab = window.training_tab
    view = tab.main_view()
    assert view.isAncestorOf(tab.loss_plot) and view.isAncestorOf(tab.accuracy_plot)
    assert view.isAncestorOf(view.findChild(QTableView, "runsTable"))
    hideable = tab.hideable_controls()
    for name in ("runsTable", "repeatSeedsButton", "clearRunsButton", "learningRateSpin"):
        assert hideable[name].objectName() == name
