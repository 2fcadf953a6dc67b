"""Training at a speed a teacher can narrate: a pacing rule and a pause at each epoch's end.

Full speed trains 10,000 iterations in a few seconds, too fast to talk over. A :class:`Pacer`
lets at most ``rate`` iterations a second through (from :data:`SLOWEST_RATE`, one a second, up
to full speed, ``None``); the rate may change at any moment from another thread and takes
effect at once, even in the middle of a wait. The training stream calls the pacer before each
iteration (``TrainingStream.run(pace=...)``), so the waits count as the run's time;
:func:`pause_at_epochs` asks for a pause right after a step that ended an epoch, passing values
sent in (a new learning rate) and the generator's return value through unchanged.

Pure Python: the clock and the wait are injectable, so a test checks the rate with a fake clock
and no real time passes.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Generator
from typing import Any

#: The slowest pace offered: one iteration a second.
SLOWEST_RATE = 1.0
#: The paces the window's speed control offers, slowest first; ``None`` is full speed.
SPEED_STEPS: tuple[float | None, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, None)
#: At this pace or slower, every iteration is reported on its own (curves grow point by point).
EACH_ITERATION_RATE = 25.0


def check_rate(rate: float | None) -> float | None:
    """``rate`` if it is None (full speed) or a finite number of iterations a second at least
    :data:`SLOWEST_RATE`; ``ValueError`` otherwise."""
    if rate is None:
        return None
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate) \
            or rate < SLOWEST_RATE:
        raise ValueError(f"a training speed must be at least {SLOWEST_RATE:g} iteration a "
                         f"second, or full speed; got {rate!r}")
    return float(rate)


def reports_each_iteration(rate: float | None) -> bool:
    """True when iterations at ``rate`` come slowly enough to be reported one by one."""
    return rate is not None and rate <= EACH_ITERATION_RATE


class Pacer:
    """Lets iterations through at most ``rate`` a second.

    The rule: an iteration may start one interval (``1 / rate``) after the previous one
    started. An iteration that starts late (a slow step, a pause) starts the count afresh, so
    no burst follows a delay. Changing the rate re-times the wait in progress.

    Parameters
    ----------
    rate : float or None
        Iterations a second (at least :data:`SLOWEST_RATE`), or None for full speed.
    clock : callable, default time.monotonic
        Returns seconds.
    wait : callable, optional
        ``wait(seconds)`` blocks at most that long and may return early; by default it waits
        on an event that :meth:`set_rate` and :meth:`interrupt` set. A test passes one that
        advances a fake clock.
    """

    def __init__(self, rate: float | None = None, *, clock: Callable[[], float] = time.monotonic,
                 wait: Callable[[float], Any] | None = None) -> None:
        self._rate = check_rate(rate)
        self._clock = clock
        self._wake = threading.Event()
        self._wait = wait if wait is not None else self._wake.wait
        self._last: float | None = None
        self._interrupted = False

    @property
    def rate(self) -> float | None:
        return self._rate

    def set_rate(self, rate: float | None) -> None:
        """Iterations a second from now on (None: full speed); callable from any thread."""
        self._rate = check_rate(rate)
        self._wake.set()

    def interrupt(self) -> None:
        """End every wait now and from now on (the run is being stopped)."""
        self._interrupted = True
        self._wake.set()

    def wait_turn(self) -> bool:
        """Block until the next iteration may start; False if :meth:`interrupt` was called."""
        if self._rate is None and not self._interrupted:  # full speed: no lock taken
            self._last = self._clock()
            return True
        while not self._interrupted:
            self._wake.clear()
            rate, now = self._rate, self._clock()
            if rate is None or self._last is None:
                self._last = now
                return True
            interval = 1.0 / rate
            due = self._last + interval
            if now >= due:
                self._last = due if now < due + interval else now
                return True
            self._wait(due - now)
        return False

    def restart(self) -> None:
        """Forget the last iteration (after a pause, the next one may start at once)."""
        self._last = None


def ends_epoch(output: object) -> bool:
    """True if ``output`` (a batch of the training stream) carries the evaluation of a
    completed epoch: the book also evaluates after the very first iteration (epoch 0), which
    ends no epoch."""
    return any(event.epoch >= 1 for event in getattr(output, "epochs", None) or ())


def pause_at_epochs(steps: Generator, wanted: Callable[[], bool],
                    pause: Callable[[], None]) -> Generator[Any, Any, Any]:
    """``steps``, calling ``pause()`` before passing on an output that :func:`ends_epoch`,
    while ``wanted()`` (the training stream reports an epoch's evaluation in the batch of the
    epoch's last iteration, so the run stops right at the epoch's end)."""
    try:
        output = next(steps)
        while True:
            if wanted() and ends_epoch(output):
                pause()
            received = yield output
            output = steps.send(received)
    except StopIteration as stop:
        return stop.value
    finally:
        steps.close()
