"""What the runs table shows, computed from run records: pure functions, no Qt.

One :class:`RunRow` per run: its name, the hyperparameters that differ from the run before
it, the learning-rate changes made during it, the final and the best accuracies, time,
iterations and status. The window formats and translates these values, the command line
prints them and the summary CSV writes them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_nn.core.run_record import RunRecord
from desktop_nn.core.training import History, TrainConfig

#: Every hyperparameter, in the order of :class:`TrainConfig`'s fields.
HYPERPARAMETERS = tuple(f.name for f in dataclasses.fields(TrainConfig))


@dataclass(frozen=True)
class Change:
    """A hyperparameter whose value differs from the run before."""

    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class RunRow:
    """One row of the runs table.

    Attributes
    ----------
    changes : tuple of Change
        The hyperparameters that differ from the run before (none for the first run).
    rate_changes : tuple of (int, float)
        ``(first iteration, rate)`` of each change of the learning rate made during the run.
    final_train_acc, final_test_acc : float or None
        See :meth:`RunRecord.final_accuracies`.
    best_test_acc, best_epoch, best_iteration : float, int, int or None
        The highest test accuracy of the epoch evaluations, the epoch (counted from 0) and
        the iteration after which it was measured (the first one if several are equal).
    """

    name: str
    number: int | None
    status: str
    seed: int
    group: str | None
    changes: tuple[Change, ...]
    rate_changes: tuple[tuple[int, float], ...]
    final_train_acc: float | None
    final_test_acc: float | None
    best_test_acc: float | None
    best_epoch: int | None
    best_iteration: int | None
    seconds: float
    iterations: int
    has_model: bool


def run_rows(records: Sequence[RunRecord]) -> list[RunRow]:
    """The table's rows, one per record, each compared with the record before it."""
    rows, before = [], None
    for record in records:
        rows.append(run_row(record, before))
        before = record.config
    return rows


def run_row(record: RunRecord, before: TrainConfig | None = None) -> RunRow:
    """The table's row for ``record``; ``before`` is the configuration of the run before."""
    final_train, final_test = record.final_accuracies()
    best_acc, best_epoch, best_iteration = best_test(record.history)
    return RunRow(
        name=record.name, number=record.number, status=record.status, seed=record.seed,
        group=record.group, changes=changed_settings(before, record.config),
        rate_changes=rate_changes(record.history), final_train_acc=final_train,
        final_test_acc=final_test, best_test_acc=best_acc, best_epoch=best_epoch,
        best_iteration=best_iteration, seconds=record.seconds,
        iterations=record.iterations, has_model=record.has_model,
    )


def changed_settings(before: TrainConfig | None, after: TrainConfig) -> tuple[Change, ...]:
    """The hyperparameters whose values differ, in field order (none if ``before`` is None).

    The seed counts: runs repeated over seeds differ in it alone.
    """
    if before is None:
        return ()
    old, new = before.to_dict(), after.to_dict()
    return tuple(Change(name, old[name], new[name]) for name in HYPERPARAMETERS
                 if old[name] != new[name])


def rate_changes(history: History) -> tuple[tuple[int, float], ...]:
    """The learning-rate changes made during a run: every entry after the starting rate."""
    return tuple(history.learning_rates[1:])


def best_test(history: History) -> tuple[float | None, int | None, int | None]:
    """(accuracy, epoch, iteration) of the best test accuracy; all None before any epoch."""
    accuracies = history.test_acc_list
    if not accuracies:
        return None, None, None
    epoch = max(range(len(accuracies)), key=accuracies.__getitem__)
    return accuracies[epoch], epoch, history.epoch_iterations[epoch]
