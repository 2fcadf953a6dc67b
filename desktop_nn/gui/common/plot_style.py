"""The plots' common ground: the window's colours and axes, and a hover readout.

Every plot of the window (the Training tab's curves, the Inside tab's histograms) is a
:class:`PalettePlot` styled by :func:`style_plot`, so they all follow a light or dark palette as
it changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from desktop_nn.gui.common.palette import plot_background, plot_foreground
from desktop_nn.gui.common.zoom import font_points

#: How opaque the veil under a legend is (0..255): the curves stay visible beneath it.
LEGEND_VEIL_ALPHA = 210


class IntegerAxis(pg.AxisItem):
    """An axis that labels whole numbers only (epochs)."""

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        result = []
        for spacing, values in levels:
            if spacing < 1:
                continue
            result.append((spacing, [v for v in values if float(v).is_integer()]))
        return result or [(1.0, [float(v) for v in range(int(np.ceil(minVal)),
                                                         int(np.floor(maxVal)) + 1)])]


def style_plot(widget: pg.PlotWidget, left: str, bottom: str) -> None:
    """Give a plot the window's colours, axis labels, a faint grid and cached axes."""
    # The plot paints its whole area itself: Qt need not paint the widgets beneath it first.
    widget.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    item = widget.getPlotItem()
    item.setLabel("left", left)
    item.setLabel("bottom", bottom)
    apply_palette(widget)
    apply_fonts(widget)
    item.showGrid(x=True, y=True, alpha=0.15)
    widget.setMenuEnabled(False)
    # Axes (with their text) are repainted whenever a curve next to them changes; keeping
    # them as device pixmaps makes that a cheap copy until the axis itself changes.
    for axis in ("left", "bottom"):
        item.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def apply_palette(widget: pg.PlotWidget) -> None:
    """Colour a plot from the current palette (light or dark); called again when it changes."""
    widget.setBackground(plot_background())
    foreground = plot_foreground()
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
        if axis.labelText:
            axis.setLabel(axis.labelText, **{**axis.labelStyle, "color": foreground.name()})
        axis.picture = None  # regenerate the cached drawing in the new colours
        axis.update()
    if item.legend is not None:
        style_legend(item.legend)


def style_legend(legend: pg.LegendItem) -> None:
    """The legend's text in the palette's colour, over a veil of the plot's background (the
    curves that pass under it do not cross its text)."""
    legend.setLabelTextColor(plot_foreground())
    veil = QColor(plot_background())
    veil.setAlpha(LEGEND_VEIL_ALPHA)
    legend.setBrush(pg.mkBrush(veil))
    legend.update()


def apply_fonts(widget: pg.PlotWidget) -> None:
    """Draw a plot's axis text, axis labels and legend in the widget's font (the zoomed one)."""
    font = QFont(widget.font())
    item = widget.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setTickFont(font)
        axis.label.setFont(font)
        axis._updateLabel()  # resize the axis to its label's new height
    legend = item.legend
    if legend is not None:
        legend.setLabelTextSize(f"{font_points(font):g}pt")
        for _sample, label in legend.items:
            label.setText(label.text)
        legend.updateSize()
    for child in widget.findChildren(HoverReadout):
        child.label.setFont(font)


class PalettePlot(pg.PlotWidget):
    """A PlotWidget that follows the application's palette (light or dark) and font (zoom),
    and paints without holding Python's lock where Qt can.

    pyqtgraph's view paints from a Python ``paintEvent`` (it first lets its items prepare);
    Qt's whole paint of the scene then ran inside that Python call, holding the lock the
    training thread needs between its NumPy calls. Here the view paints with Qt's own
    ``paintEvent``, and the items prepare in a filter of the paint event that returns before
    Qt paints: Python is entered only for the Python items' own bounds and paints.
    """

    paintEvent = QGraphicsView.paintEvent

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._prepare = _PrepareBeforePaint(self)
        self.viewport().installEventFilter(self._prepare)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # Qt may send a palette change while the widget is still being built.
        if self.getPlotItem() is None:
            return
        if event.type() == QEvent.Type.PaletteChange:
            apply_palette(self)
        elif event.type() == QEvent.Type.FontChange:
            apply_fonts(self)


class _PrepareBeforePaint(QObject):
    """Lets a plot's items prepare (pyqtgraph's ``sigPrepareForPaint``) before each paint."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.plot = plot

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            scene = self.plot.scene()
            if scene is not None:
                scene.prepareForPaint()
        return False


class HoverReadout(QObject):
    """Shows the value under the mouse in a corner label of a plot, while the mouse is there.

    The label empties when the pointer leaves the plot, and :meth:`hidden` keeps it out of
    an exported picture. An empty label is hidden: the scene then skips it in every frame.
    """

    def __init__(self, widget: pg.PlotWidget, describe) -> None:
        super().__init__(widget)
        self.widget = widget
        self.describe = describe  # callable(x: float) -> str | None
        self.label = pg.TextItem(anchor=(1, 0), color=plot_foreground())
        self.label.setZValue(100)
        self.label.setVisible(False)
        widget.addItem(self.label, ignoreBounds=True)
        widget.scene().sigMouseMoved.connect(self._moved)
        widget.viewport().installEventFilter(self)

    def text(self) -> str:
        return self.label.textItem.toPlainText()

    def clear(self) -> None:
        self._show("")

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))

    @contextlib.contextmanager
    def hidden(self) -> Iterator[None]:
        """Leave the label out of whatever is drawn inside the ``with`` block."""
        visible = self.label.isVisible()
        self.label.setVisible(False)
        try:
            yield
        finally:
            self.label.setVisible(visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.clear()
        return False

    def _moved(self, position: QPointF) -> None:
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            self.clear()
            return
        point = view.mapSceneToView(position)
        text = self.describe(point.x())
        self._show(text or "")
        (_, x1), (_, y1) = view.viewRange()
        self.label.setPos(x1, y1)
