"""A run's start is split over turns of the event loop: what the window shows comes first.

``start()`` sets up the new run (its row, the legend renamed in place, the axes) and returns;
the training thread starts in a later turn, after the window has painted that, so the two do
not compete for Python's lock and the cores while the first evaluation of the whole data set
runs. Drawing the previous run's faded curves lays the plots out again: it comes later still
(``FADED_LATER_MS`` after the start, or when the run ends if sooner).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_nn.gui.training.runs_panel import WIDEST_COLUMN
from desktop_nn.gui.training.runs_table import COLUMNS
from tests.gui.training.test_runs import legend_texts
from tests.gui.training.test_runs_table import configure, wait_kept


def test_the_thread_and_the_faded_curves_come_in_later_turns_than_the_start(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=20, seed=1)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
    wait_kept(tab, qtbot)
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1, hidden 50, SGD"]

    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()  # run 2; what follows runs in the same turn of the event loop
        worker = tab.controller.worker
        assert tab.is_running and not worker.is_running()  # its thread starts later
        assert legend_texts(tab.loss_plot) == ["run 2: lr 0.1, hidden 50, SGD"]
        assert legend_texts(tab.accuracy_plot) == ["train acc (run 2)", "test acc (run 2)"]
        assert tab.loss_plot.overlays == []  # run 1's faded curve is not drawn yet
        assert tab.book.model.rowCount() == 2  # the table's row is there at once
    wait_kept(tab, qtbot)
    assert legend_texts(tab.loss_plot) == ["run 2: lr 0.1, hidden 50, SGD",
                                           "run 1: lr 0.1, hidden 50, SGD"]
    assert legend_texts(tab.accuracy_plot) == ["train acc (run 2)", "test acc (run 2)",
                                               "run 1 train", "run 1 test"]
    assert [item.name() for item in tab.loss_plot.overlays] == ["run 1: lr 0.1, hidden 50, SGD"]


def test_a_run_shut_down_before_its_thread_started_never_starts_it(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=20, seed=1)
    assert tab.start()
    worker = tab.controller.worker
    assert tab.shutdown(5_000)  # in the same turn: the thread has not started
    assert not tab.is_running
    # The thread would start in a zero-time call queued by start(): the events queued so far
    # are delivered here.
    QApplication.processEvents()
    assert not worker.is_running() and not worker.qthread.isFinished()
    assert window.state.threads.running() == []


def test_a_run_stopped_before_its_thread_started_ends_as_stopped(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=100_000, seed=1)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000) as ended:
        assert tab.start()
        tab.stop()
    assert ended.args == ["stopped"]
    assert not tab.is_running


def test_a_new_run_comes_into_the_table_as_a_row_not_a_reset(window, qtbot):
    """A reset made the table ask again for every cell of every run (several milliseconds of
    the click); the new row is inserted, and the columns widen for its texts."""
    tab = window.training_tab
    configure(tab, iters=20, seed=1)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
    wait_kept(tab, qtbot)
    model, table = tab.book.model, tab.runs_panel.table
    first_run = model.run_at(0)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    tab.panel.iters_spin.setValue(25)  # run 2's "Changed" says so: a text the table had not
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
        assert resets == [] and inserted == [(1, 1)]
        assert model.run_at(0) is first_run and model.rowCount() == 2
        proxy = tab.runs_panel.proxy
        widest = table.fontMetrics().averageCharWidth() * WIDEST_COLUMN
        for column in range(proxy.columnCount()):
            needed = min(table.sizeHintForIndex(proxy.index(1, column)).width(), widest)
            assert table.columnWidth(column) >= needed, column
    assert "iters 20 → 25" in model.data(model.index(1, COLUMNS.index("changed")))
