"""Any view as a picture: a PNG at the screen's or a chosen resolution, an SVG with real text.

A view is a graphics view (a pyqtgraph plot, a graph scene's view), a table, or any widget with
whatever it holds. The picture shows the view as it looks on screen, without what only the
pointer or the keyboard brings up: hover readouts, pyqtgraph's auto-range button, selected
items and cells, the current cell's outline, and the selection a widget draws itself (a widget
with a ``without_selection()`` context manager leaves it out while the picture is drawn). A
graphics view gives its visible scene area (not its scroll bars); any other widget gives itself
with its children.

A PNG is drawn at ``scale`` device pixels per on-screen pixel, the way a high-resolution screen
draws it, so text, lines and legends keep their proportions and stay sharp at any scale.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QPaintDevice, QPainter
from PySide6.QtWidgets import QAbstractItemView, QGraphicsItem, QGraphicsView, QWidget

from desktop_nn.fileio import atomic_save
from desktop_nn.gui.common.exports import hover_button_hidden
from desktop_nn.gui.common.plot_style import HoverReadout

#: The largest scale a PNG may be drawn at (a 1000-pixel view gives 8000 pixels).
MAX_SCALE = 8.0


def screen_scale(widget: QWidget) -> float:
    """The screen's device pixels per on-screen pixel where ``widget`` is shown (1 or more)."""
    return max(1.0, float(widget.devicePixelRatioF()))


def picture_size(view: QWidget) -> QSize:
    """The picture's size in on-screen pixels: a graphics view's viewport, else the widget."""
    if isinstance(view, QGraphicsView):
        return view.viewport().size()
    return view.size()


def render_image(view: QWidget, scale: float | None = None) -> QImage:
    """Draw ``view`` (cleaned, see :func:`clean_for_picture`) into an image.

    ``scale`` is the number of image pixels per on-screen pixel (the screen's when None).
    """
    scale = screen_scale(view) if scale is None else float(scale)
    if not 0 < scale <= MAX_SCALE:
        raise ValueError(f"the scale must be above 0 and at most {MAX_SCALE:g}")
    size = picture_size(view)
    if size.isEmpty():
        raise ValueError("the view has no size to draw (is it shown?)")
    image = QImage(round(size.width() * scale), round(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    with clean_for_picture(view):
        _paint(view, image, size)
    return image


def svg_bytes(view: QWidget) -> bytes:
    """``view`` as an SVG document whose texts are ``<text>`` elements."""
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = picture_size(view)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(view.objectName() or type(view).__name__)
    with clean_for_picture(view):
        _paint(view, generator, size)
    buffer.close()
    return bytes(buffer.data().data())


def _paint(view: QWidget, device: QPaintDevice, size: QSize) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw the picture")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        if isinstance(view, QGraphicsView):
            target = QRectF(0, 0, size.width(), size.height())
            view.render(painter, target, view.viewport().rect())
        else:
            QWidget.render(view, painter, QPoint())
    finally:
        painter.end()


def export_view(view: QWidget, path: str | os.PathLike, scale: float | None = None) -> Path:
    """Write ``view`` to ``path`` atomically: SVG for a .svg name, else PNG at ``scale``.

    The file appears complete or not at all; an existing file keeps its contents on failure.
    """
    target = Path(path)
    if target.suffix.lower() == ".svg":
        data = svg_bytes(view)

        def write(name: str) -> None:
            with open(name, "wb") as stream:
                stream.write(data)
    else:
        image = render_image(view, scale)

        def write(name: str) -> None:
            if not image.save(name, "PNG"):
                raise OSError(f"cannot write {target.name}")
    atomic_save(target, write)
    return target


def copy_view(view: QWidget) -> QImage:
    """Put ``view`` on the clipboard as an image at the screen's resolution; return it.

    (Only an image: a QMimeData holding image data crashes the interpreter's exit.)
    """
    image = render_image(view)
    QGuiApplication.clipboard().setImage(image)
    return image


# -- what the picture leaves out ---------------------------------------------------------------
@contextlib.contextmanager
def clean_for_picture(view: QWidget) -> Iterator[None]:
    """Leave out hover readouts, selections and cached item pixmaps while ``view`` is drawn."""
    graphics = _with_children(view, QGraphicsView)
    with contextlib.ExitStack() as stack:
        for readout in _with_children(view, HoverReadout):
            stack.enter_context(readout.hidden())
        for graphics_view in graphics:
            stack.enter_context(hover_button_hidden(graphics_view))
            stack.enter_context(_scene_unselected(graphics_view))
            stack.enter_context(_items_uncached(graphics_view))
        for item_view in _with_children(view, QAbstractItemView):
            stack.enter_context(_cells_unselected(item_view))
        for widget in _with_children(view, QWidget):
            without_selection = getattr(widget, "without_selection", None)
            if callable(without_selection):
                stack.enter_context(without_selection())
        yield


def _with_children(view: QWidget, kind: type) -> list:
    found = [view] if isinstance(view, kind) else []
    return found + list(view.findChildren(kind))


@contextlib.contextmanager
def _scene_unselected(view: QGraphicsView) -> Iterator[None]:
    """No selection outline: the scene's selection is cleared, then put back, silently."""
    scene = view.scene()
    selected = scene.selectedItems() if scene is not None else []
    if not selected:
        yield
        return
    blocked = scene.blockSignals(True)
    try:
        scene.clearSelection()
        yield
    finally:
        for item in selected:
            item.setSelected(True)
        scene.blockSignals(blocked)


@contextlib.contextmanager
def _items_uncached(view: QGraphicsView) -> Iterator[None]:
    """Draw every item afresh (a cached item would be a bitmap, its text no text in an SVG)."""
    scene = view.scene()
    cached = [(item, item.cacheMode()) for item in (scene.items() if scene is not None else [])
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


@contextlib.contextmanager
def _cells_unselected(view: QAbstractItemView) -> Iterator[None]:
    """No selected cells and no current-cell outline; both are put back, silently."""
    model = view.selectionModel()
    if model is None:
        yield
        return
    # Kept cell by cell, as persistent indexes (putting back the QItemSelection taken before
    # the clearing once left the selected row unselected in a full test run).
    selected = [QPersistentModelIndex(index) for index in model.selectedIndexes()]
    current = QPersistentModelIndex(model.currentIndex())
    blocked = model.blockSignals(True)
    try:
        model.clearSelection()
        model.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        yield
    finally:
        selection = QItemSelection()
        for kept in selected:
            if kept.isValid():
                index = QModelIndex(kept)
                selection.select(index, index)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model.setCurrentIndex(QModelIndex(current), QItemSelectionModel.SelectionFlag.NoUpdate)
        model.blockSignals(blocked)
        view.viewport().update()
