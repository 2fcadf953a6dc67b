"""A widget that shows one array as a heat map, scaled to fit, with the element under the mouse.

:class:`HeatMapView` draws an array with :mod:`~desktop_nn.gui.common.heatmaps` (one pixel an
element, enlarged without smoothing, its aspect kept) and names the element under the mouse in
its tooltip (``W1[300, 7] = 1.2e-09``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_nn.gui.common.heatmaps import PictureLayout, array_image


class HeatMapView(QWidget):
    """An array as a picture (``mode`` as in :func:`~desktop_nn.gui.common.heatmaps.colours`)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.values: np.ndarray | None = None
        self.layout_of: PictureLayout | None = None
        self._image = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(24, 16)

    def set_array(self, values: np.ndarray | None, mode: str = "magnitude",
                  columns: int | None = None) -> None:
        """Show ``values`` (1-D or 2-D; None clears); ``columns``: tiles in a row."""
        if values is None:
            self.values = self.layout_of = self._image = None
        else:
            self.values = np.asarray(values, dtype=np.float64)
            self.layout_of = PictureLayout.of(self.values.shape, columns)
            self._image = array_image(self.values, self.layout_of, mode)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        if self.layout_of is None:
            return QSize(120, 60)
        width, height = self.layout_of.size
        scale = max(1.0, min(4.0, 120 / max(width, height)))
        return QSize(int(width * scale), int(height * scale))

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, its aspect kept, centred."""
        if self.layout_of is None:
            return QRectF()
        width, height = self.layout_of.size
        scale = min(self.width() / width, self.height() / height)
        w, h = width * scale, height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def index_at(self, point: QPointF) -> tuple[int, ...] | None:
        """The element drawn at ``point`` (widget coordinates), or None."""
        rect = self.picture_rect()
        if rect.isEmpty() or not rect.contains(point):
            return None
        width, height = self.layout_of.size
        x = (point.x() - rect.left()) / rect.width() * width
        y = (point.y() - rect.top()) / rect.height() * height
        return self.layout_of.index_at(x, y)

    def element_text(self, index: tuple[int, ...]) -> str:
        where = ", ".join(str(k) for k in index)
        return f"{self.name}[{where}] = {self.values[index]:.3g}"

    def mouseMoveEvent(self, event) -> None:
        index = self.index_at(event.position())
        if index is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.element_text(index), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = self.picture_rect()
        if self._image is not None and not rect.isEmpty():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(rect, self._image)
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.update()

    def clear(self) -> None:
        self.set_array(None)
