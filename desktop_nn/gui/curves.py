"""The live curves: loss per iteration and accuracy per epoch (pyqtgraph).

Data arrives in batches and goes into preallocated buffers; the plots are redrawn from them on a
timer with ``setData(x[:n], y[:n])``. A buffer that fills up keeps every other point and from
then on accepts every second iteration, so memory stays bounded however long a run lasts.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from desktop_nn.gui.palette import (
    RUN_COLOURS,
    TEST_COLOUR,
    TRAIN_COLOUR,
    colour,
    plot_background,
    plot_foreground,
)

#: Points a loss buffer holds before it thins itself out.
LOSS_CAPACITY = 20_000
MAX_OVERLAYS = 5


class CurveBuffer:
    """x/y points in preallocated float64 arrays, thinned by half whenever full.

    Parameters
    ----------
    capacity : int
        The most points kept; must be even.
    """

    def __init__(self, capacity: int = LOSS_CAPACITY) -> None:
        self.capacity = capacity
        self.x = np.empty(capacity, dtype=np.float64)
        self.y = np.empty(capacity, dtype=np.float64)
        self.count = 0
        self.stride = 1  # keep iterations that are multiples of this

    def clear(self) -> None:
        self.count = 0
        self.stride = 1

    def extend(self, first_x: int, values: np.ndarray) -> None:
        """Append ``values`` at x = first_x, first_x + 1, ... (keeping every stride-th)."""
        xs = first_x + np.arange(len(values))
        keep = xs % self.stride == 0
        xs, values = xs[keep], np.asarray(values, dtype=np.float64)[keep]
        while len(xs):
            if self.count == self.capacity:
                self._thin()
                keep = xs % self.stride == 0
                xs, values = xs[keep], values[keep]
                continue
            room = self.capacity - self.count
            take = min(room, len(xs))
            self.x[self.count : self.count + take] = xs[:take]
            self.y[self.count : self.count + take] = values[:take]
            self.count += take
            xs, values = xs[take:], values[take:]

    def _thin(self) -> None:
        self.stride *= 2
        keep = np.flatnonzero(self.x[: self.count] % self.stride == 0)
        n = len(keep)
        self.x[:n] = self.x[keep]
        self.y[:n] = self.y[keep]
        self.count = n

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[: self.count], self.y[: self.count]


def moving_average(y: np.ndarray, window: int) -> np.ndarray:
    """Centred moving average of ``y`` over ``window`` points (narrower near both ends).

    Centring keeps the smoothed curve on top of the raw one instead of lagging behind it.
    """
    if window <= 1 or len(y) == 0:
        return y
    cumulative = np.concatenate(([0.0], np.cumsum(y)))
    index = np.arange(len(y))
    half = window // 2
    start = np.maximum(index - half, 0)
    stop = np.minimum(index + (window - half), len(y))
    return (cumulative[stop] - cumulative[start]) / (stop - start)


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


def _style_plot(widget: pg.PlotWidget, left: str, bottom: str) -> None:
    widget.setBackground(plot_background())
    foreground = plot_foreground()
    item = widget.getPlotItem()
    for axis in ("left", "bottom"):
        ax = item.getAxis(axis)
        ax.setPen(foreground)
        ax.setTextPen(foreground)
    item.setLabel("left", left, color=foreground.name())
    item.setLabel("bottom", bottom, color=foreground.name())
    item.showGrid(x=True, y=True, alpha=0.15)
    widget.setMenuEnabled(False)


class HoverReadout:
    """Shows the value under the mouse in a corner label of a plot."""

    def __init__(self, widget: pg.PlotWidget, describe) -> None:
        self.widget = widget
        self.describe = describe  # callable(x: float) -> str | None
        self.label = pg.TextItem(anchor=(1, 0), color=plot_foreground())
        self.label.setZValue(100)
        widget.addItem(self.label, ignoreBounds=True)
        widget.scene().sigMouseMoved.connect(self._moved)

    def _moved(self, position: QPointF) -> None:
        view = self.widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(position):
            self.label.setText("")
            return
        point = view.mapSceneToView(position)
        text = self.describe(point.x())
        self.label.setText(text or "")
        (_, x1), (_, y1) = view.viewRange()
        self.label.setPos(x1, y1)


class LossPlot(pg.PlotWidget):
    """Loss per iteration: raw values faint, a moving average over them, earlier runs faded."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        _style_plot(self, "loss", "iteration")
        self.legend = self.addLegend(offset=(-10, 10))
        self.legend.anchor((1, 0), (1, 0), offset=(-10, 10))
        self.buffer = CurveBuffer()
        self.smoothing = 50
        self.raw_curve = self.plot(pen=pg.mkPen(colour(TRAIN_COLOUR, 70), width=1))
        self.smooth_curve = self.plot(
            pen=pg.mkPen(colour(TRAIN_COLOUR), width=2), name="this run"
        )
        for curve in (self.raw_curve, self.smooth_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
        self.overlays: list[pg.PlotDataItem] = []
        self.readout = HoverReadout(self, self._describe)
        self.getPlotItem().setLimits(xMin=0)

    def clear_data(self) -> None:
        self.buffer.clear()
        self.refresh()

    def add_losses(self, first_iteration: int, losses: np.ndarray) -> None:
        self.buffer.extend(first_iteration, losses)

    def set_smoothing(self, window: int) -> None:
        self.smoothing = max(1, int(window))
        self.refresh()

    def set_log_scale(self, enabled: bool) -> None:
        self.getPlotItem().setLogMode(y=enabled)

    def smoothed(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.buffer.view()
        finite = np.where(np.isfinite(y), y, np.nan)
        window = max(1, self.smoothing // self.buffer.stride)
        return x, moving_average(np.nan_to_num(finite, nan=0.0), window)

    def refresh(self) -> None:
        x, y = self.buffer.view()
        self.raw_curve.setData(x, y)
        self.smooth_curve.setData(*self.smoothed())

    def keep_as_overlay(self, label: str) -> None:
        """Turn the current run into a faded overlay named ``label`` and start afresh."""
        if self.buffer.count:
            x, y = self.smoothed()
            name = RUN_COLOURS[len(self.overlays) % len(RUN_COLOURS)]
            overlay = self.plot(x.copy(), y.copy(), pen=pg.mkPen(colour(name, 150), width=1.5),
                                name=label)
            overlay.setZValue(-10)
            overlay.setClipToView(True)
            overlay.setDownsampling(auto=True, method="peak")
            self.overlays.append(overlay)
            while len(self.overlays) > MAX_OVERLAYS:
                self.removeItem(self.overlays.pop(0))
        self.clear_data()

    def clear_overlays(self) -> None:
        for overlay in self.overlays:
            self.removeItem(overlay)
        self.overlays.clear()

    def _describe(self, x: float) -> str | None:
        xs, ys = self.buffer.view()
        if not len(xs):
            return None
        i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
        smooth = self.smoothed()[1][i]
        return f"iteration {int(xs[i]):,}: loss {ys[i]:.4f} (smoothed {smooth:.4f})"


class AccuracyPlot(pg.PlotWidget):
    """Train (solid) and test (dashed) accuracy per epoch, as in the book's figure 4-12."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, axisItems={"bottom": IntegerAxis("bottom")})
        self.setObjectName("accuracyPlot")
        _style_plot(self, "accuracy", "epoch")
        self.legend = self.addLegend()
        self.legend.anchor((1, 1), (1, 1), offset=(-10, -10))
        self.epochs: list[int] = []
        self.train: list[float] = []
        self.test: list[float] = []
        train_colour, test_colour = colour(TRAIN_COLOUR), colour(TEST_COLOUR)
        self.train_curve = self.plot(
            pen=pg.mkPen(train_colour, width=2), symbol="o", symbolSize=6,
            symbolBrush=train_colour, symbolPen=train_colour, name="train acc",
        )
        self.test_curve = self.plot(
            pen=pg.mkPen(test_colour, width=2, style=Qt.PenStyle.DashLine), symbol="x",
            symbolSize=8, symbolBrush=test_colour, symbolPen=test_colour, name="test acc",
        )
        self.overlays: list[pg.PlotDataItem] = []
        self.setYRange(0, 1, padding=0.02)
        self.getPlotItem().setLimits(xMin=-0.5, yMin=-0.05, yMax=1.05)
        self.readout = HoverReadout(self, self._describe)

    def clear_data(self) -> None:
        self.epochs.clear()
        self.train.clear()
        self.test.clear()
        self.refresh()

    def add_epoch(self, epoch: int, train_acc: float, test_acc: float) -> None:
        self.epochs.append(epoch)
        self.train.append(train_acc)
        self.test.append(test_acc)

    def refresh(self) -> None:
        self.train_curve.setData(self.epochs, self.train)
        self.test_curve.setData(self.epochs, self.test)

    def keep_as_overlay(self, label: str) -> None:
        if self.epochs:
            name = RUN_COLOURS[(len(self.overlays) // 2) % len(RUN_COLOURS)]
            faded = colour(name, 150)
            train = self.plot(list(self.epochs), list(self.train), pen=pg.mkPen(faded, width=1.5),
                              name=f"{label} train")
            test = self.plot(list(self.epochs), list(self.test),
                             pen=pg.mkPen(faded, width=1.5, style=Qt.PenStyle.DashLine),
                             name=f"{label} test")
            for item in (train, test):
                item.setZValue(-10)
                self.overlays.append(item)
            while len(self.overlays) > 2 * MAX_OVERLAYS:
                self.removeItem(self.overlays.pop(0))
        self.clear_data()

    def clear_overlays(self) -> None:
        for overlay in self.overlays:
            self.removeItem(overlay)
        self.overlays.clear()

    def _describe(self, x: float) -> str | None:
        if not self.epochs:
            return None
        i = int(np.clip(round(x), 0, len(self.epochs) - 1))
        return f"epoch {self.epochs[i]}: train {self.train[i]:.4f}, test {self.test[i]:.4f}"
