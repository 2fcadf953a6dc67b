"""The one worker of every background job, and the registry that stops and joins the window's
threads (the teardown paths themselves are tested in subprocesses by test_teardown.py)."""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QThread

from desktop_nn.gui.workers import GeneratorWorker, ThreadRegistry


class Worker(QThread):
    """Works until asked to stop, as the training and the gradient check do."""

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


# --- the worker ------------------------------------------------------------------------------


def run_to_end(qtbot, worker, registry, signal="finished"):
    """Start ``worker`` and wait for its ending signal; return the signal's arguments."""
    with qtbot.waitSignal(getattr(worker, signal), timeout=30_000) as ended:
        worker.start(registry)
    worker.wait()
    return ended.args


def test_a_function_job_reports_and_returns(qtbot):
    seen = []

    def job(task):
        task.report("half way")
        return 42

    worker = GeneratorWorker("plain", job)
    worker.progress.connect(seen.append)
    assert run_to_end(qtbot, worker, ThreadRegistry()) == [42]
    assert seen == ["half way"]


def test_a_generator_s_yields_arrive_in_order_and_its_return_value_last(qtbot):
    seen = []

    def job(task):
        for i in range(5):
            yield i
            yield None  # nothing to say: not sent
        return "done"

    worker = GeneratorWorker("counting", job)
    worker.progress.connect(seen.append)
    ends = []
    worker.finished.connect(lambda result: ends.append((result, list(seen))))
    assert run_to_end(qtbot, worker, ThreadRegistry()) == ["done"]
    assert ends == [("done", [0, 1, 2, 3, 4])]


def test_a_failure_is_the_last_signal_and_carries_the_exception(qtbot):
    def job(task):
        yield 1
        raise ValueError("boom")

    worker = GeneratorWorker("failing", job)
    (error,) = run_to_end(qtbot, worker, ThreadRegistry(), "failed")
    assert isinstance(error, ValueError) and str(error) == "boom"


def test_cancel_stops_between_steps_closes_the_generator_and_reports_what_it_holds(qtbot):
    closed = threading.Event()
    seen = []

    def job(task):
        task.flush = lambda: "held"
        try:
            while True:
                yield "step"
        finally:
            closed.set()

    worker = GeneratorWorker("endless", job)
    worker.progress.connect(seen.append)
    worker.progress.connect(lambda _value: worker.cancel())
    ended = []
    worker.cancelled.connect(lambda: ended.append(list(seen)))
    run_to_end(qtbot, worker, ThreadRegistry(), "cancelled")
    assert closed.is_set()
    assert ended[0][-1] == "held" and set(ended[0][:-1]) == {"step"}


def test_a_failure_while_cancelling_counts_as_cancelled(qtbot):
    interrupted = threading.Event()

    def job(task):
        task.on_cancel(interrupted.set)  # as a download shuts its connection down
        interrupted.wait()
        raise OSError("connection shut down")

    worker = GeneratorWorker("blocked", job)
    worker.started.connect(worker.cancel)
    run_to_end(qtbot, worker, ThreadRegistry(), "cancelled")


def test_a_cancel_callback_registered_after_the_cancel_is_called_at_once(qtbot):
    def job(task):
        calls = []
        task.on_cancel(lambda: calls.append("called"))
        return calls

    worker = GeneratorWorker("late", job)
    worker.cancel()
    assert run_to_end(qtbot, worker, ThreadRegistry()) == [["called"]]  # a function ends


def test_paused_it_runs_one_step_per_request_and_sends_the_newest_value(qtbot):
    steps = []

    def job(task):
        task.flush = lambda: f"holding after {len(steps)}"
        received = None
        while received is None:
            steps.append(task.paused())
            received = yield len(steps)
        return received

    worker = GeneratorWorker("stepping", job, start_paused=True)
    seen = []
    worker.progress.connect(seen.append)
    waits = []
    worker.paused_changed.connect(lambda paused: waits.append((paused, list(seen))))
    registry = ThreadRegistry()
    with qtbot.waitSignal(worker.paused_changed, timeout=30_000):
        worker.start(registry)
    assert steps == [] and waits == [(True, [])]  # the job has not begun: nothing to flush
    with qtbot.waitSignal(worker.paused_changed, timeout=30_000):
        worker.step()
    assert steps == [True]  # the step ran paused
    assert waits[-1] == (True, [1, "holding after 1"])
    worker.send("first")
    worker.send("newest")  # replaces the one not taken yet
    with qtbot.waitSignal(worker.finished, timeout=30_000) as ended:
        worker.resume()
    worker.wait()
    assert ended.args == ["newest"]
    assert waits[-1] == (False, [1, "holding after 1"])


def test_the_registry_stops_a_worker_and_joins_its_thread(qtbot):
    def job(task):
        while True:
            yield None

    worker = GeneratorWorker("endless", job)
    registry = ThreadRegistry()
    with qtbot.waitSignal(worker.started, timeout=30_000):
        worker.start(registry)
    assert registry.running() == [worker.qthread]
    assert worker.qthread.objectName() == "endless"
    registry.stop_all()
    assert not worker.is_running() and worker.cancel_requested


def test_a_finished_worker_keeps_nothing_of_its_owner_alive(qtbot):
    """Slots that refer back to their owner, connected to the worker the owner keeps, form a
    cycle through Qt that the garbage collector cannot see; the worker cuts it once done."""

    class Owner:
        def __init__(self) -> None:
            self.payload = np.zeros(10)
            self.result = None
            self.worker = GeneratorWorker("owned", lambda task: 1)
            self.worker.finished.connect(lambda result: self.done(result))

        def done(self, result) -> None:
            self.result = result

    def run_one() -> weakref.ref:
        owner = Owner()
        worker = owner.worker
        with qtbot.waitSignal(worker.qthread.finished, timeout=30_000):
            worker.start(ThreadRegistry())
        qtbot.waitUntil(lambda: worker.qthread.worker is None, timeout=30_000)
        assert owner.result == 1
        return weakref.ref(owner.payload)

    payload = run_one()
    gc.collect()
    assert payload() is None


def test_a_closed_window_lets_its_data_go(qtbot):
    from desktop_nn.gui import MainWindow

    def open_and_close() -> weakref.ref:
        main = MainWindow()
        main.show()
        qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
        images = weakref.ref(main.state.data[0][0])
        main.close()
        main.deleteLater()
        return images

    images = open_and_close()

    def released() -> bool:
        # Queued signals from the window's threads hold their arguments until delivered, and
        # deleteLater() waits for the event loop: both are let through before looking.
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return images() is None

    qtbot.waitUntil(released, timeout=30_000)


def test_a_finished_worker_is_let_go(qtbot):
    def run_one() -> weakref.ref:
        worker = GeneratorWorker("brief", lambda task: 1)
        for signal in (worker.started, worker.progress, worker.finished, worker.failed,
                       worker.cancelled, worker.paused_changed):
            signal.connect(lambda *args: None)
        with qtbot.waitSignal(worker.qthread.finished, timeout=30_000):
            worker.start(ThreadRegistry())
        qtbot.waitUntil(lambda: worker.qthread.worker is None, timeout=30_000)
        signatures = ("started()", "progress(PyObject)", "finished(PyObject)",
                      "failed(PyObject)", "cancelled()", "paused_changed(bool)")
        assert [worker.receivers(SIGNAL(s)) for s in signatures] == [0] * 6
        return weakref.ref(worker)

    worker = run_one()
    gc.collect()
    assert worker() is None
