"""The training process: the window's runs trained in a Python process of their own.

In one process, the window's GUI thread (its Python, and Qt's painting, which holds Python's
lock) and the training thread take turns at one lock: each frame the window draws delays the
training. Here the training has its own interpreter, and the window only reads what it reports.

``python -m desktop_nn.core.training_process COMMANDS REPORTS`` reads commands from the file
descriptor ``COMMANDS`` and writes reports to ``REPORTS``, both as :mod:`~desktop_nn.core.wire`
messages ``(kind, value)``; :class:`~desktop_nn.core.training_client.TrainingProcess` is the
other end. Commands:

``("data", layout)``
    The dataset to train on, as raw arrays in a file (see :func:`read_dataset`): the window's
    anonymous memory file, opened through ``/proc``, or a temporary file removed once mapped.
    A layout ``{"error": text}`` says why no data could be handed over.
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


def read_dataset(layout: dict[str, Any]) -> Dataset:
    """The dataset of a layout ``{"path", "parts", "remove"}`` (see :func:`write_dataset`), as
    read-only arrays over a map of the file: no copy of the images is made here. A file to
    ``remove`` is removed at once; its pages stay while this process maps them."""
    if "error" in layout:
        raise ValueError(layout["error"])
    path = layout["path"]
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            mapped = mmap.mmap(file.fileno(), size, access=mmap.ACCESS_READ) if size else b""
    finally:
        if layout.get("remove"):
            with contextlib.suppress(OSError):
                os.remove(path)
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

    def __init__(self, commands: BinaryIO, reports: BinaryIO) -> None:
        self._commands = commands
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
            self._data = read_dataset(layout)
        except (OSError, ValueError, KeyError, TypeError) as error:
            self._data_error = f"the training process has no data: {error}"
        self._reports.send("ready", None if self._data is not None else self._data_error)

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
    """Serve the commands of file descriptor ``argv[0]``, reporting to ``argv[1]``."""
    args = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the window decides when a run stops
    commands_fd, reports_fd = int(args[0]), int(args[1])
    # Reports unbuffered: each is written whole when sent, and closing has nothing to flush
    # into a pipe the window may have closed.
    try:
        with open(commands_fd, "rb") as commands, \
                open(reports_fd, "wb", buffering=0) as reports:
            TrainingServer(commands, reports).serve()
    except BrokenPipeError:
        pass  # the window is gone
    return 0


if __name__ == "__main__":
    sys.exit(main())
