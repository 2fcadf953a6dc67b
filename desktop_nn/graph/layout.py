"""Where each vertex of a computation graph is drawn: inputs left, the result right."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_nn.graph.graph import ComputationGraph

__all__ = ["layout"]


def layout(graph: ComputationGraph) -> dict[str, tuple[int, float]]:
    """Column and row of every vertex, for drawing inputs left and the result right.

    The column of a node is the longest path to it from the inputs (inputs are column 0); a
    constant sits one column left of its first consumer and one row above it, as the book
    draws the ``-1`` and ``1`` of the Sigmoid graph. Inputs take rows 0, 1, 2, ... in order of
    first use; a node sits at the mean row of its non-constant arguments, pushed down when that
    place in its column is taken (columns are placed left to right). Rows are floats, shifted
    so that the smallest is 0. The output edge ends one column right of the output vertex.

    Returns
    -------
    dict of str to (int, float)
        ``{vertex_id: (column, row)}``.
    """
    consumers: dict[str, list[str]] = {}
    for node in graph.nodes:
        for arg in node.args:
            consumers.setdefault(arg, []).append(node.id)
    column = _columns(graph, consumers)
    row = _rows(graph, consumers, column)
    columns: dict[int, list[str]] = {}
    for vertex in row:
        columns.setdefault(column[vertex], []).append(vertex)
    for vertices in columns.values():
        _spread(vertices, row)
    top = min(row.values(), default=0.0)
    return {vertex: (column[vertex], row[vertex] - top) for vertex in row}


def _columns(graph: ComputationGraph, consumers: dict[str, list[str]]) -> dict[str, int]:
    constants = graph.constants
    column: dict[str, int] = dict.fromkeys(graph.input_names, 0)
    for node in graph.nodes:
        main = [column[a] for a in node.args if a not in constants]
        column[node.id] = 1 + max(main, default=0)
    for const in constants:
        users = consumers.get(const, [])
        column[const] = max(0, min((column[u] for u in users), default=1) - 1)
    return column


def _rows(
    graph: ComputationGraph, consumers: dict[str, list[str]], column: dict[str, int]
) -> dict[str, float]:
    constants = graph.constants
    order = [node.id for node in graph.nodes]

    def first_use(vertex_id: str) -> int:
        users = consumers.get(vertex_id)
        return order.index(users[0]) if users else len(order)

    row: dict[str, float] = {}
    for index, name in enumerate(sorted(graph.input_names, key=first_use)):
        row[name] = float(index)
    node_columns: dict[int, list[str]] = {}
    for node in graph.nodes:
        node_columns.setdefault(column[node.id], []).append(node.id)
    for col in sorted(node_columns):  # left to right: arguments are placed already
        for node_id in node_columns[col]:
            main = [row[a] for a in graph.node(node_id).args if a not in constants]
            row[node_id] = sum(main) / len(main) if main else 0.0
        _spread(node_columns[col], row)
    for const in constants:
        users = consumers.get(const)
        row[const] = row[users[0]] - 1.0 if users else 0.0
    return row


def _spread(vertices: list[str], row: dict[str, float]) -> None:
    """Push vertices of one column down until they are at least one row apart (stable)."""
    previous = -math.inf
    for vertex in sorted(vertices, key=lambda v: row[v]):
        row[vertex] = max(row[vertex], previous + 1.0)
        previous = row[vertex]
