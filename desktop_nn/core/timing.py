"""One way of timing short computations, shared by the command line and the window.

A function that takes well under a millisecond (backpropagation through TwoLayerNet, one loss)
is timed badly by a single call: the first call pays for cold caches and lazy set-up, and any
call may be interrupted. :func:`best_time` makes untimed warm-up calls first and then reports
the fastest of several timed calls, which is the figure that describes the computation rather
than the machine's other business. ``desktop-nn gradcheck`` and the Gradient check tab both get
their speed ratio from :func:`desktop_nn.core.gradient.gradient_check`, which times this way.
"""

from __future__ import annotations

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
