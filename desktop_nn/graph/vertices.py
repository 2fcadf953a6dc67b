"""The parts of a scalar computation graph: its vertices' nodes, its edges, the stepper's
phases and a snapshot of its state (see :mod:`desktop_nn.graph.graph`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from desktop_nn.graph.ops import Operation

#: Inputs take values in [-INPUT_RANGE, INPUT_RANGE], in the window and on the command line.
INPUT_RANGE = 1e6


class GraphEvaluationError(ArithmeticError):
    """A value or gradient of the graph cannot be computed (log(-1), 1/0, overflow)."""


@dataclass(eq=False)
class Node:
    """One operation of the graph.

    Attributes
    ----------
    id : str
        Unique among all vertex ids (``"mul_apple_layer"``, ``"mul#1"``).
    op : type of Operation
        What it computes (:data:`~desktop_nn.graph.ops.OPERATIONS`).
    args : tuple of str
        Ids of the argument vertices, in the layer's argument order.
    label : str
        Name of the value it produces, written on its outgoing edges (``"apple_price"``).
    layer : object
        The instance of ``op`` that computes it and stores what its backward pass needs.
    """

    id: str
    op: type[Operation]
    args: tuple[str, ...]
    label: str
    layer: Operation = field(repr=False)


@dataclass(frozen=True)
class Edge:
    """An arrow of the picture: ``source`` vertex into argument ``port`` of node ``target``.

    ``target`` is None for the single output edge, which leaves the output vertex.
    ``label`` names the value it carries (an input's name, a node's label, a constant's value).
    """

    source: str
    target: str | None
    port: int
    label: str


class Phase(str, Enum):
    """Where the stepper is."""

    IDLE = "idle"
    FORWARD = "forward"
    BACKWARD = "backward"
    DONE = "done"


@dataclass(frozen=True)
class GraphState:
    """A copy of everything a view shows, for comparing and undoing (see ``snapshot``)."""

    position: int
    phase: Phase
    active: str | None
    values: dict[str, float]
    edge_values: tuple[float | None, ...]
    edge_grads: tuple[float | None, ...]
    error: str | None


def finite(value: float, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    return number
