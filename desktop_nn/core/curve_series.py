"""Curves that grow while a run trains: bounded buffers of points and their smoothing.

A :class:`CurveBuffer` keeps x/y points in preallocated float64 arrays; when it is full it keeps
every other point and from then on accepts every second x, so memory stays bounded however long
a run lasts, and a plot can redraw from ``view()`` without copying. :func:`moving_average` and
:func:`smoothed` give the line drawn over the raw losses; the buffer keeps the running sums
they need as points arrive, so :func:`smoothed_line` computes only the few hundred points
drawn, whatever the length of the run. NumPy only: the window draws these
series, and the tests check them without Qt.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

#: Points a loss buffer holds before it thins itself out.
LOSS_CAPACITY = 4096


class CurveBuffer:
    """x/y points in preallocated float64 arrays, thinned by half whenever full.

    Parameters
    ----------
    capacity : int
        The most points kept; must be even.

    Attributes
    ----------
    x, y : ndarray, shape (capacity,)
        The points are ``x[:count]``, ``y[:count]`` (to read: :meth:`extend` adds points).
    count : int
    stride : int
        Only x values that are multiples of this are kept (1, then 2, 4, ... after thinning).
    sums : ndarray, shape (capacity + 1,)
        ``sums[j]`` is the sum of the first ``j`` values of ``y`` (those that are not finite
        count as 0), added one after the other as ``np.cumsum`` does.
    version : int
        Changes whenever points already held change or go (cleared, thinned out); while it
        stays the same, points are only added at the end.
    """

    def __init__(self, capacity: int = LOSS_CAPACITY) -> None:
        self.capacity = capacity
        self.x = np.empty(capacity, dtype=np.float64)
        self.y = np.empty(capacity, dtype=np.float64)
        self.count = 0
        self.stride = 1  # keep iterations that are multiples of this
        self.sums = np.zeros(capacity + 1, dtype=np.float64)
        self.version = 0

    def clear(self) -> None:
        self.count = 0
        self.stride = 1
        self.version += 1

    def extend(self, first_x: int, values: np.ndarray) -> None:
        """Append ``values`` (k,) at x = first_x, first_x + 1, ... (keeping every stride-th)."""
        xs = first_x + np.arange(len(values))
        keep = xs % self.stride == 0
        xs, values = xs[keep], np.asarray(values, dtype=np.float64)[keep]
        while len(xs):
            if self.count == self.capacity:
                self._thin()
                keep = xs % self.stride == 0
                xs, values = xs[keep], values[keep]
                continue
            room = self.capacity - self.count
            take = min(room, len(xs))
            self.x[self.count : self.count + take] = xs[:take]
            self.y[self.count : self.count + take] = values[:take]
            self._add_sums(self.count, self.count + take)
            self.count += take
            xs, values = xs[take:], values[take:]

    def _thin(self) -> None:
        self.stride *= 2
        self.version += 1
        keep = np.flatnonzero(self.x[: self.count] % self.stride == 0)
        n = len(keep)
        self.x[:n] = self.x[keep]
        self.y[:n] = self.y[keep]
        self.count = n
        self._add_sums(0, n)

    def _add_sums(self, start: int, stop: int) -> None:
        """Running sums of ``y[start:stop]``, going on from ``sums[start]``."""
        chunk = self.y[start:stop]
        chunk = np.concatenate(([self.sums[start]], np.where(np.isfinite(chunk), chunk, 0.0)))
        self.sums[start + 1 : stop + 1] = np.cumsum(chunk)[1:]

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        """The points as views, shapes (count,) and (count,)."""
        return self.x[: self.count], self.y[: self.count]


def moving_average(y: np.ndarray, window: int) -> np.ndarray:
    """Centred moving average of ``y`` (n,) over ``window`` points (narrower near both ends).

    Centring keeps the smoothed curve on top of the raw one instead of lagging behind it.
    """
    if window <= 1 or len(y) == 0:
        return y
    cumulative = np.concatenate(([0.0], np.cumsum(y)))
    index = np.arange(len(y))
    half = window // 2
    start = np.maximum(index - half, 0)
    stop = np.minimum(index + (window - half), len(y))
    return (cumulative[stop] - cumulative[start]) / (stop - start)


def smoothed(buffer: CurveBuffer, window: int) -> tuple[np.ndarray, np.ndarray]:
    """The buffer's points and their moving average over ``window`` x units, shapes (count,).

    The window counts iterations, so a thinned buffer (every ``stride``-th point) averages
    ``window // stride`` points; values that are not finite count as 0.
    """
    x, _ = buffer.view()
    return x, smoothed_at(buffer, window, np.arange(buffer.count))


def smoothed_at(buffer: CurveBuffer, window: int, index: np.ndarray) -> np.ndarray:
    """The values of :func:`smoothed` at the points ``index`` (m,) only, shape (m,).

    Two differences of the buffer's running sums a point, as :func:`moving_average` computes
    them from a cumulative sum: the cost does not grow with the length of the run.
    """
    n, sums = buffer.count, buffer.sums
    points = max(1, window // buffer.stride)
    if points == 1:
        y = buffer.y[index]
        return np.where(np.isfinite(y), y, 0.0)
    half = points // 2
    start = np.maximum(index - half, 0)
    stop = np.minimum(index + (points - half), n)
    return (sums[stop] - sums[start]) / (stop - start)


class SmoothedLine(NamedTuple):
    """The points of a smoothed line, shapes (m,); the first ``settled`` are final while the
    buffer's ``version``, the window and the ``step`` of :func:`steady_indices` stay the same."""

    x: np.ndarray
    y: np.ndarray
    settled: int
    step: int


def smoothed_line(buffer: CurveBuffer, window: int, points: int) -> SmoothedLine:
    """The smoothed line drawn of ``buffer``: :func:`smoothed` at :func:`steady_indices` only
    (at most ``points + 1`` of them), computed from the buffer's running sums."""
    keep, step = steady_indices(buffer.count, points)
    return SmoothedLine(buffer.x[keep], smoothed_at(buffer, window, keep),
                        settled_count(buffer, window, keep), step)


def steady_indices(count: int, points: int) -> tuple[np.ndarray, int]:
    """Indices of at most ``points + 1`` of ``count`` points that stay put as points arrive.

    The indices are the multiples of a step, a power of two (the smallest that keeps at most
    ``points`` of them), and the last index. As ``count`` grows the indices only gain new ones
    at the end, until the step doubles: a line drawn through them changes only at its end.

    Returns
    -------
    indices : ndarray of intp, shape (m,)
    step : int
    """
    step = 1
    while -(-count // step) > points:
        step *= 2
    indices = np.arange(0, count, step)
    if count and indices[-1] != count - 1:
        indices = np.append(indices, count - 1)
    return indices, step


def settled_count(buffer: CurveBuffer, window: int, index: np.ndarray) -> int:
    """How many of the points ``index`` (m,) of :func:`steady_indices` have a final
    :func:`smoothed` value: their whole window has arrived, so points added later do not
    change it. The last point never counts (the next points may replace it)."""
    points = max(1, window // buffer.stride)
    reach = points - points // 2  # a point's window ends this many points after it
    final = int(np.searchsorted(index, buffer.count - reach, side="right"))
    return max(0, min(final, len(index) - 1))


def thin_indices(n: int, points: int) -> np.ndarray:
    """The indices :func:`thinned` keeps of ``n`` points, shape (min(n, points),)."""
    if n <= points:
        return np.arange(n)
    return np.linspace(0, n - 1, points).astype(np.intp)


def thinned(x: np.ndarray, y: np.ndarray, points: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ``points`` of a curve, evenly spread and the ends kept (a smooth line needs
    few points)."""
    if len(x) <= points:
        return x, y
    keep = thin_indices(len(x), points)
    return x[keep], y[keep]


def nearest_index(xs: np.ndarray, x: float) -> int | None:
    """The index of the point of sorted ``xs`` at or just after ``x`` (the last one beyond the
    end); None for an empty curve."""
    if not len(xs):
        return None
    return int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
