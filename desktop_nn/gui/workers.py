"""Background work, one way: a job's generator driven on a ``QThread``, and the registry that
stops and joins every such thread however the window ends.

The driving itself is Qt-free (:mod:`desktop_nn.job_control`); here its news become signals.
A job is a function of a :class:`Task`. It may return its result at once (loading a dataset,
a download) or be a generator (a training run): the :class:`GeneratorWorker` then runs it one
step at a time on its thread and, between two steps, checks the abort flag, waits while paused
(one step at a time when asked to), and sends in the newest value given to :meth:`send` (a
learning rate changed while the run goes on). What a step yields, and what the job reports
from inside a long step (:meth:`Task.report`), arrives on the GUI thread as ``progress``.

Every job ends with exactly one of ``finished(result)``, ``failed(exception)`` or
``cancelled()``, after its last ``progress``; before that, the job's :attr:`Task.flush` (if it
set one) is asked for what it holds and has not reported yet, which is also done each time the
worker pauses. Stopping is a flag checked between steps (and by the job itself
inside a long one); nothing is ever terminated. The model is superqt's ``GeneratorWorker``.

A ``QThread`` object destroyed while its thread runs aborts the whole process ("QThread:
Destroyed while thread is still running"). When a window is deleted, or the interpreter exits
with the window still open, Python and Qt destroy objects in an order nobody controls; so the
:class:`ThreadRegistry` keeps each thread it started until the thread has finished, and
:meth:`ThreadRegistry.stop_all` asks each one to stop and waits for it. It is called when the
window closes and when it is destroyed, when the application quits, and, for every registry
still alive, when the interpreter exits.
"""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QObject, QThread, Signal, Slot

from desktop_nn.job_control import JobControl, Task, run_job

#: Registries that may still hold running threads (for the interpreter-exit hook).
_registries: weakref.WeakSet[ThreadRegistry] = weakref.WeakSet()
#: Marks an application whose aboutToQuit already stops every registry.
_HOOKED = "desktop_nn_stops_threads_on_quit"
#: The worker's signals and their signatures.
_SIGNATURES = {"started": "()", "progress": "(PyObject)", "finished": "(PyObject)",
               "failed": "(PyObject)", "cancelled": "()", "paused_changed": "(bool)"}


class _SignalOutlet:
    """A job's news as the worker's signals (emitted on the job's thread, queued to the GUI)."""

    def __init__(self, worker: GeneratorWorker) -> None:
        self._worker = worker

    def started(self) -> None:
        self._worker.started.emit()

    def progress(self, value: object) -> None:
        self._worker.progress.emit(value)

    def paused_changed(self, paused: bool) -> None:
        self._worker.paused_changed.emit(paused)

    def finished(self, result: object) -> None:
        self._worker.finished.emit(result)

    def failed(self, error: Exception) -> None:
        self._worker.failed.emit(error)

    def cancelled(self) -> None:
        self._worker.cancelled.emit()


class _Runner(QThread):
    """The thread of one worker (no parent: the worker and the registry keep it)."""

    def __init__(self, worker: GeneratorWorker) -> None:
        super().__init__()
        self.worker = worker

    def run(self) -> None:
        worker = self.worker
        run_job(worker._job, worker.task)


class GeneratorWorker(QObject):
    """Runs ``job(task)`` on a thread of its own (see the module's docstring).

    Parameters
    ----------
    name : str
        What the job is ("training", "download"...): the thread's object name.
    job : callable
        ``job(task)`` returns the result, or a generator whose return value is the result.
    start_paused : bool
        Wait before the first step until :meth:`resume` or :meth:`step`.

    Signals
    -------
    started()
        The thread has begun the job.
    progress(object)
        A value the job yielded (None is not sent) or reported.
    finished(object)
        The job's result. Last signal.
    failed(object)
        The exception that ended the job. Last signal.
    cancelled()
        The job ended because :meth:`cancel` was called. Last signal.
    paused_changed(bool)
        The thread now waits (True) or goes on (False).
    """

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    paused_changed = Signal(bool)

    def __init__(self, name: str, job: Callable[[Task], object], *,
                 start_paused: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.control = JobControl(start_paused)
        self.task = Task(self.control, _SignalOutlet(self))
        self._job = job
        #: The worker's thread (a QThread without a parent, kept by the worker and the
        #: registry until it has finished).
        self.qthread = _Runner(self)
        self.qthread.setObjectName(name)
        # When the thread has finished, the worker lets go of it and of its connections.
        self.qthread.finished.connect(self._release_runner)

    # -- life -------------------------------------------------------------------------------
    def start(self, registry: ThreadRegistry) -> None:
        """Start the job's thread in ``registry`` (the window's), which can stop it."""
        registry.start(self.qthread, self.cancel)

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Block until the thread has finished (or ``timeout_ms`` passed); True if it has."""
        return self.qthread.wait() if timeout_ms is None else self.qthread.wait(timeout_ms)

    def is_running(self) -> bool:
        return self.qthread.isRunning()

    def on_end(self, slot: Callable[[], None]) -> None:
        """Call ``slot()`` after whichever of finished, failed or cancelled ends the job."""
        self.finished.connect(lambda _result: slot())
        self.failed.connect(lambda _error: slot())
        self.cancelled.connect(slot)

    @Slot()
    def _release_runner(self) -> None:
        """The thread has finished and its last signal was delivered: let go of everything
        connected to this worker (a slot that refers back to its owner would otherwise keep
        the owner and the worker alive through Qt, out of the garbage collector's sight)."""
        self.qthread.worker = None
        for name, signature in _SIGNATURES.items():
            # Asked by signature: QMetaMethod.fromSignal would keep this object alive.
            if self.receivers(SIGNAL(f"{name}{signature}")):
                getattr(self, name).disconnect()

    # -- control, from any thread ------------------------------------------------------------
    def cancel(self) -> None:
        """Stop between two steps (a job may stop sooner: :meth:`Task.cancel_requested`)."""
        self.control.cancel()

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def step(self) -> None:
        """Let one more step run while paused."""
        self.control.step()

    def send(self, value: object) -> None:
        """Give the job's generator ``value`` at its next step (a newer value replaces it)."""
        self.control.send(value)

    @property
    def is_paused(self) -> bool:
        return self.control.is_paused

    @property
    def cancel_requested(self) -> bool:
        return self.control.cancel_requested


def stop_every_registry() -> None:
    """Stop and join the threads of every registry still alive (application or interpreter
    exit)."""
    for registry in list(_registries):
        registry.stop_all()


atexit.register(stop_every_registry)


class ThreadRegistry:
    """The background threads of one window, each with the way to ask it to stop."""

    def __init__(self) -> None:
        self._entries: list[tuple[QThread, Callable[[], None] | None]] = []
        _registries.add(self)
        app = QCoreApplication.instance()
        if app is not None and not app.property(_HOOKED):
            app.setProperty(_HOOKED, True)
            app.aboutToQuit.connect(stop_every_registry)

    def start(self, thread: QThread, stop: Callable[[], None] | None = None) -> None:
        """Start ``thread`` and keep it until it has finished.

        Parameters
        ----------
        thread : QThread
        stop : callable, optional
            Asks the thread to end soon (thread-safe, returns at once); without it the thread
            is only waited for, which suits short jobs.
        """
        self._forget_finished()
        self._entries.append((thread, stop))
        thread.start()

    def running(self) -> list[QThread]:
        """The threads that have not finished yet."""
        return [thread for thread, _ in self._entries
                if shiboken6.isValid(thread) and thread.isRunning()]

    def stop_all(self) -> None:
        """Ask every running thread to stop, then wait until each has finished."""
        entries = [(t, stop) for t, stop in self._entries if shiboken6.isValid(t)]
        for thread, stop in entries:
            if stop is not None and thread.isRunning():
                stop()
        for thread, _ in entries:
            thread.wait()
        self._forget_finished()

    def _forget_finished(self) -> None:
        self._entries = [(t, stop) for t, stop in self._entries
                         if shiboken6.isValid(t) and not t.isFinished()]
