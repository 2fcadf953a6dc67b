"""The training process: the window's runs trained in a Python process of their own.

In one process, the window's GUI thread (its Python, and Qt's painting, which holds Python's
lock) and the training thread take turns at one lock: each frame the window draws delays the
training. Here the training has its own interpreter, and the window only reads what it reports.

``python -m desktop_nn.core.training_process COMMANDS REPORTS DATA`` reads commands from the
file descriptor ``COMMANDS`` and writes reports to ``REPORTS``, both as
:mod:`~desktop_nn.core.wire` messages ``(kind, value)``, and receives the descriptors of data
files on the Unix socket ``DATA``; :class:`~desktop_nn.core.training_client.TrainingProcess`
is the other end. Commands:

``("data", layout)``
    The dataset to train on, as raw arrays in a file (see :func:`read_dataset`): the window's
    anonymous memory file, whose descriptor comes on ``DATA`` before the command
    (``{"passed": true, "parts": ...}``), or a temporary file, removed once mapped
    (``{"path": ..., "parts": ..., "remove": true}``). A layout ``{"error": text}`` says why no
    data could be handed over.
``("run", settings)``
    Train a :class:`~desktop_nn.core.training.Trainer` of ``settings["config"]`` (a
    ``TrainConfig.to_dict()``) on that data, driven as the window's worker drives a job
    (:func:`~desktop_nn.job_control.run_job`); ``settings`` also says ``paused``, ``speed``
    and ``pause_each_epoch``.
``("cancel", None)``, ``("pause", None)``, ``("resume", None)``, ``("step", None)``,
``("lr", rate)``, ``("speed", rate)``, ``("pause_each_epoch", flag)``
    Control the run going on (applied at once, between two iterations).
``("quit", None)``
    Stop the run going on and end the process (so does the end of the commands).

Reports: ``("ready", None)`` once the data is read (or ``("ready", text)`` saying why it could
not be); for each run, ``("started", None)``, ``("progress", value)`` (a ``MetricsBatch``, an
``ElementProgress`` or, at each pause and at the end, a :class:`~desktop_nn.core.run_state.
RunState`), ``("paused_changed", flag)``, and last exactly one of ``("finished", event)``,
``("failed", text)`` or ``("cancelled", None)``.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import queue
import signal
import socket
import sys
import threading
from typing import Any, BinaryIO

import numpy as np

from desktop_nn.core.pacing import Pacer
from desktop_nn.core.run_state import run_state
from desktop_nn.core.train_config import TrainConfig
from desktop_nn.core.training import Dataset, Trainer
from desktop_nn.core.training_job import training_job
from desktop_nn.core.wire import read_message, write_message
from desktop_nn.job_control import JobControl, Task, run_job

#: The four arrays of a dataset, in the order a data file holds them.
DATASET_PARTS = ("x_train", "t_train", "x_test", "t_test")


def write_dataset(data: Dataset, file: BinaryIO) -> list[dict[str, Any]]:
    """Write ``data``'s four arrays to ``file``, one after another; return where each lies
    (the ``parts`` of the layout :func:`read_dataset` reads)."""
    (x_train, t_train), (x_test, t_test) = data
    parts, offset = [], 0
    for array in (x_train, t_train, x_test, t_test):
        array = np.ascontiguousarray(array)
        file.write(memoryview(array).cast("B"))
        parts.append({"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset})
        offset += array.nbytes
    file.flush()
    return parts


def read_dataset(layout: dict[str, Any], fd: int | None = None) -> Dataset:
    """The dataset of a layout ``{"path", "parts", "remove"}``, or of ``{"parts"}`` and the
    open file ``fd`` (closed here), as :func:`write_dataset` wrote it: read-only arrays over a
    map of the file, no copy of the images made here. A file to ``remove`` is removed at once;
    its pages stay while this process maps them."""
    if "error" in layout:
        raise ValueError(layout["error"])
    if fd is None:
        path = layout["path"]
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        finally:
            if layout.get("remove"):
                with contextlib.suppress(OSError):
                    os.remove(path)
    with open(fd, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        mapped = mmap.mmap(file.fileno(), size, access=mmap.ACCESS_READ) if size else b""
    arrays = []
    for part in layout["parts"]:
        dtype, shape = np.dtype(part["dtype"]), tuple(part["shape"])
        if dtype.hasobject:
            raise ValueError("a dataset holds numbers only")
        count = int(np.prod(shape, dtype=np.int64))
        arrays.append(np.frombuffer(mapped, dtype=dtype, count=count,
                                    offset=part["offset"]).reshape(shape))
    x_train, t_train, x_test, t_test = arrays
    return (x_train, t_train), (x_test, t_test)


class _Reports:
    """The job's news as report messages (written by the job's thread only)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def send(self, kind: str, value: Any = None) -> None:
        write_message(self._stream, (kind, value))

    def started(self) -> None:
        self.send("started")

    def progress(self, value: object) -> None:
        self.send("progress", value)

    def paused_changed(self, paused: bool) -> None:
        self.send("paused_changed", paused)

    def finished(self, result: object) -> None:
        self.send("finished", result)

    def failed(self, error: Exception) -> None:
        self.send("failed", f"{type(error).__name__}: {error}")

    def cancelled(self) -> None:
        self.send("cancelled")


class _Run:
    """The controls of one run: made by the command reader when the run is asked for, so
    that commands right after it (a step) reach it."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.control = JobControl(start_paused=bool(settings.get("paused")))
        self.pacer = Pacer(settings.get("speed"))
        self.pause_each_epoch = bool(settings.get("pause_each_epoch"))
        self.control.on_cancel(self.pacer.interrupt)

    def apply(self, kind: str, value: Any) -> None:
        """Apply a control command (on the command reader's thread)."""
        control = self.control
        if kind == "cancel":
            control.cancel()
        elif kind == "pause":
            control.pause()
        elif kind == "resume":
            control.resume()
        elif kind == "step":
            control.step()
        elif kind == "lr":
            control.send(float(value))
        elif kind == "speed":
            self.pacer.set_rate(value)
        elif kind == "pause_each_epoch":
            self.pause_each_epoch = bool(value)


class TrainingServer:
    """Reads commands on one thread and runs the runs on the calling thread (see the module's
    docstring)."""

    def __init__(self, commands: BinaryIO, reports: BinaryIO,
                 data_socket: socket.socket) -> None:
        self._commands = commands
        self._data_socket = data_socket
        self._reports = _Reports(reports)
        self._work: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._current: _Run | None = None
        self._lock = threading.Lock()
        self._data: Dataset | None = None
        self._data_error = "no data was given"

    def serve(self) -> None:
        """Serve until ``quit`` or the end of the commands."""
        reader = threading.Thread(target=self._read_commands, name="commands", daemon=True)
        reader.start()
        while True:
            kind, value = self._work.get()
            if kind == "quit":
                return
            if kind == "data":
                self._take_data(value)
            elif kind == "run":
                self._train(value)

    def _read_commands(self) -> None:
        try:
            while True:
                kind, value = read_message(self._commands)
                if kind == "quit":
                    break
                if kind == "run":
                    with self._lock:
                        self._current = _Run(value)
                    self._work.put((kind, self._current))
                elif kind == "data":
                    self._work.put((kind, value))
                else:
                    with self._lock:
                        run = self._current
                    if run is not None:
                        run.apply(kind, value)
        except (EOFError, OSError, ValueError):
            pass  # the window is gone or said something broken: stop as for quit
        with self._lock:
            run = self._current
        if run is not None:
            run.control.cancel()
        self._work.put(("quit", None))

    def _take_data(self, layout: dict[str, Any]) -> None:
        self._data = None
        try:
            fd = self._received_file() if layout.get("passed") else None
            self._data = read_dataset(layout, fd)
        except (OSError, ValueError, KeyError, TypeError) as error:
            self._data_error = f"the training process has no data: {error}"
        self._reports.send("ready", None if self._data is not None else self._data_error)

    def _received_file(self) -> int:
        """The descriptor the window sent for the ``data`` command being taken."""
        message, fds, _flags, _address = socket.recv_fds(self._data_socket, 1, 1)
        if not message or len(fds) != 1:
            for fd in fds:
                os.close(fd)
            raise ValueError("the window sent no data file")
        return fds[0]

    def _train(self, run: _Run) -> None:
        reports = self._reports
        task = Task(run.control, reports)
        try:
            if self._data is None:
                raise RuntimeError(self._data_error)
            trainer = Trainer(TrainConfig.from_dict(run.settings["config"]), self._data)
            inner = training_job(trainer, run.pacer, lambda: run.pause_each_epoch)
        except Exception as error:  # reported like a failure inside the run
            reports.started()
            reports.failed(error)
            return

        def job(task: Task):
            steps = inner(task)
            held = task.flush
            task.flush = lambda: run_state(trainer, held() if held is not None else None)
            return steps

        run_job(job, task)
        with self._lock:
            if self._current is run:
                self._current = None


def main(argv: list[str] | None = None) -> int:
    """Serve the commands of file descriptor ``argv[0]``, reporting to ``argv[1]``, with the
    data files' descriptors received on the socket ``argv[2]``."""
    args = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the window decides when a run stops
    commands_fd, reports_fd, data_fd = (int(arg) for arg in args[:3])
    # Reports unbuffered: each is written whole when sent, and closing has nothing to flush
    # into a pipe the window may have closed.
    try:
        with open(commands_fd, "rb") as commands, \
                open(reports_fd, "wb", buffering=0) as reports, \
                socket.socket(fileno=data_fd) as data_socket:
            TrainingServer(commands, reports, data_socket).serve()
    except BrokenPipeError:
        pass  # the window is gone
    return 0


if __name__ == "__main__":
    sys.exit(main())
