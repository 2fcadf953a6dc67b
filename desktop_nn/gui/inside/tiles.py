"""W1 as pictures: one 28x28 tile per hidden unit, in a diverging blue-neutral-vermillion map.

Column ``j`` of ``W1`` (784 weights) holds what hidden unit ``j`` multiplies each input pixel by;
laid out as 28x28 it shows where ink switches the unit on (vermillion), where it switches it off
(blue), and where it does not matter (the neutral background colour).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPalette, qRgb
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget

from desktop_nn.gui.common.palette import colour, plot_background
from desktop_nn.gui.inside.tile_maths import (
    GAP,
    HALF_LEVELS,
    SIDE,
    colour_indices,
    grid_shape,
    normalised_tiles,
)

NEGATIVE = "blue"
POSITIVE = "vermillion"


def diverging_lut(neutral: QColor) -> np.ndarray:
    """A colour table (255, 3) uint8: Okabe-Ito blue, through ``neutral`` (entry 127), to
    vermillion."""
    ends = [np.array(colour(name).getRgb()[:3], dtype=np.float64)
            for name in (NEGATIVE, POSITIVE)]
    middle = np.array(neutral.getRgb()[:3], dtype=np.float64)
    position = np.arange(-HALF_LEVELS, HALF_LEVELS + 1)[:, np.newaxis] / HALF_LEVELS
    below = middle + (ends[0] - middle) * np.clip(-position, 0, 1)
    above = middle + (ends[1] - middle) * np.clip(position, 0, 1)
    return np.rint(np.where(position < 0, below, above)).astype(np.uint8)


class TileCanvas(QWidget):
    """Paints the tile grid: one image of all tiles (rebuilt when the weights change), enlarged
    without smoothing to the current magnification."""

    unit_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.tiles: np.ndarray | None = None  # (hidden, 28, 28) in [-1, 1]
        self.ranges: np.ndarray | None = None  # (hidden, 2): min and max weight per unit
        self.columns = self.rows = 0
        self.scale = 1.0
        self.message = ""
        self.image: QImage | None = None
        self.render_count = 0

    def pitch(self) -> float:
        """Screen pixels from one tile's left edge to the next one's."""
        return (SIDE + GAP) * self.scale

    def left_margin(self) -> float:
        """The grid is centred horizontally: the blank width to its left."""
        return max(0.0, (self.width() - (self.columns * self.pitch() - GAP * self.scale)) / 2)

    def set_layout(self, columns: int, rows: int, scale: float) -> None:
        if (columns, rows) != (self.columns, self.rows):
            self.columns, self.rows, self.scale = columns, rows, scale
            self._render()
        elif scale != self.scale:
            self.scale = scale
            self.update()

    def set_tiles(self, tiles: np.ndarray | None, ranges: np.ndarray | None) -> None:
        self.tiles, self.ranges = tiles, ranges
        self._render()

    def _render(self) -> None:
        """Compose all tiles into one image, one pixel per weight.

        The grid is built as colour-table indices (one byte a weight, NumPy only) and turned
        into RGB by Qt in one pass; the background between tiles is the neutral entry.
        """
        if self.tiles is None or not self.columns:
            self.image = None
            self.update()
            return
        self.render_count += 1
        count, pitch = len(self.tiles), SIDE + GAP
        cells = np.full((self.rows * self.columns, pitch, pitch), HALF_LEVELS, dtype=np.uint8)
        cells[:count, :SIDE, :SIDE] = colour_indices(self.tiles)
        grid = cells.reshape(self.rows, self.columns, pitch, pitch).transpose(0, 2, 1, 3)
        grid = grid.reshape(self.rows * pitch, self.columns * pitch)[:-GAP, :-GAP]
        width = grid.shape[1]
        stride = (width + 3) // 4 * 4  # QImage rows start on 4-byte boundaries
        padded = np.zeros((grid.shape[0], stride), dtype=np.uint8)
        padded[:, :width] = grid
        indexed = QImage(padded.data, width, grid.shape[0], stride, QImage.Format.Format_Indexed8)
        indexed.setColorTable([qRgb(*map(int, rgb)) for rgb in diverging_lut(plot_background())])
        self.image = indexed.convertToFormat(QImage.Format.Format_RGB32)
        self.update()

    def unit_at(self, point: QPoint) -> int | None:
        """The hidden unit whose tile is under ``point`` (widget coordinates), if any."""
        if self.tiles is None or not self.columns:
            return None
        pitch = self.pitch()
        x = point.x() - self.left_margin()
        if x < 0:
            return None
        column, row = int(x // pitch), int(point.y() // pitch)
        if not (0 <= column < self.columns and 0 <= row < self.rows):
            return None
        unit = row * self.columns + column
        return unit if unit < len(self.tiles) else None

    def tile_rect(self, unit: int) -> QRect:
        """Where unit ``unit``'s tile is drawn (widget coordinates)."""
        row, column = divmod(unit, self.columns)
        pitch = self.pitch()
        side = round(SIDE * self.scale)
        return QRect(round(self.left_margin() + column * pitch), round(row * pitch), side, side)

    def describe(self, unit: int) -> str:
        low, high = self.ranges[unit]
        return self.tr("Hidden unit {unit}: weights from {low} to {high}").format(
            unit=unit, low=f"{low:.3g}", high=f"{high:.3g}")

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            unit = self.unit_at(event.pos())
            if unit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(unit), self,
                                  self.tile_rect(unit))
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        unit = self.unit_at(event.position().toPoint())
        if unit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.unit_clicked.emit(unit)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), plot_background())
        if self.image is not None:
            target = QRectF(self.left_margin(), 0, self.image.width() * self.scale,
                            self.image.height() * self.scale)
            painter.drawImage(target, self.image)  # no smoothing: sharp weights
        elif self.message:
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter |
                                              Qt.TextFlag.TextWordWrap), self.message)
        painter.end()


class WeightTilesView(QScrollArea):
    """The grid of W1 tiles, as large as the space allows, scrolling when it cannot fit.

    Signals
    -------
    unit_clicked(int)
        A tile was clicked; the argument is its hidden unit's index.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightTilesView")
        self.setAccessibleName(self.tr("Weights of the first layer (W1)"))
        self.setAccessibleDescription(self.tr(
            "One 28×28 tile per hidden unit; click a tile to describe its unit."))
        self.canvas = TileCanvas()
        self.unit_clicked = self.canvas.unit_clicked
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.common_scale = False
        self._weights: np.ndarray | None = None
        self.show_message("")

    def sizeHint(self) -> QSize:
        return QSize(10 * (SIDE + GAP) * 3, 5 * (SIDE + GAP) * 3)

    def tile_count(self) -> int:
        """How many tiles are shown (the hidden size, or 0 without a model)."""
        tiles = self.canvas.tiles
        return 0 if tiles is None else len(tiles)

    def tiles(self) -> np.ndarray | None:
        """The shown tiles (hidden, 28, 28), scaled to [-1, 1]."""
        return self.canvas.tiles

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of tiles (for example, when there is no model yet)."""
        self._weights = None
        self.canvas.message = text
        self.canvas.set_tiles(None, None)
        self._fit()

    def set_weights(self, W1: np.ndarray) -> None:
        """Show ``W1`` (784, hidden): one tile per column."""
        self._weights = np.array(W1, dtype=np.float32)
        self._refresh_tiles()

    def set_common_scale(self, common: bool) -> None:
        self.common_scale = common
        if self._weights is not None:
            self._refresh_tiles()

    def _refresh_tiles(self) -> None:
        weights = self._weights
        ranges = np.stack([weights.min(axis=0), weights.max(axis=0)], axis=1)
        count = weights.shape[1]
        previous = self.tile_count()
        self.canvas.message = ""
        if count != previous:
            self.canvas.tiles = None  # the layout changes: render once, after fitting
            self._fit(count)
        self.canvas.set_tiles(normalised_tiles(weights, self.common_scale), ranges)

    def _fit(self, count: int | None = None) -> None:
        count = self.tile_count() if count is None else count
        viewport = self.viewport().size()
        if count == 0:
            self.canvas.set_layout(0, 0, 1)
            self.canvas.resize(viewport)
            return
        columns, rows, scale = grid_shape(count, max(viewport.width(), SIDE + GAP),
                                          max(viewport.height(), SIDE + GAP))
        self.canvas.set_layout(columns, rows, scale)
        pitch = (SIDE + GAP) * scale
        self.canvas.resize(viewport.width(), max(viewport.height(), int(np.ceil(rows * pitch))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class DivergingLegend(QWidget):
    """A colour bar: negative (blue), zero (neutral), positive (vermillion), with words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightLegend")
        self.setToolTip(self.tr("How the tiles' colours read: blue is a negative weight, "
                                "vermillion a positive one, the background colour zero."))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 18)
        self.labels = (self.tr("− inhibits"), "0", self.tr("+ excites"))

    def sizeHint(self) -> QSize:
        return QSize(280, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        bar = QRect(0, 0, self.width(), 12)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        gradient.setColorAt(0.0, colour(NEGATIVE))
        gradient.setColorAt(0.5, plot_background())
        gradient.setColorAt(1.0, colour(POSITIVE))
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        painter.setPen(text_colour)
        text_rect = QRect(0, 14, self.width(), self.height() - 14)
        for label, alignment in zip(self.labels, (Qt.AlignmentFlag.AlignLeft,
                                                  Qt.AlignmentFlag.AlignHCenter,
                                                  Qt.AlignmentFlag.AlignRight), strict=True):
            painter.drawText(text_rect, int(alignment | Qt.AlignmentFlag.AlignTop), label)
        painter.end()
