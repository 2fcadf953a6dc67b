"""Training in a ``QThread``.

The threads drive plain core code (``load_mnist``, ``Trainer.run()``) and talk to the window only
through queued signals carrying copies. Stopping and pausing are ``threading.Event`` flags checked
between iterations; nothing is ever terminated.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QThread, Signal

from desktop_nn.core.training import (
    DivergedEvent,
    EpochEvent,
    FinishedEvent,
    IterationEvent,
    Trainer,
)

#: How often the training thread sends what it has collected (seconds).
EMIT_INTERVAL = 0.04
#: How often it sends a copy of the weights while running (seconds).
SNAPSHOT_INTERVAL = 0.5
#: How often it reports the progress inside a numerical-gradient iteration (seconds).
ELEMENT_PROGRESS_INTERVAL = 0.2


@dataclass
class MetricsBatch:
    """What the training thread collected since its last report (all copies).

    Attributes
    ----------
    first_iteration : int
        The iteration index of ``losses[0]``.
    losses : ndarray, shape (k,)
    epochs : list of EpochEvent
    iterations_done : int
    active_seconds : float
        Time spent training so far in this run (pauses excluded).
    params : dict of str to ndarray, or None
        A copy of the weights, sent a few times a second and at the end.
    learning_rates : list of (int, float)
        Changes of the learning rate applied since the last report: the first iteration
        that uses the new rate, and the rate.
    """

    first_iteration: int
    losses: np.ndarray
    epochs: list[EpochEvent] = field(default_factory=list)
    iterations_done: int = 0
    active_seconds: float = 0.0
    params: dict[str, np.ndarray] | None = None
    learning_rates: list[tuple[int, float]] = field(default_factory=list)


class TrainingThread(QThread):
    """Runs ``Trainer.run()`` and reports batched, copied metrics.

    Control from the GUI thread (all thread-safe): :meth:`pause`, :meth:`resume`, :meth:`step`,
    :meth:`stop`, :meth:`set_learning_rate`.

    Signals
    -------
    metrics(object)
        A :class:`MetricsBatch`, at most every ``EMIT_INTERVAL`` seconds.
    element_progress(int, int, float)
        Inside a numerical-gradient iteration: parameter elements done, their total, and the
        seconds spent training so far; at most every ``ELEMENT_PROGRESS_INTERVAL`` seconds.
    paused_changed(bool)
        The thread is now waiting (True) or running (False).
    ended(str, object)
        ``"finished"`` with the FinishedEvent, ``"stopped"`` with None, ``"diverged"`` with the
        DivergedEvent, or ``"failed"`` with the error message. Always the last signal.
    """

    metrics = Signal(object)
    element_progress = Signal(int, int, float)
    paused_changed = Signal(bool)
    ended = Signal(str, object)

    def __init__(self, trainer: Trainer, *, start_paused: bool = False) -> None:
        super().__init__()
        self.trainer = trainer
        self._stop = threading.Event()
        self._running = threading.Event()  # set: go on; clear: paused
        self._wakeup = threading.Event()
        self._steps_requested = 0
        self._lock = threading.Lock()
        self._pending_lr: float | None = None
        self.element_progress_interval = ELEMENT_PROGRESS_INTERVAL
        self._last_element_report = 0.0
        self._started = time.perf_counter()
        self._paused_total = 0.0
        if not start_paused:
            self._running.set()

    # -- control, called from the GUI thread ------------------------------------------------
    def pause(self) -> None:
        self._running.clear()
        self._wakeup.set()

    def resume(self) -> None:
        self._running.set()
        self._wakeup.set()

    def step(self) -> None:
        """Do one iteration (and its epoch evaluation, if due) while paused."""
        with self._lock:
            self._steps_requested += 1
        self._wakeup.set()

    def stop(self) -> None:
        self._stop.set()
        self._wakeup.set()

    def set_learning_rate(self, lr: float) -> None:
        """Use ``lr`` from the next iteration on (reported in ``MetricsBatch.learning_rates``)."""
        with self._lock:
            self._pending_lr = float(lr)

    def _take_learning_rate(self) -> float | None:
        with self._lock:
            lr, self._pending_lr = self._pending_lr, None
            return lr

    @property
    def is_paused(self) -> bool:
        return not self._running.is_set()

    def stop_requested(self) -> bool:
        """True once :meth:`stop` was called (safe to poll from the training thread)."""
        return self._stop.is_set()

    # -- the thread ---------------------------------------------------------------------------
    def run(self) -> None:
        try:
            outcome, payload = self._train()
        except Exception as exc:  # report, never die silently
            outcome, payload = "failed", f"{type(exc).__name__}: {exc}"
        self.ended.emit(outcome, payload)

    def _take_step_request(self) -> bool:
        with self._lock:
            if self._steps_requested:
                self._steps_requested -= 1
                return True
            return False

    def _wait_while_paused(self) -> bool:
        """Block until running, a step is requested or stop; return True to do one iteration."""
        if self._running.is_set():
            return True
        self.paused_changed.emit(True)
        while not self._stop.is_set():
            if self._running.is_set():
                self.paused_changed.emit(False)
                return True
            if self._take_step_request():
                return True
            self._wakeup.wait(0.1)
            self._wakeup.clear()
        return False

    def _active_seconds(self) -> float:
        return time.perf_counter() - self._started - self._paused_total

    def _report_elements(self, done: int, total: int) -> None:
        """The numerical gradient's progress (called on this thread for every element)."""
        now = time.perf_counter()
        if now - self._last_element_report >= self.element_progress_interval:
            self._last_element_report = now
            self.element_progress.emit(done, total, self._active_seconds())

    def _train(self) -> tuple[str, object]:
        trainer = self.trainer
        trainer.on_numerical_progress = self._report_elements
        events = trainer.run()
        buffer = np.empty(4096, dtype=np.float64)
        count = 0
        first = trainer.iteration
        epochs: list[EpochEvent] = []
        rates: list[tuple[int, float]] = []
        last_emit = last_snapshot = time.perf_counter()
        self._started = time.perf_counter()
        self._paused_total = 0.0

        def flush(with_params: bool) -> None:
            nonlocal count, first, epochs, rates, last_emit
            batch = MetricsBatch(
                first_iteration=first,
                losses=buffer[:count].copy(),
                epochs=epochs,
                iterations_done=trainer.iteration,
                active_seconds=self._active_seconds(),
                params=trainer.network.copy_params() if with_params else None,
                learning_rates=rates,
            )
            self.metrics.emit(batch)
            first = trainer.iteration
            count = 0
            epochs = []
            rates = []
            last_emit = time.perf_counter()

        try:
            while True:
                if self._stop.is_set():
                    flush(True)
                    return "stopped", None
                if not self._running.is_set():
                    flush(True)
                    wait_start = time.perf_counter()
                    if not self._wait_while_paused():
                        return "stopped", None
                    self._paused_total += time.perf_counter() - wait_start
                    stepping = not self._running.is_set()
                else:
                    stepping = False
                lr = self._take_learning_rate()
                if lr is not None and lr != trainer.optimizer.lr:
                    trainer.set_learning_rate(lr)
                    rates.append((trainer.iteration, lr))
                # One iteration: its IterationEvent, then its EpochEvent when one is due.
                event = next(events)
                if isinstance(event, IterationEvent):
                    if count == buffer.size:
                        buffer = np.resize(buffer, buffer.size * 2)
                    buffer[count] = event.loss
                    count += 1
                    if trainer.is_epoch_boundary(event.iteration):
                        epoch_event = next(events)
                        epochs.append(epoch_event)
                elif isinstance(event, FinishedEvent):
                    flush(True)
                    return "finished", event
                elif isinstance(event, DivergedEvent):
                    flush(True)
                    return "diverged", event
                now = time.perf_counter()
                if stepping or epochs or now - last_emit >= EMIT_INTERVAL:
                    with_params = (
                        stepping or bool(epochs) or now - last_snapshot >= SNAPSHOT_INTERVAL
                    )
                    if with_params:
                        last_snapshot = now
                    flush(with_params)
        finally:
            trainer.on_numerical_progress = None
            events.close()
