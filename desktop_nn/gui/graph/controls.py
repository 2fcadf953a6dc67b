"""The Computation graph tab's buttons: the stepper with its animation, and the view's zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from desktop_nn.gui.common.flow import FlowLayout
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.zoom import refit_on_font_change
from desktop_nn.gui.graph.view import GraphView

SHORTCUTS = {
    "forward": "F7",
    "backward": "F8",
    "back": "F9",
    "reset": "Ctrl+Shift+R",
}
#: The Speed slider's value is twice the number of steps per second.
SPEED_RANGE = (1, 40)
DEFAULT_SPEED = 4


def command_button(name: str, text: str, tooltip: str, key: str | None = None) -> QPushButton:
    """A button with an object name and a tooltip, and a command key if ``key`` names one."""
    button = QPushButton(text)
    button.setObjectName(name)
    if key is not None:
        add_command_key(button, SHORTCUTS[key])
        tooltip += f" ({key_text(SHORTCUTS[key])})"
    button.setToolTip(tooltip)
    return button


class StepperBar(QWidget):
    """Forward step, Backward step, Step back, Run all, Reset; Animate and its speed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forward_button = command_button(
            "forwardStepButton", self.tr("For&ward step"),
            self.tr("Compute the next node of the forward pass"), "forward")
        self.backward_button = command_button(
            "backwardStepButton", self.tr("&Backward step"),
            self.tr("Pass the gradient back through the next node (after the forward pass)"),
            "backward")
        self.step_back_button = command_button(
            "stepBackButton", self.tr("Step bac&k"),
            self.tr("Undo the last step, forward or backward"), "back")
        self.run_all_button = command_button(
            "runAllButton", self.tr("Ru&n all"),
            self.tr("Finish the forward and the backward pass at once"))
        self.reset_button = command_button(
            "graphResetButton", self.tr("&Reset"),
            self.tr("Back to the start: only the inputs are known"), "reset")
        self.animate_button = command_button(
            "animateButton", self.tr("Ani&mate"),
            self.tr("Step through both passes on a timer; press again to pause"))
        self.animate_button.setCheckable(True)
        self._build_speed()
        # One row when there is room, wrapped onto two at a large zoom in a small window.
        row = FlowLayout(self)
        for button in (self.forward_button, self.backward_button, self.step_back_button,
                       self.run_all_button, self.reset_button):
            row.addWidget(button)
        animation = QWidget()
        animation_row = QHBoxLayout(animation)
        animation_row.setContentsMargins(16, 0, 0, 0)
        for widget in (self.animate_button, self.speed_label, self.speed_slider,
                       self.speed_value):
            animation_row.addWidget(widget)
        row.addWidget(animation)

    def _build_speed(self) -> None:
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("animationSpeedSlider")
        self.speed_slider.setRange(*SPEED_RANGE)
        self.speed_slider.setValue(DEFAULT_SPEED)
        self.speed_slider.setMaximumWidth(140)
        self.speed_slider.setToolTip(self.tr("How many steps per second the animation makes."))
        self.speed_label = QLabel(self.tr("&Speed:"))
        self.speed_label.setBuddy(self.speed_slider)
        self.speed_value = QLabel()
        self.speed_value.setObjectName("animationSpeedLabel")
        self._fit_speed_value()
        refit_on_font_change(self.speed_value, self._fit_speed_value)  # the window's zoom
        self.speed_slider.valueChanged.connect(self._on_speed)
        self._on_speed(self.speed_slider.value())

    def _fit_speed_value(self) -> None:
        """Room for the widest speed in the label's (zoomed) font."""
        self.speed_value.setMinimumWidth(
            self.speed_value.fontMetrics().horizontalAdvance(self.speed_text(10.5)))

    def steps_per_second(self) -> float:
        return self.speed_slider.value() / 2

    def speed_text(self, steps_per_second: float) -> str:
        return self.tr("{steps} steps/s").format(steps=f"{steps_per_second:g}")

    @Slot(int)
    def _on_speed(self, value: int) -> None:
        self.speed_value.setText(self.speed_text(value / 2))

    def show_state(self, *, position: int, total: int, forward_done: bool) -> None:
        """Enable the steps that can be taken at ``position`` of ``total``."""
        self.forward_button.setEnabled(not forward_done)
        self.backward_button.setEnabled(forward_done and position < total)
        self.step_back_button.setEnabled(position > 0)
        self.run_all_button.setEnabled(position < total)
        self.reset_button.setEnabled(position > 0)


class ZoomControls(QWidget):
    """"Zoom:" with −, + and Fit all, for a :class:`GraphView`."""

    def __init__(self, view: GraphView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No command keys: Ctrl++, Ctrl+− and Ctrl+0 zoom the whole window (View menu).
        self.zoom_out_button = command_button("zoomOutButton", "−", self.tr("Zoom out"))
        self.zoom_in_button = command_button("zoomInButton", "+", self.tr("Zoom in"))
        self.fit_button = command_button("fitButton", self.tr("Fit &all"),
                                         self.tr("Fit the whole graph into the view again"))
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setMaximumWidth(self.fontMetrics().horizontalAdvance("MM") + 24)
            button.setAccessibleName(button.toolTip())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Zoom:")))
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_in_button)
        row.addWidget(self.fit_button)
        self.zoom_in_button.clicked.connect(lambda: view.zoom_by(GraphView.ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: view.zoom_by(1 / GraphView.ZOOM_STEP))
        self.fit_button.clicked.connect(view.fit)
