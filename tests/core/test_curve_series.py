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
def test_the_drawn_line_is_the_running_average_at_steady_points(count):
    buffer = CurveBuffer(capacity=4096)
    buffer.extend(0, np.cos(np.arange(count) / 50.0) + 2.0)
    line = smoothed_line(buffer, 50, 500)
    x_all, y_all = smoothed(buffer, 50)
    keep = np.searchsorted(x_all, line.x)
    np.testing.assert_array_equal(x_all[keep], line.x)
    np.testing.assert_array_equal(line.y, y_all[keep])  # the same sums at the same points
    assert line.x[0] == 0 and line.x[-1] == count - 1
    assert len(line.x) <= 501
    # every step-th point, then the last one
    np.testing.assert_array_equal(line.x[:-1] % line.step, 0)
    assert line.step == 1 or len(line.x) > 250


def test_the_drawn_points_stay_put_and_settled_values_never_change():
    losses = 2.0 + np.sin(np.arange(3000) / 40.0)
    losses[1234] = np.nan  # a missing loss counts as 0 in the average, as before
    buffer = CurveBuffer(capacity=4096)
    seen: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
    for first in range(0, 3000, 37):
        buffer.extend(first, losses[first:first + 37])
        line = smoothed_line(buffer, 50, 500)
        key = (buffer.version, line.step)
        if key in seen:
            old_x, old_y = seen[key]
            n = len(old_x)
            np.testing.assert_array_equal(line.x[:n], old_x)
            np.testing.assert_array_equal(line.y[:n], old_y)
        seen[key] = (line.x[:line.settled].copy(), line.y[:line.settled].copy())
        # what is settled is the average of the whole run at that point
        final = moving_average(np.where(np.isfinite(losses), losses, 0.0), 50)
        np.testing.assert_allclose(line.y[:line.settled],
                                   final[line.x[:line.settled].astype(int)], rtol=0,
                                   atol=running_sum_bound(buffer, 50))
        assert line.settled < len(line.x)  # the last point may still move
    assert len({step for _, step in seen}) > 1  # the step doubled on the way


def test_a_buffer_changes_its_version_when_its_points_change():
    buffer = CurveBuffer(capacity=8)
    buffer.extend(0, np.ones(8))
    version = buffer.version
    buffer.extend(8, np.ones(1))  # full: thinned out
    assert buffer.version != version
    version = buffer.version
    buffer.extend(10, np.ones(1))
    assert buffer.version == version
    buffer.clear()
    assert buffer.version != version


