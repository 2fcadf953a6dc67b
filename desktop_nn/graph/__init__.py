"""Computation graphs: the scalar graphs of chapter 5 and the expressions that build them.

NumPy and Python only, never Qt. :mod:`~desktop_nn.graph.ops` defines each operation once (its
forward, backward, rule, formula and parser spelling); :mod:`~desktop_nn.graph.graph` steps
forward and backward through a graph; :mod:`~desktop_nn.graph.expression` parses typed
formulas safely; :mod:`~desktop_nn.graph.presets` holds the book's graphs;
:mod:`~desktop_nn.graph.layout` places the vertices for drawing;
:mod:`~desktop_nn.graph.arrays` runs a graph over NumPy arrays (a whole grid at once) and
:mod:`~desktop_nn.graph.function` makes a typed formula a function for chapter 4's numerics.
"""

from desktop_nn.graph.arrays import backprop_arrays, evaluate_arrays
from desktop_nn.graph.expression import ExpressionError, build_graph, parse_expression
from desktop_nn.graph.function import BOOK_FUNCTION_1, BOOK_FUNCTION_2, ExpressionFunction
from desktop_nn.graph.graph import (
    ComputationGraph,
    Edge,
    GraphEvaluationError,
    GraphState,
    Node,
    Phase,
)
from desktop_nn.graph.numbers import format_value, formula_number
from desktop_nn.graph.ops import OPERATIONS, Operation
from desktop_nn.graph.presets import (
    PRESETS,
    apple_graph,
    apple_orange_graph,
    preset,
    sigmoid_graph,
)

__all__ = [
    "BOOK_FUNCTION_1",
    "BOOK_FUNCTION_2",
    "OPERATIONS",
    "PRESETS",
    "ComputationGraph",
    "Edge",
    "ExpressionError",
    "ExpressionFunction",
    "GraphEvaluationError",
    "GraphState",
    "Node",
    "Operation",
    "Phase",
    "apple_graph",
    "apple_orange_graph",
    "backprop_arrays",
    "build_graph",
    "evaluate_arrays",
    "format_value",
    "formula_number",
    "parse_expression",
    "preset",
    "sigmoid_graph",
]
