"""LiveLine and the plots' paint: drawn by Qt alone, still a curve to the plot around it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QPainterPath

from desktop_nn.core.curve_series import smoothed_line
from desktop_nn.gui.common.live_line import PIECE_POINTS, LiveLine
from desktop_nn.gui.common.plot_style import PalettePlot
from desktop_nn.gui.training.curves import SMOOTH_POINTS, LossPlot
from tests.gui.paint_watch import PaintWatch


def subpaths(path: QPainterPath) -> int:
    """How many separate pieces ``path`` draws (each begins with a move)."""
    return sum(path.elementAt(i).isMoveTo() for i in range(path.elementCount()))


def points(path: QPainterPath) -> list[tuple[float, float]]:
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def test_the_line_goes_through_its_points_and_breaks_where_a_value_is_missing():
    line = LiveLine(pg.mkPen("b", width=2))
    line.setData(np.arange(3.0), np.array([2.0, 1.5, 1.0]))
    assert points(line.path_item.path()) == [(0.0, 2.0), (1.0, 1.5), (2.0, 1.0)]
    x = np.arange(6.0)
    y = np.array([2.0, 1.8, np.nan, 1.2, 1.1, 1.0])  # a diverged value in the middle
    line.setData(x, y)
    path = line.path_item.path()
    assert subpaths(path) == 2  # nothing drawn through the gap
    assert all(x != 2.0 for x, _ in points(path))
    got_x, got_y = line.getData()
    np.testing.assert_array_equal(got_x, x)
    np.testing.assert_array_equal(got_y, y)  # as given (the gap kept)


def drawn_points(line: LiveLine) -> list[tuple[float, float]]:
    """Every point the line draws, its pieces' then its tail's, each listed once (a piece ends
    where the next part starts, and pyqtgraph repeats the point before a gap)."""
    drawn: list[tuple[float, float]] = []
    for item in (*line.pieces, line.path_item):
        for point in points(item.path()):
            if not drawn or point != drawn[-1]:
                drawn.append(point)
    return drawn


def tail_start(line: LiveLine) -> float:
    return points(line.path_item.path())[0][0]


def test_settled_points_stay_in_pieces_and_only_the_tail_changes():
    line = LiveLine(pg.mkPen("b", width=2))
    x = np.arange(300.0)
    y = 2.0 - x / 300.0
    line.setData(x[:100], y[:100], settled=90, key="run")
    first = list(line.pieces)
    assert len(first) == 1  # everything settled so far, in one piece
    assert tail_start(line) == 89 // PIECE_POINTS * PIECE_POINTS
    assert drawn_points(line) == list(zip(x[:100], y[:100], strict=True))
    y_later = y.copy()
    y_later[95:] += 0.5  # the points after the settled ones may still change
    for count in (130, 160, 250):
        line.setData(x[:count], y_later[:count], settled=count - 10, key="run")
        assert line.pieces[:len(first)] == first  # the same items, not drawn again
        assert tail_start(line) == (count - 11) // PIECE_POINTS * PIECE_POINTS
        assert drawn_points(line) == list(zip(x[:count], y_later[:count], strict=True))
    line.setPen(pg.mkPen("r", width=3))
    assert {item.pen().widthF() for item in (*line.pieces, line.path_item)} == {3.0}
    line.setData(x[:250], y[:250], settled=240, key="another")  # a new key: afresh
    assert len(line.pieces) == 1 and line.pieces[0] not in first
    assert drawn_points(line) == list(zip(x[:250], y[:250], strict=True))
    line.setData(x[:250], y[:250])  # no key: nothing is settled
    assert line.pieces == [] and len(points(line.path_item.path())) == 250


def test_the_loss_plot_draws_exactly_its_data_as_the_buffer_thins_and_the_step_doubles(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.begin_run(6000)
    x = np.arange(6000)
    losses = 0.3 + 1.9 * np.exp(-x / 900.0) + 0.1 * np.sin(x / 5.0)
    losses[2500] = np.nan  # a diverged value: a break in the raw line
    for first in range(0, 6000, 75):
        plot.add_losses(first, losses[first:first + 75])
        plot.refresh(force=first % 300 == 0)
        if first % 300 == 0:  # the raw line was drawn in this frame
            raw_x, raw_y = plot.buffer.view()
            finite = np.isfinite(raw_y)
            assert drawn_points(plot.raw_curve) == list(
                zip(raw_x[finite], raw_y[finite], strict=True))
        line = smoothed_line(plot.buffer, plot.smoothing, SMOOTH_POINTS)
        assert drawn_points(plot.smooth_curve) == list(zip(line.x, line.y, strict=True))
    assert plot.buffer.stride > 1  # thinned on the way (a new version: pieces made afresh)
    assert plot.smooth_curve.pieces and plot.raw_curve.pieces


def test_pieces_follow_a_logarithmic_axis():
    line = LiveLine(pg.mkPen("b"))
    x = np.arange(100.0)
    line.setData(x, np.full(100, 10.0), settled=100, key=1)
    assert line.pieces
    line.setLogMode(False, True)
    assert {y for _, y in drawn_points(line)} == {1.0}


def test_the_line_tells_its_range_on_a_linear_and_a_logarithmic_axis():
    line = LiveLine(pg.mkPen("b"))
    assert line.dataBounds(0) == (None, None)  # nothing yet
    line.setData(np.array([0.0, 10.0, 20.0, 30.0]), np.array([1.0, 0.1, np.inf, 0.01]))
    assert line.dataBounds(0) == (0.0, 30.0)
    assert line.dataBounds(1) == (0.01, 1.0)
    assert line.dataBounds(1, orthoRange=(5.0, 25.0)) == (0.1, 0.1)  # only x in 5..25
    line.setLogMode(False, True)
    assert line.dataBounds(1) == pytest.approx((-2.0, 0.0))
    assert points(line.path_item.path())[-1] == pytest.approx((30.0, -2.0))
    line.setLogMode(False, False)
    assert points(line.path_item.path())[-1] == pytest.approx((30.0, 0.01))


def test_the_loss_plot_draws_the_current_run_with_qt_items_in_its_legend(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.begin_run(100)
    plot.add_losses(0, np.linspace(2.3, 0.5, 100))
    plot.refresh(force=True)
    for line in (plot.raw_curve, plot.smooth_curve):
        assert line.path_item.path().elementCount() > 1
    assert plot.legend.getLabel(plot.smooth_curve).text == "this run"
    plot.set_run_label("run 1: lr 0.1")
    assert plot.legend.getLabel(plot.smooth_curve).text == "run 1: lr 0.1"
    plot.set_log_scale(True)  # the lines follow the plot's log axis
    assert plot.smooth_curve.dataBounds(1)[1] < np.log10(2.3) + 1e-9
    assert not plot.grab().isNull()


def test_a_plot_paints_with_qts_own_paint_event_and_still_prepares_its_items(qtbot, monkeypatch):
    python_paints = []
    original = pg.GraphicsView.paintEvent
    monkeypatch.setattr(pg.GraphicsView, "paintEvent",
                        lambda self, event: (python_paints.append(1), original(self, event)))
    plot = PalettePlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    prepared = []
    plot.scene().sigPrepareForPaint.connect(lambda: prepared.append(1))
    plot.getPlotItem().enableAutoRange()
    plot.show()
    qtbot.waitExposed(plot)
    paints = PaintWatch(plot.viewport())
    plot.plot(np.arange(50.0), np.arange(50.0) * 4)  # y up to 196: the range must follow
    qtbot.waitUntil(lambda: paints.count >= 1, timeout=5_000)
    assert python_paints == []  # no Python call around the scene's paint
    assert prepared  # pyqtgraph's items prepared before the paint...
    qtbot.waitUntil(lambda: plot.getPlotItem().viewRange()[1][1] >= 196, timeout=5_000)
    # ...so the automatic range, which is updated only then, followed the new data.
