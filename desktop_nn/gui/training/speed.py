"""The training speed control: full speed down to one iteration a second, and a pause at each
epoch's end, both changeable while a run goes on (slow motion to talk over)."""

from __future__ import annotations

from pyqtgraph import PlotWidget
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from desktop_nn.core.pacing import SPEED_STEPS, reports_each_iteration
from desktop_nn.gui.common.shortcuts import add_command_key, key_text

#: Ticks and unticks "Pause at each epoch" (every letter of its text is taken in the tab).
PAUSE_EACH_EPOCH_KEY = "Ctrl+Shift+P"
#: The slider's position at full speed (its rightmost).
FULL_SPEED_POSITION = len(SPEED_STEPS) - 1


def speed_position(rate: float | None) -> int:
    """The slider position of ``rate`` (the nearest step at or below it)."""
    if rate is None:
        return FULL_SPEED_POSITION
    finite = [step for step in SPEED_STEPS if step is not None]
    below = [index for index, step in enumerate(finite) if step <= rate]
    return below[-1] if below else 0


#: The loss axis of a slowed-down run first spans this many iterations, then doubles.
SLOW_AXIS_START = 20


def loss_axis_end(done: int, total: int, rate: float | None) -> int:
    """Where the loss plot's iteration axis ends: the whole run at full speed; in a slowed-down
    run, room for what is done, doubling as the run grows (so the axis moves rarely)."""
    end = total - 1
    if reports_each_iteration(rate):
        end = min(end, SLOW_AXIS_START)
        while end < min(done, total - 1):
            end = min(2 * end, total - 1)
    return max(end, 1)


class SlowRunAxis:
    """Keeps the loss plot's iteration axis where a slowed-down run's points can be seen
    growing (the plot fixes its axis to the whole run for cheap redraws)."""

    def __init__(self, plot: PlotWidget) -> None:
        self.plot = plot
        self.end: int | None = None

    def follow(self, done: int, total: int, rate: float | None) -> None:
        end = loss_axis_end(done, total, rate)
        if end != self.end:
            self.end = end
            self.plot.setXRange(0, end, padding=0.01)


class SpeedControl(QWidget):
    """``trainingSpeedSlider`` with its value, and ``pauseEachEpochCheck``.

    Signals
    -------
    speed_changed(object)
        Iterations a second (a float), or None for full speed.
    pause_each_epoch_changed(bool)
    """

    speed_changed = Signal(object)
    pause_each_epoch_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSpeedControl")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("trainingSpeedSlider")
        self.slider.setRange(0, FULL_SPEED_POSITION)
        self.slider.setValue(FULL_SPEED_POSITION)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setToolTip(self.tr(
            "How fast training runs: full speed, or slowly enough to talk over (down to one "
            "iteration a second); it can be changed while training runs."))
        self.slider.setAccessibleName(self.tr("Training speed"))
        self.label = QLabel(self.tr("Speed:"))
        self.value_label = QLabel()
        self.value_label.setObjectName("trainingSpeedValue")
        self.pause_check = QCheckBox(self.tr("Pause at each epoch"))
        self.pause_check.setObjectName("pauseEachEpochCheck")
        add_command_key(self.pause_check, PAUSE_EACH_EPOCH_KEY)
        self.pause_check.setToolTip(self.tr(
            "Pause when an epoch ends and its accuracies are plotted; Resume goes on.")
            + f" ({key_text(PAUSE_EACH_EPOCH_KEY)})")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.pause_check)
        self.slider.valueChanged.connect(self._on_slider)
        self.pause_check.toggled.connect(self.pause_each_epoch_changed)
        self._show_value()

    def speed(self) -> float | None:
        """Iterations a second, or None for full speed."""
        step = SPEED_STEPS[self.slider.value()]
        return None if step is None else float(step)

    def set_speed(self, rate: float | None) -> None:
        self.slider.setValue(speed_position(rate))

    def pause_each_epoch(self) -> bool:
        return self.pause_check.isChecked()

    def set_pause_each_epoch(self, on: bool) -> None:
        self.pause_check.setChecked(on)

    @Slot()
    def _on_slider(self) -> None:
        self._show_value()
        self.speed_changed.emit(self.speed())

    def _show_value(self) -> None:
        rate = self.speed()
        # Wide enough for the longest value, so that the slider does not move as it changes.
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance(
            self.tr("{count} it/s").format(count=500)) + 4)
        if rate is None:
            self.value_label.setText(self.tr("full"))
        else:
            self.value_label.setText(self.tr("{count} it/s").format(count=f"{rate:g}"))
