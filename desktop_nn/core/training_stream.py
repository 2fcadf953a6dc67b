"""A training run as a stream of batched copies: what the window's worker forwards.

The window cannot take a signal per iteration (thousands a second), nor may it read arrays the
training thread is changing. :class:`TrainingStream` runs a :class:`~desktop_nn.core.training.
Trainer` and gathers what it reports into :class:`MetricsBatch` objects holding copies: the
losses since the last batch, the epoch evaluations, the learning rates applied, and a few times
a second a copy of the weights. Pure Python and NumPy; the window's worker drives
:meth:`TrainingStream.run` on its thread, a test drives it directly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field

import numpy as np

from desktop_nn.core.events import EpochEvent, Event, IterationEvent
from desktop_nn.core.timing import RateLimit

#: How often a batch is reported while iterations flow (seconds).
EMIT_INTERVAL = 0.04
#: How often a batch carries a copy of the weights while running (seconds).
SNAPSHOT_INTERVAL = 0.5
#: How often the progress inside a numerical-gradient iteration is reported (seconds).
ELEMENT_PROGRESS_INTERVAL = 0.2


@dataclass
class MetricsBatch:
    """What a run reported since the last batch (all copies).

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
        Changes of the learning rate applied since the last batch: the first iteration that
        uses the new rate, and the rate.
    """

    first_iteration: int
    losses: np.ndarray
    epochs: list[EpochEvent] = field(default_factory=list)
    iterations_done: int = 0
    active_seconds: float = 0.0
    params: dict[str, np.ndarray] | None = None
    learning_rates: list[tuple[int, float]] = field(default_factory=list)


@dataclass(frozen=True)
class ElementProgress:
    """Inside a numerical-gradient iteration: parameter elements done, their total, and the
    seconds spent training so far."""

    done: int
    total: int
    active_seconds: float


def _given(value: float | None, default: float) -> float:
    return default if value is None else value


def _ignore(_value: object) -> None:
    return None


def _never() -> bool:
    return False


class TrainingStream:
    """Gathers what a :class:`Trainer` reports into :class:`MetricsBatch` copies.

    Parameters
    ----------
    trainer : Trainer
    clock : callable, default time.perf_counter
        Returns seconds: the intervals and the active time are measured with it.
    emit_interval, snapshot_interval, element_interval : float, optional
        Default to :data:`EMIT_INTERVAL`, :data:`SNAPSHOT_INTERVAL` and
        :data:`ELEMENT_PROGRESS_INTERVAL` as they are when the stream is made.
    """

    def __init__(self, trainer, *, clock: Callable[[], float] = time.perf_counter,
                 emit_interval: float | None = None,
                 snapshot_interval: float | None = None,
                 element_interval: float | None = None) -> None:
        self.trainer = trainer
        self._clock = clock
        self._emit = RateLimit(_given(emit_interval, EMIT_INTERVAL), clock)
        self._snapshot = RateLimit(_given(snapshot_interval, SNAPSHOT_INTERVAL), clock)
        self.element_interval = _given(element_interval, ELEMENT_PROGRESS_INTERVAL)
        self._losses = np.empty(4096, dtype=np.float64)
        self._count = 0
        self._first = trainer.iteration
        self._epochs: list[EpochEvent] = []
        self._rates: list[tuple[int, float]] = []
        self._params_sent_at: int | None = None
        self._active = 0.0
        self._resumed: float | None = None

    # -- the run -----------------------------------------------------------------------------
    def run(self, report: Callable[[object], None] = _ignore,
            paused: Callable[[], bool] = _never,
            pace: Callable[[], object] = _never) -> Generator[MetricsBatch | None,
                                                              float | None, Event]:
        """Train one iteration per step; yield a batch when one is due, else None.

        A batch is due when :data:`EMIT_INTERVAL` has passed, after an epoch evaluation, and
        after every iteration while ``paused()`` (a step asked for while paused). A float sent
        in is the learning rate from the next iteration on. ``report`` receives an
        :class:`ElementProgress` now and then during a numerical-gradient iteration. ``pace()``
        is called before each iteration and may wait (a slowed-down run, see
        :mod:`~desktop_nn.core.pacing`): its time counts as the run's, so the speed and the
        time left describe the run as it goes. Returns the FinishedEvent or DivergedEvent that
        ended the run; what was gathered since the last batch is left for :meth:`flush`.
        """
        trainer = self.trainer
        events = trainer.run()
        trainer.on_numerical_progress = self._element_reporter(report)
        self._resume_clock()
        try:
            while True:
                if trainer.iteration < trainer.config.iters:  # not before the run's end
                    pace()
                event = next(events)
                if not isinstance(event, IterationEvent):
                    return event
                self._add_loss(event.loss)
                if trainer.is_epoch_boundary(event.iteration):
                    self._epochs.append(next(events))
                batch = self._due_batch(stepping=paused())
                self._pause_clock()
                rate = yield batch
                self._resume_clock()
                if rate is not None and rate != trainer.optimizer.lr:
                    trainer.set_learning_rate(rate)
                    self._rates.append((trainer.iteration, float(rate)))
        finally:
            trainer.on_numerical_progress = None
            events.close()
            self._pause_clock()

    def flush(self) -> MetricsBatch | None:
        """What was gathered and not reported yet, with a copy of the weights; None if the last
        batch already said everything (called when the run pauses and when it ends)."""
        if not (self._count or self._epochs or self._rates) \
                and self._params_sent_at == self.trainer.iteration:
            return None
        return self._take(with_params=True)

    @property
    def active_seconds(self) -> float:
        """Seconds spent inside :meth:`run` so far (not while its consumer held it)."""
        if self._resumed is None:
            return self._active
        return self._active + self._clock() - self._resumed

    # -- helpers -----------------------------------------------------------------------------
    def _resume_clock(self) -> None:
        self._resumed = self._clock()

    def _pause_clock(self) -> None:
        if self._resumed is not None:
            self._active += self._clock() - self._resumed
            self._resumed = None

    def _add_loss(self, loss: float) -> None:
        if self._count == self._losses.size:
            self._losses = np.resize(self._losses, self._losses.size * 2)
        self._losses[self._count] = loss
        self._count += 1

    def _due_batch(self, stepping: bool) -> MetricsBatch | None:
        forced = stepping or bool(self._epochs)
        if not self._emit.due(force=forced):
            return None
        return self._take(with_params=self._snapshot.due(force=forced))

    def _take(self, with_params: bool) -> MetricsBatch:
        trainer = self.trainer
        batch = MetricsBatch(
            first_iteration=self._first,
            losses=self._losses[: self._count].copy(),
            epochs=self._epochs,
            iterations_done=trainer.iteration,
            active_seconds=self.active_seconds,
            params=trainer.network.copy_params() if with_params else None,
            learning_rates=self._rates,
        )
        if with_params:
            self._params_sent_at = trainer.iteration
        self._first = trainer.iteration
        self._count = 0
        self._epochs = []
        self._rates = []
        return batch

    def _element_reporter(self, report: Callable[[object], None]) -> Callable[[int, int], None]:
        limit = RateLimit(self.element_interval, self._clock)

        def on_element(done: int, total: int) -> None:
            if limit.due():
                report(ElementProgress(done, total, self.active_seconds))

        return on_element
