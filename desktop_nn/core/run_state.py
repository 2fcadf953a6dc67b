"""A run's state as plain values: what a training process tells the window's copy of its
:class:`~desktop_nn.core.training.Trainer` when the run pauses and when it ends.

The window keeps a trainer of its own for each run, built from the same settings and data as
the one that trains (so the same seed gives it the same data subset and initial weights); it
never trains. :func:`run_state` takes what the training side's trainer has become, and
:func:`adopt_run_state` makes the window's trainer the same: the iterations done, the last
mini-batch, the history, the weights and a divergence. Everything the window reads of a run
(its record, its model, the paused batch) then reads as if the run had trained there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_nn.core.events import DivergedEvent
from desktop_nn.core.history import History
from desktop_nn.core.training import Trainer
from desktop_nn.core.training_stream import MetricsBatch


@dataclass
class RunState:
    """What a trainer has become (copies).

    Attributes
    ----------
    iteration : int
    last_batch_indices : ndarray of int, shape (batch_size,), or None
    losses : ndarray of float64, shape (iteration,)
        ``history.train_loss_list``.
    train_acc, test_acc : list of float
    epoch_iterations : list of int
    learning_rates : list of (int, float)
    params : dict of str to ndarray
    diverged : DivergedEvent or None
    batch : MetricsBatch or None
        What the run's stream held and had not reported yet (see ``TrainingStream.flush``).
    """

    iteration: int
    last_batch_indices: np.ndarray | None
    losses: np.ndarray
    train_acc: list[float]
    test_acc: list[float]
    epoch_iterations: list[int]
    learning_rates: list[tuple[int, float]]
    params: dict[str, np.ndarray]
    diverged: DivergedEvent | None
    batch: MetricsBatch | None = None


def run_state(trainer: Trainer, batch: MetricsBatch | None = None) -> RunState:
    """The state of ``trainer`` now, carrying ``batch``."""
    history = trainer.history
    indices = trainer.last_batch_indices
    return RunState(
        iteration=trainer.iteration,
        last_batch_indices=None if indices is None else np.array(indices),
        losses=history.train_loss_list.copy(),
        train_acc=list(history.train_acc_list),
        test_acc=list(history.test_acc_list),
        epoch_iterations=list(history.epoch_iterations),
        learning_rates=list(history.learning_rates),
        params=trainer.network.copy_params(),
        diverged=trainer.diverged,
        batch=batch,
    )


def adopt_run_state(trainer: Trainer, state: RunState) -> None:
    """Make ``trainer`` what ``state`` says (its weights are changed in place, so its network's
    layers keep seeing them). ``ValueError`` if the weights do not fit its network."""
    params = trainer.network.params
    if set(state.params) != set(params) or any(
            state.params[name].shape != params[name].shape for name in params):
        raise ValueError("the run's weights do not fit the window's network")
    for name, value in state.params.items():
        params[name][...] = value
    history = History.from_losses(state.losses)
    history.train_acc_list = list(state.train_acc)
    history.test_acc_list = list(state.test_acc)
    history.epoch_iterations = list(state.epoch_iterations)
    history.learning_rates = [(int(first), float(rate)) for first, rate in state.learning_rates]
    trainer.history = history
    trainer.iteration = state.iteration
    trainer.last_batch_indices = state.last_batch_indices
    trainer.diverged = state.diverged
