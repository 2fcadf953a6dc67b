"""Write training histories as CSV: one row per iteration of each run, accuracies on epoch rows.

Every row says which run it belongs to, the run's seed and the learning rate of that
iteration, so one file holds several runs and a rate changed during a run shows where it
changed.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from desktop_nn.core.training import History
from desktop_nn.fileio import atomic_write

HEADER = ("run", "seed", "iteration", "loss", "train_acc", "test_acc", "learning_rate")


@dataclass(frozen=True)
class HistoryRun:
    """One run's history and what identifies it in the file.

    Attributes
    ----------
    number : int
        The run's number (the window counts its runs from 1; the command line has run 1).
    seed : int or None
        The seed the run was started with (None: not known).
    history : History
    """

    number: int
    seed: int | None
    history: History


def history_rows(run: HistoryRun) -> Iterator[tuple]:
    """The CSV rows of one run, in the order of ``HEADER``.

    Losses and rates are written with ``repr`` (every digit of the float64); the accuracies
    stand on the rows of the iterations after which they were measured, the other rows leave
    them empty.
    """
    history = run.history
    accuracies = {
        it: (tr, te)
        for it, tr, te in zip(history.epoch_iterations, history.train_acc_list,
                              history.test_acc_list, strict=True)
    }
    seed = "" if run.seed is None else run.seed
    losses = np.asarray(history.train_loss_list, dtype=np.float64).tolist()
    rates = history.learning_rate_per_iteration().tolist()
    for iteration, (loss, rate) in enumerate(zip(losses, rates, strict=True)):
        tr, te = accuracies.get(iteration, ("", ""))
        yield (run.number, seed, iteration, repr(loss), tr, te,
               "" if math.isnan(rate) else repr(rate))


def write_history_csv(path: str | os.PathLike, runs: Sequence[HistoryRun]) -> None:
    """Write the histories of ``runs`` (in that order) to ``path`` atomically.

    Raises
    ------
    OSError
        The file could not be written; an existing file at ``path`` keeps its contents.
    ValueError
        A history whose accuracy lists differ in length.
    """
    rows = [row for run in runs for row in history_rows(run)]  # every check before writing
    with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
