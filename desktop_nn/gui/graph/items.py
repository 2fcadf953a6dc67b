"""The pieces of a computation graph's picture: vertices, arrows, their labels, the colours.

Inputs and constants are rounded boxes, operation nodes circles showing their symbol; every
arrow carries its forward value above it and its gradient below it in red. All numbers and
names are :class:`QGraphicsSimpleTextItem` items (never painted pixels), so tests and assistive
tools can read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
)

from desktop_nn.gui.common.palette import colour, mix, readable
from desktop_nn.gui.graph.geometry import LABEL_GAP, rect_exit, toward

NODE_RADIUS = 32.0
BOX_HEIGHT = 40.0
ARROW_LENGTH = 13.0
ARROW_WIDTH = 11.0
LABEL_PIXELS = 20
NAME_PIXELS = 18
SYMBOL_PIXELS = 26



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


def font_of(pixels: int, *, bold: bool = False) -> QFont:
    app = QApplication.instance()
    font = QFont(app.font()) if app is not None else QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


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
        self.text_item.setFont(font_of(pixels, bold=role == "node"))
        self.text_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        box = self.text_item.boundingRect()
        self.text_item.setPos(rect.center() - box.center())

    @property
    def center(self) -> QPointF:
        return self.rect.center()

    def anchor_toward(self, point: QPointF) -> QPointF:
        """Where an arrow to or from ``point`` meets the outline."""
        target = (point.x(), point.y())
        if self.role == "node":
            center = self.center
            return QPointF(*toward((center.x(), center.y()), target, self.rect.width() / 2))
        rect = self.rect
        return QPointF(*rect_exit((rect.x(), rect.y(), rect.width(), rect.height()), target))

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
        self.head = QGraphicsPolygonItem(arrow_head(self.points[-2], tip), self)
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


def arrow_head(start: QPointF, tip: QPointF) -> QPolygonF:
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
