"""The Training tab: hyperparameters, controls, live curves, progress and a sample preview.

The tab is the controller of one :class:`TrainingThread` at a time. The thread sends batches of
copied metrics; they go into the plots' buffers, and a timer redraws the plots at ``REDRAW_HZ``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core import divergence
from desktop_nn.core.gradient import Cancelled
from desktop_nn.core.timing import numerical_run_seconds, remaining_seconds
from desktop_nn.core.training import DivergedEvent, FinishedEvent, TrainConfig, Trainer
from desktop_nn.data.datasets import dataset_title
from desktop_nn.gui.common.durations import about, measured
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.curves import MAX_OVERLAYS, AccuracyPlot, LossPlot
from desktop_nn.gui.hyperparams import HyperparameterPanel
from desktop_nn.gui.runs import RunRecord
from desktop_nn.gui.sample_preview import SamplePreview
from desktop_nn.gui.threads import MetricsBatch, TrainingThread

REDRAW_HZ = 22
#: The progress bar and its figures change more slowly than the eye needs (Hz).
PROGRESS_HZ = 5
#: A learning rate changed during a run applies once it has stayed this long (milliseconds).
LEARNING_RATE_SETTLE_MS = 300
#: Runs slower than this per iteration ask for confirmation before they start (seconds).
CONFIRM_ESTIMATE_SECONDS = 60.0

SHORTCUTS = {
    "start": "F5",
    "pause": "F6",
    "step": "F10",
    "stop": "Shift+F5",
    "reset": "Ctrl+Shift+R",
}


class TrainingTab(QWidget):
    """Train a TwoLayerNet and watch it learn.

    Signals
    -------
    status(str)
        A message for the window's status bar.
    run_ended(str)
        "finished", "stopped", "diverged" or "failed" (after the thread has finished).
    """

    status = Signal(str)
    run_ended = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingTab")
        self.state = state
        self.thread: TrainingThread | None = None
        self.trainer: Trainer | None = None
        self.last_trainer: Trainer | None = None
        self.run_count = 0
        #: The run of the bright curves, and those of the faded ones (oldest first).
        self.current_run: RunRecord | None = None
        self.earlier_runs: list[RunRecord] = []
        self._dirty = False
        self._start_when_loaded = False
        self._pending_step = False
        self._active_seconds = 0.0
        self._next_iteration_share = 0.0
        self._per_mille = False
        self._iterations_done = 0
        self._total_iterations = 0
        self.redraw_count = 0
        self._progress_drawn = 0.0
        self.confirm_slow_runs = True

        self.panel = HyperparameterPanel()
        self.loss_plot = LossPlot()
        self.accuracy_plot = AccuracyPlot()
        self.preview = SamplePreview(state)
        self._build_controls()
        self._build_layout()
        self._connect()
        self._update_buttons()
        self._show_planned_iterations()

        self.learning_rate_timer = QTimer(self)
        self.learning_rate_timer.setSingleShot(True)
        self.learning_rate_timer.setInterval(LEARNING_RATE_SETTLE_MS)
        self.learning_rate_timer.timeout.connect(self.apply_learning_rate)

        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(int(1000 / REDRAW_HZ))
        self.redraw_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self._redraw)
        self.redraw_timer.start()

    # -- construction ------------------------------------------------------------------------
    def _button(self, name: str, text: str, key: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        add_command_key(button, SHORTCUTS[key])
        button.setToolTip(f"{tooltip} ({key_text(SHORTCUTS[key])})")
        return button

    def _build_controls(self) -> None:
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
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        # %v and %m are the progress bar's own placeholders (value and maximum).
        self.progress_bar.setAccessibleName(self.tr("Training progress"))
        self.speed_label = StatusLabel()
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal)
        self.smoothing_slider.setObjectName("smoothingSlider")
        self.smoothing_slider.setRange(1, 500)
        self.smoothing_slider.setValue(50)
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

    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.panel.sizeHint().width() + 24)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.step_button, 0, 2)
        buttons.addWidget(self.stop_button, 1, 0)
        buttons.addWidget(self.reset_button, 1, 1, 1, 2)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(buttons)

        plot_options = QHBoxLayout()
        plot_options.addWidget(self.smoothing_name_label)
        plot_options.addWidget(self.smoothing_slider, 1)
        plot_options.addWidget(self.smoothing_label)
        plot_options.addWidget(self.log_check)
        plot_options.addStretch(1)
        plot_options.addWidget(self.clear_runs_button)

        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.accuracy_plot)
        plots.setChildrenCollapsible(False)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(plots, 1)
        middle_layout.addLayout(plot_options)
        middle_layout.addWidget(self.progress_bar)
        middle_layout.addWidget(self.speed_label)

        self.preview.setMinimumWidth(200)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.splitter = splitter

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button.clicked.connect(self.step)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset_weights)
        self.panel.learning_rate_changed.connect(self._on_learning_rate)
        self.panel.iters_spin.valueChanged.connect(self._show_planned_iterations)
        self.smoothing_slider.valueChanged.connect(self._on_smoothing)
        self.log_check.toggled.connect(self.loss_plot.set_log_scale)
        self.clear_runs_button.clicked.connect(self.clear_runs)
        self.state.data_changed.connect(self._on_data_changed)
        self.state.data_failed.connect(self._on_data_failed)
        self._on_smoothing(self.smoothing_slider.value())

    @Slot()
    def _show_planned_iterations(self) -> None:
        """While idle, the progress bar's maximum follows the Iterations box."""
        if self.thread is None and self._iterations_done in (0, self._total_iterations):
            self._plan_progress(self.panel.iters_spin.value())

    def _plan_progress(self, iterations: int) -> None:
        """An empty bar of ``iterations`` whole iterations."""
        self._per_mille = False
        self._next_iteration_share = 0.0
        self.progress_bar.setFormat(self.tr("%v / %m iterations"))
        self.progress_bar.setRange(0, iterations)
        self.progress_bar.setValue(0)

    # -- run control -------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.thread is not None

    @Slot()
    def start(self, *, paused: bool = False) -> bool:
        """Start a new run from the panel's settings; return False if it could not start."""
        if self.thread is not None:
            return False
        if self.state.data is None or self.state.dataset_name != self.panel.config().dataset:
            self._start_when_loaded = True
            self._pending_step = paused
            if not self.state.is_loading:
                self.state.load_data(self.panel.config().dataset)
            self.status.emit(self.tr("Loading the data; training starts as soon as it is ready…"))
            self._update_buttons()
            return False
        config = self.panel.config()
        if config.gradient == "numerical" and not self._confirm_numerical(config):
            return False
        try:
            trainer = Trainer(config, self.state.data)
        except ValueError as exc:
            self._show_message(
                self.tr("Cannot start training"),
                self.tr("These settings cannot be trained; change them and start again.")
                + "\n\n" + str(exc),
                QMessageBox.Icon.Warning,
            )
            return False
        self._begin(trainer, paused=paused)
        return True

    def _keep_current_as_overlay(self) -> None:
        """Fade the current run's curves into an earlier run (kept for export) and clear."""
        record, self.current_run = self.current_run, None
        self.loss_plot.set_run_label(None)
        self.accuracy_plot.set_run_label(None)
        if record is None:
            self.loss_plot.clear_data()
            self.accuracy_plot.clear_data()
            return
        kept = self.loss_plot.keep_as_overlay(record.label)
        self.accuracy_plot.keep_as_overlay(record.short_label)
        if kept and record.history is not None:
            self.earlier_runs.append(record)
            del self.earlier_runs[:-MAX_OVERLAYS]

    def _label_current_run(self) -> None:
        if self.current_run is not None:
            self.loss_plot.set_run_label(self.current_run.label)
            self.accuracy_plot.set_run_label(self.current_run.short_label)

    def runs_on_screen(self) -> list[RunRecord]:
        """The runs whose curves are shown and have ended (those a history export holds)."""
        runs = list(self.earlier_runs)
        if self.current_run is not None and self.current_run.history is not None:
            runs.append(self.current_run)
        return runs

    def _begin(self, trainer: Trainer, *, paused: bool) -> None:
        self._keep_current_as_overlay()
        self.run_count += 1
        self.current_run = RunRecord(self.run_count, trainer.config)
        self.trainer = trainer
        self._iterations_done = 0
        self._active_seconds = 0.0
        self._total_iterations = trainer.config.iters
        self._plan_progress(trainer.config.iters)
        # A numerical-gradient iteration takes long: the bar then moves by tenths of a percent
        # of an iteration (while the iterations fit the bar's integer range).
        if trainer.config.gradient == "numerical" and trainer.config.iters < 2_000_000:
            self._per_mille = True
            self.progress_bar.setRange(0, trainer.config.iters * 1000)
        self.loss_plot.begin_run(trainer.config.iters)
        self.accuracy_plot.begin_run(trainer.expected_epochs - 1)
        self._label_current_run()
        self.state.set_model(trainer.network.copy(), trainer.config)

        thread = TrainingThread(trainer, start_paused=paused)
        trainer.should_stop = thread.stop_requested
        thread.metrics.connect(self._on_metrics)
        thread.element_progress.connect(self._on_element_progress)
        thread.paused_changed.connect(self._on_paused_changed)
        thread.ended.connect(self._on_ended)
        self.thread = thread
        self.panel.set_running(True)
        self.state.set_training_state("paused" if paused else "running")
        self.state.threads.start(thread, thread.stop)
        if paused:
            thread.step()
        self.status.emit(
            self.tr("Run {number} started: seed {seed}, {images} training images").format(
                number=self.run_count, seed=trainer.config.seed,
                images=f"{trainer.train_size:,}")
        )
        self._update_buttons()

    @Slot()
    def toggle_pause(self) -> None:
        if self.thread is None:
            return
        if self.thread.is_paused:
            self.thread.resume()
            self.state.set_training_state("running")
            self.status.emit(self.tr("Resumed"))
        else:
            self.thread.pause()
            self.state.set_training_state("paused")
            self.status.emit(self.tr("Paused: Step does one iteration, Resume goes on"))
        self._update_buttons()

    @Slot()
    def step(self) -> None:
        """One iteration: while paused, or from idle (a new run that starts paused)."""
        if self.thread is None:
            self.start(paused=True)
            return
        if self.thread.is_paused:
            self.thread.step()

    @Slot()
    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.status.emit(self.tr("Stopping…"))

    @Slot()
    def reset_weights(self) -> None:
        """Fresh initial weights from the panel's settings; this run's curves are cleared."""
        if self.thread is not None:
            return
        config = self.panel.config()
        if self.state.data is None:
            return
        try:
            trainer = Trainer(config, self.state.data)
        except ValueError as exc:
            self._show_message(
                self.tr("Cannot reset"),
                self.tr("No network can be made from these settings; the weights are unchanged.")
                + "\n\n" + str(exc),
                QMessageBox.Icon.Warning,
            )
            return
        self.last_trainer = None
        self._keep_current_as_overlay()
        self._plan_progress(config.iters)
        self.speed_label.setText("")
        self.state.set_model(trainer.network, trainer.config)
        self.state.set_training_state("idle")
        self.status.emit(self.tr("Weights reset (seed {seed})").format(seed=trainer.config.seed))
        self._update_buttons()

    @Slot()
    def clear_runs(self) -> None:
        self.loss_plot.clear_overlays()
        self.accuracy_plot.clear_overlays()
        self.earlier_runs.clear()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop a running thread and wait for it; return True when no thread is left."""
        self.redraw_timer.stop()
        thread = self.thread
        if thread is None:
            return True
        thread.stop()
        finished = thread.wait(timeout_ms)
        if finished:
            self._release_thread()
        return finished

    # -- slots for the thread ----------------------------------------------------------------
    @Slot(object)
    def _on_metrics(self, batch: MetricsBatch) -> None:
        if len(batch.losses):
            self.loss_plot.add_losses(batch.first_iteration, batch.losses)
        for epoch in batch.epochs:
            self.accuracy_plot.add_epoch(epoch.epoch, epoch.train_acc, epoch.test_acc)
        if batch.iterations_done != self._iterations_done:
            self._next_iteration_share = 0.0
        self._iterations_done = batch.iterations_done
        self._active_seconds = batch.active_seconds
        if batch.params is not None:
            self.state.update_params(batch.params)
        if batch.learning_rates and self.current_run is not None:
            for iteration, rate in batch.learning_rates:
                self.current_run.add_learning_rate(iteration, rate)
                self.loss_plot.mark_learning_rate(iteration, rate)
            self._label_current_run()
        self._dirty = True

    @Slot(bool)
    def _on_paused_changed(self, paused: bool) -> None:
        self._update_buttons()

    @Slot(str, object)
    def _on_ended(self, outcome: str, payload: object) -> None:
        thread = self.thread
        if thread is None:
            return
        thread.wait()
        trainer = self.trainer
        self._release_thread()
        self.last_trainer = trainer
        if self.current_run is not None:
            self.current_run.history = trainer.history
        self._redraw(force=True)
        if outcome == "finished" and isinstance(payload, FinishedEvent):
            self.status.emit(
                self.tr("Finished {iterations} iterations in {time}: train accuracy {train}, "
                        "test accuracy {test}").format(
                    iterations=f"{payload.iterations:,}", time=measured(payload.seconds),
                    train=f"{payload.final_train_acc:.4f}", test=f"{payload.final_test_acc:.4f}")
            )
        elif outcome == "diverged" and isinstance(payload, DivergedEvent):
            # The core's own message is a detail after the translated lead-in.
            self.status.emit(self.tr("Diverged:") + " " + payload.message)
            self._show_message(
                self.tr("Training diverged"),
                self.divergence_explanation(payload),
                QMessageBox.Icon.Warning,
            )
        elif outcome == "failed":
            if isinstance(payload, str) and payload.startswith(Cancelled.__name__):
                outcome = "stopped"
            else:
                self.status.emit(self.tr("Training failed"))
                self._show_message(
                    self.tr("Training failed"),
                    self.tr("The run stopped because of an error; the network keeps what it "
                            "had learned.") + "\n\n" + str(payload),
                    QMessageBox.Icon.Critical,
                )
        if outcome == "stopped":
            self.status.emit(self.tr("Stopped after {iterations} iterations").format(
                iterations=f"{self._iterations_done:,}"))
        self.state.set_training_state(outcome)
        self._update_buttons()
        self.run_ended.emit(outcome)

    def divergence_explanation(self, event: DivergedEvent) -> str:
        """Why the run was stopped, in the core's words for its kind of divergence."""
        template, values = divergence.explanation(event)
        return QCoreApplication.translate(divergence.CONTEXT, template).format(**values)

    def _release_thread(self) -> None:
        thread = self.thread
        self.thread = None
        if self.trainer is not None:
            self.trainer.should_stop = None
        self.trainer = None
        self.panel.set_running(False)
        if thread is not None:
            thread.deleteLater()

    # -- other slots -------------------------------------------------------------------------
    @Slot(float)
    def _on_learning_rate(self, lr: float) -> None:
        """A new rate settles for a moment (arrow keys held down) before the run takes it."""
        if self.thread is not None:
            self.learning_rate_timer.start()

    @Slot()
    def apply_learning_rate(self) -> None:
        """Hand the panel's learning rate to the running training (from its next iteration)."""
        if self.thread is not None:
            lr = self.panel.config().learning_rate
            self.thread.set_learning_rate(lr)
            self.status.emit(self.tr("Learning rate now {rate}").format(rate=f"{lr:g}"))

    @Slot(int)
    def _on_smoothing(self, value: int) -> None:
        # "it" is short for iterations.
        self.smoothing_label.setText(self.tr("{count} it").format(count=value))
        self.loss_plot.set_smoothing(value)

    @Slot()
    def _on_data_changed(self) -> None:
        x_train = self.state.data[0][0]
        self.panel.set_train_size_maximum(len(x_train))
        name = self.state.dataset_name
        self.status.emit(
            self.tr("{dataset}: {train} training and {test} test images ready").format(
                dataset=dataset_title(name), train=f"{len(x_train):,}",
                test=f"{len(self.state.data[1][0]):,}")
        )
        if self._start_when_loaded:
            self._start_when_loaded = False
            self.start(paused=self._pending_step)
        self._update_buttons()

    @Slot(str)
    def _on_data_failed(self, message: str) -> None:
        self._start_when_loaded = False
        self._show_message(
            self.tr("Cannot load the data"),
            self.tr("The data could not be read; the window keeps what it had loaded before.")
            + "\n\n" + message,
            QMessageBox.Icon.Warning,
        )
        self._update_buttons()

    def _confirm_numerical(self, config: TrainConfig) -> bool:
        per_iteration, total = numerical_run_seconds(config, *self.state.data[0])
        if not self.confirm_slow_runs or total < CONFIRM_ESTIMATE_SECONDS:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Numerical gradient is slow"),
            self.tr("The numerical gradient computes the loss twice for each of the network's "
                    "parameters: {per_iteration} per iteration here, so {iterations} "
                    "iterations would take {total}.\n\nBackpropagation gets the same "
                    "gradient thousands of times faster. Start anyway?").format(
                per_iteration=about(per_iteration), iterations=f"{config.iters:,}",
                total=about(total)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_message(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        show_message(self, title, text, name="trainingMessage", icon=icon)

    # -- drawing -----------------------------------------------------------------------------
    @Slot()
    def _redraw(self, force: bool = False) -> None:
        if not (self._dirty or force):
            return
        self._dirty = False
        self.redraw_count += 1
        self.loss_plot.refresh(force)
        self.accuracy_plot.refresh()
        now = time.perf_counter()
        stepping = self.thread is not None and self.thread.is_paused
        if not (force or stepping) and now - self._progress_drawn < 1.0 / PROGRESS_HZ:
            return
        self._progress_drawn = now
        self._draw_progress()

    def _draw_progress(self) -> None:
        """The bar and the speed line, from whole iterations and, in a numerical-gradient run,
        the share of the next iteration already done (which can take minutes)."""
        done, total = self._iterations_done, max(self._total_iterations, 1)
        progress = done + self._next_iteration_share
        if self._per_mille:
            self.progress_bar.setValue(round(progress * 1000))
            text = self.tr("{done} / {total} iterations").format(
                done=f"{done:,}", total=f"{total:,}")
            if self._next_iteration_share > 0:
                text = self.tr("{done} / {total} iterations (the next one {percent}% done)"
                               ).format(done=f"{done:,}", total=f"{total:,}",
                                        percent=f"{100 * self._next_iteration_share:.0f}")
            self.progress_bar.setFormat(text)
        else:
            self.progress_bar.setValue(done)
        if progress <= 0 or self._active_seconds <= 0:
            return
        rate = progress / self._active_seconds
        remaining = about(remaining_seconds(progress, total, self._active_seconds))
        elapsed = measured(self._active_seconds)
        if rate >= 1:
            text = self.tr("{rate} it/s · elapsed {elapsed} · remaining {remaining}").format(
                rate=f"{rate:,.0f}", elapsed=elapsed, remaining=remaining)
        else:
            text = self.tr("{per_iteration} per iteration · elapsed {elapsed} · remaining "
                           "{remaining}").format(per_iteration=measured(1 / rate),
                                                 elapsed=elapsed, remaining=remaining)
        self.speed_label.setText(text)

    @Slot(int, int, float)
    def _on_element_progress(self, done: int, total: int, active_seconds: float) -> None:
        if total > 0 and self.thread is not None:
            self._next_iteration_share = min(done / total, 1.0)
            self._active_seconds = active_seconds
            self._dirty = True

    def _update_buttons(self) -> None:
        running = self.thread is not None
        paused = running and self.thread.is_paused
        self.start_button.setEnabled(not running and not self._start_when_loaded)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.step_button.setEnabled((running and paused) or (not running and
                                                             not self._start_when_loaded))
        self.stop_button.setEnabled(running)
        self.reset_button.setEnabled(not running and self.state.data is not None)
