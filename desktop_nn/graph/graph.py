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

The vertices' and edges' types live in :mod:`~desktop_nn.graph.vertices`, the building of the
structure in :mod:`~desktop_nn.graph.structure`; this module adds values, gradients and the
stepper.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Mapping

from desktop_nn.core.gradient import BOOK_H
from desktop_nn.graph.numbers import format_value
from desktop_nn.graph.ops import Operation
from desktop_nn.graph.structure import GraphStructure
from desktop_nn.graph.vertices import (
    INPUT_RANGE,
    Edge,
    GraphEvaluationError,
    GraphState,
    Node,
    Phase,
    finite,
)

__all__ = [
    "INPUT_RANGE",
    "ComputationGraph",
    "Edge",
    "GraphEvaluationError",
    "GraphState",
    "Node",
    "Phase",
]


class ComputationGraph(GraphStructure):
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
        self._dout = 1.0
        self._listeners: list[Callable[[], None]] = []
        super().__init__(name)

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
        dout = finite(dout, "dout")
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
        self._inputs[name] = finite(value, name)
        position = self._position
        self._restart()
        self.seek(position)

    def change_input(self, name: str, value: float) -> None:
        """Change an input as :meth:`set_input` does, or leave the graph as it was.

        If the new value makes a step fail, the old value is put back and the stepper returns
        to its position (or as near as the old value allows), then the
        :class:`GraphEvaluationError` of the new value is raised.
        """
        if name not in self._inputs:
            raise KeyError(f"unknown input {name!r}; inputs: {', '.join(self._inputs)}")
        old, position = self._inputs[name], self._position
        try:
            self.set_input(name, value)
        except GraphEvaluationError as error:
            with contextlib.suppress(GraphEvaluationError):  # the old state may fail too
                self.set_input(name, old)
                self.seek(position)
            raise error from None

    def copy(self) -> ComputationGraph:
        """The same graph (vertices, ids, labels, output, inputs' values and ``dout``), idle
        and without listeners: to run to the end without touching this one."""
        twin = ComputationGraph(self.name)
        for name, value in self._inputs.items():
            twin.add_input(name, value)
        for vertex_id, value in self._constants.items():
            twin.add_constant(value, vertex_id=vertex_id)
        for node in self._nodes.values():
            twin.add_node(node.op, *node.args, node_id=node.id, label=node.label)
        twin.set_output(self.output)
        twin._dout = self._dout
        return twin

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

    def _structure_changed(self) -> None:
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
