"""The window's end of the training process (:mod:`desktop_nn.core.training_process`).

A :class:`TrainingProcess` starts the process when first needed, hands it the dataset, asks it
for runs and controls them, and reads its reports. The dataset goes through an anonymous file in
memory (Linux's ``memfd_create``), whose descriptor itself is passed to the process over a Unix
socket (``SCM_RIGHTS``) and which the process maps without a copy: it has no name to be left
behind, and its memory goes when the process lets go of it, however either process ends. Where
there is no such file, a temporary file serves, which the process removes once it has mapped it
(and :meth:`TrainingProcess.close` if it never did). Commands are written by a thread of its
own, in order, so that asking never waits for the process (handing over 200 MB of images takes a
moment); reports are read by whoever drives a run, with :meth:`TrainingProcess.read`.

If the process ends unexpectedly, :meth:`read` raises :class:`TrainingProcessError` and the next
run starts a new process. :meth:`close` ends the process, its writer, and lets go of its data.
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import Any

from desktop_nn.core.training import Dataset
from desktop_nn.core.training_process import write_dataset
from desktop_nn.core.wire import WireError, read_message, write_message

#: How long :meth:`TrainingProcess.close` waits for the process to end before killing it (s).
CLOSE_TIMEOUT = 10.0
#: How long a process whose reports ended is given to end, for its exit status (s).
ENDED_WAIT = 2.0


def _child_environment() -> dict[str, str]:
    """This process's environment, with the folder this copy of desktop_nn was imported from
    first on the path: the process runs the same code, installed or not."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


class TrainingProcessError(RuntimeError):
    """The training process ended, or said something that could not be read."""


class TrainingProcess:
    """One training process and the pipes to it (see the module's docstring)."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._reports = None
        self._commands = None
        self._data_socket: socket.socket | None = None
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._data: Dataset | None = None
        #: The temporary files handed over where there are no anonymous files, oldest first:
        #: the process removes each once it has mapped it; those it never reached (it died
        #: first) are removed here, when it says it has read a later one or when it closes.
        self._data_paths: list[str] = []
        self._paths_lock = threading.Lock()
        self._broken = False  # its reports ended or could not be read: the next run restarts

    # -- asking ------------------------------------------------------------------------------
    @property
    def is_alive(self) -> bool:
        return self._process is not None and not self._broken and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The process's id (None before it starts)."""
        return None if self._process is None else self._process.pid

    def prepare(self, data: Dataset) -> None:
        """Start the process if needed and hand it ``data`` unless it has it already (returns
        at once; the writer does the work). ``OSError`` if the process cannot be started."""
        if not self.is_alive:
            self._start()
        if data is self._data:
            return
        self._data = data
        self._queue.put(lambda: self._hand_over(data))

    def send(self, kind: str, value: Any = None) -> None:
        """Queue a command (see :mod:`~desktop_nn.core.training_process`)."""
        if self._process is not None:
            self._queue.put(lambda: self._write_command(kind, value))

    def read(self) -> tuple[str, Any]:
        """The next report (blocks); :class:`TrainingProcessError` if the process ended."""
        if self._reports is None:
            raise TrainingProcessError("the training process was closed")
        try:
            kind, value = read_message(self._reports)
        except (EOFError, OSError, WireError, ValueError, TypeError) as error:
            self._broken = True  # the next prepare() starts a new process, with the data
            raise TrainingProcessError(self._ended_text(error)) from None
        if kind == "ready":
            self._remove_data_files(keep_last=True)
        return kind, value

    def wait_ready(self) -> str | None:
        """Block until the process has read the data given last; None, or why it could not.
        Only while no run goes on (a run's reader passes over this report)."""
        while True:
            kind, value = self.read()
            if kind == "ready":
                return value

    def close(self, timeout: float = CLOSE_TIMEOUT) -> None:
        """Stop the run going on, end the process and the writer, let go of the data."""
        process, self._process = self._process, None
        if process is not None:
            self._queue.put(lambda: self._write_command("quit", None))
            self._queue.put(None)
            self._writer.join()
            self._close_pipe("_commands")
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            self._close_pipe("_reports")
            self._close_pipe("_data_socket")
        self._remove_data_files(keep_last=False)
        self._data = None
        self._broken = False

    # -- helpers -----------------------------------------------------------------------------
    def _start(self) -> None:
        if self._process is not None:
            self.close()
        commands_read, commands_write = os.pipe()
        reports_read, reports_write = os.pipe()
        data_here, data_there = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        theirs = (commands_read, reports_write, data_there.fileno())
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "desktop_nn.core.training_process",
                 *(str(fd) for fd in theirs)],
                pass_fds=theirs, stdin=subprocess.DEVNULL, env=_child_environment())
        except OSError:
            os.close(commands_write)
            os.close(reports_read)
            data_here.close()
            raise
        finally:
            os.close(commands_read)
            os.close(reports_write)
            data_there.close()
        self._data_socket = data_here
        # Kept open for the process's life, closed in close().
        self._commands = open(commands_write, "wb")  # noqa: SIM115
        self._reports = open(reports_read, "rb")  # noqa: SIM115
        self._queue = queue.Queue()
        self._writer = threading.Thread(target=self._write_queued, args=(self._queue,),
                                        name="training-process-commands", daemon=True)
        self._writer.start()

    def _write_queued(self, commands: queue.Queue) -> None:
        while (command := commands.get()) is not None:
            # A write to a process that is gone fails; read() says so to whoever waits.
            with contextlib.suppress(OSError):
                command()

    def _hand_over(self, data: Dataset) -> None:
        """Write ``data`` where the process can map it and tell the process (on the writer's
        thread); if it cannot be written, tell the process why (its runs then fail saying so)."""
        try:
            layout = self._anonymous_file(data) if hasattr(os, "memfd_create") \
                else self._temporary_file(data)
        except OSError as error:
            layout = {"error": f"the data could not be handed over: {error}"}
        self._write_command("data", layout)

    def _anonymous_file(self, data: Dataset) -> dict[str, Any]:
        """Write ``data`` to an anonymous file and send the process its descriptor, which it
        takes with the ``data`` command that follows; this end's descriptor is closed at once
        (the one sent keeps the file while it travels)."""
        fd = os.memfd_create("desktop-nn-dataset", os.MFD_CLOEXEC)
        try:
            with open(fd, "wb", closefd=False) as file:
                parts = write_dataset(data, file)
            socket.send_fds(self._data_socket, [b"d"], [fd])
        finally:
            os.close(fd)
        return {"passed": True, "parts": parts}

    def _temporary_file(self, data: Dataset) -> dict[str, Any]:
        with tempfile.NamedTemporaryFile(prefix="desktop-nn-dataset-", delete=False) as file:
            try:
                parts = write_dataset(data, file)
            except OSError:
                file.close()
                os.remove(file.name)
                raise
        with self._paths_lock:
            self._data_paths.append(file.name)
        return {"path": file.name, "parts": parts, "remove": True}

    def _remove_data_files(self, keep_last: bool) -> None:
        """Remove the temporary files handed over: all of them, or all but the last."""
        with self._paths_lock:
            count = len(self._data_paths) - 1 if keep_last else len(self._data_paths)
            removing, self._data_paths = self._data_paths[:count], self._data_paths[count:]
        for path in removing:  # the process removed those it mapped
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)

    def _write_command(self, kind: str, value: Any) -> None:
        if self._commands is not None:
            write_message(self._commands, (kind, value))

    def _close_pipe(self, name: str) -> None:
        pipe = getattr(self, name)
        setattr(self, name, None)
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()

    def _ended_text(self, error: BaseException) -> str:
        process = self._process
        code = None
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = process.wait(ENDED_WAIT)  # a process whose reports end is ending
        if code is not None:
            return f"the training process ended unexpectedly (exit status {code})"
        return f"the training process could not be read: {error}"
