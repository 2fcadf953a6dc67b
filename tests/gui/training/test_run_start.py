"""A run's start is split over turns of the event loop: the first frame comes first.

Building the legend's entries and drawing the previous run's faded curves each lay the plots
out again; done in the same turn as the start they held up the run's first frame. They come
in later turns (timers: the faded curves ``FADED_LATER_MS`` after the start, or when the run
ends if sooner), so they are not there yet when ``start()`` returns.
"""

from __future__ import annotations

from tests.gui.training.test_runs import legend_texts
from tests.gui.training.test_runs_table import configure, wait_kept


def test_the_legend_and_the_faded_curves_come_in_later_turns_than_the_start(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=20, seed=1)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
    wait_kept(tab, qtbot)
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1, hidden 50, SGD"]

    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()  # run 2; what follows runs in the same turn of the event loop
        assert legend_texts(tab.loss_plot) == [] and legend_texts(tab.accuracy_plot) == []
        assert tab.loss_plot.overlays == []  # run 1's faded curve is not drawn yet
        assert tab.book.model.rowCount() == 2  # the table's row is there at once
    wait_kept(tab, qtbot)
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1, hidden 50, SGD",
                                           "run 2: lr 0.1, hidden 50, SGD"]
    assert legend_texts(tab.accuracy_plot) == ["run 1 train", "run 1 test",
                                               "train acc (run 2)", "test acc (run 2)"]
    assert [item.name() for item in tab.loss_plot.overlays] == ["run 1: lr 0.1, hidden 50, SGD"]
