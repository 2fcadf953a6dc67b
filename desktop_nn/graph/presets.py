"""The book's computation graphs: the apples, the apples and oranges, and the Sigmoid."""

from __future__ import annotations

from collections.abc import Callable

from desktop_nn.graph.graph import ComputationGraph

__all__ = [
    "PRESETS",
    "PRESET_FORMULAS",
    "apple_graph",
    "apple_orange_graph",
    "preset",
    "sigmoid_graph",
]


def apple_graph(apple: float = 100.0, apple_num: float = 2.0, tax: float = 1.1) -> ComputationGraph:
    """Two apples at 100 yen with 10 % tax (the book's ``buy_apple.py``): price 220."""
    g = ComputationGraph("apple")
    g.add_input("apple", apple)
    g.add_input("apple_num", apple_num)
    g.add_input("tax", tax)
    g.add_node("mul", "apple", "apple_num", node_id="mul_apple_layer", label="apple_price")
    g.add_node("mul", "mul_apple_layer", "tax", node_id="mul_tax_layer", label="price")
    return g


def apple_orange_graph(
    apple: float = 100.0,
    apple_num: float = 2.0,
    orange: float = 150.0,
    orange_num: float = 3.0,
    tax: float = 1.1,
) -> ComputationGraph:
    """Two apples and three oranges with tax (the book's ``buy_apple_orange.py``): price 715."""
    g = ComputationGraph("apple_orange")
    for name, value in (
        ("apple", apple),
        ("apple_num", apple_num),
        ("orange", orange),
        ("orange_num", orange_num),
        ("tax", tax),
    ):
        g.add_input(name, value)
    g.add_node("mul", "apple", "apple_num", node_id="mul_apple_layer", label="apple_price")
    g.add_node("mul", "orange", "orange_num", node_id="mul_orange_layer", label="orange_price")
    g.add_node(
        "add", "mul_apple_layer", "mul_orange_layer",
        node_id="add_apple_orange_layer", label="all_price",
    )  # fmt: skip
    g.add_node("mul", "add_apple_orange_layer", "tax", node_id="mul_tax_layer", label="price")
    return g


def sigmoid_graph(x: float = 1.0) -> ComputationGraph:
    """The book's Sigmoid graph ``x -> ×(-1) -> exp -> +1 -> / -> y``; dy/dx = y(1 - y)."""
    g = ComputationGraph("sigmoid")
    g.add_input("x", x)
    g.add_constant(-1.0, vertex_id="-1")
    g.add_constant(1.0, vertex_id="1")
    g.add_node("mul", "x", "-1", node_id="mul", label="-x")
    g.add_node("exp", "mul", node_id="exp", label="exp(-x)")
    g.add_node("add", "exp", "1", node_id="add", label="1+exp(-x)")
    g.add_node("reciprocal", "add", node_id="reciprocal", label="y")
    return g


#: Each preset graph as an expression (:func:`~desktop_nn.graph.expression.build_graph`
#: draws the same graph from it, with its own names for the nodes).
PRESET_FORMULAS = {
    "apple": "apple * apple_num * tax",
    "apple_orange": "(apple * apple_num + orange * orange_num) * tax",
    "sigmoid": "1 / (1 + exp(-x))",
}

#: The preset graphs by name; see :func:`preset`.
PRESETS: dict[str, Callable[[], ComputationGraph]] = {
    "apple": apple_graph,
    "apple_orange": apple_orange_graph,
    "sigmoid": sigmoid_graph,
}


def preset(name: str) -> ComputationGraph:
    """A fresh preset graph: ``"apple"``, ``"apple_orange"`` (or ``"apple-orange"``), ``"sigmoid"``.

    Raises
    ------
    KeyError
        For any other name.
    """
    key = name.replace("-", "_")
    if key not in PRESETS:
        raise KeyError(f"unknown graph {name!r}; choose from {', '.join(PRESETS)}")
    return PRESETS[key]()
