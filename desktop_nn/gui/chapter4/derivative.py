"""The Derivative part: f(x), its numerical derivative as the book computes it, and how the
step h decides that derivative's error (sections 4.3.1 and 4.3.2).

The value is printed with every digit Python's ``repr`` gives, as the book prints it
(``0.1999999999990898`` at x = 5). The exact derivative comes from backpropagation through the
expression's graph; the log-log plot shows the numerical derivative's error as h shrinks.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.gradient import BOOK_H, numerical_diff
from desktop_nn.core.step_size import BOOK_BAD_H, derivative_errors
from desktop_nn.graph import BOOK_FUNCTION_1, ExpressionFunction, GraphEvaluationError
from desktop_nn.gui.chapter4 import steps
from desktop_nn.gui.chapter4.derivative_plots import ErrorPlot, FunctionPlot
from desktop_nn.gui.chapter4.inputs import ExpressionField, evaluate_or_none
from desktop_nn.gui.chapter4.numbers import full
from desktop_nn.gui.common.widgets import CompactSpinBox

#: The difference formulas, in the order of the method box.
METHODS = ("central", "forward")
#: How far the point may be typed.
X_RANGE = (-1e6, 1e6)


class DerivativePart(QWidget):
    """f(x), a point on it with its tangent, the step h and the error it causes.

    Signals
    -------
    changed()
        The function, the point, h or the method changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("derivativePart")
        self.h = BOOK_H
        self._errors_of: tuple[str, float] | None = None  # (f, x) of the error curves shown
        self.expression = ExpressionField("derivativeExpressionEdit", BOOK_FUNCTION_1,
                                          self._one_variable, self)
        self.curve = FunctionPlot(self)
        self.errors = ErrorPlot(self)
        self._build_controls()
        self._build_layout()
        self.expression.changed.connect(self._on_function)
        self.curve.dragged.connect(self.set_x)
        self.curve.set_function(self.expression.function)
        self.set_x(5.0)
        self.refresh()

    # -- construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.point_spin = CompactSpinBox(decimals=6)
        self.point_spin.setObjectName("derivativePointSpin")
        self.point_spin.setRange(*X_RANGE)
        self.point_spin.setSingleStep(0.1)
        self.point_spin.setKeyboardTracking(False)
        self.point_spin.setToolTip(self.tr("The point x where the derivative is taken; drag "
                                           "the point on the plot too."))
        self.point_spin.valueChanged.connect(self.set_x)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("derivativeMethodCombo")
        self.method_combo.addItem(self.tr("central (f(x+h) − f(x−h)) / 2h"), "central")
        self.method_combo.addItem(self.tr("forward (f(x+h) − f(x)) / h"), "forward")
        self.method_combo.setToolTip(self.tr("The book's numerical_diff uses the central "
                                             "difference."))
        self.method_combo.currentIndexChanged.connect(self.refresh)
        self.step_slider = QSlider(Qt.Orientation.Horizontal)
        self.step_slider.setObjectName("derivativeStepSlider")
        self.step_slider.setRange(steps.FIRST_POSITION, steps.LAST_POSITION)
        self.step_slider.setPageStep(steps.PER_DECADE)
        self.step_slider.setValue(steps.position_of(BOOK_H))
        self.step_slider.setToolTip(self.tr("The step h, from 1e-1 (left) to 1e-20 (right) on "
                                            "a logarithmic scale; the book uses 1e-4."))
        self.step_slider.setAccessibleName(self.tr("Step h"))
        self.step_slider.valueChanged.connect(self._on_slider)
        self.step_label = QLabel()
        self.step_label.setObjectName("derivativeStepLabel")
        self.value_label = QLabel()
        self.value_label.setObjectName("derivativeValueLabel")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_label.setWordWrap(True)
        self.bad_step_label = QLabel()
        self.bad_step_label.setObjectName("derivativeBadStepLabel")
        self.bad_step_label.setWordWrap(True)

    def _build_layout(self) -> None:
        grid = QGridLayout()
        expression_label = QLabel(self.tr("f(&x) ="))
        expression_label.setBuddy(self.expression.edit)
        point_label = QLabel(self.tr("&at x ="))
        point_label.setBuddy(self.point_spin)
        method_label = QLabel(self.tr("&Method:"))
        method_label.setBuddy(self.method_combo)
        step_title = QLabel(self.tr("&Step h:"))
        step_title.setBuddy(self.step_slider)
        grid.addWidget(expression_label, 0, 0)
        grid.addWidget(self.expression.edit, 0, 1)
        grid.addWidget(point_label, 0, 2)
        grid.addWidget(self.point_spin, 0, 3)
        grid.addWidget(self.expression.error, 1, 1, 1, 3)
        grid.addWidget(method_label, 2, 0)
        grid.addWidget(self.method_combo, 2, 1)
        grid.addWidget(step_title, 2, 2)
        grid.addWidget(self.step_slider, 2, 3)
        grid.addWidget(self.step_label, 2, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.curve.plot)
        splitter.addWidget(self.errors.plot)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.value_label)
        layout.addWidget(self.bad_step_label)

    # -- state -------------------------------------------------------------------------------
    @property
    def function(self) -> ExpressionFunction:
        return self.expression.function

    @property
    def x(self) -> float:
        return self.point_spin.value()

    @property
    def method(self) -> str:
        return self.method_combo.currentData()

    def set_x(self, x: float) -> None:
        if x != self.point_spin.value():
            with QSignalBlocker(self.point_spin):
                self.point_spin.setValue(x)
        self.refresh()

    def set_h(self, h: float) -> None:
        """Use step ``h`` (the slider shows the nearest of its positions)."""
        self.h = float(h)
        with QSignalBlocker(self.step_slider):
            self.step_slider.setValue(steps.position_of(self.h))
        self.refresh()

    def set_method(self, method: str) -> None:
        self.method_combo.setCurrentIndex(METHODS.index(method))

    def _on_slider(self, position: int) -> None:
        self.h = steps.step_at(position)
        self.refresh()

    def _on_function(self, function: ExpressionFunction) -> None:
        self.curve.set_function(function)
        self.refresh()

    def _one_variable(self, function: ExpressionFunction) -> str:
        if len(function.names) != 1:
            return self.tr("f must use exactly one variable (it uses {count}).").format(
                count=len(function.names))
        return ""

    # -- computing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the value, the tangent, the errors and the words, then redraw."""
        f, x, h, method = self.function, self.x, self.h, self.method
        self.step_label.setText(f"h = {steps.format_step(h)}")
        y = evaluate_or_none(f, x)
        derivative = self._numerical(x, h, method)
        exact = self._exact(x)
        self.curve.set_point(x, y, derivative)
        self._show_value(x, y, h, method, derivative, exact)
        self._show_errors(x, y, exact, derivative)
        self.bad_step_label.setText(self._bad_step_text(x, method, exact))
        self.changed.emit()

    def _numerical(self, x: float, h: float, method: str) -> float | None:
        try:
            return numerical_diff(self.function, x, h, method)
        except (GraphEvaluationError, ValueError):
            return None

    def _exact(self, x: float) -> float | None:
        try:
            return float(self.function.exact_gradient(x)[0])
        except (GraphEvaluationError, ValueError):
            return None

    def _show_value(self, x, y, h, method, derivative, exact) -> None:
        if y is None or derivative is None:
            self.value_label.setText(self.tr("f is undefined at x = {x} or next to it: no "
                                             "derivative here.").format(x=full(x)))
            return
        name = self.function.names[0]
        difference = (self.tr("central difference") if method == "central"
                      else self.tr("forward difference"))
        lines = [self.tr("numerical_diff(f, {x}) = {value}  ({difference}, h = {h})")
                 .format(x=full(x), value=repr(derivative), h=steps.format_step(h),
                         difference=difference)]
        if exact is not None:
            lines.append(self.tr("exact df/d{name} by backpropagation: {exact};  error "
                                 "{error}").format(name=name, exact=repr(exact),
                                                   error=f"{abs(derivative - exact):.2g}"))
        self.value_label.setText("\n".join(lines))

    def _show_errors(self, x, y, exact, derivative) -> None:
        if y is None or exact is None:
            self._errors_of = None
            self.errors.show_errors(None, None, {}, 0.0)
            self.errors.mark(self.h, None)
            return
        if self._errors_of != (self.function.text, x):  # a new h or method reuses the curves
            self._errors_of = (self.function.text, x)
            found = {}
            for method in METHODS:
                try:
                    found[method] = derivative_errors(self.function, x, exact, method=method)
                except (GraphEvaluationError, ValueError):
                    found[method] = None
            slopes = {method: steps.truncation_slope(self.function, x, method)
                      for method in METHODS}
            self.errors.show_errors(found["central"], found["forward"], slopes,
                                    steps.rounding_scale(y))
        self.errors.mark(self.h, None if derivative is None else abs(derivative - exact))

    def _bad_step_text(self, x: float, method: str, exact: float | None) -> str:
        """The book's h = 1e-50, in words, with what it gives here."""
        value = self._numerical(x, BOOK_BAD_H, method)
        if value is None:
            return ""
        if value == 0.0 and x != 0.0:
            return self.tr("The book's warning, h = 1e-50: x + h rounds to x in float64, so "
                           "f(x + h) − f(x − h) is exactly 0 and the derivative comes out as 0, "
                           "not {exact}.").format(exact=full(exact) if exact is not None
                                                  else "?")
        return self.tr("The book's warning, h = 1e-50: here it gives {value}; at any x far "
                       "from 0, x + h rounds to x and the difference is exactly 0.").format(
            value=repr(value))

    def state(self) -> dict:
        return {"expression": self.function.text, "x": self.x, "h": self.h,
                "method": self.method}

    def hideable(self) -> list[QWidget]:
        return [self.expression.edit, self.point_spin, self.method_combo, self.step_slider]
