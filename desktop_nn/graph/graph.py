"""Scalar computation graphs (chapter 5): forward and backward propagation, one node at a time.

A :class:`ComputationGraph` holds three kinds of *vertices*, each named by a string id:

* inputs: named, editable values (``apple``, ``tax``, ``x``); their gradients are the answer;
* constants: fixed values such as the ``-1`` and ``1`` of the book's Sigmoid graph;
* nodes: one operation each (:mod:`desktop_nn.graph.ops`), run by a layer with the book's
  interface ``forward(...)`` / ``backward(dout)``. Multiply and add nodes run the book's own
  :class:`~desktop_nn.core.layers.MulLayer` and :class:`~desktop_nn.core.layers.AddLayer`.

Every argument of a node is an :class:`Edge` (source vertex -> node); one extra edge, whose
``target`` is None, leaves the output vertex (the book's ``price`` or ``y`` arrow). An edge's
forward value is its source's value; its gradient is what the target node's backward passed
back along it.

Nodes keep the order in which they were added, which is a topological order (a node's
arguments must exist first). The stepper walks a fixed schedule: every node forward in that
order, then every node backward in reverse order, then "done". All values are full-precision
Python floats; :func:`~desktop_nn.graph.numbers.format_value` rounds them for display only.

Domain errors (log of a negative, 1/0, exp overflow, a product too large for a float, the
gradient towards a variable exponent of a negative base) raise
:class:`GraphEvaluationError` with a message naming the node; the stepper stays at the last
state it could compute. No NumPy is involved, so no floating-point warnings can be emitted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from desktop_nn.core.gradient import BOOK_H
from desktop_nn.graph.numbers import format_value
from desktop_nn.graph.ops import OPERATIONS, Operation

__all__ = [
    "INPUT_RANGE",
    "ComputationGraph",
    "Edge",
    "GraphEvaluationError",
    "GraphState",
    "Node",
    "Phase",
]

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


class ComputationGraph:
    """A scalar computation graph with a forward/backward stepper.

    Build it with :meth:`add_input`, :meth:`add_constant`, :meth:`add_node` and optionally
    :meth:`set_output` (default: the last vertex added). Then :meth:`forward`,
    :meth:`backward`, or :meth:`step` / :meth:`step_back` through the :attr:`schedule`.

    Inputs are always known, so their edges show a value from the start; a node's value is
    known once its forward step has run, an edge's gradient once its target's backward step
    has run (the output edge gets ``dout`` at the first backward step). Unknown values are None.

    :meth:`set_input` keeps the stepper's position and recomputes everything shown so far with
    the new value, so a learner can edit ``apple`` mid-walk and see the numbers change.
    Changing the structure (adding a vertex, a new output) resets the stepper to idle.

    Parameters
    ----------
    name : str
        Shown as the graph's title (``"apple"``, or the expression text).
    """

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._inputs: dict[str, float] = {}
        self._constants: dict[str, float] = {}
        self._nodes: dict[str, Node] = {}
        self._output: str | None = None
        self._last_added: str | None = None
        self._dout = 1.0
        self._listeners: list[Callable[[], None]] = []
        self._rebuild_edges()

    # --- building ---------------------------------------------------------------------------

    def add_input(self, name: str, value: float = 1.0) -> str:
        """Add an editable input called ``name``; return its id (the name itself)."""
        self._check_new_id(name)
        self._inputs[name] = _finite(value, name)
        self._added(name)
        return name

    def add_constant(self, value: float, *, vertex_id: str | None = None) -> str:
        """Add a fixed value (the book's ``-1`` and ``1``); return its id (``"#1"`` ...)."""
        vertex_id = vertex_id or self._fresh_id("#")
        self._check_new_id(vertex_id)
        self._constants[vertex_id] = _finite(value, vertex_id)
        self._added(vertex_id)
        return vertex_id

    def add_node(
        self,
        op: str | type[Operation],
        *args: str,
        node_id: str | None = None,
        label: str | None = None,
    ) -> str:
        """Add a node computing ``op`` (an operation or its name) of the vertices ``args``.

        Returns
        -------
        str
            The node's id: ``node_id``, or ``"<op>#<n>"`` (never a valid input name).
        """
        op = OPERATIONS[op] if isinstance(op, str) else op
        if len(args) != op.arity:
            raise ValueError(f"{op.name} takes {op.arity} argument(s), got {len(args)}")
        for arg in args:
            if not self.has_vertex(arg):
                raise KeyError(f"no vertex {arg!r} in the graph")
        node_id = node_id or self._fresh_id(f"{op.name}#")
        self._check_new_id(node_id)
        self._nodes[node_id] = Node(node_id, op, tuple(args), label or node_id, op())
        self._added(node_id)
        return node_id

    def set_output(self, vertex_id: str) -> None:
        """Make ``vertex_id`` the graph's result."""
        if not self.has_vertex(vertex_id):
            raise KeyError(f"no vertex {vertex_id!r} in the graph")
        self._output = vertex_id
        self._rebuild_edges()

    # --- structure --------------------------------------------------------------------------

    @property
    def input_names(self) -> tuple[str, ...]:
        """Input names in the order they were added."""
        return tuple(self._inputs)

    @property
    def inputs(self) -> dict[str, float]:
        """A copy of the current input values, by name."""
        return dict(self._inputs)

    @property
    def constants(self) -> dict[str, float]:
        """A copy of the constants, by id."""
        return dict(self._constants)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """The nodes in forward order (the order they were added)."""
        return tuple(self._nodes.values())

    def node(self, node_id: str) -> Node:
        """The node called ``node_id``."""
        return self._nodes[node_id]

    @property
    def edges(self) -> tuple[Edge, ...]:
        """Every argument edge in node order, then the output edge (``target`` None)."""
        return self._edges

    @property
    def output(self) -> str:
        """Id of the result vertex."""
        if self._output is not None:
            return self._output
        if self._last_added is None:
            raise ValueError("the graph is empty")
        return self._last_added

    def has_vertex(self, vertex_id: str) -> bool:
        """Whether ``vertex_id`` names an input, a constant or a node."""
        return vertex_id in self._inputs or vertex_id in self._constants or vertex_id in self._nodes

    def role(self, vertex_id: str) -> str:
        """``"input"``, ``"constant"`` or ``"node"``."""
        if vertex_id in self._inputs:
            return "input"
        if vertex_id in self._constants:
            return "constant"
        if vertex_id in self._nodes:
            return "node"
        raise KeyError(vertex_id)

    def layout(self) -> dict[str, tuple[int, float]]:
        """Column and row of every vertex (see :func:`desktop_nn.graph.layout.layout`)."""
        from desktop_nn.graph.layout import layout

        return layout(self)

    # --- state ------------------------------------------------------------------------------

    @property
    def schedule(self) -> tuple[tuple[Phase, str | None], ...]:
        """Every step: each node forward, each node backward in reverse, then done."""
        order = list(self._nodes)
        return (
            *((Phase.FORWARD, n) for n in order),
            *((Phase.BACKWARD, n) for n in reversed(order)),
            (Phase.DONE, None),
        )

    @property
    def step_count(self) -> int:
        """Number of steps; :attr:`position` runs from 0 (idle) to this (done)."""
        return 2 * len(self._nodes) + 1

    @property
    def position(self) -> int:
        """How many steps of the :attr:`schedule` have run."""
        return self._position

    @property
    def phase(self) -> Phase:
        """Idle, forward, backward or done."""
        return Phase.IDLE if self._position == 0 else self.schedule[self._position - 1][0]

    @property
    def active(self) -> str | None:
        """Id of the node the last step ran, or None (idle, done)."""
        return None if self._position == 0 else self.schedule[self._position - 1][1]

    @property
    def dout(self) -> float:
        """The gradient fed into the output edge (set by :meth:`backward`, default 1.0)."""
        return self._dout

    @property
    def output_value(self) -> float | None:
        """The result, once computed."""
        return self._values.get(self.output)

    def value(self, vertex_id: str) -> float | None:
        """Forward value of a vertex, or None before it is computed."""
        return self._values.get(vertex_id)

    def grad(self, vertex_id: str) -> float | None:
        """Gradient of the output with respect to a vertex (sum over its outgoing edges)."""
        grads = [self._edge_grads[i] for i in self._out_edges.get(vertex_id, [])]
        if not grads:
            return 0.0 if self.phase is Phase.DONE else None
        if any(g is None for g in grads):
            return None
        return sum(grads, 0.0)

    def edge_value(self, index: int) -> float | None:
        """Forward value carried by ``edges[index]``, or None before it is computed."""
        return self._values.get(self._edges[index].source)

    def edge_grad(self, index: int) -> float | None:
        """Gradient carried back along ``edges[index]``, or None before it is computed."""
        return self._edge_grads[index]

    def grads(self) -> dict[str, float | None]:
        """Backpropagated gradient of every input (None before the backward pass reaches it)."""
        return {name: self.grad(name) for name in self._inputs}

    def snapshot(self) -> GraphState:
        """A copy of the current state (values, gradients, phase); equal states compare equal."""
        return GraphState(
            position=self._position,
            phase=self.phase,
            active=self.active,
            values=dict(self._values),
            edge_values=tuple(self.edge_value(i) for i in range(len(self._edges))),
            edge_grads=tuple(self._edge_grads),
            error=self.error,
        )

    # --- listeners --------------------------------------------------------------------------

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change of state or structure (for a view)."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        """Stop calling ``callback``."""
        self._listeners.remove(callback)

    # --- running ----------------------------------------------------------------------------

    def seek(self, position: int) -> None:
        """Go to ``position`` (0 = idle, :attr:`step_count` = done).

        Going forward runs the missing steps; going back recomputes from idle (the graphs are
        small). If a step fails, the graph stays at the step before it, :attr:`error` holds the
        message, and :class:`GraphEvaluationError` is raised.
        """
        if not 0 <= position <= self.step_count:
            raise ValueError(f"position must be between 0 and {self.step_count}, got {position}")
        try:
            if position < self._position:
                self._restart()
            self.error = None
            while self._position < position:
                self._run_step(self._position + 1)
                self._position += 1
        except GraphEvaluationError as exc:
            self.error = str(exc)
            raise
        finally:
            self._notify()

    def step(self) -> bool:
        """Run the next step; return False if already done."""
        if self._position >= self.step_count:
            return False
        self.seek(self._position + 1)
        return True

    def step_back(self) -> bool:
        """Undo the last step; return False if idle."""
        if self._position == 0:
            return False
        self.seek(self._position - 1)
        return True

    def reset(self) -> None:
        """Back to idle: only inputs and constants are known."""
        self.seek(0)

    def forward(self) -> float:
        """Run the whole forward pass (dropping gradients shown) and return the result."""
        self.seek(len(self._nodes))
        return self.output_value

    def backward(self, dout: float = 1.0) -> dict[str, float]:
        """Run forward (if needed) and the whole backward pass; return the inputs' gradients."""
        dout = _finite(dout, "dout")
        if dout != self._dout:
            self._dout = dout
            if self._position > len(self._nodes):
                self._restart()
        self.seek(self.step_count)
        return self.grads()

    def set_input(self, name: str, value: float) -> None:
        """Change an input and recompute every value and gradient already shown.

        The stepper keeps its position. If the new value makes a step fail, the value is
        kept, the stepper stops before that step, and :class:`GraphEvaluationError` is raised.
        """
        if name not in self._inputs:
            raise KeyError(f"unknown input {name!r}; inputs: {', '.join(self._inputs)}")
        self._inputs[name] = _finite(value, name)
        position = self._position
        self._restart()
        self.seek(position)

    def evaluate(self, values: Mapping[str, float] | None = None) -> float:
        """The result for the current inputs, some replaced by ``values``; state is untouched.

        Uses fresh layers, so the stepper's layers keep what they stored.
        """
        known = {**self._inputs, **self._constants}
        for name, value in (values or {}).items():
            if name not in self._inputs:
                raise KeyError(f"unknown input {name!r}")
            known[name] = float(value)
        for node in self._nodes.values():
            known[node.id] = self._forward_node(node, node.op(), known)
        return known[self.output]

    def numerical_gradients(self, h: float = BOOK_H) -> dict[str, float]:
        """Central differences ``(f(x+s) - f(x-s)) / 2s`` with ``s = h * max(1, |x|)``.

        An input whose nudged values cannot be evaluated (a domain error nearby) gets nan;
        all get nan if the graph cannot be evaluated at the current inputs.
        """
        try:
            self.evaluate()
        except GraphEvaluationError:
            return dict.fromkeys(self._inputs, math.nan)
        result = {}
        for name, x in self._inputs.items():
            s = h * max(1.0, abs(x))
            try:
                slope = (self.evaluate({name: x + s}) - self.evaluate({name: x - s})) / (2 * s)
            except GraphEvaluationError:
                slope = math.nan
            result[name] = slope if math.isfinite(slope) else math.nan
        return result

    # --- internals --------------------------------------------------------------------------

    def _fresh_id(self, prefix: str) -> str:
        count = len(self._inputs) + len(self._constants) + len(self._nodes) + 1
        while self.has_vertex(f"{prefix}{count}"):
            count += 1
        return f"{prefix}{count}"

    def _check_new_id(self, vertex_id: str) -> None:
        if not isinstance(vertex_id, str) or not vertex_id:
            raise ValueError(f"a vertex id must be a non-empty string, got {vertex_id!r}")
        if self.has_vertex(vertex_id):
            raise ValueError(f"the graph already has a vertex {vertex_id!r}")

    def _label(self, vertex_id: str) -> str:
        if vertex_id in self._constants:
            return format_value(self._constants[vertex_id])
        if vertex_id in self._nodes:
            return self._nodes[vertex_id].label
        return vertex_id

    def _added(self, vertex_id: str) -> None:
        self._last_added = vertex_id
        self._rebuild_edges()

    def _rebuild_edges(self) -> None:
        """Recompute the edge list after a change of structure, and reset to idle."""
        edges = [
            Edge(arg, node.id, port, self._label(arg))
            for node in self._nodes.values()
            for port, arg in enumerate(node.args)
        ]
        if self._last_added is not None:
            edges.append(Edge(self.output, None, 0, self._label(self.output)))
        self._edges = tuple(edges)
        self._out_edges: dict[str, list[int]] = {}
        self._in_edges: dict[str, list[int]] = {}
        for index, edge in enumerate(edges):
            self._out_edges.setdefault(edge.source, []).append(index)
            if edge.target is not None:
                self._in_edges.setdefault(edge.target, []).append(index)
        self._restart()
        self._notify()

    def _restart(self) -> None:
        self._values: dict[str, float] = {**self._inputs, **self._constants}
        self._edge_grads: list[float | None] = [None] * len(self._edges)
        self._position = 0
        self.error: str | None = None

    def _run_step(self, position: int) -> None:
        """Run step ``position`` (1-based) of the schedule on the current state."""
        phase, node_id = self.schedule[position - 1]
        if position == len(self._nodes) + 1:  # the first step after the forward pass
            self._edge_grads[-1] = self._dout
        if phase is Phase.FORWARD:
            node = self._nodes[node_id]
            self._values[node_id] = self._forward_node(node, node.layer, self._values)
        elif phase is Phase.BACKWARD:
            self._backward_node(self._nodes[node_id])

    def _forward_node(self, node: Node, layer: Operation, known: Mapping[str, float]) -> float:
        args = [known[a] for a in node.args]
        try:
            out = float(layer.forward(*args))
        except (ArithmeticError, ValueError):
            out = math.nan
        if not math.isfinite(out):
            reason = node.op.undefined(args)
            shown = ", ".join(format_value(a) for a in args)
            raise GraphEvaluationError(
                f"cannot compute {node.label!r} (node {node.id!r}, {node.op.name} of "
                f"{shown}): {reason}"
            )
        return out

    def _backward_node(self, node: Node) -> None:
        dout = sum((self._edge_grads[i] for i in self._out_edges.get(node.id, [])), 0.0)
        where = f"the gradient at {node.label!r} (node {node.id!r})"
        try:
            grads = node.layer.backward(dout)
        except ValueError as exc:  # a DomainError says why
            raise GraphEvaluationError(f"{where} is undefined: {exc}") from None
        except ArithmeticError:
            raise GraphEvaluationError(f"{where} is too large for a float") from None
        grads = (grads,) if node.op.arity == 1 else grads
        for index, g in zip(self._in_edges[node.id], grads, strict=True):
            g = float(g)
            if not math.isfinite(g):
                raise GraphEvaluationError(f"{where} is too large for a float")
            self._edge_grads[index] = g

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()


def _finite(value: float, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    return number
