"""Every run as CSV: a row per run and epoch, and a summary with a row per run (the table).

Both files are plain CSV in UTF-8 with a header row, one value per cell, numbers with every
digit (``repr``), empty cells for what a run does not have: ``pandas.read_csv(path)`` reads
them without options. Every hyperparameter has its own column, named as in
:class:`TrainConfig`, so runs can be grouped and compared by any of them.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from desktop_nn.core.run_record import RunRecord
from desktop_nn.core.run_table import HYPERPARAMETERS, RunRow, run_rows
from desktop_nn.core.seeds import GroupSummary, group_summaries
from desktop_nn.fileio import atomic_write

RUN_COLUMNS = ("run", "number", "status", "group")
#: ``mean_loss``: the mean loss of the iterations since the evaluation before, up to and
#: including this one; ``epoch_learning_rate``: the rate in use at that iteration.
EPOCH_COLUMNS = (*RUN_COLUMNS, *HYPERPARAMETERS, "epoch", "iteration", "train_acc", "test_acc",
                 "mean_loss", "epoch_learning_rate")
SUMMARY_COLUMNS = (
    *RUN_COLUMNS, *HYPERPARAMETERS, "changed", "learning_rate_changes", "final_train_acc",
    "final_test_acc", "best_test_acc", "best_epoch", "best_iteration", "seconds",
    "iterations", "started", "has_model", "group_runs", "group_final_train_acc_mean",
    "group_final_train_acc_std", "group_final_test_acc_mean", "group_final_test_acc_std",
)


def cell(value: Any) -> str | int:
    """A value as written: None empty, floats with every digit, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, (int, np.integer)):
        return int(value)
    return str(value)


def epoch_rows(record: RunRecord) -> Iterator[list]:
    """The rows of one run in ``EPOCH_COLUMNS`` order, one per epoch evaluation."""
    history = record.history
    losses = np.asarray(history.train_loss_list, dtype=np.float64)
    rates = history.learning_rate_per_iteration()
    config = record.config.to_dict()
    start = [record.name, record.number, record.status, record.group,
             *(config[name] for name in HYPERPARAMETERS)]
    previous = -1
    for epoch, (iteration, train, test) in enumerate(zip(
            history.epoch_iterations, history.train_acc_list, history.test_acc_list,
            strict=True)):
        mean_loss = float(np.mean(losses[previous + 1 : iteration + 1]))
        previous = iteration
        rate = float(rates[iteration])
        yield [cell(v) for v in (*start, epoch, iteration, train, test, mean_loss,
                                 None if np.isnan(rate) else rate)]


def summary_rows(records: Sequence[RunRecord]) -> Iterator[list]:
    """The runs table in ``SUMMARY_COLUMNS`` order, a row per run."""
    groups = {summary.group: summary for summary in group_summaries(records)}
    for record, row in zip(records, run_rows(records), strict=True):
        config = record.config.to_dict()
        values = [record.name, record.number, record.status, record.group,
                  *(config[name] for name in HYPERPARAMETERS), describe_changes(row),
                  describe_rates(row.rate_changes), row.final_train_acc, row.final_test_acc,
                  row.best_test_acc, row.best_epoch, row.best_iteration, row.seconds,
                  row.iterations, record.started.isoformat(), row.has_model,
                  *_group_values(groups.get(record.group))]
        yield [cell(v) for v in values]


def describe_changes(row: RunRow) -> str:
    """'learning_rate 0.1 -> 0.5; hidden_size 50 -> 100' (empty for no change)."""
    return "; ".join(f"{c.name} {c.before} -> {c.after}" for c in row.changes)


def describe_rates(changes: Sequence[tuple[int, float]]) -> str:
    """'0.05 from 3000; 0.01 from 6000' (empty for none)."""
    return "; ".join(f"{rate!r} from {iteration}" for iteration, rate in changes)


def _group_values(summary: GroupSummary | None) -> list:
    if summary is None:
        return [None] * 5
    train, test = summary.final_train_acc, summary.final_test_acc
    return [len(summary.names), *(_finite(v) for v in (train.mean, train.std, test.mean,
                                                       test.std))]


def _finite(value: float) -> float | None:
    return value if np.isfinite(value) else None


def write_runs_csv(path: str | os.PathLike, records: Sequence[RunRecord]) -> None:
    """Write a row per run and epoch (``EPOCH_COLUMNS``) to ``path``, atomically.

    Raises
    ------
    OSError
        The file could not be written; an existing file at ``path`` keeps its contents.
    """
    rows = [row for record in records for row in epoch_rows(record)]
    _write(path, EPOCH_COLUMNS, rows)


def write_summary_csv(path: str | os.PathLike, records: Sequence[RunRecord]) -> None:
    """Write the runs table (``SUMMARY_COLUMNS``), a row per run, to ``path``, atomically."""
    _write(path, SUMMARY_COLUMNS, list(summary_rows(records)))


def _write(path: str | os.PathLike, header: Sequence[str], rows: list[list]) -> None:
    with atomic_write(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
