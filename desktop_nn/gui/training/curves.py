"""The live curves: loss per iteration and accuracy per epoch (pyqtgraph).

Data arrives in batches and goes into preallocated buffers (:mod:`desktop_nn.core.curve_series`,
which bounds their memory however long a run lasts); the plots are redrawn from them on a timer
with ``setData(x[:n], y[:n])``.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from desktop_nn.core.curve_series import (
    CurveBuffer,
    nearest_index,
    smoothed,
    smoothed_at,
    smoothed_line,
)
from desktop_nn.core.training import TrainConfig, expected_epochs
from desktop_nn.gui.common.live_line import LiveLine
from desktop_nn.gui.common.palette import (
    RUN_COLOURS,
    TEST_COLOUR,
    TRAIN_COLOUR,
    colour,
    plot_background,
    plot_foreground,
    tint,
)
from desktop_nn.gui.common.plot_style import (
    HoverReadout,
    IntegerAxis,
    PalettePlot,
    style_legend,
    style_plot,
)

#: How often the faint raw loss curve is redrawn (the smoothed line follows every frame).
RAW_REFRESH_HZ = 5
#: Points drawn of the smoothed loss line (it is smooth: a point every few pixels suffices).
SMOOTH_POINTS = 500
MAX_OVERLAYS = 5
#: The loss axis's top when a run starts: above the first losses of a network of ten classes
#: (ln 10 = 2.30), with the margin the axis keeps when it grows; the first frame then does not
#: change the axis (its labels laid out and drawn again).
FIRST_LOSS_TOP = math.log(10) * 1.15


def draw_once(item: pg.PlotDataItem | QGraphicsItem) -> None:
    """Keep a curve that no longer changes (an earlier run, a band) as a cached picture.

    The current run's line is redrawn many times a second, and every item under it was
    painted again with it; a cached item is painted once and then only copied, until the
    view's scale changes.
    """
    curve = item.curve if isinstance(item, pg.PlotDataItem) else item
    curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def finite_top(values: np.ndarray) -> float:
    """The largest finite value of ``values`` (n,), or 0.0 when there is none."""
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


def set_legend_label(legend: pg.LegendItem, curve: pg.PlotDataItem | LiveLine,
                     label: str | None) -> None:
    """Show ``curve`` in ``legend`` as ``label`` (None: not at all).

    An entry already there only changes its text (when it differs): a new entry builds a label
    and lays the whole legend out again, which took most of the start and the end of a run.
    """
    shown = legend.getLabel(curve)
    if label is None:
        if shown is not None:
            legend.removeItem(curve)
    elif shown is None:
        legend.addItem(curve, label)
    elif shown.text != label:
        shown.setText(label)


class LossPlot(PalettePlot):
    """Loss per iteration: raw values faint, a moving average over them, earlier runs faded."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        style_plot(self, self.tr("loss"), self.tr("iteration"))
        self.setAccessibleName(self.tr("Loss curve"))
        self.setAccessibleDescription(self.tr(
            "The training loss after each iteration: raw values faint, their moving average "
            "bold, earlier runs faded."))
        self.legend = self.addLegend(offset=(-10, 10))
        self.legend.anchor((1, 0), (1, 0), offset=(-10, 10))
        self.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        style_legend(self.legend)
        self.buffer = CurveBuffer()
        self.smoothing = 50
        # The raw values: faint (an opaque tint, cheaper to draw than transparency), redrawn a
        # few times a second; the smoothed line redraws every frame.
        # Both are drawn by Qt alone (LiveLine), without holding Python's lock. The raw line's
        # pen has width 0 (one pixel, as width 1): Qt then bounds it by its points instead of
        # outlining its stroke, which took a millisecond or more for thousands of noisy points.
        self.raw_curve = LiveLine(pg.mkPen(tint(colour(TRAIN_COLOUR), 0.3), width=0))
        self._raw_drawn = 0.0
        self._y_top = 0.0  # the loss axis's top while the plot sets it (not automatic)
        self._arrived_top = 0.0  # the largest loss arrived since the last frame
        self.smooth_curve = LiveLine(pg.mkPen(colour(TRAIN_COLOUR), width=2))
        for curve in (self.raw_curve, self.smooth_curve):
            self.addItem(curve)
        self.legend.addItem(self.smooth_curve, self.tr("this run"))
        self.overlays: list[pg.PlotDataItem] = []
        #: Learning-rate markers of the current run, and of each overlay.
        self.markers: list[pg.InfiniteLine] = []
        self._overlay_markers: dict[pg.PlotDataItem, list[pg.InfiniteLine]] = {}
        self.readout = HoverReadout(self, self._describe)
        self.getPlotItem().setLimits(xMin=0)

    def clear_data(self) -> None:
        self.buffer.clear()
        for marker in self.markers:
            self.removeItem(marker)
        self.markers.clear()
        self.refresh(force=True)

    def set_run_label(self, label: str | None) -> None:
        """Name the current run in the legend (None: no current run, no entry)."""
        set_legend_label(self.legend, self.smooth_curve, label)

    def mark_learning_rate(self, iteration: int, rate: float) -> pg.InfiniteLine:
        """Mark the iteration from which the current run uses a new learning rate."""
        marker = self._marker(iteration, rate, plot_foreground())
        self.markers.append(marker)
        return marker

    def _marker(self, iteration: int, rate: float, pen_colour) -> pg.InfiniteLine:
        marker = pg.InfiniteLine(
            pos=iteration, angle=90, pen=pg.mkPen(pen_colour, width=1, style=Qt.PenStyle.DashLine),
            movable=False, label=self.tr("lr {rate}").format(rate=f"{rate:g}"),
            # Half-way up, clear of the legend in the top corner, on the plot's background.
            labelOpts={"position": 0.55, "color": plot_foreground(),
                       "anchors": [(0, 0.5), (0, 0.5)], "fill": pg.mkBrush(plot_background())},
        )
        marker.setZValue(-5)
        self.addItem(marker, ignoreBounds=True)
        return marker

    def begin_run(self, total_iterations: int) -> None:
        """Fix the x axis to the whole run, so the axes need not be redrawn as points arrive.

        Redrawing only the curves (not the axes and their labels) keeps each refresh cheap,
        which keeps the GUI thread from competing with the training thread.
        """
        self._y_top = FIRST_LOSS_TOP
        view = self.getPlotItem().getViewBox()
        view.disableAutoRange()
        self.setXRange(0, max(total_iterations - 1, 1), padding=0.01)
        self.setYRange(0, FIRST_LOSS_TOP, padding=0)
        if self.getPlotItem().ctrl.logYCheck.isChecked():
            view.enableAutoRange(axis="y")

    def show_all(self) -> None:
        """Fit both axes to everything drawn (earlier runs, a band) while no run goes on."""
        self.getPlotItem().getViewBox().enableAutoRange()

    def _grow_y_range(self, y: np.ndarray) -> None:
        """Extend the y axis when a loss of ``y`` goes above it (rarely: the loss mostly
        falls)."""
        self._raise_top(finite_top(y))

    def _raise_top(self, top: float) -> None:
        if self.getPlotItem().getViewBox().autoRangeEnabled()[1]:
            return
        if top > self._y_top:
            self._y_top = top * 1.15
            self.setYRange(0, self._y_top, padding=0)

    def add_losses(self, first_iteration: int, losses: np.ndarray) -> None:
        self.buffer.extend(first_iteration, losses)
        # Only the losses that arrive can raise the axis: the next frame looks at their top,
        # not again at the whole buffer.
        self._arrived_top = max(self._arrived_top, finite_top(losses))

    def set_smoothing(self, window: int) -> None:
        self.smoothing = max(1, int(window))
        self.refresh(force=True)

    def set_log_scale(self, enabled: bool) -> None:
        self.getPlotItem().setLogMode(y=enabled)
        view = self.getPlotItem().getViewBox()
        if enabled:
            view.enableAutoRange(axis="y")
        else:
            view.disableAutoRange(axis="y")
            self._y_top = 0.0
            self._grow_y_range(self.buffer.view()[1])

    def smoothed(self) -> tuple[np.ndarray, np.ndarray]:
        return smoothed(self.buffer, self.smoothing)

    def refresh(self, force: bool = False) -> None:
        x, y = self.buffer.view()
        self._raise_top(self._arrived_top)
        self._arrived_top = 0.0
        now = time.perf_counter()
        # Points already drawn stay as they are (LiveLine keeps them in finished pieces): a
        # frame repaints the region around the lines' ends, not the whole plot. The buffer's
        # version changes when its points do (cleared, thinned out).
        if force or now - self._raw_drawn >= 1.0 / RAW_REFRESH_HZ:
            self._raw_drawn = now
            self.raw_curve.setData(x, y, settled=len(x), key=self.buffer.version)
        # A smooth line needs few points, and wide lines are costly to draw; only the points
        # drawn are averaged (from the buffer's running sums), at fixed places.
        line = smoothed_line(self.buffer, self.smoothing, SMOOTH_POINTS)
        self.smooth_curve.setData(line.x, line.y, settled=line.settled,
                                  key=(self.buffer.version, self.smoothing, line.step))

    def add_overlay(self, x: np.ndarray, y: np.ndarray, label: str, colour_index: int,
                    rates: tuple[tuple[int, float], ...] = ()) -> pg.PlotDataItem:
        """Draw an ended run's smoothed loss faded, named ``label``, with its rate changes.

        ``x``, ``y``: shapes (n,); ``rates``: ``(first iteration, rate)`` of each change.
        """
        faded = colour(RUN_COLOURS[colour_index % len(RUN_COLOURS)], 150)
        overlay = self.plot(x, y, pen=pg.mkPen(faded, width=1.5), name=label)
        overlay.setZValue(-10)
        overlay.setClipToView(True)
        overlay.setDownsampling(auto=True, method="peak")
        draw_once(overlay)
        self._overlay_markers[overlay] = [self._marker(i, rate, faded) for i, rate in rates]
        self.overlays.append(overlay)
        return overlay

    def remove_overlay(self, overlay: pg.PlotDataItem) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        self.removeItem(overlay)
        for marker in self._overlay_markers.pop(overlay, []):
            self.removeItem(marker)

    def clear_overlays(self) -> None:
        for overlay in list(self.overlays):
            self.remove_overlay(overlay)

    def _describe(self, x: float) -> str | None:
        xs, ys = self.buffer.view()
        i = nearest_index(xs, x)
        if i is None:
            return None
        smooth = smoothed_at(self.buffer, self.smoothing, np.array([i]))[0]
        return self.tr("iteration {iteration}: loss {loss} (smoothed {smoothed})").format(
            iteration=f"{int(xs[i]):,}", loss=f"{ys[i]:.4f}", smoothed=f"{smooth:.4f}")


class AccuracyPlot(PalettePlot):
    """Train (solid) and test (dashed) accuracy per epoch, as in the book's figure 4-12."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"bottom": IntegerAxis("bottom")})
        self.setObjectName("accuracyPlot")
        style_plot(self, self.tr("accuracy"), self.tr("epoch"))
        self.setAccessibleName(self.tr("Accuracy curves"))
        self.setAccessibleDescription(self.tr(
            "Recognition accuracy on the training data (solid) and the test data (dashed) "
            "after each epoch."))
        self.legend = self.addLegend()
        self.legend.anchor((1, 1), (1, 1), offset=(-10, -10))
        self.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        style_legend(self.legend)
        self.epochs: list[int] = []
        self.train: list[float] = []
        self.test: list[float] = []
        train_colour, test_colour = colour(TRAIN_COLOUR), colour(TEST_COLOUR)
        self.train_curve = self.plot(
            pen=pg.mkPen(train_colour, width=2), symbol="o", symbolSize=6,
            symbolBrush=train_colour, symbolPen=train_colour, name=self.tr("train acc"),
        )
        self.test_curve = self.plot(
            pen=pg.mkPen(test_colour, width=2, style=Qt.PenStyle.DashLine), symbol="x",
            symbolSize=8, symbolBrush=test_colour, symbolPen=test_colour, name=self.tr("test acc"),
        )
        self.overlays: list[pg.PlotDataItem] = []
        self.setYRange(-0.02, 1.04, padding=0)
        self.getPlotItem().setLimits(xMin=-0.5, yMin=-0.05, yMax=1.05)
        self.readout = HoverReadout(self, self._describe)

    def set_run_label(self, label: str | None) -> None:
        """Name the current run in the legend (None: no current run, no entries)."""
        names = (
            (self.train_curve, self.tr("train acc ({run})")),
            (self.test_curve, self.tr("test acc ({run})")),
        )
        for curve, name in names:
            set_legend_label(self.legend, curve, None if label is None else name.format(run=label))

    def begin_run(self, epochs: int) -> None:
        """Fix the axes to the whole run (epochs 0..epochs), for cheap redraws."""
        view = self.getPlotItem().getViewBox()
        view.disableAutoRange()
        self.setXRange(0, max(epochs, 1), padding=0.02)
        self.setYRange(-0.02, 1.04, padding=0)

    def show_all(self) -> None:
        """Fit the epochs to everything drawn; the accuracy keeps its axis from 0 to 1."""
        self.getPlotItem().getViewBox().enableAutoRange(axis="x")

    def clear_data(self) -> None:
        self.epochs.clear()
        self.train.clear()
        self.test.clear()
        self._changed = True
        self.refresh()

    def add_epoch(self, epoch: int, train_acc: float, test_acc: float) -> None:
        self.epochs.append(epoch)
        self.train.append(train_acc)
        self.test.append(test_acc)
        self._changed = True

    def refresh(self) -> None:
        """Redraw the curves if an epoch arrived since the last time."""
        if not getattr(self, "_changed", True):
            return
        self._changed = False
        self.train_curve.setData(self.epochs, self.train)
        self.test_curve.setData(self.epochs, self.test)

    def add_overlay(self, epochs: list[int], train: list[float], test: list[float], label: str,
                    colour_index: int) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        """Draw an ended run's accuracies faded (train solid, test dashed), named ``label``."""
        faded = colour(RUN_COLOURS[colour_index % len(RUN_COLOURS)], 150)
        train_item = self.plot(list(epochs), list(train), pen=pg.mkPen(faded, width=1.5),
                               name=self.tr("{run} train").format(run=label))
        test_item = self.plot(list(epochs), list(test),
                              pen=pg.mkPen(faded, width=1.5, style=Qt.PenStyle.DashLine),
                              name=self.tr("{run} test").format(run=label))
        for item in (train_item, test_item):
            item.setZValue(-10)
            draw_once(item)
            self.overlays.append(item)
        return train_item, test_item

    def remove_overlay(self, overlay: pg.PlotDataItem) -> None:
        if overlay in self.overlays:
            self.overlays.remove(overlay)
        self.removeItem(overlay)

    def clear_overlays(self) -> None:
        for overlay in list(self.overlays):
            self.remove_overlay(overlay)

    def _describe(self, x: float) -> str | None:
        if not self.epochs:
            return None
        i = int(np.clip(round(x), 0, len(self.epochs) - 1))
        return self.tr("epoch {epoch}: train {train}, test {test}").format(
            epoch=self.epochs[i], train=f"{self.train[i]:.4f}", test=f"{self.test[i]:.4f}")


def plan_axes(loss_plot: LossPlot, accuracy_plot: AccuracyPlot, config: TrainConfig,
              train_size: int | None) -> None:
    """Give the empty plots the axes a run of ``config`` will have (``train_size``: the
    images loaded; None: not loaded yet, the accuracy's epochs stay as they are)."""
    loss_plot.begin_run(config.iters)
    if train_size is not None:
        size = min(config.train_size or train_size, train_size)
        accuracy_plot.begin_run(expected_epochs(config.iters, size, config.batch_size) - 1)
