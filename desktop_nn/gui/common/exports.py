"""Plots as files: PNG at twice the on-screen size, SVG as vector graphics.

Both draw the plot the way it looks on screen, with the legend, the axis text and the lines in
the same proportions at any size (pyqtgraph's ImageExporter enlarges the axis text but not the
legend). What only the pointer brings up (the hover readout, pyqtgraph's auto-range button) is
left out: it describes the pointer, not the data.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from desktop_nn.fileio import atomic_save

#: A PNG is drawn at this many pixels per on-screen pixel (crisp on paper and on slides).
PNG_SCALE = 2


def render_png(view: QGraphicsView, path: str, scale: float = PNG_SCALE) -> None:
    """Draw a plot (a graphics view) into a PNG file, everything enlarged ``scale`` times."""
    source = view.viewport().rect()
    image = QImage(round(source.width() * scale), round(source.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        view.render(painter, QRectF(image.rect()), source)
    finally:
        painter.end()
    if not image.save(path, "PNG"):
        raise OSError(f"cannot write {path}")


@contextlib.contextmanager
def hover_button_hidden(view: QGraphicsView) -> Iterator[None]:
    """Keep out the "A" (auto-range) button pyqtgraph shows while the pointer is on a plot."""
    button = getattr(view.getPlotItem(), "autoBtn", None) if hasattr(view, "getPlotItem") else None
    if button is None:
        yield
        return
    visible = button.isVisible()
    button.setVisible(False)
    try:
        yield
    finally:
        button.setVisible(visible)


@contextlib.contextmanager
def legend_scaled_with_the_plot(view: QGraphicsView) -> Iterator[None]:
    """Let the legend grow with everything else while a plot is drawn larger than on screen.

    pyqtgraph keeps a legend the same size whatever the view's transformation (it ignores
    transformations), so an enlarged picture would show it at its on-screen size next to
    enlarged axis text.
    """
    legend = getattr(view.getPlotItem(), "legend", None) if hasattr(view, "getPlotItem") else None
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    if legend is None or not legend.flags() & flag:
        yield
        return
    legend.setFlag(flag, False)
    try:
        yield
    finally:
        legend.setFlag(flag, True)


def render_svg(widget: QWidget, path: str) -> None:
    """Draw ``widget`` as vector graphics into an SVG file.

    Qt's own SVG generator is used because pyqtgraph's SVGExporter cannot parse the path data
    that Qt 6.8+ writes (pyqtgraph issue 3485).
    """
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(widget.width(), widget.height()))
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(widget.objectName())
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {path}")
    try:
        widget.render(painter)
    finally:
        painter.end()


@contextlib.contextmanager
def drawn_without_caches(view: QGraphicsView) -> Iterator[None]:
    """Let every item draw itself: an item kept as a cached picture on screen would go into
    an SVG as a picture of pixels."""
    no_cache = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in view.scene().items()
              if item.cacheMode() != no_cache]
    for item, _mode in cached:
        item.setCacheMode(no_cache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


def export_plot(plot: QGraphicsView, path: str | os.PathLike) -> Path:
    """Write ``plot`` to ``path`` (.png or .svg) atomically, without its hover readout."""
    target = Path(path)
    render = render_svg if target.suffix.lower() == ".svg" else render_png
    readout = getattr(plot, "readout", None)
    with contextlib.ExitStack() as stack:
        if readout is not None:
            stack.enter_context(readout.hidden())
        stack.enter_context(hover_button_hidden(plot))
        stack.enter_context(legend_scaled_with_the_plot(plot))
        if render is render_svg:
            stack.enter_context(drawn_without_caches(plot))
        atomic_save(target, lambda name: render(plot, name))
    return target
