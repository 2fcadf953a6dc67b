"""What the chapter's plots share: a styled plot, fonts that follow the zoom, contour lines."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop_nn.gui.common.plot_style import PalettePlot, style_plot

#: The axes whose fonts the zoom scales.
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
    zoom_plot(plot, 1.0)
    return plot


def zoomed_font(factor: float) -> QFont:
    """The application's font scaled by ``factor``."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(max(1.0, size * factor))
    return font


def zoom_plot(plot: pg.PlotWidget, factor: float) -> None:
    """Draw the plot's tick labels and axis labels in the application's font times ``factor``."""
    font = zoomed_font(factor)
    item = plot.getPlotItem()
    for name in AXES:
        axis = item.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.label.setFont(font)
        axis.picture = None
        axis.update()
    if item.legend is not None:
        for _sample, label in item.legend.items:
            label.setText(label.text, size=f"{font.pointSizeF():.1f}pt")


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
    """The contour lines of ``values`` (shape (len(xs), len(ys))) as one polyline.

    Returns
    -------
    x, y : ndarray
        The points of every line, the lines separated by nan (draw with ``connect="finite"``).
    """
    data = np.where(np.isfinite(values), values, np.nanmax(values) if np.isfinite(values).any()
                    else 0.0)
    dx = (xs[-1] - xs[0]) / (len(xs) - 1)
    dy = (ys[-1] - ys[0]) / (len(ys) - 1)
    points: list[tuple[float, float]] = []
    for level in levels:
        for line in pg.functions.isocurve(data, float(level), connected=True):
            points.extend(line)
            points.append((np.nan, np.nan))
    if not points:
        return np.array([]), np.array([])
    array = np.asarray(points, dtype=np.float64)
    # isocurve works in pixel coordinates, whose centres sit at index + 0.5.
    return xs[0] + (array[:, 0] - 0.5) * dx, ys[0] + (array[:, 1] - 0.5) * dy


def arrow_segments(
    x: np.ndarray, y: np.ndarray, u: np.ndarray, v: np.ndarray, length: float
) -> tuple[np.ndarray, np.ndarray]:
    """Arrows from (x, y) along (u, v), the longest ``length`` long, as pairs of points.

    Every arrow keeps its length relative to the longest (as matplotlib's ``quiver`` does);
    an arrow of zero or undefined length is left out. Draw with ``connect="pairs"``.
    """
    x, y, u, v = (np.asarray(a, dtype=np.float64).ravel() for a in (x, y, u, v))
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
