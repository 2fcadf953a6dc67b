"""The shape of a scalar computation graph: its vertices and edges, built step by step.

:class:`GraphStructure` is what :class:`~desktop_nn.graph.graph.ComputationGraph` is built on:
inputs, constants and nodes added in order, the output, and the edges drawn between them. It
computes nothing; the graph adds the values, the gradients and the stepper.
"""

from __future__ import annotations

from desktop_nn.graph.numbers import format_value
from desktop_nn.graph.ops import OPERATIONS, Operation
from desktop_nn.graph.vertices import Edge, Node, finite


class GraphStructure:
    """Vertices (inputs, constants, nodes) and the edges between them.

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
        self._rebuild_edges()

    # --- building ---------------------------------------------------------------------------

    def add_input(self, name: str, value: float = 1.0) -> str:
        """Add an editable input called ``name``; return its id (the name itself)."""
        self._check_new_id(name)
        self._inputs[name] = finite(value, name)
        self._added(name)
        return name

    def add_constant(self, value: float, *, vertex_id: str | None = None) -> str:
        """Add a fixed value (the book's ``-1`` and ``1``); return its id (``"#1"`` ...)."""
        vertex_id = vertex_id or self._fresh_id("#")
        self._check_new_id(vertex_id)
        self._constants[vertex_id] = finite(value, vertex_id)
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
        self._structure_changed()

    def _structure_changed(self) -> None:
        """Called after every change of structure (the stepper goes back to idle)."""
