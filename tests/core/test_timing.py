"""Timing short computations one way (warm-up, then the best of N), with an injected clock."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.gradient import gradient_check
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.timing import TIMED_CALLS, best_time, numerical_gradient_seconds


class FakeClock:
    """Advances by the next programmed step each time it is read."""

    def __init__(self, steps):
        self.steps = list(steps)
        self.now = 0.0
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        self.now += self.steps.pop(0) if self.steps else 0.0
        return self.now


def test_best_time_warms_up_untimed_and_keeps_the_fastest():
    calls = []
    # Each timed call reads the clock twice: (start, end); the end step is the duration.
    clock = FakeClock([0.0, 3.0, 0.0, 1.0, 0.0, 2.0])
    seconds = best_time(lambda: calls.append(clock.reads), repeats=3, warmup=2, clock=clock)
    assert seconds == 1.0
    assert calls == [0, 0, 1, 3, 5]  # two warm-up calls before the clock was first read
    assert clock.reads == 6


def test_best_time_refuses_nonsense():
    with pytest.raises(ValueError):
        best_time(lambda: None, repeats=0)


class CountingNet(TwoLayerNet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gradient_calls = 0

    def gradient(self, x, t):
        self.gradient_calls += 1
        return super().gradient(x, t)


def test_gradient_check_times_backprop_as_the_best_of_n_after_a_warm_up(mnist_small):
    (x, t), _ = mnist_small
    net = CountingNet(784, 3, 10, seed=0, dtype=np.float64)
    # numerical: start 0, end +40; then TIMED_CALLS backprop timings of 5, 4, 3, 2, 1 ms...
    durations = [0.005 - 0.001 * i for i in range(TIMED_CALLS)]
    steps = [0.0, 40.0] + [value for d in durations for value in (0.0, d)]
    result = gradient_check(net, x[:2], t[:2], clock=FakeClock(steps))
    assert net.gradient_calls == 1 + TIMED_CALLS  # the compared (warm-up) run, then N timed
    assert result.numerical_seconds == 40.0
    assert result.backprop_seconds == pytest.approx(min(durations))
    assert result.backprop_repeats == TIMED_CALLS
    assert result.speedup == pytest.approx(40.0 / min(durations))


def test_the_numerical_estimate_is_two_best_losses_a_parameter():
    net = TwoLayerNet(784, 3, 10, seed=0, dtype=np.float64)
    x, t = np.zeros((2, 784)), np.array([1, 2])
    clock = FakeClock([0.0, 0.2, 0.0, 0.1] + [0.0, 0.3] * (TIMED_CALLS - 2))
    elements = 784 * 3 + 3 + 3 * 10 + 10
    assert numerical_gradient_seconds(net, x, t, clock=clock) == pytest.approx(
        2 * elements * 0.1)


# --- estimates and rates -------------------------------------------------------------------


def test_remaining_seconds_at_the_pace_so_far():
    from desktop_nn.core.timing import remaining_seconds

    assert remaining_seconds(25, 100, 10.0) == 30.0
    assert remaining_seconds(100, 100, 10.0) == 0.0
    assert remaining_seconds(0, 100, 10.0) == float("inf")
    assert remaining_seconds(2.5, 10, 1.0) == 3.0  # a share of an iteration counts


def test_a_rate_limit_lets_one_through_per_interval():
    from desktop_nn.core.timing import RateLimit
    from tests.fake_clock import FakeClock

    clock = FakeClock()
    limit = RateLimit(0.5, clock)
    assert limit.due()  # the first one at once
    assert not limit.due()
    clock.advance(0.49)
    assert not limit.due()
    assert limit.due(force=True)  # forced: and the interval starts again
    clock.advance(0.3)
    assert not limit.due()
    clock.advance(0.2)
    assert limit.due()


def test_a_numerical_run_is_estimated_from_one_timed_loss(mnist_small):
    from desktop_nn.core.timing import numerical_run_seconds
    from desktop_nn.core.training import TrainConfig

    config = TrainConfig(hidden_size=3, batch_size=5, iters=7, gradient="numerical",
                         dtype="float64")
    clock = FakeClock([0.0, 0.001] * (TIMED_CALLS + 1))
    per_iteration, total = numerical_run_seconds(config, *mnist_small[0], clock=clock)
    elements = 784 * 3 + 3 + 3 * 10 + 10
    assert per_iteration == pytest.approx(2 * elements * 0.001)
    assert total == pytest.approx(7 * per_iteration)
