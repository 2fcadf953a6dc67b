"""Keeping a run is written off the GUI thread, in order with what the user does meanwhile.

The store's ``keep`` is wrapped: it records the thread it runs on, and may be held back by a
``threading.Event`` so that the keep is pending while the test renames, removes or closes.
"""

from __future__ import annotations

import threading

from desktop_nn.core.run_store import RunStore, RunStoreError
from tests.gui.messages import message_boxes
from tests.gui.training.test_runs_table import configure, wait_kept

#: How long a held keep waits for the test to let it go (a bound, never reached when green).
HOLD_TIMEOUT = 60.0


class HeldKeep:
    """Wraps ``store.keep``: records its thread; waits for :attr:`release` when ``hold``."""

    def __init__(self, store: RunStore, hold: bool) -> None:
        self.original, self.threads = store.keep, []
        self.entered, self.release = threading.Event(), threading.Event()
        if not hold:
            self.release.set()
        store.keep = self

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.get_ident())
        self.entered.set()
        assert self.release.wait(HOLD_TIMEOUT), "the test never let the keep go"
        return self.original(*args, **kwargs)


def run_to_end(tab, qtbot, iters=20, seed=1) -> None:
    configure(tab, iters=iters, seed=seed)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()


def ended_with_its_keep_held(tab, qtbot) -> tuple[HeldKeep, object]:
    """Run to the end with the writer holding the run's keep; (the held keep, the run)."""
    keep = HeldKeep(tab.book.store, hold=True)
    run_to_end(tab, qtbot)
    assert keep.entered.wait(HOLD_TIMEOUT) and tab.book.writer.pending == 1
    (run,) = tab.runs.runs
    return keep, run


def test_a_run_is_kept_on_a_thread_other_than_the_gui_thread(window, qtbot):
    tab = window.training_tab
    keep = HeldKeep(tab.book.store, hold=False)
    run_to_end(tab, qtbot)
    wait_kept(tab, qtbot)
    assert len(keep.threads) == 1 and keep.threads[0] != threading.get_ident()
    (record,) = RunStore().load().runs
    assert record.number == 1 and record.name == "run 1" and record.has_model
    assert tab.runs.runs[0].record.number == 1  # the table has the kept run's number


def test_a_rename_while_the_keep_is_pending_applies_to_the_kept_run(window, qtbot):
    tab = window.training_tab
    keep, run = ended_with_its_keep_held(tab, qtbot)
    assert tab.book.rename(run, "first")
    assert RunStore().load().runs == []  # nothing on disk yet: the keep is held
    keep.release.set()
    wait_kept(tab, qtbot)
    (record,) = RunStore().load().runs
    assert record.name == "first" and record.number == 1
    assert run.record.name == "first" and run.record.number == 1 and run.short_label == "first"


def test_a_rename_queued_behind_a_keep_that_fails_is_said_and_undone(window, qtbot):
    tab = window.training_tab
    keep = HeldKeep(tab.book.store, hold=True)
    run_to_end(tab, qtbot)
    assert keep.entered.wait(HOLD_TIMEOUT)

    def refuse(number, name):
        raise RunStoreError(f"run {number}: cannot be renamed (read-only)")

    tab.book.store.rename = refuse
    (run,) = tab.runs.runs
    assert tab.book.rename(run, "first") and run.short_label == "first"
    keep.release.set()
    wait_kept(tab, qtbot)
    assert message_boxes(tab, "runsMessage")[-1].windowTitle() == "Cannot rename the run"
    assert run.short_label == "run 1" and run.record.name == "run 1"
    assert [record.name for record in RunStore().load().runs] == ["run 1"]


def test_a_removal_while_the_keep_is_pending_removes_the_kept_run(window, qtbot):
    tab = window.training_tab
    keep, run = ended_with_its_keep_held(tab, qtbot)
    assert tab.book.remove(run)
    assert tab.runs.runs == []
    keep.release.set()
    wait_kept(tab, qtbot)
    assert RunStore().load().runs == [] and RunStore().numbers() == []
    assert tab.runs.runs == []


def test_closing_the_window_with_a_keep_pending_leaves_the_run_complete(window, qtbot,
                                                                         private_data_dir):
    tab = window.training_tab
    keep = HeldKeep(tab.book.store, hold=True)
    run_to_end(tab, qtbot)
    assert keep.entered.wait(HOLD_TIMEOUT)
    pending_at_close = []
    shutdown = tab.controller.shutdown

    def shutdown_then_release(*args, **kwargs):
        pending_at_close.append(tab.book.writer.pending)
        finished = shutdown(*args, **kwargs)
        keep.release.set()  # the keep goes on only now that the window is closing
        return finished

    tab.controller.shutdown = shutdown_then_release
    window.close()
    assert pending_at_close == [1]
    (record,) = RunStore().load().runs  # complete as soon as close returns
    assert record.number == 1 and record.has_model and record.status == "finished"
    runs = private_data_dir / "runs"
    assert sorted(path.name for path in runs.iterdir()) == ["000001"]  # no half folder
