"""Timing, shared by the command line and the window: short computations, estimates, rates.

A function that takes well under a millisecond (backpropagation through TwoLayerNet, one loss)
is timed badly by a single call: the first call pays for cold caches and lazy set-up, and any
call may be interrupted. :func:`best_time` makes untimed warm-up calls first and then reports
the fastest of several timed calls, which is the figure that describes the computation rather
than the machine's other business. ``desktop-nn gradcheck`` and the Gradient check tab both get
their speed ratio from :func:`desktop_nn.core.gradient.gradient_check`, which times this way.

:func:`remaining_seconds` is the one estimate of the time left of a job at the pace so far;
:func:`numerical_run_seconds`, what a run with the numerical gradient would take; and
:class:`RateLimit` keeps a report (progress, a redraw) from coming more often than needed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

#: Untimed calls before the timed ones.
WARMUP_CALLS = 1
#: Timed calls; the fastest counts.
TIMED_CALLS = 5

Clock = Callable[[], float]


def best_time(
    function: Callable[[], object],
    *,
    repeats: int = TIMED_CALLS,
    warmup: int = WARMUP_CALLS,
    clock: Clock = time.perf_counter,
) -> float:
    """Seconds taken by the fastest of ``repeats`` calls of ``function``, after ``warmup``
    untimed calls.

    Parameters
    ----------
    function : callable
        Called with no arguments ``warmup + repeats`` times.
    repeats : int, at least 1
    warmup : int, at least 0
    clock : callable
        Returns seconds (``time.perf_counter``; tests pass a fake one).
    """
    if repeats < 1 or warmup < 0:
        raise ValueError(f"repeats must be at least 1 and warmup at least 0, got {repeats}, "
                         f"{warmup}")
    for _ in range(warmup):
        function()
    best = float("inf")
    for _ in range(repeats):
        start = clock()
        function()
        best = min(best, clock() - start)
    return best


def numerical_gradient_seconds(network, x: np.ndarray, t: np.ndarray,
                               *, clock: Clock = time.perf_counter) -> float:
    """Estimate the seconds ``network.numerical_gradient(x, t)`` takes: two losses for each
    parameter element, each loss timed with :func:`best_time`.

    Parameters
    ----------
    network : TwoLayerNet
    x : ndarray, shape (N, input_size)
    t : ndarray, shape (N,) or (N, output_size)
    """
    per_loss = best_time(lambda: network.loss(x, t), clock=clock)
    elements = sum(p.size for p in network.params.values())
    return 2 * elements * per_loss


def numerical_run_seconds(config, x: np.ndarray, t: np.ndarray,
                          *, clock: Clock = time.perf_counter) -> tuple[float, float]:
    """Seconds per iteration and in all of a run of ``config`` with the numerical gradient.

    Parameters
    ----------
    config : TrainConfig
        Its hidden size, activation, batch size and iterations count.
    x : ndarray, shape (N, input_size)
        Training images; the first ``config.batch_size`` are timed.
    t : ndarray, shape (N,) or (N, classes)
    """
    from desktop_nn.core.network import TwoLayerNet

    network = TwoLayerNet(x.shape[1], config.hidden_size, 10, activation=config.activation,
                          seed=0, dtype=np.float64)
    batch = config.batch_size
    per_iteration = numerical_gradient_seconds(network, x[:batch], t[:batch], clock=clock)
    return per_iteration, per_iteration * config.iters


def remaining_seconds(done: float, total: float, seconds: float) -> float:
    """The seconds still needed for ``total`` units of work when ``done`` took ``seconds``
    (infinite before any unit is done)."""
    if done <= 0 or seconds <= 0:
        return float("inf")
    return max(total - done, 0.0) * seconds / done


class RateLimit:
    """Says when something may happen again: at most once every ``interval`` seconds.

    Parameters
    ----------
    interval : float
        Seconds; 0 lets everything through.
    clock : callable
        Returns seconds (``time.perf_counter``; tests pass a fake one).
    """

    def __init__(self, interval: float, clock: Clock = time.perf_counter) -> None:
        self.interval = interval
        self._clock = clock
        self._last = -math.inf

    def due(self, *, force: bool = False) -> bool:
        """True (and the time noted) if the interval has passed since the last True, or if
        ``force``."""
        now = self._clock()
        if force or now - self._last >= self.interval:
            self._last = now
            return True
        return False
