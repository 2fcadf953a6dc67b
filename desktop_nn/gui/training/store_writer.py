"""The kept runs' writes, one after another on a thread of their own.

Keeping a run writes its folder and flushes it to disk (tens of milliseconds): done on the GUI
thread, the window would freeze for that long at the end of every run. :class:`StoreWriter`
runs such jobs in the order they were given on one background thread, and hands each job's
outcome back to the GUI thread (a queued signal) in that same order. A job given while an
earlier one is pending simply runs after it (a rename of a run whose keep is pending applies
to the kept run).

The thread is started in the window's :class:`ThreadRegistry` when a job comes and ends when
none is left; the registry waits for it when the window closes (or the application quits,
or Ctrl+C or SIGTERM close the window), so every pending write is done and no run is lost.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_nn.gui.workers import ThreadRegistry

#: What a job's outcome is handed to, on the GUI thread: (True, result) or (False, error).
Then = Callable[[bool, object], None]


class _WriterThread(QThread):
    """Runs the jobs of a queue until the queue is empty, then ends."""

    def __init__(self, writer: StoreWriter) -> None:
        super().__init__()
        self.setObjectName("runStoreWriter")
        self._writer = writer

    def run(self) -> None:
        while (item := self._writer._next_job()) is not None:
            job, future = item
            try:
                future.set_result(job())
            except Exception as error:  # handed back to the GUI thread, never lost
                future.set_exception(error)
            with contextlib.suppress(RuntimeError):  # the window is gone; the write was done
                self._writer._ready.emit()


class StoreWriter(QObject):
    """Jobs run in order on one background thread; their outcomes come back in order.

    The thread lives while there are jobs (it ends when the queue is empty, and a new one
    starts with the next job), so an idle window holds no thread.

    Parameters
    ----------
    threads : ThreadRegistry, optional
        Where the thread is started (the window's, which waits for it when the window
        closes); a registry of its own by default.
    parent : QObject, optional
    """

    _ready = Signal()

    def __init__(self, threads: ThreadRegistry | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads = threads if threads is not None else ThreadRegistry()
        self._lock = threading.Lock()
        self._jobs: deque[tuple[Callable[[], object], Future]] = deque()
        self._running = False  # a thread is taking jobs from the queue
        self._thread: _WriterThread | None = None  # the last one started
        self._waiting: deque[tuple[Future, Then]] = deque()
        self._ready.connect(self._deliver)

    @property
    def pending(self) -> int:
        """How many jobs have been given whose outcome has not been handed back yet."""
        return len(self._waiting)

    def submit(self, job: Callable[[], object], then: Then) -> None:
        """Run ``job()`` after every job given before; then ``then(ok, result or error)``."""
        future: Future = Future()
        self._waiting.append((future, then))
        with self._lock:
            self._jobs.append((job, future))
            start, self._running = not self._running, True
        if start:
            self._thread = _WriterThread(self)
            self._threads.start(self._thread)

    def settle(self) -> None:
        """Wait for every pending job and hand its outcome back now (before a direct write)."""
        while self._waiting:
            future, _ = self._waiting[0]
            future.exception()  # waits
            self._deliver()
        if self._thread is not None:
            self._thread.wait()  # its queue is empty: it ends now
            self._thread = None

    def _next_job(self) -> tuple[Callable[[], object], Future] | None:
        """The next job, or None (and the thread ends) when there is none (writer thread)."""
        with self._lock:
            if self._jobs:
                return self._jobs.popleft()
            self._running = False
            return None

    @Slot()
    def _deliver(self) -> None:
        while self._waiting and self._waiting[0][0].done():
            future, then = self._waiting.popleft()
            error = future.exception()
            if error is None:
                then(True, future.result())
            else:
                then(False, error)
