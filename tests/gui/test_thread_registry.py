"""The registry that stops and joins the window's threads (the teardown paths themselves are
tested in subprocesses by test_teardown.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QThread

from desktop_nn.gui.thread_registry import ThreadRegistry


class Worker(QThread):
    """Works until asked to stop, as the training and gradient-check threads do."""

    def __init__(self) -> None:
        super().__init__()
        self.stop_requested = threading.Event()
        self.started_work = threading.Event()
        self.stop_calls = 0

    def stop(self) -> None:
        self.stop_calls += 1
        self.stop_requested.set()

    def run(self) -> None:
        self.started_work.set()
        self.stop_requested.wait()


class ShortJob(QThread):
    """Ends by itself, as loading a dataset does; it has no way to be stopped."""

    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait()


def test_stop_all_asks_each_thread_to_stop_and_joins_it(qtbot):
    registry = ThreadRegistry()
    workers = [Worker(), Worker()]
    for worker in workers:
        registry.start(worker, worker.stop)
        assert worker.started_work.wait(30)
    assert registry.running() == workers
    registry.stop_all()
    assert all(worker.isFinished() and worker.stop_calls == 1 for worker in workers)
    assert registry.running() == []
    registry.stop_all()  # nothing left: nothing asked twice
    assert [worker.stop_calls for worker in workers] == [1, 1]


def test_a_thread_without_a_stop_is_waited_for(qtbot):
    registry = ThreadRegistry()
    release = threading.Event()
    job = ShortJob(release)
    registry.start(job)
    assert registry.running() == [job]
    releaser = threading.Timer(0.05, release.set)  # the job ends by itself while stop_all waits
    releaser.start()
    registry.stop_all()
    assert job.isFinished()
    releaser.join()


def test_the_registry_keeps_a_running_thread_alive_and_lets_a_finished_one_go(qtbot):
    registry = ThreadRegistry()
    worker = Worker()
    registry.start(worker, worker.stop)
    reference = weakref.ref(worker)
    del worker
    gc.collect()
    assert reference() is not None  # dropping it now would abort the process
    registry.stop_all()
    gc.collect()
    assert reference() is None


def test_a_thread_deleted_by_its_owner_is_skipped(qtbot):
    registry = ThreadRegistry()
    worker = Worker()
    registry.start(worker, worker.stop)
    worker.stop()
    worker.wait()
    worker.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert registry.running() == []
    registry.stop_all()  # no "Internal C++ object already deleted"
