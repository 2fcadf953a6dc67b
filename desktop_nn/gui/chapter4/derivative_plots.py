"""The Derivative part's two plots: f with a draggable point and its tangent, and the error of
the numerical derivative against the step h on log-log axes."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Qt, Signal

from desktop_nn.core.step_size import StepErrors
from desktop_nn.graph import ExpressionFunction
from desktop_nn.gui.chapter4.plots import make_plot
from desktop_nn.gui.common.palette import colour, plot_foreground
from desktop_nn.gui.common.plot_style import style_legend

#: Points of the curve across the visible range.
CURVE_POINTS = 400
#: Errors below this are drawn on it (an exact difference has error 0, off a log axis).
ERROR_FLOOR = 1e-20
#: Where the dragged point snaps: multiples of this, so 5 and 10 are reached exactly.
SNAP = 0.1


class FunctionPlot(QObject):
    """``f`` over the visible range, the point ``(x, f(x))`` to drag, the tangent through it.

    Signals
    -------
    dragged(float)
        The point was dragged to this x (snapped to multiples of :data:`SNAP`).
    """

    dragged = Signal(float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("derivativePlot", "f(x)", "x",
                              self.tr("f(x) with the point and its tangent"))
        self.function: ExpressionFunction | None = None
        self.curve = self.plot.plot(pen=pg.mkPen(colour("blue"), width=2), name="f(x)")
        self.tangent = self.plot.plot(
            pen=pg.mkPen(colour("vermillion"), width=2, style=Qt.PenStyle.DashLine))
        self.target = pg.TargetItem(pos=(0, 0), size=14, symbol="o", movable=True,
                                    pen=pg.mkPen(colour("vermillion"), width=2),
                                    brush=pg.mkBrush(colour("vermillion", 90)))
        self.plot.addItem(self.target)
        self.point: tuple[float, float, float] | None = None  # x, f(x), slope
        self._placing = False
        self.target.sigPositionChanged.connect(self._on_target_moved)
        self.plot.getPlotItem().getViewBox().sigXRangeChanged.connect(self.redraw)
        self.plot.setXRange(0.0, 20.0, padding=0.02)  # the book's figure 4-7

    def set_function(self, function: ExpressionFunction) -> None:
        self.function = function
        self.redraw()

    def set_point(self, x: float, y: float | None, slope: float | None) -> None:
        """Place the point and the tangent ``y + slope·(t − x)`` (hidden where undefined)."""
        self.point = None if y is None else (x, y, slope if slope is not None else math.nan)
        self._placing = True
        try:
            self.target.setVisible(y is not None)
            if y is not None:
                self.target.setPos(QPointF(x, y))
        finally:
            self._placing = False
        self._draw_tangent()
        view = self.plot.getPlotItem().getViewBox()
        (x0, x1), _ = view.viewRange()
        if not x0 <= x <= x1:
            half = (x1 - x0) / 2
            self.plot.setXRange(x - half, x + half, padding=0)

    def redraw(self) -> None:
        if self.function is None:
            return
        (x0, x1), _ = self.plot.getPlotItem().getViewBox().viewRange()
        xs = np.linspace(x0, x1, CURVE_POINTS)
        ys = self.function.on_grid(xs)
        self.curve.setData(xs, ys, connect="finite")
        self._draw_tangent()

    def _draw_tangent(self) -> None:
        if self.point is None or not math.isfinite(self.point[2]):
            self.tangent.setData([], [])
            return
        x, y, slope = self.point
        (x0, x1), _ = self.plot.getPlotItem().getViewBox().viewRange()
        xs = np.array([x0, x1])
        self.tangent.setData(xs, y + slope * (xs - x))

    def _on_target_moved(self) -> None:
        if self._placing:
            return
        x = round(round(self.target.pos().x() / SNAP) * SNAP, 10)
        self.dragged.emit(float(x))


class ErrorPlot(QObject):
    """``|numerical − exact|`` against h for both differences, with the lines they follow."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("derivativeErrorPlot", self.tr("|error|"), "h",
                              self.tr("Error of the numerical derivative against h"))
        self.plot.setLogMode(x=True, y=True)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.getAxis(axis).enableAutoSIPrefix(False)
        item.getViewBox().setXRange(-20.5, -0.5, padding=0)
        item.getViewBox().enableAutoRange(x=False, y=False)
        style_legend(item.addLegend(offset=(10, -10)))
        self.central = self.plot.plot(
            pen=pg.mkPen(colour("blue"), width=1.5), symbol="o", symbolSize=5,
            symbolBrush=colour("blue"), symbolPen=None, name=self.tr("central"))
        self.forward = self.plot.plot(
            pen=pg.mkPen(colour("orange"), width=1.5), symbol="t", symbolSize=6,
            symbolBrush=colour("orange"), symbolPen=None, name=self.tr("forward"))
        grey = plot_foreground()
        grey.setAlpha(140)
        self.rounding = self.plot.plot(pen=pg.mkPen(grey, width=1.5, style=Qt.PenStyle.DashLine),
                                       name=self.tr("rounding ∝ ε/h"))
        self.truncation_central = self.plot.plot(
            pen=pg.mkPen(colour("blue", 150), width=1.5, style=Qt.PenStyle.DotLine),
            name=self.tr("truncation ∝ h²"))
        self.truncation_forward = self.plot.plot(
            pen=pg.mkPen(colour("orange", 170), width=1.5, style=Qt.PenStyle.DotLine),
            name=self.tr("truncation ∝ h"))
        self.marker = self.plot.plot(symbol="o", symbolSize=13, pen=None, symbolBrush=None,
                                     symbolPen=pg.mkPen(colour("vermillion"), width=2.5))
        self.h_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(colour("vermillion", 160)))
        self.plot.addItem(self.h_line)

    def show_errors(self, central: StepErrors | None, forward: StepErrors | None,
                    slopes: dict[str, float | None], rounding: float) -> None:
        """Draw both methods' errors and the truncation and rounding lines."""
        for curve, errors in ((self.central, central), (self.forward, forward)):
            if errors is None:
                curve.setData([], [])
            else:
                curve.setData(errors.h, np.maximum(errors.error, ERROR_FLOOR))
        steps = (central or forward).h if (central or forward) is not None else None
        if steps is None:
            for curve in (self.rounding, self.truncation_central, self.truncation_forward):
                curve.setData([], [])
            return
        lowest = self._fit_errors([e.error for e in (central, forward) if e is not None])
        self._line(self.rounding, steps, rounding / steps, lowest)
        for curve, key, power in ((self.truncation_central, "central", 2),
                                  (self.truncation_forward, "forward", 1)):
            slope = slopes.get(key)
            self._line(curve, steps, None if not slope else slope * steps**power, lowest)

    def _fit_errors(self, errors: list[np.ndarray]) -> float:
        """Show every error, with room below the smallest for the legend; the smallest."""
        values = np.concatenate(errors)
        values = values[np.isfinite(values) & (values > 0)]
        if not values.size:
            return ERROR_FLOOR
        low, high = math.log10(values.min()), math.log10(values.max())
        self.plot.setYRange(low - 4, high + 1, padding=0)
        return float(values.min())

    @staticmethod
    def _line(curve, steps: np.ndarray, values: np.ndarray | None, lowest: float) -> None:
        """A reference line, drawn where it lies within the errors' range."""
        if values is None:
            curve.setData([], [])
            return
        keep = (values >= lowest / 10) & (values <= 1e3)
        curve.setData(steps[keep], values[keep])

    def mark(self, h: float, error: float | None) -> None:
        """Mark the step in use, and its error."""
        self.h_line.setPos(math.log10(h))
        if error is None or not math.isfinite(error):
            self.marker.setData([], [])
        else:
            self.marker.setData([h], [max(error, ERROR_FLOOR)])
