"""The Training tab's five run buttons, each with a command key that survives its text."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from desktop_nn.gui.common.shortcuts import add_command_key, key_text

SHORTCUTS = {
    "start": "F5",
    "pause": "F6",
    "step": "F10",
    "stop": "Shift+F5",
    "reset": "Ctrl+Shift+R",
}


class RunButtons(QWidget):
    """Start, Pause/Resume, Step, Stop and Reset weights, two rows of a grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_button = self._button(
            "startButton", self.tr("Start"), "start",
            self.tr("Start a new run with these settings"),
        )
        self.pause_button = self._button(
            "pauseButton", self.tr("Pause"), "pause", self.tr("Pause or resume the run")
        )
        self.step_button = self._button(
            "stepButton", self.tr("Step"), "step", self.tr("Do one iteration while paused")
        )
        self.stop_button = self._button(
            "stopButton", self.tr("Stop"), "stop",
            self.tr("End the run; the network keeps what it learned"),
        )
        self.reset_button = self._button(
            "resetButton", self.tr("Reset weights"), "reset",
            self.tr("Draw fresh initial weights from the seed; this run's curves stay, faded, "
                    "beside the next run's"),
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.start_button, 0, 0)
        grid.addWidget(self.pause_button, 0, 1)
        grid.addWidget(self.step_button, 0, 2)
        grid.addWidget(self.stop_button, 1, 0)
        grid.addWidget(self.reset_button, 1, 1, 1, 2)

    def _button(self, name: str, text: str, key: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        add_command_key(button, SHORTCUTS[key])
        button.setToolTip(f"{tooltip} ({key_text(SHORTCUTS[key])})")
        return button

    def show_state(self, *, running: bool, paused: bool, waiting: bool, has_data: bool) -> None:
        """Enable what can be done now (``waiting``: a run waits for its data)."""
        idle = not running and not waiting
        self.start_button.setEnabled(idle)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.step_button.setEnabled((running and paused) or idle)
        self.stop_button.setEnabled(running)
        self.reset_button.setEnabled(not running and has_data)
