"""A training run in the training process, seen as a :class:`~desktop_nn.gui.workers.
GeneratorWorker`: the same signals, the same pause, step, send and cancel.

The worker's thread relays: it asks the :class:`~desktop_nn.core.training_client.
TrainingProcess` for the run, then reads its reports until the last one and turns each into
the signal a worker on a thread would have sent. Pause, resume, step, cancel and live values
go to the process at once; the worker's own pause flag follows what the process reports (it
pauses itself at an epoch's end when asked to).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop_nn.core.train_config import TrainConfig
from desktop_nn.core.training_client import TrainingProcess, TrainingProcessError
from desktop_nn.gui.workers import GeneratorWorker, Task


class RemoteRunError(RuntimeError):
    """The process reported that the run failed or was cancelled; the text says why."""


class ProcessWorker(GeneratorWorker):
    """Relays one run of ``process`` (see the module's docstring).

    Parameters
    ----------
    process : TrainingProcess
        Already given the data (:meth:`TrainingProcess.prepare`).
    config : TrainConfig
        The run's configuration, seed included.
    start_paused : bool
    speed : float or None
        Iterations a second (None: full speed).
    pause_each_epoch : bool
    """

    def __init__(self, process: TrainingProcess, config: TrainConfig, *,
                 start_paused: bool = False, speed: float | None = None,
                 pause_each_epoch: bool = False, parent: QObject | None = None) -> None:
        super().__init__("training", self._relay, start_paused=start_paused, parent=parent)
        self.process = process
        self._settings = {"config": config.to_dict(), "paused": start_paused,
                          "speed": speed, "pause_each_epoch": pause_each_epoch}

    def start(self, registry) -> None:
        """Ask the process for the run (before any control that follows), then start the
        thread that relays its reports."""
        # Asked before the thread starts (a paused start, a stop right after Start).
        self.process.send("run", {**self._settings, "paused": self.is_paused})
        if self.cancel_requested:
            self.process.send("cancel")
        super().start(registry)

    # -- control, forwarded -----------------------------------------------------------------
    def cancel(self) -> None:
        super().cancel()
        self.process.send("cancel")

    def pause(self) -> None:
        super().pause()
        self.process.send("pause")

    def resume(self) -> None:
        super().resume()
        self.process.send("resume")

    def step(self) -> None:
        self.process.send("step")

    def send(self, value: object) -> None:
        self.process.send("lr", value)

    def set_speed(self, rate: float | None) -> None:
        self.process.send("speed", rate)

    def set_pause_each_epoch(self, on: bool) -> None:
        self.process.send("pause_each_epoch", on)

    # -- the relay, on the worker's thread --------------------------------------------------------
    def _relay(self, task: Task) -> Any:
        process = self.process
        while True:
            try:
                kind, value = process.read()
            except TrainingProcessError as error:
                raise RemoteRunError(f"TrainingProcessError: {error}") from None
            if kind == "progress":
                task.report(value)
            elif kind == "paused_changed":
                if value:
                    self.control.pause()
                else:
                    self.control.resume()
                self.paused_changed.emit(bool(value))
            elif kind == "finished":
                return value
            elif kind in ("failed", "cancelled"):
                raise RemoteRunError(str(value))
            # ("started" and the data's "ready" need nothing here.)
