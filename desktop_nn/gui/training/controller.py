"""The run controller: one training run at a time, from settings to the end of its thread.

The Training tab asks; the controller builds the :class:`~desktop_nn.core.training.Trainer`,
makes a copy of its network the window's current model, has the run trained, passes on pause,
step, stop and live learning rates, keeps the window's training state, and reports in plain
signals. It draws nothing and says nothing: the tab shows what it reports.

Runs are trained in the training process (:mod:`desktop_nn.core.training_process`), started
when data is first loaded and kept for the window's later runs, so that the window's drawing
never waits on the training's Python nor the training on the window's. The controller's
trainer is then the window's copy of the one that trains: same settings, same data, never
trained itself, made equal to it each time the run pauses and when it ends
(:mod:`~desktop_nn.core.run_state`). With ``in_process=False`` (or the environment variable
``DESKTOP_NN_TRAINING=thread``) the run trains on a worker thread of the window's process, as
the benchmarks compare.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_nn.core.events import FinishedEvent
from desktop_nn.core.pacing import Pacer
from desktop_nn.core.run_state import RunState, adopt_run_state
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.core.training_client import TrainingProcess
from desktop_nn.core.training_job import training_job
from desktop_nn.core.training_stream import ElementProgress, MetricsBatch
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.training.process_worker import ProcessWorker, RemoteRunError
from desktop_nn.gui.workers import GeneratorWorker


def trains_in_a_process() -> bool:
    """Whether runs train in the training process (the default) or on a thread
    (``DESKTOP_NN_TRAINING=thread``)."""
    return os.environ.get("DESKTOP_NN_TRAINING", "process") != "thread"


class RunController(QObject):
    """Runs one :class:`Trainer` at a time for the Training tab.

    Signals
    -------
    metrics(object)
        A :class:`MetricsBatch` of the run (the weights it carries are already in the state).
    element_progress(object)
        An :class:`ElementProgress` inside a numerical-gradient iteration.
    paused_changed(bool)
        The run now waits (True) or goes on (False).
    ended(str, object)
        "finished" with the FinishedEvent, "diverged" with the DivergedEvent, "stopped" with
        None, or "failed" with the error's text; after the thread has finished, before the
        training state changes.
    run_ended(str)
        The same outcome, once the state says it too.
    """

    metrics = Signal(object)
    element_progress = Signal(object)
    paused_changed = Signal(bool)
    ended = Signal(str, object)
    run_ended = Signal(str)

    def __init__(self, state: AppState, parent: QObject | None = None, *,
                 in_process: bool | None = None) -> None:
        super().__init__(parent)
        self.state = state
        #: The training process (None: runs train on a thread).
        in_process = trains_in_a_process() if in_process is None else in_process
        self.process: TrainingProcess | None = TrainingProcess() if in_process else None
        self.worker: GeneratorWorker | None = None
        #: The trainer of the run going on, and of the last run that ended.
        self.trainer: Trainer | None = None
        self.last_trainer: Trainer | None = None
        #: Iterations a second (None: full speed) and the pause at each epoch's end; both may
        #: change while a run goes on.
        self.speed: float | None = None
        self._pause_each_epoch = False
        self.pacer: Pacer | None = None
        self._shut = False  # shut down: no new process (data may arrive after the close)
        state.data_changed.connect(self._prepare_process)
        if state.data is not None:
            self._prepare_process()

    # -- asking -----------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.worker is not None

    @property
    def is_paused(self) -> bool:
        return self.worker is not None and self.worker.is_paused

    def start(self, config: TrainConfig, *, paused: bool = False,
              before_launch: Callable[[Trainer], None] | None = None) -> Trainer:
        """Start a run of ``config`` on the loaded data (paused: one iteration, then wait).

        ``before_launch(trainer)`` is called once the run is set up (``is_running`` is True).
        The thread starts in a later turn of the event loop, once the window has painted what
        it shows of the new run: that work is done before the training thread competes with it
        for Python's lock and the cores (its first step evaluates the whole data set on both
        cores). Pause, step and stop may be asked for in between; a shutdown in between means
        the thread never starts.

        Raises ``ValueError`` (nothing started) when the settings cannot be trained.
        """
        trainer = Trainer(config, self.state.data)
        self.trainer = trainer
        self.state.set_model(trainer.network.copy(), trainer.config)
        worker = self._worker_for(trainer, paused)
        worker.progress.connect(self._on_progress)
        worker.paused_changed.connect(self._on_paused_changed)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        self.worker = worker
        self.state.set_training_state("paused" if paused else "running")
        if before_launch is not None:
            before_launch(trainer)
        QTimer.singleShot(0, self, lambda: self._launch(worker, paused))
        return trainer

    def _worker_for(self, trainer: Trainer, paused: bool) -> GeneratorWorker:
        """The worker that trains ``trainer``'s run: in the process, or on a thread."""
        if self.process is not None and self._prepared():
            return ProcessWorker(self.process, trainer.config, start_paused=paused,
                                 speed=self.speed, pause_each_epoch=self._pause_each_epoch)
        pacer = self.pacer = Pacer(self.speed)
        job = training_job(trainer, pacer, lambda: self._pause_each_epoch)
        return GeneratorWorker("training", job, start_paused=paused)

    @Slot()
    def _prepare_process(self) -> None:
        """Start the training process and hand it the new data, in the background."""
        if self.process is not None and self.state.data is not None and not self._shut:
            self._prepared()

    def _prepared(self) -> bool:
        """Hand the data to the training process, started if need be; if no process can be
        started (no Python to start it with), runs train on a thread from now on."""
        try:
            self.process.prepare(self.state.data)
        except OSError:
            self.process = None
            return False
        return True

    def _launch(self, worker: GeneratorWorker, paused: bool) -> None:
        """Start the thread of ``worker`` unless it was released (shut down) meanwhile."""
        if self.worker is not worker:
            return
        worker.start(self.state.threads)
        if paused:
            worker.step()

    def toggle_pause(self) -> bool:
        """Pause a running run or resume a paused one; return whether it is paused now."""
        worker = self.worker
        if worker is None:
            return False
        if worker.is_paused:
            worker.resume()
        else:
            worker.pause()
        self.state.set_training_state("paused" if worker.is_paused else "running")
        return worker.is_paused

    def step(self) -> None:
        """One more iteration of a paused run."""
        if self.worker is not None and self.worker.is_paused:
            self.worker.step()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def set_learning_rate(self, lr: float) -> None:
        """The run uses ``lr`` from its next iteration on."""
        if self.worker is not None:
            self.worker.send(lr)

    def set_speed(self, rate: float | None) -> None:
        """Iterations a second from now on (None: full speed), during a run too."""
        self.speed = rate
        if self.pacer is not None:
            self.pacer.set_rate(rate)
        if isinstance(self.worker, ProcessWorker):
            self.worker.set_speed(rate)

    @property
    def pause_each_epoch(self) -> bool:
        """Whether the run pauses at each epoch's end (may change while a run goes on)."""
        return self._pause_each_epoch

    @pause_each_epoch.setter
    def pause_each_epoch(self, on: bool) -> None:
        self._pause_each_epoch = bool(on)
        if isinstance(self.worker, ProcessWorker):
            self.worker.set_pause_each_epoch(self._pause_each_epoch)

    def reset(self, config: TrainConfig) -> Trainer:
        """Fresh initial weights from ``config`` as the current model (no run going on).

        Raises ``ValueError`` (nothing changed) when no network can be made from ``config``.
        """
        trainer = Trainer(config, self.state.data)
        self.last_trainer = None
        self.state.set_model(trainer.network, trainer.config)
        self.state.set_training_state("idle")
        return trainer

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop a run and wait for its thread, then end the training process; return True
        when no thread is left."""
        worker = self.worker
        finished = True
        if worker is not None:
            worker.cancel()
            finished = worker.wait(timeout_ms)
            if finished:
                self._release()
        if finished and self.process is not None:
            self._shut = True
            self.process.close()
        return finished

    def model_meta(self) -> dict:
        """What a saved model records of the last run: its iterations and learning rates."""
        trainer = self.last_trainer
        if trainer is None or trainer.network is None:
            return {}
        return {"iterations": trainer.iteration,
                "learning_rates": [list(change) for change in trainer.history.learning_rates]}

    # -- the worker's reports ----------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, report: object) -> None:
        if self.worker is None:
            return
        if isinstance(report, RunState):  # the process paused or ended: the trainer follows
            adopt_run_state(self.trainer, report)
            report = report.batch
        if isinstance(report, MetricsBatch):
            if isinstance(self.worker, ProcessWorker):
                self._follow(report)
            if report.params is not None:
                self.state.update_params(report.params)
            self.metrics.emit(report)
        elif isinstance(report, ElementProgress):
            self.element_progress.emit(report)

    def _follow(self, batch: MetricsBatch) -> None:
        """The window's copy of the process's trainer follows the run's progress and rates
        between two full states."""
        trainer = self.trainer
        trainer.iteration = batch.iterations_done
        for first, rate in batch.learning_rates:
            trainer.optimizer.lr = rate
            trainer.history.set_learning_rate(first, rate)

    @Slot(bool)
    def _on_paused_changed(self, paused: bool) -> None:
        """The worker paused (a pause at an epoch's end, asked for on its thread) or resumed."""
        if self.worker is not None:
            self.state.set_training_state("paused" if paused else "running")
        self.paused_changed.emit(paused)

    @Slot(object)
    def _on_finished(self, event: object) -> None:
        self._end("finished" if isinstance(event, FinishedEvent) else "diverged", event)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        said = str(error) if isinstance(error, RemoteRunError) \
            else f"{type(error).__name__}: {error}"
        self._end("failed", said)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end("stopped", None)

    def _end(self, outcome: str, payload: object) -> None:
        worker = self.worker
        if worker is None:  # already released by shutdown()
            return
        worker.wait()
        self.last_trainer = self.trainer
        self._release()
        self.ended.emit(outcome, payload)
        self.state.set_training_state(outcome)
        self.run_ended.emit(outcome)

    def _release(self) -> None:
        if self.trainer is not None:
            self.trainer.should_stop = None
        self.trainer = None
        self.worker = None
        self.pacer = None
