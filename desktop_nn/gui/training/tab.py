"""The Training tab: hyperparameters, controls, live curves, progress and a sample preview.

The tab asks its :class:`~desktop_nn.gui.training.controller.RunController` to run, pause, step
and stop, and shows what the run reports: batches of copied metrics go into the plots' buffers,
and a timer redraws the plots at ``REDRAW_HZ``. The window's shell reaches the tab only through
its narrow methods (the settings, the plots' options, the runs on screen, the model's record).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.core.training_stream import ElementProgress, MetricsBatch
from desktop_nn.data.datasets import dataset_title
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.training.controller import RunController
from desktop_nn.gui.training.curves import AccuracyPlot, LossPlot, plan_axes
from desktop_nn.gui.training.layout import (
    columns,
    curves_splitter,
    open_in_layers_button,
    settings_column,
)
from desktop_nn.gui.training.lesson import TrainingLesson
from desktop_nn.gui.training.panel import HyperparameterPanel
from desktop_nn.gui.training.plot_options import SMOOTHING_RANGE, PlotOptions
from desktop_nn.gui.training.preview import SamplePreview
from desktop_nn.gui.training.progress import RunProgress
from desktop_nn.gui.training.run_book import RunBook
from desktop_nn.gui.training.run_buttons import RunButtons
from desktop_nn.gui.training.run_messages import confirm_numerical_run, ending
from desktop_nn.gui.training.runs import RunsOnScreen, ScreenRun
from desktop_nn.gui.training.runs_panel import RunsPanel
from desktop_nn.gui.training.seed_repeats import SeedRepeats
from desktop_nn.gui.training.speed import SlowRunAxis, SpeedControl

REDRAW_HZ = 22
#: A learning rate changed during a run applies once it has stayed this long (milliseconds).
LEARNING_RATE_SETTLE_MS = 300


class TrainingTab(QWidget, TrainingLesson):
    """Train a TwoLayerNet and watch it learn.

    Signals
    -------
    status(str)
        A message for the window's status bar.
    config_changed()
        A setting changed (the window saves the settings).
    dataset_chosen(str)
        The dataset choice changed ("mnist" or "fashion-mnist").
    run_ended(str)
        "finished", "stopped", "diverged" or "failed" (after the thread has finished).
    iteration_opened(object, object)
        The paused iteration's batch (its first 100 images and labels), to show as layers.
    """

    status = Signal(str)
    config_changed = Signal()
    dataset_chosen = Signal(str)
    run_ended = Signal(str)
    iteration_opened = Signal(object, object)
    smoothing_range = SMOOTHING_RANGE  # of the loss plot's moving average

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingTab")
        self.state = state
        self.controller = RunController(state, self)
        self._dirty = False
        self._start_when_loaded = False
        self._pending_step = False
        self.confirm_slow_runs = True

        self.panel = HyperparameterPanel()
        self.loss_plot = LossPlot()
        self.accuracy_plot = AccuracyPlot()
        self.runs = RunsOnScreen(self.loss_plot, self.accuracy_plot)
        self.book = RunBook(self.runs, self, threads=state.threads)
        self.runs_panel = RunsPanel(self.book)
        self.repeats = SeedRepeats(self)
        self.plot_options = PlotOptions(self.loss_plot)
        self.progress = RunProgress(self)
        self.progress_bar, self.speed_label = self.progress.bar, self.progress.speed
        self.preview = SamplePreview(state)
        self.buttons = RunButtons()
        self.speed_control = SpeedControl()
        self.loss_axis = SlowRunAxis(self.loss_plot)
        for name in ("start", "pause", "step", "stop", "reset"):
            setattr(self, f"{name}_button", getattr(self.buttons, f"{name}_button"))
        self._build_layout()
        self._connect()
        self._update_buttons()
        self._show_planned_iterations()
        self.book.restore()  # its notes are said once the data is ready

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
    def _build_layout(self) -> None:
        button = self.open_layers_button = open_in_layers_button(self.open_iteration)
        left = settings_column(self.panel, self.speed_control, self.buttons, button)
        self.preview.setMinimumWidth(200)
        self.curves_area = curves_splitter(
            self.loss_plot, self.accuracy_plot, self.runs_panel, self.preview,
            (self.plot_options, self.progress_bar, self.speed_label))
        self.splitter = columns(left, self.curves_area)
        QVBoxLayout(self).addWidget(self.splitter)

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button.clicked.connect(self.step)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset_weights)
        self.book.status.connect(self.status)
        self.book.removed.connect(self.repeats.forget)
        self.runs_panel.repeat_requested.connect(self.repeats.start)
        self.panel.learning_rate_changed.connect(self._on_learning_rate)
        for spin in (self.panel.iters_spin, self.panel.batch_size_spin, self.panel.train_size_spin):
            spin.valueChanged.connect(self._show_planned_iterations)
        self.panel.config_changed.connect(self.config_changed)
        self.panel.dataset_changed.connect(self.dataset_chosen)
        self.state.data_changed.connect(self._on_data_changed)
        self.state.data_failed.connect(self._on_data_failed)
        controller = self.controller
        controller.metrics.connect(self._on_metrics)
        controller.element_progress.connect(self._on_element_progress)
        controller.paused_changed.connect(self._update_buttons)
        controller.ended.connect(self._on_ended)
        controller.run_ended.connect(self.run_ended)
        self.speed_control.speed_changed.connect(controller.set_speed)
        self.speed_control.pause_each_epoch_changed.connect(
            lambda on: setattr(controller, "pause_each_epoch", on))

    # -- what the window asks ----------------------------------------------------------------
    def config(self) -> TrainConfig:
        """The settings shown."""
        return self.panel.config()

    def show_config(self, config: TrainConfig, *, keep_dataset: bool = False) -> None:
        """Show ``config`` (``keep_dataset``: with the dataset chosen now)."""
        if keep_dataset:
            config = config.replace(dataset=self.panel.config().dataset)
        self.panel.set_config(config)

    def choose_bundled_dataset(self) -> None:
        """Go back to the bundled MNIST (a download was refused or failed)."""
        self.panel.dataset_combo.setCurrentIndex(self.panel.dataset_combo.findData("mnist"))

    def plot_settings(self) -> tuple[int, bool]:
        """(smoothing window, log scale) of the loss plot."""
        return self.plot_options.values()

    def restore_plot_settings(self, smoothing: int | None, log_scale: bool | None) -> None:
        self.plot_options.set_values(smoothing, log_scale)

    def runs_on_screen(self) -> list[ScreenRun]:
        """The runs whose curves are shown and have ended (those a history export holds)."""
        return self.runs.ended()

    def export_all_runs_dialog(self) -> None:
        """Every run and the runs table as CSV files (File menu)."""
        self.runs_panel.export_all_dialog()

    def model_meta(self) -> dict:
        """What a saved model records of the last run (its iterations and learning rates)."""
        return self.controller.model_meta()

    @property
    def is_running(self) -> bool:
        return self.controller.is_running

    @property
    def is_paused(self) -> bool:
        return self.controller.is_paused

    # -- run control -------------------------------------------------------------------------
    @Slot()
    def start(self, *, paused: bool = False, config: TrainConfig | None = None,
              group: str | None = None) -> bool:
        """Start a new run from the panel's settings (or ``config``, one of the repeats of
        ``group``); return False if it could not start."""
        if self.is_running:
            return False
        config = config or self.panel.config()
        if self.state.data is None or self.state.dataset_name != config.dataset:
            self._start_when_loaded, self._pending_step = True, paused
            if not self.state.is_loading:
                self.state.load_data(config.dataset)
            self.status.emit(self.tr("Loading the data; training starts as soon as it is ready…"))
            self._update_buttons()
            return False
        if (config.gradient == "numerical" and self.confirm_slow_runs
                and not confirm_numerical_run(self, config, self.state.data)):
            return False
        self.runs.fade_current(later=True, keep_labels=True)
        try:
            self.controller.start(config, paused=paused,
                                  before_launch=lambda trainer: self._show_start(trainer, group))
        except ValueError as exc:
            self._show_message(
                self.tr("Cannot start training"),
                self.tr("These settings cannot be trained; change them and start again.")
                + "\n\n" + str(exc), QMessageBox.Icon.Warning)
            return False
        return True

    def _show_start(self, trainer: Trainer, group: str | None) -> None:
        """Show the new run (its row, progress, axes, buttons) before its thread starts."""
        self.book.begin(trainer, group)
        self.progress.begin(trainer.config.iters, trainer.config.gradient == "numerical")
        self.loss_plot.begin_run(trainer.config.iters)
        self.loss_axis.end = None  # begin_run showed the whole run
        self.accuracy_plot.begin_run(trainer.expected_epochs - 1)
        self.panel.set_running(True)
        self.status.emit(
            self.tr("Run {number} started: seed {seed}, {images} training images").format(
                number=self.runs.count, seed=trainer.config.seed,
                images=f"{trainer.train_size:,}"))
        self._update_buttons()

    @Slot()
    def toggle_pause(self) -> None:
        if not self.is_running:
            return
        if self.controller.toggle_pause():
            self.status.emit(self.tr("Paused: Step does one iteration, Resume goes on"))
        else:
            self.status.emit(self.tr("Resumed"))
        self._update_buttons()

    @Slot()
    def step(self) -> None:
        """One iteration: while paused, or from idle (a new run that starts paused)."""
        if not self.is_running:
            self.start(paused=True)
        else:
            self.controller.step()

    @Slot()
    def stop(self) -> None:
        if self.is_running:
            self.controller.stop()
            self.status.emit(self.tr("Stopping…"))

    @Slot()
    def reset_weights(self) -> None:
        """Fresh initial weights from the panel's settings; this run's curves are cleared."""
        if self.is_running or self.state.data is None:
            return
        config = self.panel.config()
        try:
            trainer = self.controller.reset(config)
        except ValueError as exc:
            self._show_message(
                self.tr("Cannot reset"),
                self.tr("No network can be made from these settings; the weights are unchanged.")
                + "\n\n" + str(exc), QMessageBox.Icon.Warning)
            return
        self.book.fade_current()
        self.progress.reset(config.iters)
        self.status.emit(self.tr("Weights reset (seed {seed})").format(seed=trainer.config.seed))
        self._update_buttons()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop a run and wait for its thread and for the kept runs' writes; return True when no
        thread is left."""
        self.redraw_timer.stop()
        finished = self.controller.shutdown(timeout_ms)
        self.book.writer.settle()  # the run just stopped is on disk, complete
        if finished:
            self.panel.set_running(False)
        return finished

    @Slot()
    def open_iteration(self) -> None:
        """Hand the paused iteration's batch (at most its first 100 images) to the window."""
        batch = self.controller.trainer.last_batch() if self.is_paused else None
        if batch is not None:
            self.iteration_opened.emit(batch[0][:100].copy(), batch[1][:100].copy())

    # -- what the run reports ----------------------------------------------------------------
    @Slot(object)
    def _on_metrics(self, batch: MetricsBatch) -> None:
        if len(batch.losses):
            self.loss_plot.add_losses(batch.first_iteration, batch.losses)
            self.loss_axis.follow(batch.iterations_done, self.progress.total,
                                  self.controller.speed)
        for epoch in batch.epochs:
            self.accuracy_plot.add_epoch(epoch.epoch, epoch.train_acc, epoch.test_acc)
        self.progress.add(batch.iterations_done, batch.active_seconds)
        self.runs.add_learning_rates(batch.learning_rates)
        self._dirty = True

    @Slot(object)
    def _on_element_progress(self, report: ElementProgress) -> None:
        self.progress.add_share(report.done, report.total, report.active_seconds)
        self._dirty = True

    @Slot(str, object)
    def _on_ended(self, outcome: str, payload: object) -> None:
        self.panel.set_running(False)
        self.book.end(outcome, payload, self.controller.last_trainer,
                      self.progress.active_seconds)
        self.progress.end(getattr(payload, "seconds", None))  # as the table says it
        self._redraw(force=True)
        said = ending(outcome, payload, self.progress.iterations_done)
        self.status.emit(said.status)
        if said.title:
            self._show_message(said.title, said.text, said.icon)
        self._update_buttons()

    # -- other slots -------------------------------------------------------------------------
    @Slot(float)
    def _on_learning_rate(self, lr: float) -> None:
        """A new rate settles for a moment (arrow keys held down) before the run takes it."""
        if self.is_running:
            self.learning_rate_timer.start()

    @Slot()
    def apply_learning_rate(self) -> None:
        """Hand the panel's learning rate to the running training (from its next iteration)."""
        if self.is_running:
            lr = self.panel.config().learning_rate
            self.controller.set_learning_rate(lr)
            self.status.emit(self.tr("Learning rate now {rate}").format(rate=f"{lr:g}"))

    @Slot()
    def _show_planned_iterations(self) -> None:
        """While idle, the progress bar's maximum and, with no curve drawn, the plots' axes
        follow the settings: Start then changes no axis (each one changed is drawn again)."""
        if self.is_running:
            return
        if self.progress.is_idle_plan():
            self.progress.plan(self.panel.iters_spin.value())
        if self.runs.current is None and not self.loss_plot.overlays:
            config = self.panel.config()
            train_size = len(self.state.data[0][0]) if self.state.data is not None else None
            plan_axes(self.loss_plot, self.accuracy_plot, config, train_size)

    @Slot()
    def _on_data_changed(self) -> None:
        x_train = self.state.data[0][0]
        self.panel.set_train_size_maximum(len(x_train))
        self._show_planned_iterations()
        self.status.emit(
            self.tr("{dataset}: {train} training and {test} test images ready").format(
                dataset=dataset_title(self.state.dataset_name), train=f"{len(x_train):,}",
                test=f"{len(self.state.data[1][0]):,}") + self.book.take_notes())
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
            + "\n\n" + message, QMessageBox.Icon.Warning)
        self._update_buttons()

    def _show_message(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        show_message(self, title, text, name="trainingMessage", icon=icon)

    # -- drawing -----------------------------------------------------------------------------
    @Slot()
    def _redraw(self, force: bool = False) -> None:
        if not (self._dirty or force):
            return
        self._dirty = False
        self.loss_plot.refresh(force)
        self.accuracy_plot.refresh()
        now = force or self.is_paused
        self.progress.draw(force=now)
        self.book.model.show_progress(self.progress.iterations_done,
                                      self.progress.active_seconds, force=now)

    def _update_buttons(self) -> None:
        self.buttons.show_state(running=self.is_running, paused=self.is_paused,
                                waiting=self._start_when_loaded,
                                has_data=self.state.data is not None)
        trainer = self.controller.trainer
        self.open_layers_button.setEnabled(self.is_paused and trainer is not None
                                           and trainer.last_batch_indices is not None)
