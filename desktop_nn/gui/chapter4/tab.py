"""The Chapter 4 tab: four parts side by side as sub-tabs, and the tab contract for the shell.

Derivative (section 4.3), Gradient field and Gradient descent (section 4.4), and Why the loss
(section 4.2.5); each part is a widget of its own module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_nn.gui.chapter4 import lesson
from desktop_nn.gui.chapter4.derivative import DerivativePart
from desktop_nn.gui.chapter4.descent import DescentPart
from desktop_nn.gui.chapter4.field import FieldPart
from desktop_nn.gui.chapter4.loss import LossPart
from desktop_nn.gui.common.plot_style import apply_fonts
from desktop_nn.gui.common.tab_contract import LessonState, TabContract


class Chapter4Tab(QWidget, TabContract):
    """Chapter 4, live: numerical derivatives, gradients, descent, and the loss.

    Signals
    -------
    status(str)
        A message for the window's status bar.
    """

    tab_key = "chapter4"
    status = Signal(str)

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapter4Tab")
        self.derivative = DerivativePart()
        self.field = FieldPart()
        self.descent = DescentPart()
        self.loss = LossPart(state)
        self.parts = QTabWidget()
        self.parts.setObjectName("chapter4PartTabs")
        self.parts.tabBar().setObjectName("chapter4PartBar")
        self.parts.addTab(self.derivative, self.tr("Derivative"))
        self.parts.addTab(self.field, self.tr("Gradient field"))
        self.parts.addTab(self.descent, self.tr("Gradient descent"))
        self.parts.addTab(self.loss, self.tr("Why the loss"))
        self.by_name = dict(zip(lesson.PARTS, (self.derivative, self.field, self.descent,
                                               self.loss), strict=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.parts)

    def show_part(self, name: str) -> None:
        self.parts.setCurrentWidget(self.by_name[name])

    def current_part(self) -> str:
        widget = self.parts.currentWidget()
        return next(name for name, part in self.by_name.items() if part is widget)

    # -- the tab contract --------------------------------------------------------------------
    def main_view(self) -> QWidget:
        part = self.parts.currentWidget()
        if part is self.derivative:
            return self.derivative.splitter
        if part is self.loss:
            return self.loss.loss_plot.parentWidget()
        return part.plot

    def plots(self) -> list:
        return [self.derivative.curve.plot, self.derivative.errors.plot, self.field.plot,
                self.descent.plot, self.loss.loss_plot, self.loss.accuracy_plot]

    def lesson_state(self) -> LessonState:
        return {"part": self.current_part(), "derivative": self.derivative.state(),
                "field": self.field.state(), "descent": self.descent.state()}

    def apply_lesson_state(self, state: Mapping[str, Any]) -> None:
        read = lesson.read_state(state, self._refusal)
        if "derivative" in read:
            self._apply_derivative(read["derivative"])
        if "field" in read:
            self._apply_field(read["field"])
        if "descent" in read:
            self._apply_descent(read["descent"])
        if "part" in read:
            self.show_part(read["part"])

    def _refusal(self, part: str, text: str) -> str:
        return self.by_name[part].expression.refusal(text)

    def _apply_derivative(self, values: dict) -> None:
        part = self.derivative
        if "expression" in values:
            part.expression.set_text(values["expression"])
        if "method" in values:
            part.set_method(values["method"])
        if "h" in values:
            part.set_h(values["h"])
        if "x" in values:
            part.set_x(values["x"])

    def _apply_field(self, values: dict) -> None:
        if "expression" in values:
            self.field.expression.set_text(values["expression"])
        if "point" in values:
            self.field.set_point(*values["point"])

    def _apply_descent(self, values: dict) -> None:
        part = self.descent
        if values.get("preset"):
            part.apply_settings(lesson.PRESET_BY_KEY[values["preset"]])
        part.set_values(values.get("expression", part.function.text),
                        values.get("init", part.init()),
                        values.get("learning_rate", part.learning_rate()),
                        values.get("steps", part.steps()))
        part.run_to_end()

    def hideable_controls(self) -> dict[str, QWidget]:
        widgets = [self.parts.tabBar()]
        for part in self.by_name.values():
            widgets.extend(part.hideable())
        return {widget.objectName(): widget for widget in widgets}

    def set_zoom(self, factor: float) -> None:
        # The window's zoom scales the application font; the plots draw in it.
        for plot in self.plots():
            apply_fonts(plot)

    def shutdown(self) -> None:
        self.descent.timer.stop()
        self.loss.shutdown()
