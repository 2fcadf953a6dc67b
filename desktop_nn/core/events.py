"""What a training run reports, as plain values: one event per iteration, epoch and ending."""

from __future__ import annotations

import math
from typing import NamedTuple


class IterationEvent(NamedTuple):
    """One update done: ``iteration`` counts from 0; ``loss`` on its batch after the update."""

    iteration: int
    loss: float


class EpochEvent(NamedTuple):
    """Accuracies on the full training (sub)set and the full test set after ``iteration``."""

    epoch: int
    iteration: int
    train_acc: float
    test_acc: float


class FinishedEvent(NamedTuple):
    """All iterations done.

    ``seconds`` is the time spent inside the training loop and its evaluations (not the time
    the consumer held it paused). The final accuracies are those of the trained network.
    """

    iterations: int
    seconds: float
    final_train_acc: float
    final_test_acc: float


class DivergedEvent(NamedTuple):
    """The run went off the rails at ``iteration`` and ends here.

    ``reason`` is "non-finite" (the loss became inf or nan), "dead-relu" (every hidden ReLU
    output zero for every image of many batches in a row: the network can only guess) or
    "stuck" (the loss stayed far above chance level without improving). The last two are the
    quiet kind the book's code shows at a learning rate of 100: no NaN, just a loss near 14 that
    never moves and an accuracy at chance. ``message`` is one English sentence (the command
    line's); :mod:`desktop_nn.core.divergence` words the longer explanation. ``learning_rate``
    is the rate the run had when it diverged.
    """

    iteration: int
    loss: float
    message: str
    reason: str = "non-finite"
    learning_rate: float = math.nan


Event = IterationEvent | EpochEvent | FinishedEvent | DivergedEvent
