"""The chapter's drawing helpers: contour lines by marching squares, arrows."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from desktop_nn.gui.chapter4.plots import arrow_segments, contour_levels, contour_lines


def test_the_contours_of_a_paraboloid_are_circles():
    xs = ys = np.linspace(-2, 2, 81)
    values = xs[:, None] ** 2 + ys[None, :] ** 2
    for level in (0.5, 1.0, 2.0):
        x, y = contour_lines(xs, ys, values, np.array([level]))
        assert len(x) > 100 and len(x) % 2 == 0
        # Linear interpolation along an edge of length d = 0.05 errs by at most d²/4 in r².
        assert x**2 + y**2 == pytest.approx(np.full(len(x), level), abs=0.05**2 / 4)
        # The segments chain up into closed curves: every end is shared with another segment.
        ends = Counter((round(a, 9), round(b, 9)) for a, b in zip(x, y, strict=True))
        assert min(ends.values()) >= 2


@pytest.mark.parametrize(("level", "isolated"), [(0.5, "high"), (-0.5, "low")])
def test_a_saddle_cell_cuts_off_the_corners_away_from_the_centre(level, isolated):
    # One cell with f = x*y: corners (-1,-1) and (1,1) high, the other two low, the centre 0.
    xs = ys = np.array([-1.0, 1.0])
    values = xs[:, None] * ys[None, :]
    x, y = contour_lines(xs, ys, values, np.array([level]))
    assert len(x) == 4  # two segments
    for start, end in ((0, 1), (2, 3)):
        # Both ends of a segment lie next to the same cut-off corner.
        quadrant = np.sign(x[start]) + np.sign(y[start]), np.sign(x[end]) + np.sign(y[end])
        corner = np.sign(x[start] + x[end]), np.sign(y[start] + y[end])
        high = corner[0] == corner[1]
        assert high == (isolated == "high"), (quadrant, corner)


def test_undefined_values_draw_no_contour_through_them():
    xs = ys = np.linspace(-1, 1, 21)
    values = xs[:, None] + ys[None, :]
    values[10, :] = np.nan
    x, y = contour_lines(xs, ys, values, np.array([0.0]))
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    assert np.all(np.abs(x) > 0.09 - 1e-9)  # no segment touches the missing column


def test_levels_spread_over_the_values():
    values = np.linspace(0, 1, 101)
    levels = contour_levels(values, 5)
    assert len(levels) == 5 and 0 < levels[0] < levels[-1] < 1
    assert len(contour_levels(np.full(4, np.nan), 5)) == 0


def test_arrows_keep_their_relative_lengths():
    x, y = arrow_segments(np.array([0.0, 1.0]), np.array([0.0, 0.0]),
                          np.array([2.0, 1.0]), np.array([0.0, 0.0]), length=0.5)
    shafts = np.hypot(x[1:4:2] - x[0:4:2], y[1:4:2] - y[0:4:2])
    assert shafts == pytest.approx([0.5, 0.25])
    assert arrow_segments(np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), 1.0)[0].size == 0
