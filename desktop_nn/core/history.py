"""The record of one training run: the book's three lists and the learning rates used."""

from __future__ import annotations

import numpy as np


class History:
    """The book's three lists, with the loss kept in an array that grows by doubling.

    Attributes
    ----------
    train_loss_list : ndarray, shape (iterations done,)
        A view of the losses so far (no copy). Room is reserved as the run goes, by doubling
        up to the run's length: a run stopped early never holds memory for iterations it did
        not reach.
    train_acc_list, test_acc_list : list of float
        One entry per epoch evaluation.
    epoch_iterations : list of int
        The iteration after which each evaluation was made.
    learning_rates : list of (int, float)
        ``(first iteration, rate)`` for the starting rate and each change made during the run,
        in order: the rate of iteration ``i`` is that of the last entry at or before ``i``.
    """

    #: Losses the first reservation holds (doubled as needed, never beyond the run's length).
    FIRST_RESERVE = 1024

    def __init__(self, iters: int, learning_rate: float | None = None) -> None:
        self._iters = iters
        self._loss = np.empty(min(iters, self.FIRST_RESERVE), dtype=np.float64)
        self.count = 0
        self.train_acc_list: list[float] = []
        self.test_acc_list: list[float] = []
        self.epoch_iterations: list[int] = []
        self.learning_rates: list[tuple[int, float]] = []
        if learning_rate is not None:
            self.set_learning_rate(0, learning_rate)

    @classmethod
    def from_losses(cls, losses: np.ndarray) -> History:
        """A history that recorded ``losses`` (shape (iterations,)) and nothing else yet."""
        history = cls(len(losses))
        history._loss = np.array(losses, dtype=np.float64)  # a copy of its own
        history.count = len(losses)
        return history

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

    @property
    def nbytes(self) -> int:
        """Bytes held for the losses (what is reserved, used or not, until :meth:`compact`)."""
        return self._loss.nbytes

    def compact(self) -> None:
        """Give back the room reserved for iterations that were never run (a run that ended
        early, e.g. stopped after 50 of 1,000,000 iterations, keeps 50 losses, not 8 MB)."""
        if self._loss.size != self.count:
            self._loss = self._loss[: self.count].copy()

    def add_loss(self, loss: float) -> None:
        if self.count == self._loss.size:
            self._reserve(max(2 * self.count, 1))
        self._loss[self.count] = loss
        self.count += 1

    def add_epoch(self, iteration: int, train_acc: float, test_acc: float) -> None:
        self.epoch_iterations.append(iteration)
        self.train_acc_list.append(train_acc)
        self.test_acc_list.append(test_acc)

    def _reserve(self, size: int) -> None:
        """Room for ``size`` losses (beyond the run's length only if a caller adds more)."""
        size = max(min(size, self._iters), self.count + 1)
        grown = np.empty(size, dtype=np.float64)
        grown[: self.count] = self._loss[: self.count]
        self._loss = grown
