"""The items a layer graph is drawn with: arrays as pictures or numbers, layer boxes, arrows.

An :class:`ArrayItem` shows one array (its value, or the gradient that arrived at it) as a heat
map, as 28×28 tiles, as a mask or, when every number fits (``simpleNet``), as numbers; a click
on an element tells the scene which one. A :class:`LayerBox` is a layer, clickable. The items
take their colours and font from the scene (:class:`Look`), so the palette and the zoom apply.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from desktop_nn.graph import format_value
from desktop_nn.gui.common.heatmaps import PictureLayout, array_image

#: Largest width and height of a heat map, and of one of its cells (scene units).
PICTURE_BOX = 120.0
MAX_CELL = 9.0
#: Digits of a number written in a cell.
CELL_DIGITS = 3


@dataclass
class Look:
    """The scene's colours and font (from the palette and the zoom)."""

    font: QFont
    text: QColor
    base: QColor
    gradient: QColor
    accent: QColor
    muted: QColor


def cell_text(value: float) -> str:
    """A number as a cell shows it (``0.21917 -> "0.219"``)."""
    return format_value(float(value), CELL_DIGITS)


class ArrayItem(QGraphicsItem):
    """One array of the graph (``part`` ``"value"`` or ``"grad"``), empty until computed."""

    def __init__(self, name: str, part: str, shape: tuple[int, ...], mode: str, numbers: bool,
                 look: Look, parent: QGraphicsItem | None = None, *,
                 scale: float | None = None) -> None:
        super().__init__(parent)
        self.name, self.part, self.array_shape, self.mode = name, part, tuple(shape), mode
        self.scale_value = scale  # the magnitude drawn at full colour (None: the largest)
        self.numbers = numbers or len(self.array_shape) == 0
        self.look = look
        self.values: np.ndarray | None = None
        self.selected_index: tuple[int, ...] | None = None
        self._image = None
        self.layout = None if self.numbers else PictureLayout.of(self.array_shape)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(False)
        self._measure()

    # -- geometry ----------------------------------------------------------------------------
    def _grid(self) -> tuple[int, int]:
        """(rows, columns) of a number grid."""
        if len(self.array_shape) == 0:
            return 1, 1
        return (1, self.array_shape[0]) if len(self.array_shape) == 1 else self.array_shape

    def _measure(self) -> None:
        self.prepareGeometryChange()
        if self.numbers:
            metrics = QFontMetricsF(self.look.font)
            self.cell = (metrics.horizontalAdvance("−0.000") + 10, metrics.height() + 6)
            rows, cols = self._grid()
        else:
            width, height = self.layout.size
            if self.layout.tile_axis is not None:
                scale = 2.0 if self.layout.tiles <= 4 else 1.0
                self.cell = (scale, scale)
            else:
                self.cell = (min(MAX_CELL, PICTURE_BOX / width),
                             min(MAX_CELL, PICTURE_BOX / height))
            rows, cols = height, width
        self.size = (cols * self.cell[0], rows * self.cell[1])

    def set_look(self, look: Look) -> None:
        self.look = look
        self._measure()
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.size[0] + 4, self.size[1] + 4)

    def index_at(self, point: QPointF) -> tuple[int, ...] | None:
        """The element under ``point`` (item coordinates), or None."""
        x, y = point.x() / self.cell[0], point.y() / self.cell[1]
        if self.numbers:
            rows, cols = self._grid()
            if not (0 <= x < cols and 0 <= y < rows):
                return None
            return {0: (), 1: (int(x),), 2: (int(y), int(x))}[len(self.array_shape)]
        return self.layout.index_at(x, y)

    def cell_rect(self, index: tuple[int, ...]) -> QRectF:
        """The rectangle (item coordinates) that draws element ``index``."""
        if self.numbers:
            col, row = (0, 0)
            if len(index) == 1:
                col = index[0]
            elif len(index) == 2:
                col, row = index[1], index[0]
        else:
            col, row = self.layout.position_of(index)
        w, h = self.cell
        return QRectF(col * w, row * h, w, h)

    # -- state -------------------------------------------------------------------------------
    def set_values(self, values) -> None:
        """Show ``values`` (None: not computed yet)."""
        self.values = None if values is None else np.asarray(values)
        self._image = None
        if self.values is not None and not self.numbers:
            self._image = array_image(self.values.astype(np.float64), self.layout, self.mode,
                                      self.scale_value)
        self.update()

    def texts(self) -> list[str]:
        """The numbers written in the cells, row by row ([] for a picture or nothing yet)."""
        if self.values is None or not self.numbers:
            return []
        return [cell_text(v) for v in np.atleast_1d(self.values).ravel()]

    def select(self, index: tuple[int, ...] | None) -> None:
        self.selected_index = index
        self.update()

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, painter, option, widget=None) -> None:
        look = self.look
        frame = look.gradient if self.part == "grad" else look.muted
        rect = QRectF(0, 0, *self.size)
        if self.values is None:
            painter.fillRect(rect, QBrush(look.base))
        elif self.numbers:
            self._paint_numbers(painter)
        else:
            painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(rect, self._image)
        painter.setPen(QPen(frame, 1.5 if self.part == "grad" else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if self.selected_index is not None:  # a ring that stands out on any colour
            cell = self.cell_rect(self.selected_index)
            grow = max(2.0, (9 - cell.width()) / 2), max(2.0, (9 - cell.height()) / 2)
            ring = cell.adjusted(-grow[0], -grow[1], grow[0], grow[1])
            painter.setPen(QPen(look.base, 4.0))
            painter.drawRect(ring)
            painter.setPen(QPen(look.text, 2.0))
            painter.drawRect(ring)

    def _paint_numbers(self, painter) -> None:
        look = self.look
        painter.setFont(look.font)
        painter.setPen(look.gradient if self.part == "grad" else look.text)
        values = np.atleast_1d(self.values)
        rows, cols = self._grid()
        grid = values.reshape(rows, cols)
        w, h = self.cell
        for row in range(rows):
            for col in range(cols):
                painter.drawText(QRectF(col * w, row * h, w, h), Qt.AlignmentFlag.AlignCenter,
                                 cell_text(grid[row, col]))

    def mousePressEvent(self, event) -> None:
        index = self.index_at(event.pos())
        scene = self.scene()
        if index is not None and self.values is not None and hasattr(scene, "cell_clicked"):
            scene.cell_clicked.emit(self.name, self.part, index)
            event.accept()
            return
        event.ignore()


class LayerBox(QGraphicsItem):
    """A layer: its name in a rounded box; bold while active, framed when selected."""

    PADDING = (16.0, 12.0)

    def __init__(self, name: str, look: Look, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.look = look
        self.active = False
        self.selected = False
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(name)

    @property
    def size(self) -> tuple[float, float]:
        metrics = QFontMetricsF(self._font())
        return (max(90.0, metrics.horizontalAdvance(self.name) + 2 * self.PADDING[0]),
                metrics.height() + 2 * self.PADDING[1])

    def _font(self) -> QFont:
        font = QFont(self.look.font)
        font.setBold(True)
        return font

    def set_look(self, look: Look) -> None:
        self.prepareGeometryChange()
        self.look = look
        self.update()

    def set_state(self, *, active: bool, selected: bool) -> None:
        self.active, self.selected = active, selected
        self.update()

    def boundingRect(self) -> QRectF:
        w, h = self.size
        return QRectF(-3, -3, w + 6, h + 6)

    def paint(self, painter, option, widget=None) -> None:
        look = self.look
        rect = QRectF(0, 0, *self.size)
        fill = QColor(look.accent)
        fill.setAlpha(70 if self.active else 25)
        painter.setBrush(fill)
        painter.setPen(QPen(look.accent if self.selected else look.text,
                            3.0 if self.selected else 1.2))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setFont(self._font())
        painter.setPen(look.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.name)

    def mousePressEvent(self, event) -> None:
        scene = self.scene()
        if hasattr(scene, "layer_clicked"):
            scene.layer_clicked.emit(self.name)
        event.accept()


class ArrowItem(QGraphicsItem):
    """A straight arrow from ``start`` to ``end`` (scene coordinates), solid or dashed."""

    HEAD = 8.0

    def __init__(self, start: QPointF, end: QPointF, colour: QColor, *, dashed: bool = False,
                 width: float = 1.4, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.line = QLineF(start, end)
        self.colour = colour
        self.dashed = dashed
        self.width = width
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_colour(self, colour: QColor) -> None:
        self.colour = colour
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self.line.p1(), self.line.p2()).normalized().adjusted(-10, -10, 10, 10)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(self, painter, option, widget=None) -> None:
        pen = QPen(self.colour, self.width)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(self.line)
        unit = self.line.unitVector()
        direction = QPointF(unit.dx(), unit.dy())
        normal = QPointF(-direction.y(), direction.x())
        tip = self.line.p2()
        back = tip - direction * self.HEAD
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawPolygon(QPolygonF([tip, back + normal * self.HEAD / 2,
                                       back - normal * self.HEAD / 2]))
