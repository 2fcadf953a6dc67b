"""The Gradient check tab's progress and timing, before, during and after a check."""

from __future__ import annotations

import pytest

from desktop_nn.gui.gradcheck_tab import GradientCheckTab
from desktop_nn.gui.state import AppState


@pytest.fixture
def tab(qtbot, mnist):
    state = AppState()
    state.data, state.dataset_name = mnist, "mnist"
    widget = GradientCheckTab(state)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_before_any_check_the_bar_counts_the_parameters_to_come(tab):
    assert tab.progress_bar.text() == "0 / 39,760 parameters"  # hidden 50: the book's net
    tab.hidden_spin.setValue(5)
    assert tab.progress_bar.text() == "0 / 3,985 parameters"
    assert tab.progress_bar.maximum() == 3985 and tab.progress_bar.value() == 0
