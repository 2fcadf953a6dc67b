"""The live curves' data without Qt: bounded buffers, the moving average, thinning."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.curve_series import (
    CurveBuffer,
    moving_average,
    nearest_index,
    smoothed,
    smoothed_line,
    thinned,
)


def test_a_buffer_keeps_every_point_until_it_is_full():
    buffer = CurveBuffer(capacity=8)
    buffer.extend(0, np.arange(5.0))
    buffer.extend(5, np.arange(5.0, 8.0))
    x, y = buffer.view()
    np.testing.assert_array_equal(x, np.arange(8.0))
    np.testing.assert_array_equal(y, np.arange(8.0))
    assert buffer.stride == 1


@pytest.mark.parametrize("chunk", [1, 3, 7, 100])
def test_a_full_buffer_thins_to_every_stride_th_iteration_whatever_the_batches(chunk):
    buffer = CurveBuffer(capacity=16)
    total = 100
    for first in range(0, total, chunk):
        values = np.arange(first, min(first + chunk, total), dtype=np.float64) * 10
        buffer.extend(first, values)
    x, y = buffer.view()
    assert buffer.count <= buffer.capacity
    assert buffer.stride == 8  # 100 points: 16 -> 8 -> 4 -> 2 kept every 8th
    np.testing.assert_array_equal(x, np.arange(0, total, buffer.stride))
    np.testing.assert_array_equal(y, x * 10)  # each kept point keeps its own value


def test_clear_starts_afresh():
    buffer = CurveBuffer(capacity=4)
    buffer.extend(0, np.ones(10))
    buffer.clear()
    assert buffer.count == 0 and buffer.stride == 1
    buffer.extend(0, np.arange(3.0))
    np.testing.assert_array_equal(buffer.view()[1], np.arange(3.0))


def naive_centred_mean(y, window):
    half = window // 2
    return np.array([y[max(0, i - half): min(len(y), i + window - half)].mean()
                     for i in range(len(y))])


@pytest.mark.parametrize("window", [1, 2, 5, 50, 1000])
def test_moving_average_is_the_centred_mean(window):
    y = np.random.default_rng(0).normal(size=300)
    expected = y if window <= 1 else naive_centred_mean(y, window)
    # Differences of a cumulative sum of 300 values of size ~1: rounding of a few 1e-14.
    np.testing.assert_allclose(moving_average(y, window), expected, rtol=0, atol=1e-12)


def test_smoothing_counts_iterations_in_a_thinned_buffer_and_ignores_infinities():
    buffer = CurveBuffer(capacity=8)
    values = np.full(16, 2.0)
    values[6] = np.inf  # iteration 6: the 4th point kept
    buffer.extend(0, values)  # thinned once: stride 2, 8 points
    x, s = smoothed(buffer, window=4)  # 4 iterations = 2 points
    assert buffer.stride == 2 and len(x) == 8
    assert np.all(np.isfinite(s))
    np.testing.assert_allclose(s[0], 2.0)
    np.testing.assert_allclose(s[3], 1.0)  # the infinity counts as 0: (2 + 0) / 2


def test_thinned_keeps_the_ends_and_at_most_the_points_asked_for():
    x = np.arange(1001.0)
    tx, ty = thinned(x, x * 2, 500)
    assert len(tx) == 500 and tx[0] == 0 and tx[-1] == 1000
    np.testing.assert_array_equal(ty, tx * 2)
    short = np.arange(10.0)
    assert thinned(short, short, 500)[0] is short


def test_nearest_index():
    xs = np.array([0.0, 2.0, 4.0])
    assert nearest_index(xs, -5) == 0
    assert nearest_index(xs, 2.0) == 1
    assert nearest_index(xs, 2.5) == 2
    assert nearest_index(xs, 99) == 2
    assert nearest_index(np.empty(0), 1.0) is None


def full_moving_average(buffer: CurveBuffer, window: int) -> np.ndarray:
    """The moving average recomputed from all the buffer's points, as before each frame."""
    _, y = buffer.view()
    finite = np.where(np.isfinite(y), y, 0.0)
    return moving_average(finite, max(1, window // buffer.stride))


def running_sum_bound(buffer: CurveBuffer, window: int) -> float:
    """How far the incremental average may be from the full one.

    Each is a difference of two prefix sums divided by the m points averaged. A prefix sum of
    n terms added one after the other is off by at most (n - 1) eps sum|y| (first order), and
    the two ways add the same terms in a different grouping at most, so the averages differ
    by at most 2 (n - 1) eps sum|y| / m.
    """
    _, y = buffer.view()
    total = float(np.abs(np.where(np.isfinite(y), y, 0.0)).sum())
    points = max(1, window // buffer.stride)
    return 2 * max(buffer.count - 1, 1) * np.finfo(np.float64).eps * total / points


@pytest.mark.parametrize("chunk", [1, 7, 40, 1000])
@pytest.mark.parametrize("window", [1, 2, 5, 50, 500])
def test_the_running_average_equals_the_one_recomputed_from_all_points(chunk, window):
    rng = np.random.default_rng(chunk * 1000 + window)
    buffer = CurveBuffer(capacity=256)
    losses = 2.3 * np.exp(-np.arange(3000) / 700) + rng.random(3000)
    losses[[17, 400, 2222]] = [np.nan, np.inf, -np.inf]  # a diverging run's values count 0
    for first in range(0, len(losses), chunk):
        buffer.extend(first, losses[first : first + chunk])
        if first % (chunk * 13) == 0 or first + chunk >= len(losses):
            x, y = smoothed(buffer, window)
            expected = full_moving_average(buffer, window)
            np.testing.assert_array_equal(x, buffer.view()[0])
            np.testing.assert_allclose(y, expected, rtol=0,
                                       atol=running_sum_bound(buffer, window))
    assert buffer.stride > 1  # the buffer thinned itself out on the way


@pytest.mark.parametrize("count", [3, 499, 500, 501, 4000])
def test_the_drawn_line_is_the_thinned_running_average(count):
    buffer = CurveBuffer(capacity=4096)
    buffer.extend(0, np.cos(np.arange(count) / 50.0) + 2.0)
    x, y = smoothed_line(buffer, 50, 500)
    expected_x, expected_y = thinned(*smoothed(buffer, 50), 500)
    np.testing.assert_array_equal(x, expected_x)
    np.testing.assert_array_equal(y, expected_y)  # the same sums at the same points
    assert len(x) == min(count, 500) and x[0] == 0 and x[-1] == count - 1
