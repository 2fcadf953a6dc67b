"""The Gradient check tab: the book's gradient_check.py, with progress, Cancel and an explanation.

The numerical gradient (two losses for each of the ~40,000 parameters) runs in a worker
(:mod:`~desktop_nn.gui.gradcheck.job`); backpropagation follows in the same job, and the table
compares the two parameter by parameter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.functions import BOOK_DELTA
from desktop_nn.core.gradient import GradientCheckResult
from desktop_nn.core.network import ACTIVATION_TITLES
from desktop_nn.core.timing import remaining_seconds
from desktop_nn.core.training import GRADCHECK_LIMITS
from desktop_nn.data.datasets import dataset_title
from desktop_nn.gui.common.durations import about
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.scrolling import vertical_scroll
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.tab_contract import TabContract
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.gradcheck.diff_maps import DiffMapsBox
from desktop_nn.gui.gradcheck.job import check_job
from desktop_nn.gui.gradcheck.results import ExplanationBox, HistoryBox, ResultsBox
from desktop_nn.gui.gradcheck.texts import format_seconds
from desktop_nn.gui.workers import GeneratorWorker

#: At most this many of the checked images' labels are listed.
LISTED_LABELS = 8


def _spin(name: str, limits: tuple[float, float], value: int, tooltip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(*(int(v) for v in limits))
    spin.setValue(value)
    spin.setToolTip(tooltip)
    return spin


#: The settings column's narrowest width, in pixels (wider when its texts need it).
SETTINGS_WIDTH = 360


class GradientCheckTab(QWidget, TabContract):
    """Compare numerical and backpropagated gradients of TwoLayerNet on real training images.

    Signals
    -------
    check_ended(str)
        "finished", "cancelled" or "failed", after the worker's thread has finished.
    """

    check_ended = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradcheckTab")
        self.state = state
        self.worker: GeneratorWorker | None = None
        self.result: GradientCheckResult | None = None
        self.result_settings: GradientCheckSettings | None = None
        self._running_settings: GradientCheckSettings | None = None
        self._started_at = 0.0
        self._run_context: tuple[str, list[int]] = ("mnist", [])
        self._build_settings()
        self._build_run_controls()
        self.results = ResultsBox()
        self.table = self.results.table
        self.timing_label, self.settings_label = (self.results.timing_label,
                                                  self.results.settings_label)
        self.history = HistoryBox()
        self.history_table = self.history.table
        self.diff_maps = DiffMapsBox()
        self._build_layout()
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.hidden_spin.valueChanged.connect(self._show_plan)
        self.samples_spin.valueChanged.connect(self._show_plan)
        self.state.data_changed.connect(self._update_buttons)
        self._update_buttons()
        self._show_plan()

    # -- construction ------------------------------------------------------------------------
    def _build_settings(self) -> None:
        self.samples_spin = _spin("gradcheckSamplesSpin", GRADCHECK_LIMITS["samples"], 3, self.tr(
            "How many training images the loss is computed on (the book's gradient_check.py "
            "uses the first 3)."))
        self.hidden_spin = _spin("gradcheckHiddenSpin", GRADCHECK_LIMITS["hidden_size"], 50,
                                 self.tr(
            "Hidden units of the network to check; the numerical gradient's time grows with "
            "the number of weights (50 gives 39,760)."))
        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("gradcheckActivationCombo")
        for key, title in ACTIVATION_TITLES.items():
            self.activation_combo.addItem(title, key)
        self.activation_combo.setToolTip(self.tr("The hidden layer's activation function."))
        self.seed_spin = _spin("gradcheckSeedSpin", GRADCHECK_LIMITS["seed"], 0, self.tr(
            "Seed of the random initial weights: the same seed gives the same figures."))
        self.delta_check = QCheckBox(self.tr("&Use the book's 1e-7 inside the log"))
        self.delta_check.setObjectName("gradcheckDeltaCheck")
        self.delta_check.setChecked(True)
        self.delta_check.setToolTip(self.tr(
            "Checked: the loss is −log(y + 1e-7) as in the book. Unchecked: −log(y), which "
            "reproduces the book's printed differences of 1e-13 to 1e-10."
        ))

    def _build_run_controls(self) -> None:
        self.run_button = QPushButton(self.tr("&Run check"))
        self.run_button.setObjectName("gradcheckRunButton")
        self.run_button.setToolTip(self.tr(
            "Compute the gradient by central differences and by backpropagation, and compare."
        ))
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setObjectName("gradcheckCancelButton")
        self.cancel_button.setToolTip(
            self.tr("Stop the numerical gradient; nothing else is changed."))
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("gradcheckProgressBar")
        self.progress_bar.setToolTip(self.tr(
            "Parameters whose numerical derivative is done (two losses each)."
        ))
        self.progress_bar.setAccessibleName(self.tr("Numerical gradient progress"))
        self.status_label = StatusLabel(lines=2)
        self.status_label.setObjectName("gradcheckStatus")
        self.plan_label = QLabel()
        self.plan_label.setObjectName("gradcheckPlan")
        self.plan_label.setWordWrap(True)

    def _build_layout(self) -> None:
        settings_box = QGroupBox(self.tr("Settings"))
        form = QFormLayout(settings_box)
        for text, widget in (
            (self.tr("&Samples:"), self.samples_spin),
            (self.tr("Hidden la&yer size:"), self.hidden_spin),
            (self.tr("Activati&on:"), self.activation_combo),
            (self.tr("Rando&m seed:"), self.seed_spin),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.delta_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addLayout(buttons)
        for widget in (self.progress_bar, self.status_label, self.plan_label):
            left.addWidget(widget)
        left.addWidget(self.diff_maps, 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        # Scrolled when a large zoom makes the column taller than the window.
        self.settings_panel = vertical_scroll(left_widget, "gradcheckSettingsArea",
                                              SETTINGS_WIDTH)
        right = QVBoxLayout()
        right.addWidget(self.results)
        right.addWidget(self.history, 1)
        right.addWidget(ExplanationBox(), 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.settings_panel)
        layout.addLayout(right, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.results.fit_columns()  # now in the font and style the window shows

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> GradientCheckSettings:
        """The check the controls describe."""
        return GradientCheckSettings(
            samples=self.samples_spin.value(),
            hidden_size=self.hidden_spin.value(),
            activation=self.activation_combo.currentData(),
            seed=self.seed_spin.value(),
            delta=BOOK_DELTA if self.delta_check.isChecked() else 0.0,
        )

    @Slot()
    def _show_plan(self) -> None:
        settings = self.settings()
        count = settings.parameter_count()
        self.plan_label.setText(self.tr(
            "TwoLayerNet(784, {hidden}, 10) has {count} parameters: the numerical gradient "
            "computes the loss {losses} times, backpropagation once forward and once backward."
        ).format(hidden=settings.hidden_size, count=f"{count:,}", losses=f"{2 * count:,}"))
        if self.worker is None:  # the bar shows what the next check will go through
            self._set_progress(0, count)

    # -- running -------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.worker is not None

    @Slot()
    def start(self) -> bool:
        """Start a check with the current settings; False if one runs or there is no data."""
        if self.worker is not None or self.state.data is None:
            return False
        settings = self.settings()
        x_train, t_train = self.state.data[0]
        if settings.samples > len(x_train):
            self._show_message(self.tr("Too many samples"),
                               self.tr("The training set has only {count} images.").format(
                                   count=f"{len(x_train):,}"))
            return False
        worker = GeneratorWorker("gradient-check", check_job(
            settings, x_train[: settings.samples], t_train[: settings.samples]))
        worker.progress.connect(self._on_progress)
        worker.finished.connect(lambda result: self._on_ended("finished", result))
        worker.failed.connect(
            lambda error: self._on_ended("failed", f"{type(error).__name__}: {error}"))
        worker.cancelled.connect(lambda: self._on_ended("cancelled", None))
        self.worker, self._running_settings = worker, settings
        self._run_context = (self.state.dataset_name or "mnist",
                             [int(v) for v in t_train[: min(settings.samples, LISTED_LABELS)]])
        self._set_progress(0, settings.parameter_count(x_train.shape[1]))
        self.status_label.setText(self.tr("Numerical gradient running…"))
        self._started_at = time.perf_counter()
        self._update_buttons()
        worker.start(self.state.threads)
        return True

    @Slot()
    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel a running check and wait for its thread; True when no thread is left."""
        worker = self.worker
        if worker is None:
            return True
        worker.cancel()
        finished = worker.wait(timeout_ms)
        if finished:
            self._release()
        return finished

    def _release(self) -> None:
        self.worker = None
        self._update_buttons()

    @Slot(object)
    def _on_progress(self, report: tuple[int, int]) -> None:
        if self.worker is None or self.worker.cancel_requested:
            return
        done, total = report
        self._set_progress(done, total)
        elapsed = time.perf_counter() - self._started_at
        if done and elapsed > 0.5:
            self.status_label.setText(self.tr(
                "Numerical gradient: {percent}% done, {remaining} left"
            ).format(percent=f"{100 * done / total:.0f}",
                     remaining=about(remaining_seconds(done, total, elapsed))))

    def _on_ended(self, outcome: str, payload: object) -> None:
        worker = self.worker
        if worker is None:  # already released by shutdown()
            return
        worker.wait()
        settings = self._running_settings
        self._release()
        if outcome == "finished" and isinstance(payload, GradientCheckResult):
            total = self.progress_bar.maximum()
            self._set_progress(total, total)
            self.show_result(payload, settings)
            self.status_label.setText(self.tr("Done: numerical {numerical}, backprop {backprop}.")
                                      .format(numerical=format_seconds(payload.numerical_seconds),
                                              backprop=format_seconds(payload.backprop_seconds)))
        elif outcome == "cancelled":
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(self.tr("cancelled"))
            self.status_label.setText(self.tr("Gradient check cancelled."))
        else:
            self.status_label.setText(self.tr("The gradient check failed."))
            # The details come from the core and stay in English.
            self._show_message(self.tr("Gradient check failed"),
                               self.tr("The gradient check stopped with an error:") + "\n"
                               + str(payload))
        self.check_ended.emit(outcome)

    def _set_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.tr("{done} / {total} parameters").format(
            done=f"{done:,}", total=f"{total:,}"))

    def show_result(self, result: GradientCheckResult, settings: GradientCheckSettings) -> None:
        """Fill the table, the timing line and the history from a finished check."""
        self.result = result
        self.result_settings = settings
        dataset_name, first_labels = self._run_context
        dataset = dataset_title(dataset_name)
        labels = ", ".join(str(v) for v in first_labels)
        if settings.samples > LISTED_LABELS:
            labels += ", …"
        if settings.samples == 1:
            images = self.tr("The first {dataset} training image (label {labels})").format(
                dataset=dataset, labels=labels)
        else:
            images = self.tr("The first {count} {dataset} training images (labels {labels})"
                             ).format(count=settings.samples, dataset=dataset, labels=labels)
        self.results.show_result(result, settings, images)
        self.diff_maps.show_result(result)
        self.history.add(result, settings)

    # -- the tab contract --------------------------------------------------------------------
    tab_key = "gradcheck"

    def main_view(self) -> QWidget:
        """The results: the table of differences with its timings."""
        return self.results

    # -- other ---------------------------------------------------------------------------------
    @Slot()
    def _update_buttons(self) -> None:
        running = self.worker is not None
        self.run_button.setEnabled(not running and self.state.data is not None)
        self.cancel_button.setEnabled(running)
        for widget in (self.samples_spin, self.hidden_spin, self.activation_combo,
                       self.seed_spin, self.delta_check):
            widget.setEnabled(not running)
        waiting = self.tr("Waiting for the training images to load…")
        if self.state.data is None and not running:
            self.status_label.setText(waiting)
        elif not running and self.status_label.text() == waiting:
            self.status_label.setText(self.tr("Ready."))

    def _show_message(self, title: str, text: str) -> None:
        show_message(self, title, text, name="gradcheckMessage")
