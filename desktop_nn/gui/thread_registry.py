"""Every background ``QThread`` the window starts, stopped and joined however the window ends.

A ``QThread`` object destroyed while its thread still runs aborts the whole process ("QThread:
Destroyed while thread is still running"). When a window is deleted, or the interpreter exits
with the window still open, Python and Qt destroy objects in an order nobody controls; so the
registry keeps a reference to each thread it started until the thread has finished, and
:meth:`ThreadRegistry.stop_all` asks each one to stop (through the ``threading.Event`` it checks
between steps) and waits for it. It is called when the window closes and when it is destroyed,
when the application quits, and, for every registry still alive, when the interpreter exits.
"""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QThread

#: Registries that may still hold running threads (for the interpreter-exit hook).
_registries: weakref.WeakSet[ThreadRegistry] = weakref.WeakSet()
#: Marks an application whose aboutToQuit already stops every registry.
_HOOKED = "desktop_nn_stops_threads_on_quit"


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
            is only waited for, which suits short jobs such as loading a dataset.
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
