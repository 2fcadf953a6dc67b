"""What a frame of the live curves costs: the curves that do not change are not drawn again,
and a changing figure repaints itself alone."""

from __future__ import annotations

import numpy as np
import pytest
from pyqtgraph.graphicsItems.PlotCurveItem import PlotCurveItem
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop_nn.gui.common.widgets import ProbabilityBars
from desktop_nn.gui.training.curves import LossPlot
from desktop_nn.gui.training.progress import RunProgress
from tests.gui.paint_watch import PaintWatch


@pytest.fixture
def paints(monkeypatch):
    """Counts the calls of each curve's ``paint``, by curve."""
    counts: dict[int, int] = {}
    original = PlotCurveItem.paint

    def counting(self, painter, *args):
        counts[id(self)] = counts.get(id(self), 0) + 1
        return original(self, painter, *args)

    monkeypatch.setattr(PlotCurveItem, "paint", counting)
    return counts


def test_earlier_runs_are_not_drawn_again_while_the_current_run_grows(qtbot, paints):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    x = np.arange(2000, dtype=np.float64)
    overlays = [plot.add_overlay(x, 2.3 * np.exp(-x / (500.0 + 100 * k)), f"run {k}", k)
                for k in range(3)]
    plot.begin_run(2000)
    frames = 12
    for frame in range(frames):
        plot.add_losses(frame * 50, np.linspace(2.3, 2.0, 50))
        plot.refresh()
        plot.grab()
        # The current run's line is drawn again in every frame (by Qt, not a Python item).
        path = plot.smooth_curve.path_item.path()
        assert path.elementAt(path.elementCount() - 1).x == frame * 50 + 49
    for overlay in overlays:
        # Drawn once into its cached picture (again only if the view's scale changes: the
        # y axis grows at most once here, when the first losses arrive).
        assert paints.get(id(overlay.curve), 0) <= 2


def test_a_frame_repaints_the_end_of_the_lines_not_the_whole_plot(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    iterations = 3000
    plot.begin_run(iterations)
    x = np.arange(iterations)
    losses = 0.3 + 1.9 * np.exp(-x / 600.0) + 0.1 * np.sin(x / 7.0)  # below the axis's top
    regions = PaintWatch(plot.viewport())
    widths = []
    for first in range(0, 2000, 50):
        plot.add_losses(first, losses[first:first + 50])
        plot.refresh(force=True)  # the raw line too, every frame
        painted = len(regions.rects)
        qtbot.waitUntil(lambda painted=painted: len(regions.rects) > painted, timeout=5_000)
        widths.append(max(rect.width() for rect in regions.rects[painted:]))
    # A frame repaints a narrow band at the lines' end (what changed), not the whole plot;
    # the whole smoothed line is drawn again only when its step doubles (after 500 and 1000
    # iterations here) and in the first frames.
    wide = [width for width in widths if width > 0.15 * plot.viewport().width()]
    assert len(wide) <= 5, widths


def test_the_progress_bar_paints_its_new_value_with_the_next_frame_not_at_once(qtbot):
    progress = RunProgress()
    bar = progress.bar
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    progress.begin(3000, numerical=False)
    QApplication.processEvents()
    paints = PaintWatch(bar)
    for done in (100, 200, 300):
        progress.add(done, done / 1000)
        progress.draw(force=True)
        assert bar.value() == done
    assert paints.count == 0  # nothing painted inside the redraw itself
    qtbot.waitUntil(lambda: paints.count >= 1, timeout=5_000)
    assert "300" in bar.text()


def current_labels(tab) -> list:
    """The legend entries of the current run: the loss plot's, then the accuracy plot's."""
    return [label for plot, curves in ((tab.loss_plot, [tab.loss_plot.smooth_curve]),
                                       (tab.accuracy_plot, [tab.accuracy_plot.train_curve,
                                                            tab.accuracy_plot.test_curve]))
            for label in map(plot.legend.getLabel, curves)]


def test_a_new_run_renames_the_legend_entries_and_its_end_keeps_them(window, qtbot):
    tab = window.training_tab
    tab.panel.train_size_spin.setValue(2000)
    tab.panel.iters_spin.setValue(30)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
    first = current_labels(tab)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
        started = current_labels(tab)  # renamed at once, before the thread starts
        assert [label.text for label in started] == [
            "run 2: lr 0.1, hidden 50, SGD", "train acc (run 2)", "test acc (run 2)"]
    # The same label items all along, not new ones: a new entry lays the legend out again.
    assert current_labels(tab) == started == first and None not in started
    # The current run's entry first, then the earlier run's (added when its curves were faded).
    assert [label.text for _sample, label in tab.loss_plot.legend.items] == [
        "run 2: lr 0.1, hidden 50, SGD", "run 1: lr 0.1, hidden 50, SGD"]


def test_the_first_losses_of_a_run_do_not_change_the_loss_axis(qtbot):
    """The y axis starts where the first losses of a 10-class network are (ln 10 = 2.30), so
    the first frame does not lay out and draw the axis again."""
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.begin_run(3000)
    changes = []
    plot.getPlotItem().getViewBox().sigYRangeChanged.connect(lambda *_: changes.append(1))
    plot.add_losses(0, np.array([2.3026, 2.2990, 2.2951]))
    plot.refresh()
    assert changes == []
    (_, top) = plot.getPlotItem().getViewBox().viewRange()[1]
    assert 2.3026 < top < 2.3026 * 1.2  # the losses are on screen, near the top
    plot.add_losses(3, np.array([9.0]))  # a loss above the axis extends it
    plot.refresh()
    assert len(changes) == 1 and plot.getPlotItem().getViewBox().viewRange()[1][1] > 9.0
    plot.add_losses(4, np.array([np.nan, np.inf, 1.0]))  # a diverging run's values
    plot.refresh()
    assert len(changes) == 1  # only finite losses move the axis
    plot.add_losses(7, np.array([12.0]))
    plot.refresh()
    assert len(changes) == 2 and plot.getPlotItem().getViewBox().viewRange()[1][1] > 12.0


def test_the_empty_plots_show_the_planned_run_so_that_start_changes_no_axis(window, qtbot):
    """Each axis whose range changes is laid out and drawn again: at a run's start that work
    competed with the training thread (the longest stall of the window at a run's start)."""
    tab = window.training_tab
    tab.panel.iters_spin.setValue(250)
    tab.panel.batch_size_spin.setValue(100)
    tab.panel.train_size_spin.setValue(2000)  # 20 iterations an epoch: 13 evaluations
    views = [plot.getPlotItem().getViewBox() for plot in (tab.loss_plot, tab.accuracy_plot)]
    loss_x, accuracy_x = (view.viewRange()[0] for view in views)
    assert loss_x[0] <= 0 < 249 < loss_x[1] < 255
    assert accuracy_x[0] < 0 < 12 < accuracy_x[1] < 12.5
    changes: list[str] = []
    for view in views:
        view.sigXRangeChanged.connect(lambda *_: changes.append("x"))
        view.sigYRangeChanged.connect(lambda *_: changes.append("y"))
    assert tab.start()
    assert changes == []
    tab.stop()
    qtbot.waitUntil(lambda: not tab.is_running, timeout=30_000)


def shown_in_a_parent(qtbot, *widgets) -> QWidget:
    """``widgets`` laid out in a plain parent widget, shown and painted once."""
    parent = QWidget()
    layout = QVBoxLayout(parent)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(parent)
    parent.resize(400, 300)
    parent.show()
    qtbot.waitExposed(parent)
    QApplication.processEvents()
    return parent


def test_a_new_progress_figure_repaints_the_bar_and_speed_line_alone(qtbot):
    progress = RunProgress()
    parent = shown_in_a_parent(qtbot, progress.bar, progress.speed)
    progress.begin(3000, numerical=False)
    QApplication.processEvents()
    beneath, bar = PaintWatch(parent), PaintWatch(progress.bar)
    progress.add(300, 0.2)
    progress.draw(force=True)
    qtbot.waitUntil(lambda: bar.count >= 1, timeout=5_000)
    # The bar fills its own background: the widgets beneath it (in the window: the tab, its
    # splitters, the window itself) are not painted again five times a second.
    assert beneath.count == 0


def test_a_new_prediction_repaints_the_probability_bars_alone(qtbot):
    bars = ProbabilityBars()
    parent = shown_in_a_parent(qtbot, bars)
    beneath, painted = PaintWatch(parent), PaintWatch(bars)
    bars.set_probabilities(np.full(10, 0.1), true_class=3)
    qtbot.waitUntil(lambda: painted.count >= 1, timeout=5_000)
    assert beneath.count == 0
