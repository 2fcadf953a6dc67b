"""Computation graphs: the scalar graphs of chapter 5, the expressions that build them, and
the network drawn as its layers.

NumPy and Python only, never Qt. :mod:`~desktop_nn.graph.ops` defines each operation once (its
forward, backward, rule, formula and parser spelling); :mod:`~desktop_nn.graph.graph` steps
forward and backward through a graph; :mod:`~desktop_nn.graph.expression` parses typed
formulas safely; :mod:`~desktop_nn.graph.presets` holds the book's graphs;
:mod:`~desktop_nn.graph.layout` places the vertices for drawing;
:mod:`~desktop_nn.graph.arrays` runs a graph over NumPy arrays (a whole grid at once) and
:mod:`~desktop_nn.graph.function` makes a typed formula a function for chapter 4's numerics.

Layer graphs: :mod:`~desktop_nn.graph.layer_kinds` defines each kind of layer once;
:mod:`~desktop_nn.graph.layer_graph` steps through a chain of the book's layers
(:mod:`~desktop_nn.graph.layer_arrays`: its layers' and arrays' descriptions);
:mod:`~desktop_nn.graph.layer_nets` builds ``TwoLayerNet`` and ``simpleNet`` as layer graphs;
:mod:`~desktop_nn.graph.layer_forward` and :mod:`~desktop_nn.graph.layer_explain` explain an
element of the forward and backward pass with the batch's numbers
(:mod:`~desktop_nn.graph.terms`: sums written out term by term).
"""

from desktop_nn.graph.arrays import backprop_arrays, evaluate_arrays
from desktop_nn.graph.expression import ExpressionError, build_graph, parse_expression
from desktop_nn.graph.function import BOOK_FUNCTION_1, BOOK_FUNCTION_2, ExpressionFunction
from desktop_nn.graph.graph import (
    INPUT_RANGE,
    ComputationGraph,
    Edge,
    GraphEvaluationError,
    GraphState,
    Node,
    Phase,
)
from desktop_nn.graph.layer_arrays import ArraySpec, LayerSpec
from desktop_nn.graph.layer_explain import explain_backward
from desktop_nn.graph.layer_forward import explain_forward
from desktop_nn.graph.layer_graph import LayerGraph
from desktop_nn.graph.layer_kinds import LAYER_KINDS
from desktop_nn.graph.layer_nets import network_graph, simple_graph, training_batch
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
    "INPUT_RANGE",
    "LAYER_KINDS",
    "OPERATIONS",
    "PRESETS",
    "ArraySpec",
    "ComputationGraph",
    "Edge",
    "ExpressionError",
    "ExpressionFunction",
    "GraphEvaluationError",
    "GraphState",
    "LayerGraph",
    "LayerSpec",
    "Node",
    "Operation",
    "Phase",
    "apple_graph",
    "apple_orange_graph",
    "backprop_arrays",
    "build_graph",
    "evaluate_arrays",
    "explain_backward",
    "explain_forward",
    "format_value",
    "formula_number",
    "network_graph",
    "parse_expression",
    "preset",
    "sigmoid_graph",
    "simple_graph",
    "training_batch",
]
