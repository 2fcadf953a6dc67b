"""A line that is drawn again many times a second without entering Python.

While a run goes on, the window's GUI thread and the training thread share Python's lock: every
moment the GUI thread spends running Python, or running Qt from inside a Python call, the
training waits for it between two NumPy calls. pyqtgraph's curves are Python items, so Qt calls
into Python to ask each one's bounds several times a frame and to paint it, and the line's
whole rasterisation happens inside that Python call. :class:`LiveLine` hands its line to a Qt
path item instead: Qt bounds and paints it on its own, and the lock is free for the training
while it does. Only :meth:`LiveLine.setData` runs Python, once a frame.

It stands in for a ``PlotDataItem`` where the plot needs it: in a legend (``opts``, ``name``),
in the view's automatic range (``dataBounds``) and in a logarithmic y axis (``setLogMode``).

A line that grows at its end need not be drawn again whole: points its owner says are settled
go into pieces that stay as they are (a new one every :data:`PIECE_POINTS` points), and only
the tail after them changes. Qt repaints the region of what changed: a frame repaints the few
pixels around the tail instead of the whole plot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

#: Settled pieces of a line end at multiples of this many points (the next piece, or the
#: tail, starts at the last point of the one before).
PIECE_POINTS = 32


class LiveLine(pg.GraphicsObject):
    """A polyline through ``(x, y)``, broken where a value is not finite.

    Parameters
    ----------
    pen : QPen
        The line's pen (pyqtgraph's ``mkPen``: cosmetic, its width in pixels).
    name : str or None
        The line's name (what a legend shows when it is added without a label).

    Signals
    -------
    sigPlotChanged(object)
        New data was set (as a ``PlotDataItem`` says it).
    """

    sigPlotChanged = Signal(object)

    def __init__(self, pen: QPen, name: str | None = None) -> None:
        super().__init__()
        # Qt asks an item with contents for its bounds in every frame; this one has none of
        # its own (its child draws), so Qt leaves it alone.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        #: What pyqtgraph's legend reads of a curve.
        self.opts = {"pen": pen, "name": name, "antialias": True, "symbol": None,
                     "fillLevel": None, "fillBrush": None}
        #: The line after its settled pieces (all of it when nothing is settled).
        self.path_item = QGraphicsPathItem(self)
        self.path_item.setPen(pen)
        # The pieces' parent is a Qt item (a Python one would be told of each new child).
        self._shelf = QGraphicsPathItem(self)
        self._shelf.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.pieces: list[QGraphicsPathItem] = []
        self._pieces_end = 0  # the index of the last piece's last point (the tail's first)
        self._pieces_key: object = None
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._log_y = False

    # -- what the plot asks --------------------------------------------------------------------
    def name(self) -> str | None:
        return self.opts["name"]

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        """The points last given to :meth:`setData` (shapes (n,), not log-transformed)."""
        return self._x, self._y

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, *args) -> None:
        pass  # the path item draws

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: tuple[float, float] | None = None) -> tuple:
        """The finite data's range along axis ``ax`` (0: x, 1: y) as drawn, or (None, None)."""
        x, y = self._x, self._drawn_y()
        values, other = (x, y) if ax == 0 else (y, x)
        keep = np.isfinite(values) & np.isfinite(other)
        if orthoRange is not None:
            keep &= (other >= orthoRange[0]) & (other <= orthoRange[1])
        if not keep.any():
            return (None, None)
        return (float(values[keep].min()), float(values[keep].max()))

    def pixelPadding(self) -> float:
        return self.opts["pen"].widthF() / 2

    # -- what the plot tells -------------------------------------------------------------------
    def setData(self, x: np.ndarray, y: np.ndarray, settled: int = 0,
                key: object = None) -> None:
        """Draw the line through ``x`` and ``y`` (shapes (n,)) from now on.

        The first ``settled`` points are final for as long as ``key`` (any value that compares
        equal) stays the same: the next calls with the same key keep them as they are and only
        add points after them. A different key, or none, draws the line afresh.
        """
        self._x = np.asarray(x, dtype=np.float64)
        self._y = np.asarray(y, dtype=np.float64)
        if key is None or key != self._pieces_key:
            self._drop_pieces()
        self._pieces_key = key
        self._update_path(settled if key is not None else 0)
        self.informViewBoundsChanged()
        self.sigPlotChanged.emit(self)

    def setPen(self, pen: QPen) -> None:
        self.opts["pen"] = pen
        for item in (self.path_item, *self.pieces):
            item.setPen(pen)

    def setLogMode(self, x_mode: bool, y_mode: bool) -> None:
        """Draw y on a logarithmic axis (x stays linear: iterations)."""
        if bool(y_mode) != self._log_y:
            self._log_y = bool(y_mode)
            self._drop_pieces()
            self._update_path(0)
            self.informViewBoundsChanged()

    def _drawn_y(self) -> np.ndarray:
        if not self._log_y:
            return self._y
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(self._y)

    def _update_path(self, settled: int) -> None:
        x, y = self._x, self._drawn_y()
        # Pieces end at multiples of PIECE_POINTS whose point is settled; a new piece joins the
        # last one's end to the furthest such point (all of them after a fresh start), so a
        # growing line gains a piece every few frames. The tail starts where the pieces end.
        end = (min(settled, len(x)) - 1) // PIECE_POINTS * PIECE_POINTS
        if end > self._pieces_end:
            piece = QGraphicsPathItem(self._shelf)
            piece.setPen(self.opts["pen"])
            piece.setPath(_path(x, y, self._pieces_end, end + 1))
            self.pieces.append(piece)
            self._pieces_end = end
        self.path_item.setPath(_path(x, y, self._pieces_end, len(x)))

    def _drop_pieces(self) -> None:
        scene = self.scene()
        for piece in self.pieces:
            if scene is not None:
                scene.removeItem(piece)
            else:
                piece.setParentItem(None)
        self.pieces = []
        self._pieces_end = 0
        self._pieces_key = None


def _path(x: np.ndarray, y: np.ndarray, start: int, stop: int) -> QPainterPath:
    """The path through points ``start`` to ``stop - 1``, broken where a value is missing."""
    return pg.arrayToQPath(x[start:stop], y[start:stop], connect="finite")
