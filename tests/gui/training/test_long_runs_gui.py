"""The window over long runs: 50,000 iterations with bounded curve memory, and 100 start/stop
cycles with no thread or memory left behind."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop_nn.core.curve_series import LOSS_CAPACITY
from desktop_nn.gui.workers import GeneratorWorker
from tests.memory import rss_mb

WINDOW_ITERATIONS = 50_000
CYCLES = 100
#: The allocator settles during the first few dozen cycles; growth is measured after them.
WARM_UP_CYCLES = 30


def python_threads() -> set[threading.Thread]:
    """Threads started from Python. A QThread that ran Python code shows up as a dummy thread
    (threading._DummyThread) which Python 3.11 forgets only when another thread reuses its id;
    the QThreads are checked through their objects below."""
    return {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}


def delete_released_objects() -> None:
    """Carry out every pending deleteLater() now, then collect Python's garbage."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.mark.slow
def test_fifty_thousand_iterations_in_the_window(window, qtbot):
    tab = window.training_tab
    tab.panel.set_config(tab.panel.config().replace(iters=WINDOW_ITERATIONS, seed=5,
                                                    train_size=None))
    samples = {}
    tab.start()
    qtbot.waitUntil(lambda: tab.progress_bar.value() >= 5_000, timeout=120_000)
    samples["5,000"] = rss_mb()
    with qtbot.waitSignal(tab.run_ended, timeout=600_000) as ended:
        pass
    samples[f"{WINDOW_ITERATIONS:,}"] = rss_mb()
    assert ended.args == ["finished"]
    assert tab.loss_plot.buffer.count <= LOSS_CAPACITY
    assert len(tab.accuracy_plot.epochs) == 84
    growth = samples[f"{WINDOW_ITERATIONS:,}"] - samples["5,000"]
    print(f"\nwindow RSS {samples}: growth {growth:+.1f} MB")
    assert growth < 25.0, samples


@pytest.mark.slow
def test_a_hundred_start_stop_cycles_leave_nothing_behind(window, qtbot):
    tab = window.training_tab
    tab.panel.set_config(tab.panel.config().replace(iters=1_000_000, train_size=2000, seed=1))
    threads_before = python_threads()
    made: list[weakref.ref] = []
    rss = {}
    for cycle in range(1, CYCLES + 1):
        tab.start()
        made.append(weakref.ref(tab.controller.worker))
        qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=30_000)
        with qtbot.waitSignal(tab.run_ended, timeout=30_000) as ended:
            tab.stop()
        assert ended.args == ["stopped"]
        if cycle in (WARM_UP_CYCLES, CYCLES):
            delete_released_objects()
            rss[cycle] = rss_mb()
    delete_released_objects()
    alive = [ref for ref in made if ref() is not None and isinstance(ref(), GeneratorWorker)]
    growth = rss[CYCLES] - rss[WARM_UP_CYCLES]
    print(f"\n{CYCLES} cycles: RSS after {WARM_UP_CYCLES} {rss[WARM_UP_CYCLES]:.1f} MB, after "
          f"{CYCLES} {rss[CYCLES]:.1f} MB ({growth:+.1f} MB); thread objects alive: {len(alive)}")
    assert python_threads() <= threads_before
    assert len(alive) <= 1, "finished training threads are not released"
    assert growth < 20.0, rss
    assert len(tab.loss_plot.overlays) <= 5  # earlier runs are capped, not hoarded
