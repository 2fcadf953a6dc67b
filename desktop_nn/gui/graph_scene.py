"""Drawing a :class:`~desktop_nn.graph.ComputationGraph` the way the book does.

Inputs sit on the left, the result on the right; operation nodes are circles showing their
symbol (×, +, exp, /), inputs and constants are boxes. Every edge is an arrow with its forward
value written above it and its gradient below it in red, as in the figures of chapter 5.

All numbers and names are :class:`QGraphicsSimpleTextItem` items of the scene (never painted
pixels), so tests and assistive tools can read them. The scene only shows what the graph holds:
:meth:`GraphScene.refresh` reads the values and gradients the stepper has computed so far.

Placement is done once per graph. Each vertex sits at ``(column, row)`` of
:meth:`ComputationGraph.layout` scaled by :data:`COLUMN_SPACING` and :data:`ROW_SPACING`; an
edge that would cross another vertex bends around it; then every edge's pair of labels is
given a slot along the arrow where a label of the widest expected width would touch no vertex,
no other arrow and no other label.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop_nn.graph import ComputationGraph, GraphEvaluationError, Phase, format_value
from desktop_nn.gui.common.palette import colour, mix, readable
from desktop_nn.gui.graph_names import Namer, plain_name

__all__ = [
    "COLUMN_SPACING",
    "ROW_SPACING",
    "EdgeItem",
    "GraphScene",
    "GraphView",
    "LabelItem",
    "SceneColours",
    "VertexItem",
]

#: Distance between columns of the layout, in scene units (pixels at zoom 1).
COLUMN_SPACING = 250.0
#: Distance between rows of the layout.
ROW_SPACING = 130.0
NODE_RADIUS = 32.0
BOX_HEIGHT = 40.0
#: Inputs and constants are right-aligned this far right of their column.
BOX_RIGHT = 44.0
#: Space between an arrow and its labels.
LABEL_GAP = 5.0
#: Space kept free around every label, vertex and arrow when labels are placed.
CLEARANCE = 4.0
#: Space kept free between labels.
LABEL_SPACING = 8.0
#: An edge passing closer than this to a vertex bends around it (room for a label).
ROUTE_CLEARANCE = 30.0
#: How far a bent edge passes from the vertex it avoids.
DETOUR = 50.0
ARROW_LENGTH = 13.0
ARROW_WIDTH = 11.0
#: Length of the arrow that leaves the result.
OUTPUT_LENGTH = 0.62 * COLUMN_SPACING
#: Label slots are reserved for the numbers the labels will show once both passes are done,
#: and never narrower than this.
MIN_RESERVED_TEXT = "0.00"
#: Preferred positions of the labels along an arrow (fraction of its length), best first.
SLOTS = (0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86)
#: Longer output names are shortened.
MAX_NAME = 28

LABEL_PIXELS = 20
NAME_PIXELS = 18
SYMBOL_PIXELS = 26


# --- colours ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SceneColours:
    """Every colour of the drawing, derived from a widget palette (light or dark)."""

    background: QColor
    text: QColor
    muted: QColor
    line: QColor
    node_fill: QColor
    gradient: QColor
    forward: QColor
    forward_fill: QColor
    backward: QColor
    backward_fill: QColor
    selection: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> SceneColours:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        forward = readable(colour("blue"), background, 3.0)
        backward = readable(colour("vermillion"), background, 3.0)
        return cls(
            background=background,
            text=text,
            muted=mix(text, background, 0.35),
            line=mix(text, background, 0.15),
            node_fill=mix(background, text, 0.05),
            gradient=readable(colour("vermillion"), background),
            forward=forward,
            forward_fill=mix(background, forward, 0.22),
            backward=backward,
            backward_fill=mix(background, backward, 0.22),
            selection=readable(palette.color(QPalette.ColorRole.Highlight), background, 3.0),
        )


def _font(pixels: int, *, bold: bool = False) -> QFont:
    app = QApplication.instance()
    font = QFont(app.font()) if app is not None else QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


# --- geometry ---------------------------------------------------------------------------------


def _segment_hits_rect(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    """Whether the segment ``a``-``b`` meets ``rect`` (Liang-Barsky clipping)."""
    x0, y0, dx, dy = a.x(), a.y(), b.x() - a.x(), b.y() - a.y()
    lo, hi = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.left()),
        (dx, rect.right() - x0),
        (-dy, y0 - rect.top()),
        (dy, rect.bottom() - y0),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def _toward(center: QPointF, point: QPointF, distance: float) -> QPointF:
    line = QLineF(center, point)
    if line.length() == 0:
        return QPointF(center)
    return line.pointAt(min(1.0, distance / line.length()))


def _rect_exit(rect: QRectF, point: QPointF) -> QPointF:
    """Where the ray from the centre of ``rect`` towards ``point`` leaves it."""
    center = rect.center()
    dx, dy = point.x() - center.x(), point.y() - center.y()
    if dx > 0 and abs(dy) * rect.width() <= dx * rect.height() * 1.2:
        return QPointF(rect.right(), center.y())  # straight out of the right side, as drawn
    scale = min(
        (rect.width() / 2) / abs(dx) if dx else math.inf,
        (rect.height() / 2) / abs(dy) if dy else math.inf,
    )
    if not math.isfinite(scale):
        return QPointF(rect.right(), center.y())
    return QPointF(center.x() + dx * scale, center.y() + dy * scale)


# --- items ------------------------------------------------------------------------------------


class LabelItem(QGraphicsSimpleTextItem):
    """A number or name beside an arrow, on a small patch of background so it stays legible.

    The label is kept at its *anchor* when its text changes: ``side`` "above" puts its bottom
    edge ``gap`` above a line of slope ``slope`` through the anchor, "below" its top edge under
    it, "left"/"right" beside a steep line, "end" after the tip of an arrow.
    """

    def __init__(self, side: str, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.anchor = QPointF()
        self.slope = 0.0
        self.background = QColor(Qt.GlobalColor.transparent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, anchor: QPointF, slope: float = 0.0) -> None:
        self.anchor = QPointF(anchor)
        self.slope = slope
        self._reposition()

    def set_label(self, text: str, *, bold: bool = False) -> None:
        font = self.font()
        if text != self.text() or font.bold() != bold:
            font.setBold(bold)
            self.setFont(font)
            self.setText(text)
            self._reposition()
        self.setVisible(bool(text))

    def _reposition(self) -> None:
        rect = self.boundingRect()
        w, h = rect.width(), rect.height()
        x, y = self.anchor.x(), self.anchor.y()
        if self.side == "above":
            self.setPos(x - w / 2, y - LABEL_GAP - abs(self.slope) * w / 2 - h)
        elif self.side == "below":
            self.setPos(x - w / 2, y + LABEL_GAP + abs(self.slope) * w / 2)
        elif self.side == "left":
            self.setPos(x - LABEL_GAP - abs(self.slope) * h / 2 - w, y - h / 2)
        elif self.side == "right":
            self.setPos(x + LABEL_GAP + abs(self.slope) * h / 2, y - h / 2)
        else:  # "end"
            self.setPos(x + LABEL_GAP, y - h / 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.background.alpha():
            painter.fillRect(self.boundingRect().adjusted(-2, 0, 2, 0), self.background)
        super().paint(painter, option, widget)


class VertexItem(QGraphicsPathItem):
    """An input, a constant (rounded boxes) or an operation node (a circle); selectable."""

    def __init__(self, vertex_id: str, role: str, text: str, rect: QRectF) -> None:
        super().__init__()
        self.vertex_id = vertex_id
        self.role = role
        self.rect = QRectF(rect)
        path = QPainterPath()
        if role == "node":
            path.addEllipse(rect)
        else:
            radius = 8.0 if role == "input" else 4.0
            path.addRoundedRect(rect, radius, radius)
        self.setPath(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)
        self.text_item = QGraphicsSimpleTextItem(text, self)
        pixels = SYMBOL_PIXELS if role == "node" else NAME_PIXELS
        if role == "node" and len(text) > 1:
            pixels = NAME_PIXELS + 1
        self.text_item.setFont(_font(pixels, bold=role == "node"))
        self.text_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        box = self.text_item.boundingRect()
        self.text_item.setPos(rect.center() - box.center())

    @property
    def center(self) -> QPointF:
        return self.rect.center()

    def anchor_toward(self, point: QPointF) -> QPointF:
        """Where an arrow to or from ``point`` meets the outline."""
        if self.role == "node":
            return _toward(self.center, point, self.rect.width() / 2)
        return _rect_exit(self.rect, point)

    def set_style(self, colours: SceneColours, state: str | None) -> None:
        """``state``: None, "forward" or "backward" (the node the stepper just ran)."""
        selected = self.isSelected()
        if state == "forward":
            pen, fill, width = colours.forward, colours.forward_fill, 3.5
        elif state == "backward":
            pen, fill, width = colours.backward, colours.backward_fill, 3.5
        else:
            pen = colours.line if self.role != "constant" else colours.muted
            fill, width = colours.node_fill, 2.0
        outline = QPen(pen, width)
        if self.role == "constant" and state is None:
            outline.setStyle(Qt.PenStyle.DashLine)
        self.setPen(outline)
        self.setBrush(QBrush(fill))
        self.text_item.setBrush(QBrush(colours.muted if self.role == "constant" else colours.text))
        self._selection_colour = colours.selection
        self.update()
        if selected != self.isSelected():  # pragma: no cover - styles never change selection
            self.setSelected(selected)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        plain = QStyleOptionGraphicsItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected  # no dashed box: a ring instead
        super().paint(painter, plain, widget)
        if self.isSelected():
            ring = QPen(getattr(self, "_selection_colour", QColor("#0072B2")), 3.0)
            ring.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outer = self.rect.adjusted(-6, -6, 6, 6)
            if self.role == "node":
                painter.drawEllipse(outer)
            else:
                painter.drawRoundedRect(outer, 10, 10)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-8, -8, 8, 8)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.update()
        return super().itemChange(change, value)


class EdgeItem(QGraphicsPathItem):
    """One arrow of the graph with its value label (above) and gradient label (below)."""

    def __init__(self, index: int, points: list[QPointF]) -> None:
        super().__init__()
        self.index = index
        self.points = [QPointF(p) for p in points]
        path = QPainterPath(self.points[0])
        tip = self.points[-1]
        last = QLineF(self.points[-2], tip)
        shaft_end = last.pointAt(max(0.0, 1.0 - (ARROW_LENGTH - 2) / max(last.length(), 1e-9)))
        for p in self.points[1:-1]:
            path.lineTo(p)
        path.lineTo(shaft_end)
        self.setPath(path)
        self.setZValue(1)
        self.head = QGraphicsPolygonItem(_arrow_head(self.points[-2], tip), self)
        self.value_label = LabelItem("above")
        self.grad_label = LabelItem("below")
        self.name_label: LabelItem | None = None

    def set_colours(self, colours: SceneColours) -> None:
        pen = QPen(colours.line, 2.0)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.head.setPen(QPen(Qt.PenStyle.NoPen))
        self.head.setBrush(QBrush(colours.line))
        for label, brush in (
            (self.value_label, colours.text),
            (self.grad_label, colours.gradient),
            (self.name_label, colours.muted),
        ):
            if label is not None:
                label.setBrush(QBrush(brush))
                label.background = colours.background
                label.update()


def _arrow_head(start: QPointF, tip: QPointF) -> QPolygonF:
    line = QLineF(tip, start)
    if line.length() == 0:
        return QPolygonF([tip])
    unit = line.unitVector()
    ux, uy = unit.dx(), unit.dy()
    base = QPointF(tip.x() + ux * ARROW_LENGTH, tip.y() + uy * ARROW_LENGTH)
    half = ARROW_WIDTH / 2
    return QPolygonF(
        [
            tip,
            QPointF(base.x() - uy * half, base.y() + ux * half),
            QPointF(base.x() + uy * half, base.y() - ux * half),
        ]
    )


# --- the scene --------------------------------------------------------------------------------


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
        name_metrics = QFontMetricsF(_font(NAME_PIXELS))
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

        routes = self._routes()
        for index, points in enumerate(routes):
            edge = EdgeItem(index, points)
            self.addItem(edge)
            self.addItem(edge.value_label)
            self.addItem(edge.grad_label)
            for label in (edge.value_label, edge.grad_label):
                label.setFont(_font(LABEL_PIXELS))
                label.setZValue(3)
            self.edges.append(edge)
        output_edge = self.edges[-1]
        name = self.name_of(graph.edges[-1].label)
        if len(name) > MAX_NAME:
            name = name[: MAX_NAME - 1] + "…"
        output_edge.name_label = LabelItem("end")
        output_edge.name_label.setFont(_font(NAME_PIXELS))
        output_edge.name_label.setText(name)
        output_edge.name_label.place(output_edge.points[-1])
        output_edge.name_label.setZValue(3)
        self.addItem(output_edge.name_label)
        self._reserved_widths = self._expected_widths()
        self._place_labels()

    def _routes(self) -> list[list[QPointF]]:
        """The polyline of every edge, bent around vertices it would cross."""
        graph = self.graph
        routes: list[list[QPointF]] = []
        parallel: dict[tuple[str, str | None], list[int]] = {}
        for index, edge in enumerate(graph.edges):
            parallel.setdefault((edge.source, edge.target), []).append(index)
        for index, edge in enumerate(graph.edges):
            source = self.vertices[edge.source]
            start = source.center
            if edge.target is None:
                anchor = source.anchor_toward(QPointF(start.x() + 1000, start.y()))
                routes.append([anchor, QPointF(anchor.x() + OUTPUT_LENGTH, anchor.y())])
                continue
            target = self.vertices[edge.target]
            points = [start, target.center]
            twins = parallel[(edge.source, edge.target)]
            if len(twins) > 1:  # x * x: two arrows between the same vertices, bowed apart
                offset = (twins.index(index) - (len(twins) - 1) / 2) * 2 * DETOUR
                middle = QLineF(start, target.center)
                normal = middle.normalVector().unitVector()
                mid = middle.pointAt(0.5)
                points.insert(1, QPointF(mid.x() + normal.dx() * offset,
                                         mid.y() + normal.dy() * offset))
            self._bend_around_vertices(points, {edge.source, edge.target})
            points[0] = source.anchor_toward(points[1])
            points[-1] = target.anchor_toward(points[-2])
            routes.append(points)
        self._spread_fan_out(routes)
        return routes

    def _spread_fan_out(self, routes: list[list[QPointF]]) -> None:
        """Arrows leaving one box start at different heights of its right side, in the order
        of their directions, so that they neither share a start nor cross there."""
        graph = self.graph
        leaving: dict[str, list[int]] = {}
        for index, edge in enumerate(graph.edges):
            if edge.target is not None and graph.role(edge.source) != "node":
                leaving.setdefault(edge.source, []).append(index)
        for source, indices in leaving.items():
            item = self.vertices[source]
            rightward = [i for i in indices if routes[i][1].x() > item.rect.right()]
            if len(rightward) < 2:
                continue
            start = QPointF(item.rect.right(), item.center.y())

            def angle(i: int, start=start) -> float:
                ahead = routes[i][1]
                return math.atan2(ahead.y() - start.y(), ahead.x() - start.x())

            half = item.rect.height() * 0.3
            ordered = sorted(rightward, key=angle)
            for rank, index in enumerate(ordered):
                offset = -half + 2 * half * rank / (len(ordered) - 1)
                routes[index][0] = QPointF(start.x(), start.y() + offset)
                if len(routes[index]) == 2:  # re-aim the tip at the new start
                    target = self.vertices[graph.edges[index].target]
                    routes[index][-1] = target.anchor_toward(routes[index][0])

    def _bend_around_vertices(self, points: list[QPointF], ends: set[str]) -> None:
        for _ in range(4):
            hit = None
            for i in range(len(points) - 1):
                for vertex_id, item in self.vertices.items():
                    if vertex_id in ends:
                        continue
                    rect = item.rect.adjusted(-ROUTE_CLEARANCE, -ROUTE_CLEARANCE,
                                              ROUTE_CLEARANCE, ROUTE_CLEARANCE)
                    if _segment_hits_rect(points[i], points[i + 1], rect):
                        hit = (i, item)
                        break
                if hit:
                    break
            if hit is None:
                return
            i, item = hit
            a, b = points[i], points[i + 1]
            center = item.center
            dx = b.x() - a.x()
            y_there = a.y() + (b.y() - a.y()) * ((center.x() - a.x()) / dx) if dx else a.y()
            half = item.rect.height() / 2 + DETOUR
            y = center.y() - half if y_there <= center.y() else center.y() + half
            points.insert(i + 1, QPointF(center.x(), y))

    def _expected_widths(self) -> list[tuple[float, float]]:
        """Width of the value and the gradient label of every edge once both passes are done,
        from a copy of the graph run to the end (the graph itself is not touched)."""
        metrics = QFontMetricsF(_font(LABEL_PIXELS, bold=True))
        minimum = metrics.horizontalAdvance(MIN_RESERVED_TEXT)
        values, grads = _final_labels(self.graph)
        return [
            (max(minimum, metrics.horizontalAdvance(v)) + 4,
             max(minimum, metrics.horizontalAdvance(g)) + 4)
            for v, g in zip(values, grads, strict=True)
        ]

    def _place_labels(self) -> None:
        """Give every edge's labels a slot free of vertices, arrows and other labels.

        Rectangles and segments are plain float tuples here: this loop runs thousands of
        times for a large expression.
        """
        height = QFontMetricsF(_font(LABEL_PIXELS, bold=True)).height()
        obstacles = [_box(item.rect, CLEARANCE) for item in self.vertices.values()]
        name_label = self.edges[-1].name_label
        if name_label is not None:
            obstacles.append(_box(name_label.sceneBoundingRect(), CLEARANCE))
        segments = [
            (edge.index, *_segment(edge.points[i], edge.points[i + 1]))
            for edge in self.edges
            for i in range(len(edge.points) - 1)
        ]
        placed: list[tuple[float, float, float, float]] = []
        rects: list[QRectF] = []
        for edge in self.edges:
            widths = self._reserved_widths[edge.index]
            best = None
            pieces = sorted(range(len(edge.points) - 1),
                            key=lambda i: -QLineF(edge.points[i], edge.points[i + 1]).length())
            for piece in pieces:
                a, b = edge.points[piece], edge.points[piece + 1]
                for t in SLOTS:
                    candidate = _label_slot(a, b, t, widths, height)
                    limit = math.inf if best is None else best[0]
                    hits = _count_hits([_box(r) for r in candidate[2:]], edge.index,
                                       obstacles, segments, placed, limit)
                    if best is None or hits < best[0]:
                        best = (hits, candidate)
                    if hits == 0:
                        break
                if best[0] == 0:
                    break
            anchor, (value_side, grad_side, slope), value_rect, grad_rect = best[1]
            edge.value_label.side, edge.grad_label.side = value_side, grad_side
            edge.value_label.place(anchor, slope)
            edge.grad_label.place(anchor, slope)
            placed.extend((_box(value_rect), _box(grad_rect)))
            rects.extend((value_rect, grad_rect))
        bounds = self.itemsBoundingRect()
        for rect in rects:
            bounds = bounds.united(rect)
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


def _box(rect: QRectF, margin: float = 0.0) -> tuple[float, float, float, float]:
    return (rect.left() - margin, rect.top() - margin, rect.right() + margin,
            rect.bottom() + margin)


def _segment(a: QPointF, b: QPointF) -> tuple[float, float, float, float, tuple]:
    """``(x0, y0, x1, y1, bounding box)`` of a segment."""
    x0, y0, x1, y1 = a.x(), a.y(), b.x(), b.y()
    return x0, y0, x1, y1, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _boxes_meet(p: tuple, q: tuple) -> bool:
    return p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]


def _segment_meets_box(x0: float, y0: float, x1: float, y1: float, box: tuple) -> bool:
    """Liang-Barsky clipping of a segment against ``(left, top, right, bottom)``."""
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > lo:
                lo = t
        elif t < hi:
            hi = t
        if lo > hi:
            return False
    return True


def _count_hits(rects, own, obstacles, segments, placed, limit=math.inf) -> int:
    """How many vertices, other arrows and placed labels the label boxes ``rects`` touch
    (counting stops at ``limit``)."""
    hits = 0
    for rect in rects:
        padded = (rect[0] - CLEARANCE, rect[1] - CLEARANCE, rect[2] + CLEARANCE,
                  rect[3] + CLEARANCE)
        spaced = (rect[0] - LABEL_SPACING, rect[1] - LABEL_SPACING, rect[2] + LABEL_SPACING,
                  rect[3] + LABEL_SPACING)
        for other in obstacles:
            if _boxes_meet(other, padded):
                hits += 1
        for other in placed:
            if _boxes_meet(other, spaced):
                hits += 1
        if hits >= limit:
            return hits
        for index, x0, y0, x1, y1, bounds in segments:
            if (index != own and _boxes_meet(bounds, padded)
                    and _segment_meets_box(x0, y0, x1, y1, padded)):
                hits += 1
                if hits >= limit:
                    return hits
    return hits


def _label_slot(a: QPointF, b: QPointF, t: float, widths: tuple[float, float],
                height: float):
    """Anchor, sides and the two reserved rectangles for labels at ``t`` along ``a``-``b``."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    anchor = QPointF(a.x() + dx * t, a.y() + dy * t)
    x, y = anchor.x(), anchor.y()
    value_width, grad_width = widths
    if abs(dx) >= 0.6 * abs(dy):
        slope = dy / dx if dx else 0.0
        rise = abs(slope) * value_width / 2
        value_rect = QRectF(x - value_width / 2, y - LABEL_GAP - rise - height,
                            value_width, height)
        rise = abs(slope) * grad_width / 2
        grad_rect = QRectF(x - grad_width / 2, y + LABEL_GAP + rise, grad_width, height)
        return anchor, ("above", "below", slope), value_rect, grad_rect
    slope = dx / dy if dy else 0.0
    run = abs(slope) * height / 2
    value_rect = QRectF(x - LABEL_GAP - run - value_width, y - height / 2, value_width, height)
    grad_rect = QRectF(x + LABEL_GAP + run, y - height / 2, grad_width, height)
    return anchor, ("left", "right", slope), value_rect, grad_rect


def _final_labels(graph: ComputationGraph) -> tuple[list[str], list[str]]:
    """The texts every edge will show once both passes are done (from a copy of ``graph``)."""
    copy = graph.copy()
    with contextlib.suppress(GraphEvaluationError):  # the labels up to the error are known
        copy.backward(graph.dout)
    count = len(copy.edges)
    values = [copy.edge_value(i) for i in range(count)]
    grads = [copy.edge_grad(i) for i in range(count)]
    return (["" if v is None else format_value(v) for v in values],
            ["" if g is None else format_value(g) for g in grads])


# --- the view ---------------------------------------------------------------------------------


class GraphView(QGraphicsView):
    """Shows a :class:`GraphScene`: fits it to the window until the user zooms; drag to pan;
    Ctrl+wheel zooms. Follows the widget palette (light or dark)."""

    #: Fitting never enlarges or shrinks the drawing beyond these factors.
    FIT_LIMITS = (0.55, 1.6)
    ZOOM_LIMITS = (0.2, 5.0)
    ZOOM_STEP = 1.2

    zoom_changed = Signal(float)

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.auto_fit = True
        self.setToolTip(self.tr("The computation graph: values above the arrows, gradients "
                                "below in red. Click a node or an input; drag to pan; "
                                "Ctrl+wheel to zoom."))
        self.setAccessibleName(self.tr("Computation graph"))
        self.setAccessibleDescription(self.tr(
            "The graph's nodes, inputs and arrows with their values and gradients; click a "
            "node or an input to show it in the side panel."))
        scene.set_palette(self.palette())

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Fit the whole graph into the view (within :data:`FIT_LIMITS`); resume fitting."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        scene = self.scene()
        rect = scene.content_rect if isinstance(scene, GraphScene) else scene.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.width() < 10 or viewport.height() < 10:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        scale = min(max(scale, self.FIT_LIMITS[0]), self.FIT_LIMITS[1])
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())
        self.zoom_changed.emit(scale)

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        """Zoom in (factor > 1) or out; stops fitting the view automatically."""
        current = self.zoom
        target = min(max(current * factor, self.ZOOM_LIMITS[0]), self.ZOOM_LIMITS[1])
        if target == current:
            return
        self.auto_fit = False
        anchor = (QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                  else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setTransformationAnchor(anchor)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(target)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(self.ZOOM_STEP ** steps, under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.auto_fit:
            self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and isinstance(self.scene(), GraphScene):
            self.scene().set_palette(self.palette())
