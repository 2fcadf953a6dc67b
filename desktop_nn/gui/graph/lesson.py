"""What a lesson keeps of the Computation graph tab: the graph, its input values, the step.

The state: ``{"preset": "apple" | "apple_orange" | "sigmoid" | "expression", "expression":
str, "inputs": {name: number}, "position": int}``. ``expression`` is the formula drawn when the
preset is "expression" (required then, refused otherwise); ``inputs`` sets some of the graph's
input values (names it does not have are refused); ``position`` is how far the stepper has gone
(0: only the inputs known, up to the graph's number of steps: both passes done). The whole new
graph is built and stepped before the tab shows it, so a refused state changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_nn.graph import (
    ComputationGraph,
    ExpressionError,
    GraphEvaluationError,
    build_graph,
    preset,
)
from desktop_nn.graph.presets import PRESET_FORMULAS
from desktop_nn.gui.common.tab_contract import (
    LessonState,
    TabContract,
    check_keys,
    read_choice,
    read_number,
    read_text,
    refusal,
)
from desktop_nn.translatable import QT_TRANSLATE_NOOP

PRESET_KEYS = ("apple", "apple_orange", "sigmoid", "expression")
#: Input values a lesson may give (the graphs' values stay readable well inside this).
INPUT_LIMIT = 1e12
#: The longest expression a lesson may hold.
EXPRESSION_LENGTH = 500
HIDEABLE = ("graphPresetCombo", "graphExpressionEdit", "forwardStepButton",
            "backwardStepButton", "stepBackButton", "runAllButton", "graphResetButton",
            "animateButton", "animationSpeedSlider")


def graph_from_lesson(state: Mapping[str, Any], current: str) -> tuple[str, ComputationGraph]:
    """The preset key and the graph ``state`` describes, with its inputs set and stepped.

    ``current`` is the preset key shown now (kept when ``state`` names none).

    Raises
    ------
    LessonStateError
        Anything refused: the preset, the expression, an input, the position.
    """
    check_keys(state, allowed=("preset", "expression", "inputs", "position"))
    key = read_choice(state, "preset", PRESET_KEYS) if "preset" in state else current
    if key == "expression":
        graph = _expression_graph(state)
    elif "expression" in state:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "expression is only used with the preset \"expression\""))
    else:
        graph = preset(key)
    _set_inputs(graph, state.get("inputs", {}))
    if "position" in state:
        position = read_number(state, "position", 0, graph.step_count, integer=True)
        try:
            graph.seek(position)
        except GraphEvaluationError as exc:
            raise refusal(QT_TRANSLATE_NOOP(
                "LessonState", "the graph cannot be stepped that far: {reason}"),
                reason=exc) from None
    return key, graph


def _expression_graph(state: Mapping[str, Any]) -> ComputationGraph:
    if "expression" not in state:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "the preset \"expression\" needs an expression"))
    text = read_text(state, "expression", EXPRESSION_LENGTH)
    try:
        return build_graph(text)
    except ExpressionError as exc:
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "the expression is refused: {reason}"),
                      reason=exc) from None


def _set_inputs(graph: ComputationGraph, inputs: object) -> None:
    check_keys(inputs, allowed=graph.input_names)
    for name in inputs:
        value = read_number(inputs, name, -INPUT_LIMIT, INPUT_LIMIT)
        try:
            graph.set_input(name, value)
        except (GraphEvaluationError, ValueError) as exc:
            raise refusal(QT_TRANSLATE_NOOP(
                "LessonState", "{name} = {value:g} is refused: {reason}"),
                name=name, value=value, reason=exc) from None


class GraphLesson(TabContract):
    """The tab contract's lesson part for the Computation graph tab (mixed into
    :class:`GraphTab`, whose chooser, graph and ``set_graph`` it uses)."""

    tab_key = "graph"

    def lesson_state(self) -> LessonState:
        graph = self.graph
        state: LessonState = {"preset": self.preset_key}
        if graph is None:
            return state
        if self.preset_key == "expression":
            state["expression"] = graph.name
        state["inputs"] = graph.inputs
        state["position"] = graph.position
        return state

    def apply_lesson_state(self, state: Mapping[str, Any]) -> None:
        key, graph = graph_from_lesson(state, self.preset_key)
        self.preset_key = key
        self.chooser.select(key)
        self.chooser.show_expression(graph.name if key == "expression" else PRESET_FORMULAS[key])
        self.chooser.show_error("")
        self.set_graph(graph)

    def hideable_controls(self) -> dict[str, QWidget]:
        found = {name: self.findChild(QWidget, name) for name in HIDEABLE}
        return {name: widget for name, widget in found.items() if widget is not None}
