"""The tab contract's defaults and its readers of lesson values."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QWidget

from desktop_nn.gui.common.tab_contract import (
    LessonStateError,
    TabContract,
    check_keys,
    read_choice,
    read_flag,
    read_number,
    read_text,
)


class PlainTab(QWidget, TabContract):
    tab_key = "plain"


def test_a_tab_without_settings_keeps_none_and_refuses_unknown_ones(qtbot):
    tab = PlainTab()
    qtbot.addWidget(tab)
    assert tab.lesson_state() == {}
    assert tab.hideable_controls() == {}
    tab.apply_lesson_state({})
    with pytest.raises(LessonStateError, match="unknown setting"):
        tab.apply_lesson_state({"lr": 0.1})
    with pytest.raises(NotImplementedError):
        tab.main_view()


def test_check_keys_refuses_what_is_not_a_mapping():
    with pytest.raises(LessonStateError):
        check_keys(["lr"], allowed=("lr",))  # type: ignore[arg-type]
    check_keys({"lr": 1}, allowed=("lr",))


@pytest.mark.parametrize("value", [None, "0.1", True, math.nan, math.inf, -1.0, 11.0])
def test_read_number_refuses_what_is_not_a_number_in_range(value):
    with pytest.raises(LessonStateError, match="lr"):
        read_number({"lr": value}, "lr", 0.0, 10.0)


def test_read_number_returns_numbers_in_range():
    assert read_number({"n": 3.0}, "n", 1, 100, integer=True) == 3
    assert isinstance(read_number({"n": 3.0}, "n", 1, 100, integer=True), int)
    assert read_number({"lr": 0.1}, "lr", 0.0, 10.0) == 0.1
    with pytest.raises(LessonStateError, match="whole"):
        read_number({"n": 2.5}, "n", 1, 100, integer=True)


def test_read_choice_text_and_flag():
    assert read_choice({"net": "simple"}, "net", ("simple", "mnist")) == "simple"
    with pytest.raises(LessonStateError):
        read_choice({"net": "other"}, "net", ("simple", "mnist"))
    assert read_text({"expr": "x^2"}, "expr") == "x^2"
    with pytest.raises(LessonStateError):
        read_text({"expr": "x" * 11}, "expr", max_length=10)
    with pytest.raises(LessonStateError):
        read_text({"expr": 3}, "expr")
    assert read_flag({"on": False}, "on") is False
    with pytest.raises(LessonStateError):
        read_flag({"on": 1}, "on")
