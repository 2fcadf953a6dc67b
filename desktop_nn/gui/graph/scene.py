"""Drawing a :class:`~desktop_nn.graph.ComputationGraph` the way the book does.

Inputs sit on the left, the result on the right, every arrow with its forward value above it
and its gradient below it in red, as in the figures of chapter 5 (the items:
:mod:`~desktop_nn.gui.graph.items`). The scene only shows what the graph holds:
:meth:`GraphScene.refresh` reads the values and gradients the stepper has computed so far.

Placement is done once per graph. Each vertex sits at ``(column, row)`` of
:meth:`ComputationGraph.layout` scaled by :data:`COLUMN_SPACING` and :data:`ROW_SPACING`; an
edge that would cross another vertex bends around it; then every edge's pair of labels is
given a slot along the arrow where a label of the widest expected width would touch no vertex,
no other arrow and no other label (:mod:`~desktop_nn.gui.graph.geometry`).
"""

from __future__ import annotations

import contextlib
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from desktop_nn.graph import ComputationGraph, GraphEvaluationError, Phase, format_value
from desktop_nn.gui.graph.geometry import (
    CLEARANCE,
    Box,
    Point,
    count_hits,
    grown,
    label_slot,
    segment,
)
from desktop_nn.gui.graph.items import (
    BOX_HEIGHT,
    LABEL_PIXELS,
    NAME_PIXELS,
    NODE_RADIUS,
    EdgeItem,
    LabelItem,
    SceneColours,
    VertexItem,
    font_of,
)
from desktop_nn.gui.graph.names import Namer, plain_name
from desktop_nn.gui.graph.routes import COLUMN_SPACING, arrow_routes, box_of

#: Distance between rows of the layout.
ROW_SPACING = 130.0
#: Inputs and constants are right-aligned this far right of their column.
BOX_RIGHT = 44.0
#: Label slots are reserved for the numbers the labels will show once both passes are done,
#: and never narrower than this.
MIN_RESERVED_TEXT = "0.00"
#: Preferred positions of the labels along an arrow (fraction of its length), best first.
SLOTS = (0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86)
#: Longer output names are shortened.
MAX_NAME = 28


def point_of(point: QPointF) -> Point:
    return point.x(), point.y()


class GraphScene(QGraphicsScene):
    """The picture of one :class:`ComputationGraph`; call :meth:`refresh` after every change.

    Signals
    -------
    vertex_selected(str)
        The id of the vertex the user selected, or "" when the selection was cleared.
    """

    vertex_selected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: ComputationGraph | None = None
        self.name_of: Namer = plain_name
        self.vertices: dict[str, VertexItem] = {}
        self.edges: list[EdgeItem] = []
        self.colours = SceneColours.from_palette(QApplication.palette())
        self.content_rect = QRectF()
        self._reserved_widths: list[tuple[float, float]] = []
        self.selectionChanged.connect(self._on_selection_changed)

    # -- public ------------------------------------------------------------------------------
    def set_graph(self, graph: ComputationGraph, name_of: Namer = plain_name) -> None:
        """Draw ``graph`` from scratch (placing vertices, arrows and label slots).

        ``name_of`` gives the name shown for an input or a value (the book's labels in the
        window's language); the graph keeps its own.
        """
        self.name_of = name_of
        self.blockSignals(True)
        try:
            self.clear()
        finally:
            self.blockSignals(False)
        self.vertices = {}
        self.edges = []
        self.graph = graph
        self._build()
        self.apply_colours(self.colours)
        self.refresh()
        self.vertex_selected.emit("")

    def set_palette(self, palette: QPalette) -> None:
        """Follow a light or dark palette."""
        self.apply_colours(SceneColours.from_palette(palette))

    def apply_colours(self, colours: SceneColours) -> None:
        self.colours = colours
        self.setBackgroundBrush(QBrush(colours.background))
        for edge in self.edges:
            edge.set_colours(colours)
        self._style_vertices()

    def refresh(self) -> None:
        """Show the values and gradients the graph holds now; highlight the active node."""
        graph = self.graph
        if graph is None:
            return
        fresh_values, fresh_grads = self._fresh_edges()
        for edge in self.edges:
            value = graph.edge_value(edge.index)
            grad = graph.edge_grad(edge.index)
            edge.value_label.set_label(
                "" if value is None else format_value(value), bold=edge.index in fresh_values
            )
            edge.grad_label.set_label(
                "" if grad is None else format_value(grad), bold=edge.index in fresh_grads
            )
        self._widen_if_needed()
        self._style_vertices()

    def selected_vertex(self) -> str | None:
        """Id of the selected vertex, or None."""
        for item in self.selectedItems():
            if isinstance(item, VertexItem):
                return item.vertex_id
        return None

    def select_vertex(self, vertex_id: str | None) -> None:
        """Select one vertex (None: clear the selection)."""
        self.blockSignals(True)
        try:
            self.clearSelection()
            if vertex_id is not None and vertex_id in self.vertices:
                self.vertices[vertex_id].setSelected(True)
        finally:
            self.blockSignals(False)
        self._on_selection_changed()

    def vertex_position(self, vertex_id: str) -> QPointF:
        """Scene position of the centre of a vertex."""
        return self.vertices[vertex_id].center

    def texts(self) -> list[str]:
        """The text of every visible text item in the scene (names, symbols, numbers)."""
        return [
            item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.toPlainText()
            for item in self.items()
            if isinstance(item, (QGraphicsSimpleTextItem, QGraphicsTextItem))
            and item.isVisible()
            and (item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.toPlainText())
        ]

    def value_texts(self) -> list[str]:
        """Forward values shown on the arrows, in edge order ("" where not yet known)."""
        return [edge.value_label.text() if edge.value_label.isVisible() else ""
                for edge in self.edges]

    def gradient_texts(self) -> list[str]:
        """Gradients shown under the arrows, in edge order ("" where not yet known)."""
        return [edge.grad_label.text() if edge.grad_label.isVisible() else ""
                for edge in self.edges]

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        graph = self.graph
        layout = graph.layout()
        name_metrics = QFontMetricsF(font_of(NAME_PIXELS))
        for vertex_id, (column, row) in layout.items():
            x, y = column * COLUMN_SPACING, row * ROW_SPACING
            role = graph.role(vertex_id)
            if role == "node":
                node = graph.node(vertex_id)
                text = node.op.symbol
                rect = QRectF(x - NODE_RADIUS, y - NODE_RADIUS, 2 * NODE_RADIUS, 2 * NODE_RADIUS)
                tip = self.tr("{symbol} node computing {name}: click for its rule").format(
                    symbol=node.op.symbol, name=self.name_of(node.label))
            else:
                text = (self.name_of(vertex_id) if role == "input"
                        else format_value(graph.constants[vertex_id]))
                width = max(BOX_HEIGHT, name_metrics.horizontalAdvance(text) + 22)
                height = BOX_HEIGHT if role == "input" else BOX_HEIGHT - 6
                rect = QRectF(x + BOX_RIGHT - width, y - height / 2, width, height)
                if role == "input":
                    tip = self.tr("Input {name}: click to edit its value").format(
                        name=text)
                else:
                    tip = self.tr("The constant {value}").format(value=text)
            item = VertexItem(vertex_id, role, text, rect)
            item.setToolTip(tip)
            self.addItem(item)
            self.vertices[vertex_id] = item

        routes = arrow_routes(self.graph, self.vertices)
        for index, points in enumerate(routes):
            edge = EdgeItem(index, points)
            self.addItem(edge)
            self.addItem(edge.value_label)
            self.addItem(edge.grad_label)
            for label in (edge.value_label, edge.grad_label):
                label.setFont(font_of(LABEL_PIXELS))
                label.setZValue(3)
            self.edges.append(edge)
        output_edge = self.edges[-1]
        name = self.name_of(graph.edges[-1].label)
        if len(name) > MAX_NAME:
            name = name[: MAX_NAME - 1] + "…"
        output_edge.name_label = LabelItem("end")
        output_edge.name_label.setFont(font_of(NAME_PIXELS))
        output_edge.name_label.setText(name)
        output_edge.name_label.place(output_edge.points[-1])
        output_edge.name_label.setZValue(3)
        self.addItem(output_edge.name_label)
        self._reserved_widths = self._expected_widths()
        self._place_labels()

    def _expected_widths(self) -> list[tuple[float, float]]:
        """Width of the value and the gradient label of every edge once both passes are done,
        from a copy of the graph run to the end (the graph itself is not touched)."""
        metrics = QFontMetricsF(font_of(LABEL_PIXELS, bold=True))
        minimum = metrics.horizontalAdvance(MIN_RESERVED_TEXT)
        values, grads = final_labels(self.graph)
        return [
            (max(minimum, metrics.horizontalAdvance(v)) + 4,
             max(minimum, metrics.horizontalAdvance(g)) + 4)
            for v, g in zip(values, grads, strict=True)
        ]

    def _place_labels(self) -> None:
        """Give every edge's labels a slot free of vertices, arrows and other labels.

        Boxes and segments are plain float tuples (:mod:`~desktop_nn.gui.graph.geometry`):
        this loop runs thousands of times for a large expression.
        """
        height = QFontMetricsF(font_of(LABEL_PIXELS, bold=True)).height()
        obstacles = [grown(box_of(item.rect), CLEARANCE) for item in self.vertices.values()]
        name_label = self.edges[-1].name_label
        if name_label is not None:
            obstacles.append(grown(box_of(name_label.sceneBoundingRect()), CLEARANCE))
        segments = [
            segment(edge.index, point_of(edge.points[i]), point_of(edge.points[i + 1]))
            for edge in self.edges
            for i in range(len(edge.points) - 1)
        ]
        placed: list[Box] = []
        for edge in self.edges:
            widths = self._reserved_widths[edge.index]
            best = None
            pieces = sorted(range(len(edge.points) - 1),
                            key=lambda i: -QLineF(edge.points[i], edge.points[i + 1]).length())
            for piece in pieces:
                a, b = point_of(edge.points[piece]), point_of(edge.points[piece + 1])
                for t in SLOTS:
                    candidate = label_slot(a, b, t, widths, height)
                    limit = math.inf if best is None else best[0]
                    hits = count_hits(list(candidate[2:]), edge.index, obstacles, segments,
                                      placed, limit)
                    if best is None or hits < best[0]:
                        best = (hits, candidate)
                    if hits == 0:
                        break
                if best[0] == 0:
                    break
            anchor, (value_side, grad_side, slope), value_box, grad_box = best[1]
            edge.value_label.side, edge.grad_label.side = value_side, grad_side
            edge.value_label.place(QPointF(*anchor), slope)
            edge.grad_label.place(QPointF(*anchor), slope)
            placed.extend((value_box, grad_box))
        bounds = self.itemsBoundingRect()
        for left, top, right, bottom in placed:
            bounds = bounds.united(QRectF(left, top, right - left, bottom - top))
        self.content_rect = bounds.adjusted(-24, -24, 24, 24)
        self.setSceneRect(self.content_rect)

    def _widen_if_needed(self) -> bool:
        """Place the labels again if a number became wider than its slot (an edited input)."""
        changed = False
        for edge in self.edges:
            reserved = list(self._reserved_widths[edge.index])
            for side, label in enumerate((edge.value_label, edge.grad_label)):
                if label.isVisible() and label.boundingRect().width() > reserved[side]:
                    reserved[side] = label.boundingRect().width() + 4
                    changed = True
            self._reserved_widths[edge.index] = (reserved[0], reserved[1])
        if changed:
            self._place_labels()
        return changed

    # -- state -------------------------------------------------------------------------------
    def _fresh_edges(self) -> tuple[set[int], set[int]]:
        """Edges whose value (or gradient) the last step has just computed, drawn bold."""
        graph = self.graph
        active, phase = graph.active, graph.phase
        values: set[int] = set()
        grads: set[int] = set()
        if active is None:
            return values, grads
        for index, edge in enumerate(graph.edges):
            if phase is Phase.FORWARD and edge.source == active:
                values.add(index)
            elif phase is Phase.BACKWARD and edge.target == active:
                grads.add(index)
        if phase is Phase.BACKWARD and graph.position == len(graph.nodes) + 1:
            grads.add(len(graph.edges) - 1)  # dout arrives on the output arrow
        return values, grads

    def _style_vertices(self) -> None:
        graph = self.graph
        if graph is None:
            return
        active = graph.active
        state = {Phase.FORWARD: "forward", Phase.BACKWARD: "backward"}.get(graph.phase)
        for vertex_id, item in self.vertices.items():
            item.set_style(self.colours, state if vertex_id == active else None)

    def _on_selection_changed(self) -> None:
        try:
            selected = self.selected_vertex()
        except RuntimeError:  # emitted while the scene is being destroyed
            return
        self.vertex_selected.emit(selected or "")


def final_labels(graph: ComputationGraph) -> tuple[list[str], list[str]]:
    """The texts every edge will show once both passes are done (from a copy of ``graph``)."""
    copy = graph.copy()
    with contextlib.suppress(GraphEvaluationError):  # the labels up to the error are known
        copy.backward(graph.dout)
    count = len(copy.edges)
    values = [copy.edge_value(i) for i in range(count)]
    grads = [copy.edge_grad(i) for i in range(count)]
    return (["" if v is None else format_value(v) for v in values],
            ["" if g is None else format_value(g) for g in grads])
