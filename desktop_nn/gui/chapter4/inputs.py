"""The chapter's input widgets: a formula field that keeps its function when a typed one is
refused, and a number box for numbers of any size (a learning rate of 1e-10 or 10)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QWidget

from desktop_nn.graph import ExpressionError, ExpressionFunction, GraphEvaluationError


class ExpressionField(QObject):
    """A line edit for ``f`` and the line under it that says why a formula was refused.

    Enter builds the function; a formula that does not parse, or that ``check`` refuses,
    leaves the previous function in place (and its text back in the field) and shows why.

    Signals
    -------
    changed(object)
        The new :class:`ExpressionFunction`.
    """

    changed = Signal(object)

    def __init__(self, name: str, text: str, check: Callable[[ExpressionFunction], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.edit = QLineEdit(text)
        self.edit.setObjectName(name)
        self.edit.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setObjectName(name.removesuffix("Edit") + "Error")
        self.error.setWordWrap(True)
        self.function = ExpressionFunction(text)
        self.edit.returnPressed.connect(lambda: self.set_text(self.edit.text()))

    def set_text(self, text: str) -> bool:
        """Build ``text``'s function; True if it replaced the current one."""
        message = self.refusal(text)
        if message:
            self.error.setText(self.tr("Not changed:") + " " + message)
            return False
        self.error.setText("")
        self.edit.setText(text)
        self.function = ExpressionFunction(text)
        self.changed.emit(self.function)
        return True

    def refusal(self, text: str) -> str:
        """Why ``text`` cannot be used ("" if it can)."""
        try:
            function = ExpressionFunction(text)
        except ExpressionError as exc:
            return str(exc)
        return self.check(function)

    def text(self) -> str:
        """The text of the function in use (not what is being typed)."""
        return self.function.text


def evaluate_or_none(function: ExpressionFunction, x) -> float | None:
    """``function(x)``, or None where it is undefined."""
    try:
        value = function(x)
    except (GraphEvaluationError, ValueError, OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


class ScientificSpinBox(QDoubleSpinBox):
    """A number box that shows every digit a float needs (``1e-10``, ``0.1``, ``10``).

    Arrows multiply or divide by ten; typed text is any number in the box's range.
    """

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(323)  # keep every value exactly as typed
        self.setRange(low, high)

    def textFromValue(self, value: float) -> str:
        return repr(float(value)) if not float(value).is_integer() else f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, position: int):
        stripped = text.strip()
        try:
            value = float(stripped)
        except ValueError:
            if all(ch in "0123456789.eE+-" for ch in stripped):
                return QValidator.State.Intermediate, text, position
            return QValidator.State.Invalid, text, position
        if not (math.isfinite(value) and self.minimum() <= value <= self.maximum()):
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Acceptable, text, position

    def stepBy(self, steps: int) -> None:
        value = self.value() * 10.0 ** steps
        self.setValue(min(self.maximum(), max(self.minimum(), value)))
