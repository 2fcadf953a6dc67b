"""The Gradient descent part: the path of ``x -= lr * numerical_gradient(f, x)`` on the contours
of f (figure 4-10), animated or step by step, and the book's three learning rates.

The path is computed one step at a time as it is shown (each step is a few evaluations of f).
The axes follow a diverging path: whenever a point leaves the view, the view grows to hold the
whole path and the contours are drawn again for the new range.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_nn.core.descent import DescentError, descent_steps
from desktop_nn.graph import ExpressionFunction, GraphEvaluationError
from desktop_nn.gui.chapter4.descent_controls import DescentControls
from desktop_nn.gui.chapter4.descent_presets import PRESET_BY_KEY, PRESETS, DescentPreset
from desktop_nn.gui.chapter4.numbers import book_array, full
from desktop_nn.gui.chapter4.plots import contour_levels, contour_lines, make_plot
from desktop_nn.gui.common.palette import colour, plot_foreground

#: The book's figure 4-10 shows x0 and x1 from -4 to 4 (a little more here for the start).
BOOK_VIEW = (-4.5, 4.5)
CONTOUR_SAMPLES = 81
#: An animation shows a run in about this many ticks, whatever its length.
ANIMATION_TICKS = 60
TICK_MS = 30


class DescentPart(DescentControls):
    """Run gradient descent on the contours of f.

    Signals
    -------
    changed()
        A setting changed.
    run_finished()
        The path reached its last step (or stopped on an error).
    """

    changed = Signal()
    run_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descentPart")
        self.path: list[np.ndarray] = []
        self._walk: Iterator[np.ndarray] | None = None
        self.error = ""
        self._build_plot()
        self.timer = QTimer(self)
        self.timer.setObjectName("descentAnimationTimer")
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self.draw_contours)
        self.plot.getPlotItem().getViewBox().sigRangeChanged.connect(
            lambda *_: self._redraw_timer.start(0))
        self.lay_out(self.plot)
        self.run_button.clicked.connect(self.run)
        self.step_button.clicked.connect(self.step)
        self.reset_button.clicked.connect(self.reset)
        self.settings_changed.connect(self._on_settings_changed)
        self.preset_chosen.connect(self.choose_preset)
        self._changed()

    def _build_plot(self) -> None:
        self.plot = make_plot("descentPlot", "x1", "x0",
                              self.tr("The path of gradient descent on the contours of f"))
        self.plot.setAspectLocked(True)
        faint = plot_foreground()
        faint.setAlpha(90)
        self.contours = self.plot.plot(pen=pg.mkPen(faint, width=1))
        self.path_curve = self.plot.plot(
            pen=pg.mkPen(colour("blue"), width=1.5), symbol="o", symbolSize=6,
            symbolBrush=colour("blue"), symbolPen=None)
        self.start_marker = self.plot.plot(symbol="s", symbolSize=11, pen=None,
                                           symbolBrush=colour("bluish_green"), symbolPen=None)
        self.end_marker = self.plot.plot(symbol="o", symbolSize=12, pen=None,
                                         symbolBrush=colour("vermillion"), symbolPen=None)
        self.plot.setRange(xRange=BOOK_VIEW, yRange=BOOK_VIEW, padding=0)

    # -- running -----------------------------------------------------------------------------
    def reset(self) -> None:
        """Stop, and show only the start point."""
        self.timer.stop()
        self.error = ""
        self.path = []
        self.plot.setRange(xRange=BOOK_VIEW, yRange=BOOK_VIEW, padding=0)
        self._walk = descent_steps(self.function, np.array(self.init()), self.learning_rate(),
                                   self.steps())
        self._advance(1)
        self._show()

    def run(self) -> None:
        """Animate a run from the start."""
        self.reset()
        self.timer.start()

    def step(self) -> None:
        """One step more (a new run from the start once the last one ended)."""
        self.timer.stop()
        if self.is_done():
            self.reset()
            return
        self._advance(1)
        self._show()

    def run_to_end(self) -> None:
        """Compute the rest of the path at once."""
        self.timer.stop()
        self._advance(self.steps() + 1)
        self._show()

    def is_done(self) -> bool:
        return self._walk is None

    def is_animating(self) -> bool:
        return self.timer.isActive()

    def _tick(self) -> None:
        self._advance(max(1, self.steps() // ANIMATION_TICKS))
        self._show()

    def _advance(self, count: int) -> None:
        for _ in range(count):
            if self._walk is None:
                return
            try:
                self.path.append(next(self._walk))
            except StopIteration:
                self._end()
            except (DescentError, GraphEvaluationError) as exc:
                self.error = self.tr("Stopped after step {step}: {reason}").format(
                    step=max(0, len(self.path) - 1), reason=str(exc))
                self._end()
        if self._walk is not None and len(self.path) == self.steps() + 1:
            self._end()

    def _end(self) -> None:
        self._walk = None
        self.timer.stop()
        self.run_finished.emit()

    # -- showing -----------------------------------------------------------------------------
    def _show(self) -> None:
        if not self.path:
            return
        path = np.array(self.path)
        self.path_curve.setData(path[:, 0], path[:, 1])
        self.start_marker.setData(path[:1, 0], path[:1, 1])
        self.end_marker.setData(path[-1:, 0], path[-1:, 1])
        self._follow(path)
        self.result_label.setText(self._result_text(path))

    def _result_text(self, path: np.ndarray) -> str:
        step = len(path) - 1
        value = _value_or_none(self.function, path[-1])
        lines = [self.tr("Step {step} of {steps}: x = {x},  f(x) = {value}").format(
            step=step, steps=self.steps(), x=book_array(path[-1]),
            value=full(value) if value is not None else "?")]
        if self.error:
            lines.append(self.error)
        preset = PRESET_BY_KEY.get(self.preset_key() or "")
        if preset is not None:
            lines.append(self.tr("The book prints {result} after 100 steps.").format(
                result=preset.book_result))
        return "\n".join(lines)

    def _follow(self, path: np.ndarray) -> None:
        """Grow the view to hold the whole path when a point leaves it."""
        view = self.plot.getPlotItem().getViewBox()
        (a, b), (c, d) = view.viewRange()
        low, high = path.min(axis=0), path.max(axis=0)
        if low[0] >= a and high[0] <= b and low[1] >= c and high[1] <= d:
            return
        low = np.minimum(low, BOOK_VIEW[0])
        high = np.maximum(high, BOOK_VIEW[1])
        margin = 0.08 * (high - low)
        view.setRange(xRange=(low[0] - margin[0], high[0] + margin[0]),
                      yRange=(low[1] - margin[1], high[1] + margin[1]), padding=0)

    def reset_view(self) -> None:
        self.plot.setRange(xRange=BOOK_VIEW, yRange=BOOK_VIEW, padding=0)
        if self.path:
            self._follow(np.array(self.path))

    def draw_contours(self) -> None:
        """The contour lines of f over the visible range."""
        (a, b), (c, d) = self.plot.getPlotItem().getViewBox().viewRange()
        xs, ys = np.linspace(a, b, CONTOUR_SAMPLES), np.linspace(c, d, CONTOUR_SAMPLES)
        values = self.function.on_grid(xs[:, np.newaxis], ys[np.newaxis, :])
        self.contours.setData(*contour_lines(xs, ys, values, contour_levels(values, 12)),
                              connect="pairs")

    # -- settings ----------------------------------------------------------------------------
    def choose_preset(self, key: str) -> None:
        """Take one of the book's runs and animate it."""
        self.apply_settings(PRESET_BY_KEY[key])
        self.run()

    def apply_settings(self, preset: DescentPreset) -> None:
        self.set_values(preset.expression, preset.init, preset.learning_rate, preset.steps)

    def _on_settings_changed(self) -> None:
        names = self.function.names
        item = self.plot.getPlotItem()
        item.setLabel("bottom", names[0])
        item.setLabel("left", names[1])
        preset = PRESET_BY_KEY.get(self.preset_key() or "")
        self.lesson_label.setText(
            QCoreApplication.translate("DescentPart", preset.lesson) if preset else "")
        self.reset()
        self.draw_contours()
        self.changed.emit()

    def preset_key(self) -> str | None:
        """The book's run these settings are, or None."""
        for preset in PRESETS:
            if (self.function.text, tuple(self.init()), self.learning_rate(), self.steps()) == (
                    preset.expression, preset.init, preset.learning_rate, preset.steps):
                return preset.key
        return None

    def state(self) -> dict:
        return {"expression": self.function.text, "init": list(self.init()),
                "learning_rate": self.learning_rate(), "steps": self.steps(),
                "preset": self.preset_key()}


def _value_or_none(function: ExpressionFunction, x: np.ndarray) -> float | None:
    try:
        return function(x)
    except (GraphEvaluationError, ValueError):
        return None
