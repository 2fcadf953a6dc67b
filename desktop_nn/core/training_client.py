"""The window's end of the training process (:mod:`desktop_nn.core.training_process`).

A :class:`TrainingProcess` starts the process when first needed, hands it the dataset, asks it
for runs and controls them, and reads its reports. The dataset goes through an anonymous file in
memory (Linux's ``memfd_create``), which the process opens through ``/proc`` and maps without a
copy: it has no name to be left behind, and its memory goes when both processes have let go of
it, however they end. Where there is no such file, a temporary file serves, which the process
removes once it has mapped it (and :meth:`TrainingProcess.close` if it never did). Commands are
written by a thread of its own, in order, so that asking never waits for the process (handing
over 200 MB of images takes a moment); reports are read by whoever drives a run, with
:meth:`TrainingProcess.read`.

If the process ends unexpectedly, :meth:`read` raises :class:`TrainingProcessError` and the next
run starts a new process. :meth:`close` ends the process, its writer, and lets go of its data.
"""

from __future__ import annotations

import contextlib
import os
import queue
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
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._data: Dataset | None = None
        #: The anonymous files of the data handed over, oldest first: each is kept open until
        #: the process has said it read a later one (it reads them in order).
        self._data_fds: list[int] = []
        #: The temporary files handed over where there are no anonymous files, oldest first:
        #: the process removes each once it has mapped it; those it never reached (it died
        #: first) are removed here, as the anonymous files are closed.
        self._data_paths: list[str] = []
        self._fds_lock = threading.Lock()
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
            self._close_data_files(keep_last=True)
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
        self._close_data_files(keep_last=False)
        self._data = None
        self._broken = False

    # -- helpers -----------------------------------------------------------------------------
    def _start(self) -> None:
        if self._process is not None:
            self.close()
        commands_read, commands_write = os.pipe()
        reports_read, reports_write = os.pipe()
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "desktop_nn.core.training_process",
                 str(commands_read), str(reports_write)],
                pass_fds=(commands_read, reports_write), stdin=subprocess.DEVNULL,
                env=_child_environment())
        except OSError:
            os.close(commands_write)
            os.close(reports_read)
            raise
        finally:
            os.close(commands_read)
            os.close(reports_write)
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
        fd = os.memfd_create("desktop-nn-dataset", os.MFD_CLOEXEC)
        try:
            with open(fd, "wb", closefd=False) as file:
                parts = write_dataset(data, file)
        except OSError:
            os.close(fd)
            raise
        with self._fds_lock:
            self._data_fds.append(fd)
        return {"path": f"/proc/{os.getpid()}/fd/{fd}", "parts": parts, "remove": False}

    def _temporary_file(self, data: Dataset) -> dict[str, Any]:
        with tempfile.NamedTemporaryFile(prefix="desktop-nn-dataset-", delete=False) as file:
            try:
                parts = write_dataset(data, file)
            except OSError:
                file.close()
                os.remove(file.name)
                raise
        with self._fds_lock:
            self._data_paths.append(file.name)
        return {"path": file.name, "parts": parts, "remove": True}

    def _close_data_files(self, keep_last: bool) -> None:
        """Let go of the data handed over: all of it, or all but the last."""
        with self._fds_lock:
            count = len(self._data_fds) - 1 if keep_last else len(self._data_fds)
            closing, self._data_fds = self._data_fds[:count], self._data_fds[count:]
            count = len(self._data_paths) - 1 if keep_last else len(self._data_paths)
            removing, self._data_paths = self._data_paths[:count], self._data_paths[count:]
        for fd in closing:
            os.close(fd)
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
