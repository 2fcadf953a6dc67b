"""Curves that grow while a run trains: bounded buffers of points and their smoothing.

A :class:`CurveBuffer` keeps x/y points in preallocated float64 arrays; when it is full it keeps
every other point and from then on accepts every second x, so memory stays bounded however long
a run lasts, and a plot can redraw from ``view()`` without copying. :func:`moving_average` and
:func:`smoothed` give the line drawn over the raw losses. NumPy only: the window draws these
series, and the tests check them without Qt.
"""

from __future__ import annotations

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
        The points are ``x[:count]``, ``y[:count]``.
    count : int
    stride : int
        Only x values that are multiples of this are kept (1, then 2, 4, ... after thinning).
    """

    def __init__(self, capacity: int = LOSS_CAPACITY) -> None:
        self.capacity = capacity
        self.x = np.empty(capacity, dtype=np.float64)
        self.y = np.empty(capacity, dtype=np.float64)
        self.count = 0
        self.stride = 1  # keep iterations that are multiples of this

    def clear(self) -> None:
        self.count = 0
        self.stride = 1

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
            self.count += take
            xs, values = xs[take:], values[take:]

    def _thin(self) -> None:
        self.stride *= 2
        keep = np.flatnonzero(self.x[: self.count] % self.stride == 0)
        n = len(keep)
        self.x[:n] = self.x[keep]
        self.y[:n] = self.y[keep]
        self.count = n

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
    x, y = buffer.view()
    finite = np.where(np.isfinite(y), y, np.nan)
    points = max(1, window // buffer.stride)
    return x, moving_average(np.nan_to_num(finite, nan=0.0), points)


def thinned(x: np.ndarray, y: np.ndarray, points: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ``points`` of a curve, evenly spread and the ends kept (a smooth line needs
    few points)."""
    if len(x) <= points:
        return x, y
    keep = np.linspace(0, len(x) - 1, points).astype(np.intp)
    return x[keep], y[keep]


def nearest_index(xs: np.ndarray, x: float) -> int | None:
    """The index of the point of sorted ``xs`` at or just after ``x`` (the last one beyond the
    end); None for an empty curve."""
    if not len(xs):
        return None
    return int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
