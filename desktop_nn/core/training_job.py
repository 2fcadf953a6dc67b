"""A training run as a job: what a worker thread or the training process drives.

The job runs a :class:`~desktop_nn.core.training_stream.TrainingStream` of the trainer under a
:class:`~desktop_nn.job_control.Task`: the task's cancel flag stops a numerical gradient
mid-way, its pause lets one iteration through at a time, the :class:`~desktop_nn.core.pacing.
Pacer` slows the run down, and the run pauses itself at each epoch's end while
``pause_each_epoch()`` says so.
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from desktop_nn.core.pacing import Pacer, pause_at_epochs, reports_each_iteration
from desktop_nn.core.training import Trainer
from desktop_nn.core.training_stream import TrainingStream
from desktop_nn.job_control import Task


def training_job(trainer: Trainer, pacer: Pacer,
                 pause_each_epoch: Callable[[], bool]) -> Callable[[Task], Generator]:
    """A job that trains ``trainer`` to its end, yielding the stream's batches."""
    stream = TrainingStream(trainer)

    def job(task: Task) -> Generator:
        trainer.should_stop = task.cancel_requested
        task.flush = stream.flush
        task.on_cancel(pacer.interrupt)

        def each_iteration() -> bool:
            # Slow runs report every iteration, with the weights, as a step by hand does.
            return task.paused() or reports_each_iteration(pacer.rate)

        def pace() -> object:
            # A step asked for by hand runs at once.
            return task.paused() or pacer.wait_turn()

        steps = stream.run(report=task.report, paused=each_iteration, pace=pace)
        return pause_at_epochs(steps, pause_each_epoch, task.pause)

    return job
