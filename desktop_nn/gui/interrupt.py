"""Ctrl+C and SIGTERM in the launching terminal close the window as its close button does.

Python runs its signal handlers only between bytecodes, and while Qt's event loop waits no
Python code runs: a Ctrl+C would stay pending until the next mouse move. So the signals are
routed through ``signal.set_wakeup_fd``: the C handler writes the signal's number into a socket,
a ``QSocketNotifier`` wakes the event loop, and the window is closed from there (its closeEvent
stops training and keeps the settings).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Slot

#: The signals that close the window.
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def exit_code_for(signum: int) -> int:
    """The shell's convention: 128 plus the signal's number (130 for Ctrl+C, 143 for TERM)."""
    return 128 + signum


def end_event_loops() -> None:
    """End the main loop and any dialog's loop (also if a dialog kept the window open)."""
    QCoreApplication.exit(0)


class CloseOnSignal(QObject):
    """While installed, SIGINT and SIGTERM call ``close`` once, then ``end``.

    Parameters
    ----------
    close : callable
        Closes the window (``window.close``).
    end : callable, default end_event_loops

    Attributes
    ----------
    received : int or None
        The first signal that came, if any.
    """

    def __init__(self, close: Callable[[], object], end: Callable[[], None] = end_event_loops,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received: int | None = None
        self._close = close
        self._end = end
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous_fd = -1
        self._previous_handlers: dict[int, object] = {}

    @property
    def exit_code(self) -> int | None:
        return None if self.received is None else exit_code_for(self.received)

    def install(self) -> None:
        """Route SIGINT and SIGTERM here (from the main thread, before the event loop runs)."""
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        for signum in SIGNALS:
            if signal.getsignal(signum) == signal.SIG_IGN:
                continue  # ignored by whoever started us (a script's "desktop-nn &"): keep it so
            # The Python-level handler does nothing: the byte in the socket does the work.
            self._previous_handlers[signum] = signal.signal(signum, _note_signal)

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers."""
        if self._reader is None:
            return
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
        self._reader = self._writer = None

    @Slot()
    def _on_wakeup(self) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            if signum in SIGNALS:
                self.handle(signum)

    def handle(self, signum: int) -> None:
        """Close the window for the first signal; later ones change nothing."""
        if self.received is not None:
            return
        self.received = signum
        self._close()
        self._end()


def _note_signal(signum: int, frame) -> None:
    """Python's part of the handler: nothing, so that Ctrl+C raises no KeyboardInterrupt."""
