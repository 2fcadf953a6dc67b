"""What the chapter's plots share: a styled plot, fonts that follow the zoom, contour lines."""

from __future__ import annotations

import numpy as np

from desktop_nn.gui.common.plot_style import PalettePlot, apply_fonts, style_plot

#: The plots' two axes.
AXES = ("left", "bottom")


def make_plot(name: str, left: str, bottom: str, description: str) -> PalettePlot:
    """A plot in the window's style, named ``name`` for automation and ``description`` for
    assistive tools."""
    plot = PalettePlot()
    plot.setObjectName(name)
    plot.setAccessibleName(description)
    style_plot(plot, left, bottom)
    for axis in AXES:  # "x (x0.001)" would hide the book's numbers behind a scale
        plot.getPlotItem().getAxis(axis).enableAutoSIPrefix(False)
    plot.setMinimumSize(220, 180)
    apply_fonts(plot)
    return plot


def contour_levels(values: np.ndarray, count: int = 10) -> np.ndarray:
    """``count`` levels spread over the finite values (by their quantiles), distinct."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.array([])
    levels = np.unique(np.quantile(finite, np.linspace(0.03, 0.97, count)))
    return levels


def contour_lines(
    xs: np.ndarray, ys: np.ndarray, values: np.ndarray, levels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The contour lines of ``values`` (shape (len(xs), len(ys))), by marching squares.

    Every cell of the grid that a level crosses gives a segment between the two points where
    the level crosses its edges (linear interpolation); a saddle cell, crossed on all four
    edges, gives two, paired by the value at its centre. Vectorised over cells and levels.

    Returns
    -------
    x, y : ndarray, shape (2 * segments,)
        The segments as pairs of points (draw with ``connect="pairs"``).
    """
    v = np.asarray(values, dtype=np.float64)
    corners = (v[:-1, :-1], v[1:, :-1], v[1:, 1:], v[:-1, 1:])  # a b c d, anticlockwise
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    points = (gx[:-1, :-1], gx[1:, :-1], gx[1:, 1:], gx[:-1, 1:]), \
             (gy[:-1, :-1], gy[1:, :-1], gy[1:, 1:], gy[:-1, 1:])
    levels = np.asarray(levels, dtype=np.float64).reshape(-1, 1, 1)  # every level at once
    shape = (len(levels), *corners[0].shape)
    corners = tuple(np.broadcast_to(c, shape) for c in corners)
    segments = list(_level_segments(corners, points, levels))
    if not segments:
        return np.array([]), np.array([])
    return (np.concatenate([x for x, _ in segments]),
            np.concatenate([y for _, y in segments]))


def _level_segments(corners, points, level: np.ndarray):
    """The segments: (x, y) pairs of point arrays, interleaved start and end.

    ``corners`` and the masks have the shape (levels, nx - 1, ny - 1); ``level`` (levels, 1, 1).
    """
    with np.errstate(all="ignore"):
        crossing, cx, cy = [], [], []
        for k in range(4):  # edge k runs from corner k to corner k + 1
            v1, v2 = corners[k], corners[(k + 1) % 4]
            t = (level - v1) / (v2 - v1)
            crossing.append(((v1 < level) != (v2 < level)) & np.isfinite(t))
            x1, x2 = points[0][k], points[0][(k + 1) % 4]
            y1, y2 = points[1][k], points[1][(k + 1) % 4]
            cx.append(np.broadcast_to(x1 + t * (x2 - x1), t.shape))
            cy.append(np.broadcast_to(y1 + t * (y2 - y1), t.shape))
        count = sum(c.astype(int) for c in crossing)
        centre_above = (sum(corners) / 4) >= level
    for e, f in ((0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)):
        two = (count == 2) & crossing[e] & crossing[f]
        if two.any():
            yield _pairs(cx[e][two], cx[f][two]), _pairs(cy[e][two], cy[f][two])
    four = count == 4
    if four.any():
        above = centre_above[four]
        # The corners on the centre's side join through the centre; the level cuts off the
        # other two (corners 1 and 3, edges 0-1 and 2-3, when corner 0 is on the centre's side).
        below0 = corners[0][four] < np.broadcast_to(level, four.shape)[four]
        join_01 = above != below0
        for e, f, chosen in ((0, 1, join_01), (2, 3, join_01), (3, 0, ~join_01),
                             (1, 2, ~join_01)):
            yield (_pairs(cx[e][four][chosen], cx[f][four][chosen]),
                   _pairs(cy[e][four][chosen], cy[f][four][chosen]))


def _pairs(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    return np.column_stack((start, end)).ravel()


def arrow_segments(
    x: np.ndarray, y: np.ndarray, u: np.ndarray, v: np.ndarray, length: float
) -> tuple[np.ndarray, np.ndarray]:
    """Arrows from (x, y) along (u, v), the longest ``length`` long, as pairs of points.

    Every arrow keeps its length relative to the longest (as matplotlib's ``quiver`` does);
    an arrow of zero or undefined length is left out. Draw with ``connect="pairs"``.
    """
    with np.errstate(all="ignore"):  # a huge gradient overflows; its arrow is left out
        return _arrows(*(np.asarray(a, dtype=np.float64).ravel() for a in (x, y, u, v)),
                       length)


def _arrows(x, y, u, v, length: float) -> tuple[np.ndarray, np.ndarray]:
    norm = np.hypot(u, v)
    keep = np.isfinite(norm) & (norm > 0)
    if not keep.any():
        return np.array([]), np.array([])
    x, y, u, v, norm = x[keep], y[keep], u[keep], v[keep], norm[keep]
    scale = length / norm.max()
    ex, ey = x + u * scale, y + v * scale
    head = 0.3 * norm * scale
    ux, uy = u / norm, v / norm
    segments = [(x, y, ex, ey)]
    for turn in (0.45, -0.45):  # the two barbs of the head, about 26 degrees off the shaft
        c, s = np.cos(np.pi - turn), np.sin(np.pi - turn)
        bx = ex + head * (c * ux - s * uy)
        by = ey + head * (s * ux + c * uy)
        segments.append((ex, ey, bx, by))
    xs = np.concatenate([np.column_stack((a, b)).ravel() for a, _, b, _ in segments])
    ys = np.concatenate([np.column_stack((a, b)).ravel() for _, a, _, b in segments])
    return xs, ys
