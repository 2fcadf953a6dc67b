"""A square to write a digit in: white, round, anti-aliased strokes on black, like MNIST's ink.

The strokes go into a 280x280 grey image (ten times MNIST's 28x28) whatever the size the square
is shown at (it grows with the window, for a projector); :meth:`DrawCanvas.pixels` returns the
image as a NumPy array for :func:`desktop_nn.core.preprocess.to_mnist`. A mouse and a graphics
tablet both draw; a pen's pressure makes its line a little thinner or thicker. Positions and
the pen width are in the image's pixels.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_nn.image_files import grey_qimage

#: Side of the canvas in pixels (the drawing is this size whatever the screen's scaling).
CANVAS_SIZE = 280
#: The pen's default width. A digit written across most of the square comes out of MNIST's
#: scaling with strokes 2 to 3 pixels wide and about as much ink as MNIST's digits carry
#: (measured: a "3" 200 pixels tall gets 86 units of ink, 140 pixels tall 114; MNIST's 3s
#: average 112).
DEFAULT_PEN_WIDTH = 24
PEN_WIDTH_RANGE = (4, 48)
#: Strokes kept for Undo.
UNDO_DEPTH = 30


class DrawCanvas(QWidget):
    """A black square, at least 280 pixels wide; drag the left mouse button (or a pen) to write.

    Signals
    -------
    changed()
        The drawing changed (emitted for every stroke segment, so possibly very often).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setMinimumSize(CANVAS_SIZE + 2, CANVAS_SIZE + 2)  # a pixel of frame each side
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setToolTip(
            self.tr("Write one digit here with the mouse or a pen; it is read as you write."))
        self.setAccessibleName(self.tr("Drawing canvas"))
        self.setAccessibleDescription(self.tr(
            "Drag the left mouse button or a pen to write; Delete clears, Ctrl+Z undoes."))
        self.image = QImage(CANVAS_SIZE, CANVAS_SIZE, QImage.Format.Format_RGB32)
        self.image.fill(QColor("black"))
        self.pen_width = DEFAULT_PEN_WIDTH
        self._empty = True
        self._last_point: QPointF | None = None
        self._undo: list[tuple[QImage, bool]] = []

    def sizeHint(self) -> QSize:
        return QSize(CANVAS_SIZE + 2, CANVAS_SIZE + 2)

    def square(self) -> QRectF:
        """Where the drawing is shown: the largest centred square inside the frame."""
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def widget_point(self, point: QPointF) -> QPointF:
        """Widget coordinates of a point given in the image's pixels (the inverse of input)."""
        square = self.square()
        factor = square.width() / CANVAS_SIZE
        return QPointF(square.left() + point.x() * factor, square.top() + point.y() * factor)

    # -- the drawing as data -----------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when nothing has been drawn since the canvas was cleared."""
        return self._empty

    def pixels(self) -> np.ndarray:
        """The drawing as grey levels: ndarray (280, 280), float64 in [0, 1], ink bright."""
        grey = self.image.convertToFormat(QImage.Format.Format_Grayscale8)
        buffer = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.sizeInBytes())
        rows = buffer.reshape(CANVAS_SIZE, grey.bytesPerLine())[:, :CANVAS_SIZE]
        return rows / 255.0

    def set_image(self, pixels: np.ndarray) -> None:
        """Replace the drawing with a grey picture (bright ink on black).

        Parameters
        ----------
        pixels : ndarray, shape (H, W)
            uint8 0..255 or floats in [0, 1]. A picture of another size is scaled smoothly to
            fit the canvas, keeping its aspect ratio, and centred.
        """
        self._remember()
        picture = grey_qimage(pixels)
        if picture.size() != self.image.size():
            picture = picture.scaled(CANVAS_SIZE, CANVAS_SIZE,
                                     Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        self.image.fill(QColor("black"))
        painter = QPainter(self.image)
        painter.drawImage(QPointF((CANVAS_SIZE - picture.width()) / 2,
                                  (CANVAS_SIZE - picture.height()) / 2), picture)
        painter.end()
        self._empty = not bool(np.asarray(pixels).any())
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        """Wipe the drawing (Undo brings it back)."""
        if self._empty:
            return
        self._remember()
        self.image.fill(QColor("black"))
        self._empty = True
        self.update()
        self.changed.emit()

    def undo(self) -> bool:
        """Take back the last stroke, clear or picture; False if there is nothing to undo."""
        if not self._undo:
            return False
        self.image, self._empty = self._undo.pop()
        self.update()
        self.changed.emit()
        return True

    def can_undo(self) -> bool:
        return bool(self._undo)

    def set_pen_width(self, width: int) -> None:
        low, high = PEN_WIDTH_RANGE
        self.pen_width = int(min(max(width, low), high))

    def _remember(self) -> None:
        self._undo.append((self.image.copy(), self._empty))
        del self._undo[:-UNDO_DEPTH]

    # -- drawing -----------------------------------------------------------------------------
    def _to_image(self, position: QPointF) -> QPointF:
        square = self.square()
        factor = CANVAS_SIZE / square.width()
        return QPointF((position.x() - square.left()) * factor,
                       (position.y() - square.top()) * factor)

    def begin_stroke(self, point: QPointF, width: float | None = None) -> None:
        """Start a stroke at ``point`` (canvas pixels): a round dot the pen's width."""
        self._remember()
        self._last_point = point
        self._draw_segment(point, point, width)

    def continue_stroke(self, point: QPointF, width: float | None = None) -> None:
        """Draw a line from the last point of the stroke to ``point`` (canvas pixels)."""
        if self._last_point is None:
            self.begin_stroke(point, width)
            return
        self._draw_segment(self._last_point, point, width)
        self._last_point = point

    def end_stroke(self) -> None:
        self._last_point = None

    def _draw_segment(self, start: QPointF, end: QPointF, width: float | None) -> None:
        width = float(self.pen_width if width is None else width)
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("white"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if start == end:
            painter.drawPoint(start)
        else:
            painter.drawLine(start, end)
        painter.end()
        self._empty = False
        margin = width / 2 + 2
        dirty = QRectF(start, end).normalized().adjusted(-margin, -margin, margin, margin)
        square = self.square()
        factor = square.width() / CANVAS_SIZE
        self.update(QRectF(square.left() + dirty.left() * factor,
                           square.top() + dirty.top() * factor,
                           dirty.width() * factor, dirty.height() * factor).toAlignedRect())
        self.changed.emit()

    # -- events ------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(self._to_image(event.position()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._last_point is not None:
            self.continue_stroke(self._to_image(event.position()))
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # A pen's pressure (0..1, about 0.5 when writing normally) thins or thickens the line.
        width = self.pen_width * (0.6 + 0.8 * min(max(event.pressure(), 0.0), 1.0))
        point = self._to_image(event.position())
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(point, width)
        elif kind == QTabletEvent.Type.TabletMove and self._last_point is not None:
            self.continue_stroke(point, width)
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end_stroke()
        event.accept()  # no mouse event is synthesised for an accepted tablet event

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Window))
        square = self.square()
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(square.adjusted(-1, -1, 0, 0))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(square, self.image)
        painter.end()
