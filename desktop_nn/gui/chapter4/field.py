"""The Gradient field part: contours of f(x0, x1), the arrows of −∇f (figure 4-9), and the
partial derivatives at a point clicked or typed (section 4.4).

The arrows come from the exact gradient on the whole grid at once (backpropagation over NumPy
arrays); the numbers at the chosen point are the book's ``numerical_gradient``, next to the
exact ones.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_nn.core.gradient import numerical_gradient
from desktop_nn.graph import BOOK_FUNCTION_2, ExpressionFunction, GraphEvaluationError
from desktop_nn.gui.chapter4.inputs import ExpressionField
from desktop_nn.gui.chapter4.numbers import book_array, full
from desktop_nn.gui.chapter4.plots import (
    arrow_segments,
    contour_levels,
    contour_lines,
    make_plot,
)
from desktop_nn.gui.common.palette import colour, plot_foreground
from desktop_nn.gui.common.widgets import CompactSpinBox

#: The book's grid: -2 to 2 in steps of 0.25, with half a step of margin around it.
BOOK_VIEW = (-2.25, 2.25)
#: Grid steps across the shorter side of the view (18: the book's 0.25 over [-2.25, 2.25]).
ARROW_STEPS = 18
#: Samples across the view for the contour lines.
CONTOUR_SAMPLES = 81
POINT_RANGE = (-1e6, 1e6)


def two_variables(function: ExpressionFunction) -> str:
    """Why ``function`` is not a function of two variables ("" if it is)."""
    if len(function.names) != 2:
        return QCoreApplication.translate(
            "FieldPart", "f must use exactly two variables, such as x0 and x1 (it uses "
            "{count}).").format(count=len(function.names))
    return ""


def grid_axis(low: float, high: float, step: float) -> np.ndarray:
    """The multiples of ``step`` at least half a step inside [low, high]."""
    first = math.ceil(low / step + 0.5)
    last = math.floor(high / step - 0.5)
    return np.arange(first, last + 1) * step


class FieldPart(QWidget):
    """Contours and −∇f arrows over the view, and the gradient at one point.

    Signals
    -------
    changed()
        The function or the point changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientFieldPart")
        self.expression = ExpressionField(
            "gradientFieldExpressionEdit", BOOK_FUNCTION_2, two_variables, self)
        self._build_plot()
        self._build_controls()
        self._build_layout()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self.redraw)
        self.plot.getPlotItem().getViewBox().sigRangeChanged.connect(
            lambda *_: self._redraw_timer.start(0))
        self.expression.changed.connect(self._on_function)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.set_point(3.0, 4.0)

    def _build_plot(self) -> None:
        names = self.expression.function.names
        self.plot = make_plot("gradientFieldPlot", names[1], names[0],
                              self.tr("Contours of f and the arrows of −∇f"))
        self.plot.setAspectLocked(True)
        faint = plot_foreground()
        faint.setAlpha(90)
        self.contours = self.plot.plot(pen=pg.mkPen(faint, width=1))
        self.arrows = self.plot.plot(pen=pg.mkPen(colour("blue"), width=1.3))
        self.point_arrow = self.plot.plot(pen=pg.mkPen(colour("vermillion"), width=2.5))
        self.marker = self.plot.plot(symbol="o", symbolSize=11, pen=None,
                                     symbolBrush=colour("vermillion"), symbolPen=None)
        self.plot.setRange(xRange=BOOK_VIEW, yRange=BOOK_VIEW, padding=0)
        self.plot.setToolTip(self.tr("Click a point to see its partial derivatives."))

    def _build_controls(self) -> None:
        self.point_spins = []
        for index in range(2):
            spin = CompactSpinBox(decimals=4)
            spin.setObjectName(f"gradientPointX{index}Spin")
            spin.setRange(*POINT_RANGE)
            spin.setSingleStep(0.25)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _value: self.set_point(*self.point()))
            self.point_spins.append(spin)
        self.value_label = QLabel()
        self.value_label.setObjectName("gradientValueLabel")
        self.value_label.setWordWrap(True)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_layout(self) -> None:
        grid = QGridLayout()
        expression_label = QLabel(self.tr("f(x&0, x1) ="))
        expression_label.setBuddy(self.expression.edit)
        point_label = QLabel(self.tr("&Point:"))
        point_label.setBuddy(self.point_spins[0])
        grid.addWidget(expression_label, 0, 0)
        grid.addWidget(self.expression.edit, 0, 1)
        grid.addWidget(point_label, 0, 2)
        grid.addWidget(self.point_spins[0], 0, 3)
        grid.addWidget(self.point_spins[1], 0, 4)
        grid.addWidget(self.expression.error, 1, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.value_label)

    # -- state -------------------------------------------------------------------------------
    @property
    def function(self) -> ExpressionFunction:
        return self.expression.function

    def point(self) -> tuple[float, float]:
        return self.point_spins[0].value(), self.point_spins[1].value()

    def set_point(self, x0: float, x1: float) -> None:
        """Show the gradient at (x0, x1), widening the view to include it."""
        for spin, value in zip(self.point_spins, (x0, x1), strict=True):
            with QSignalBlocker(spin):
                spin.setValue(value)
        self._include(*self.point())
        self._show_point()
        self.changed.emit()

    def reset_view(self) -> None:
        self.plot.setRange(xRange=BOOK_VIEW, yRange=BOOK_VIEW, padding=0)
        self._include(*self.point())

    def _include(self, x0: float, x1: float) -> None:
        view = self.plot.getPlotItem().getViewBox()
        (a, b), (c, d) = view.viewRange()
        if a <= x0 <= b and c <= x1 <= d:
            return
        margin = 0.1 * max(b - a, d - c, abs(x0), abs(x1))
        view.setRange(xRange=(min(a, x0 - margin), max(b, x0 + margin)),
                      yRange=(min(c, x1 - margin), max(d, x1 + margin)), padding=0)

    def _on_function(self, function: ExpressionFunction) -> None:
        item = self.plot.getPlotItem()
        item.setLabel("bottom", function.names[0])
        item.setLabel("left", function.names[1])
        self.redraw()
        self._show_point()
        self.changed.emit()

    def _on_click(self, event) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or \
                not view.sceneBoundingRect().contains(event.scenePos()):
            return
        where = view.mapSceneToView(event.scenePos())
        self.set_point(round(where.x(), 2), round(where.y(), 2))

    # -- drawing -----------------------------------------------------------------------------
    def redraw(self) -> None:
        """Contours and arrows for the visible range."""
        (a, b), (c, d) = self.plot.getPlotItem().getViewBox().viewRange()
        xs, ys = np.linspace(a, b, CONTOUR_SAMPLES), np.linspace(c, d, CONTOUR_SAMPLES)
        values = self.function.on_grid(xs[:, np.newaxis], ys[np.newaxis, :])
        self.contours.setData(*contour_lines(xs, ys, values, contour_levels(values, 12)),
                              connect="pairs")
        step = min(b - a, d - c) / ARROW_STEPS
        gx, gy = np.meshgrid(grid_axis(a, b, step), grid_axis(c, d, step), indexing="ij")
        _, (p0, p1) = self.function.gradient_on_grid(gx, gy)
        self.arrows.setData(*arrow_segments(gx, gy, -p0, -p1, 0.9 * step), connect="pairs")
        self._show_point()

    def _show_point(self) -> None:
        x = np.array(self.point())
        self.marker.setData([x[0]], [x[1]])
        try:
            gradient = numerical_gradient(self.function, x.copy())
            exact = self.function.exact_gradient(x)
        except (GraphEvaluationError, ValueError) as exc:
            self.point_arrow.setData([], [])
            self.value_label.setText(self.tr("No gradient at this point: {reason}").format(
                reason=str(exc)))
            return
        (a, b), (c, d) = self.plot.getPlotItem().getViewBox().viewRange()
        length = min(b - a, d - c) / ARROW_STEPS * 1.6
        self.point_arrow.setData(*arrow_segments(x[:1], x[1:], -gradient[:1], -gradient[1:],
                                                 length), connect="pairs")
        names = self.function.names
        self.value_label.setText("\n".join([
            self.tr("numerical_gradient(f, np.array([{x0}, {x1}])) = {gradient}").format(
                x0=repr(float(x[0])), x1=repr(float(x[1])), gradient=book_array(gradient)),
            self.tr("∂f/∂{a} = {da},  ∂f/∂{b} = {db};  exact by backpropagation: ({ea}, {eb}). "
                    "The arrows point along −∇f, downhill.").format(
                a=names[0], b=names[1], da=repr(float(gradient[0])),
                db=repr(float(gradient[1])), ea=full(exact[0]), eb=full(exact[1])),
        ]))

    def state(self) -> dict:
        return {"expression": self.function.text, "point": list(self.point())}

    def hideable(self) -> list[QWidget]:
        return [self.expression.edit, *self.point_spins]
