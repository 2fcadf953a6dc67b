"""Write a training history as CSV: one row per iteration, accuracies on epoch rows."""

from __future__ import annotations

import csv
import os

import numpy as np

from desktop_nn.fileio import atomic_write

HEADER = ("iteration", "loss", "train_acc", "test_acc")


def write_history_csv(
    path: str | os.PathLike,
    losses: np.ndarray,
    epoch_iterations: list[int],
    train_acc: list[float],
    test_acc: list[float],
) -> None:
    """Write the history to ``path`` atomically.

    Parameters
    ----------
    losses : ndarray, shape (iterations,)
        The loss of iteration ``i`` at index ``i``.
    epoch_iterations : list of int
        The iterations after which the accuracies were measured.
    train_acc, test_acc : list of float
        One per entry of ``epoch_iterations``.
    """
    accuracies = {
        it: (tr, te) for it, tr, te in zip(epoch_iterations, train_acc, test_acc, strict=True)
    }
    with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for iteration, loss in enumerate(np.asarray(losses, dtype=np.float64).tolist()):
            tr, te = accuracies.get(iteration, ("", ""))
            writer.writerow((iteration, repr(loss), tr, te))
