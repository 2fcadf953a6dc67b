"""The record of one training run: the book's three lists and the learning rates used."""

from __future__ import annotations

import numpy as np


class History:
    """The book's three lists, with the loss kept in a preallocated array.

    Attributes
    ----------
    train_loss_list : ndarray, shape (iterations done,)
        A view of the losses so far (no copy; memory is reserved once for all iterations).
    train_acc_list, test_acc_list : list of float
        One entry per epoch evaluation.
    epoch_iterations : list of int
        The iteration after which each evaluation was made.
    learning_rates : list of (int, float)
        ``(first iteration, rate)`` for the starting rate and each change made during the run,
        in order: the rate of iteration ``i`` is that of the last entry at or before ``i``.
    """

    def __init__(self, iters: int, learning_rate: float | None = None) -> None:
        self._loss = np.empty(iters, dtype=np.float64)
        self.count = 0
        self.train_acc_list: list[float] = []
        self.test_acc_list: list[float] = []
        self.epoch_iterations: list[int] = []
        self.learning_rates: list[tuple[int, float]] = []
        if learning_rate is not None:
            self.set_learning_rate(0, learning_rate)

    def set_learning_rate(self, iteration: int, rate: float) -> None:
        """Record that iterations from ``iteration`` on use ``rate`` (no change: nothing)."""
        rates, rate = self.learning_rates, float(rate)
        if rates and rates[-1][0] == iteration:
            rates.pop()  # replaced before any iteration used it
        if not rates or rates[-1][1] != rate:
            rates.append((iteration, rate))

    def learning_rate_per_iteration(self) -> np.ndarray:
        """The rate each recorded iteration used, shape (iterations done,); NaN if unknown."""
        rates = np.full(self.count, np.nan)
        for first, rate in self.learning_rates:
            rates[first:] = rate
        return rates

    @property
    def train_loss_list(self) -> np.ndarray:
        return self._loss[: self.count]

    def add_loss(self, loss: float) -> None:
        self._loss[self.count] = loss
        self.count += 1

    def add_epoch(self, iteration: int, train_acc: float, test_acc: float) -> None:
        self.epoch_iterations.append(iteration)
        self.train_acc_list.append(train_acc)
        self.test_acc_list.append(test_acc)
