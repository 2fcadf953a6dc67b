"""Driving a background job one step at a time, without Qt: the flags that control it and the
loop that obeys them.

A job is a function of a :class:`Task`. It may return its result at once or be a generator:
:func:`run_job` then steps it, and between two steps checks the abort flag, waits while paused
(one step at a time when asked to), and sends in the newest value given to
:meth:`JobControl.send`. What a step yields, and what the job reports from inside a long step
(:meth:`Task.report`), goes to the :class:`Outlet`'s ``progress``; the job ends with exactly one
of ``finished(result)``, ``failed(error)`` or ``cancelled()``, after its last ``progress``.
Before that, the job's :attr:`Task.flush` (if it set one) is asked for what it holds and has not
reported yet, which is also done each time the job pauses. Stopping is a flag checked between
steps (and by the job itself inside a long one); nothing is ever terminated.

The window's worker (:mod:`desktop_nn.gui.workers`) drives a job on a thread with an outlet of
Qt signals; the training process (:mod:`desktop_nn.core.train_server`) drives one with an outlet
that writes messages to a pipe. Both obey the same :class:`JobControl`.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Generator
from typing import Protocol

#: How a generator that was cancelled between two steps ends.
_CANCELLED = object()
#: How long a paused job sleeps between two looks at its flags (seconds); any change wakes
#: it at once.
_PAUSED_POLL = 0.1


class Outlet(Protocol):
    """Where a driven job's news goes (called on the job's thread)."""

    def started(self) -> None: ...

    def progress(self, value: object) -> None: ...

    def paused_changed(self, paused: bool) -> None: ...

    def finished(self, result: object) -> None: ...

    def failed(self, error: Exception) -> None: ...

    def cancelled(self) -> None: ...


class JobControl:
    """The flags a job's controller sets (from any thread) and its driver obeys.

    Parameters
    ----------
    start_paused : bool
        Wait before the first step until :meth:`resume` or :meth:`step`.
    """

    def __init__(self, start_paused: bool = False) -> None:
        self._abort = threading.Event()
        self._pause = threading.Event()
        self._wakeup = threading.Event()
        self._lock = threading.Lock()
        self._steps = 0
        self._sent: object = None
        self._cancel_callbacks: list[Callable[[], None]] = []
        if start_paused:
            self._pause.set()

    # -- the controller's side ---------------------------------------------------------------
    def cancel(self) -> None:
        """Stop between two steps (a job may stop sooner: :meth:`Task.cancel_requested`)."""
        with self._lock:
            self._abort.set()
            callbacks = list(self._cancel_callbacks)
        self._wakeup.set()
        for callback in callbacks:
            callback()

    def pause(self) -> None:
        self._pause.set()
        self._wakeup.set()

    def resume(self) -> None:
        self._pause.clear()
        self._wakeup.set()

    def step(self) -> None:
        """Let one more step run while paused."""
        with self._lock:
            self._steps += 1
        self._wakeup.set()

    def send(self, value: object) -> None:
        """Give the job's generator ``value`` at its next step (a newer value replaces it)."""
        with self._lock:
            self._sent = value

    @property
    def is_paused(self) -> bool:
        return self._pause.is_set()

    @property
    def cancel_requested(self) -> bool:
        return self._abort.is_set()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` when cancelled (at once if it already was), on the cancelling
        thread."""
        with self._lock:
            cancelled = self._abort.is_set()
            if not cancelled:
                self._cancel_callbacks.append(callback)
        if cancelled:
            callback()

    # -- the driver's side -------------------------------------------------------------------
    def take_step(self) -> bool:
        with self._lock:
            if self._steps:
                self._steps -= 1
                return True
            return False

    def take_sent(self) -> object:
        if self._sent is None:  # nothing sent (most steps): no lock taken
            return None
        with self._lock:
            value, self._sent = self._sent, None
            return value

    def wait_for_news(self) -> None:
        """Sleep until a flag changes (or a short while passes); clears the wake-up first."""
        self._wakeup.wait(_PAUSED_POLL)
        self._wakeup.clear()


class Task:
    """What a job sees of its driver; every method may be called from any thread.

    Attributes
    ----------
    flush : callable or None
        Set by the job: returns what it holds and has not reported yet (or None). The driver
        calls it between two steps, when the job pauses and when it ends.
    """

    def __init__(self, control: JobControl, outlet: Outlet) -> None:
        self.control = control
        self.outlet = outlet
        self.flush: Callable[[], object] | None = None

    def report(self, value: object) -> None:
        """Send ``value`` to the outlet now (``progress``), from inside a long step."""
        self.outlet.progress(value)

    def cancel_requested(self) -> bool:
        """True once the job was asked to stop (for a job to poll inside a long step)."""
        return self.control.cancel_requested

    def paused(self) -> bool:
        """True while the job is paused (a step asked for while paused runs paused)."""
        return self.control.is_paused

    def pause(self) -> None:
        """Pause before the next step (the job asks for it itself, e.g. at an epoch's end)."""
        self.control.pause()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` when the job is cancelled (at once if it already was), on the
        cancelling thread: to interrupt what polling cannot (a blocked read)."""
        self.control.on_cancel(callback)


def run_job(job: Callable[[Task], object], task: Task) -> None:
    """Run ``job(task)`` to its end on the calling thread, telling ``task.outlet`` everything."""
    outlet, control = task.outlet, task.control
    outlet.started()
    try:
        try:
            result = job(task)
            if inspect.isgenerator(result):
                result = _drive(result, task)
        finally:
            _flush(task)
    except Exception as error:  # every failure is reported, never a silent end
        if control.cancel_requested:
            outlet.cancelled()
        else:
            outlet.failed(error)
        return
    if result is _CANCELLED:
        outlet.cancelled()
    else:
        outlet.finished(result)


def _drive(generator: Generator, task: Task) -> object:
    """Step ``generator`` to its end; its return value, or _CANCELLED."""
    control, outlet = task.control, task.outlet
    first = True
    try:
        while True:
            if not _hold(task) or control.cancel_requested:
                return _CANCELLED
            output = next(generator) if first else generator.send(control.take_sent())
            first = False
            if output is not None:
                outlet.progress(output)
    except StopIteration as stop:
        return stop.value
    finally:
        generator.close()


def _hold(task: Task) -> bool:
    """While paused: report what the job holds, then wait for resume, a step or cancel.
    False if cancelled."""
    control, outlet = task.control, task.outlet
    if not control.is_paused or control.take_step():
        return True
    _flush(task)
    outlet.paused_changed(True)
    while not control.cancel_requested:
        if not control.is_paused:
            outlet.paused_changed(False)
            return True
        if control.take_step():
            return True
        control.wait_for_news()
    return False


def _flush(task: Task) -> None:
    if task.flush is not None:
        held = task.flush()
        if held is not None:
            task.outlet.progress(held)
