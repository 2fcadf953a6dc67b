"""The row under the curves: smoothing of the loss, a logarithmic axis, clearing earlier runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.training.curves import LossPlot

#: The smoothing window, in iterations: its range and its first value.
SMOOTHING_RANGE = (1, 500)
DEFAULT_SMOOTHING = 50


class PlotOptions(QWidget):
    """Options that change how the loss curve is drawn (see :class:`LossPlot`)."""

    def __init__(self, loss_plot: LossPlot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = loss_plot
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal)
        self.smoothing_slider.setObjectName("smoothingSlider")
        self.smoothing_slider.setRange(*SMOOTHING_RANGE)
        self.smoothing_slider.setValue(DEFAULT_SMOOTHING)
        self.smoothing_slider.setToolTip(
            self.tr("Window of the moving average drawn over the raw loss, in iterations.")
        )
        self.smoothing_slider.setAccessibleName(self.tr("Smoothing of the loss curve"))
        self.smoothing_name_label = QLabel(self.tr("Smoothing:"))
        self.smoothing_name_label.setBuddy(self.smoothing_slider)
        self.smoothing_label = QLabel()
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.log_check.setObjectName("logScaleCheck")
        add_command_key(self.log_check, "Ctrl+L")
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis ({key}).").format(
            key=key_text("Ctrl+L")))
        self.clear_runs_button = QPushButton(self.tr("Clear r&uns"))
        self.clear_runs_button.setObjectName("clearRunsButton")
        self.clear_runs_button.setToolTip(self.tr("Remove the faded curves of earlier runs."))

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.smoothing_name_label)
        row.addWidget(self.smoothing_slider, 1)
        row.addWidget(self.smoothing_label)
        row.addWidget(self.log_check)
        row.addStretch(1)
        row.addWidget(self.clear_runs_button)

        self.smoothing_slider.valueChanged.connect(self._on_smoothing)
        self.log_check.toggled.connect(loss_plot.set_log_scale)
        self._on_smoothing(self.smoothing_slider.value())

    def values(self) -> tuple[int, bool]:
        """(smoothing window, log scale) as the settings keep them."""
        return self.smoothing_slider.value(), self.log_check.isChecked()

    def set_values(self, smoothing: int | None, log_scale: bool | None) -> None:
        """Show saved options (None: keep what is shown)."""
        if smoothing is not None:
            self.smoothing_slider.setValue(smoothing)
        if log_scale is not None:
            self.log_check.setChecked(log_scale)

    @Slot(int)
    def _on_smoothing(self, value: int) -> None:
        # "it" is short for iterations.
        self.smoothing_label.setText(self.tr("{count} it").format(count=value))
        self.loss_plot.set_smoothing(value)
