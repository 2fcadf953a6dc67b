"""The exports of every run: a row per run and epoch, and the summary, read back two ways.

pandas reads each file with no options at all; its default float parser ("high" precision)
is correct to within one ulp, so values read by pandas are compared within two ulps
(rtol 2**-51). The ``csv`` module and ``float`` give every digit back exactly.
"""

from __future__ import annotations

import csv
import math
import statistics

import numpy as np
import pandas as pd
import pytest

from desktop_nn.core.run_export import (
    EPOCH_COLUMNS,
    SUMMARY_COLUMNS,
    write_runs_csv,
    write_summary_csv,
)
from desktop_nn.core.run_table import HYPERPARAMETERS, run_rows
from tests.run_records import QUICK, trained

ULP2 = 2.0**-51


@pytest.fixture(scope="module")
def records(mnist_small):
    """Runs of every kind: two seeds of a group, rate changes, stopped, diverged, odd names."""
    made = [
        trained(mnist_small, QUICK.replace(seed=1), group="seeds", name="seed 1")[0],
        trained(mnist_small, QUICK.replace(seed=2), group="seeds", name="seed 2")[0],
        trained(mnist_small, QUICK.replace(hidden_size=20, weight_init_std="he"),
                rate_changes={15: 0.05}, name='lr, "steps"')[0],
        trained(mnist_small, QUICK.replace(sampling="shuffle"), stop_after=30,
                name="学習率 0.1")[0],
        trained(mnist_small, QUICK.replace(dtype="float64"), diverge_after=24, name="blown")[0],
    ]
    return [record.replace(number=number) for number, record in enumerate(made, start=1)]


@pytest.fixture(scope="module")
def exported(records, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    runs, summary = folder / "runs.csv", folder / "summary.csv"
    write_runs_csv(runs, records)
    write_summary_csv(summary, records)
    return runs, summary


def test_pandas_reads_a_row_per_run_and_epoch(records, exported):
    table = pd.read_csv(exported[0])
    assert tuple(table.columns) == EPOCH_COLUMNS
    assert len(table) == sum(len(r.history.test_acc_list) for r in records)
    for record in records:
        rows = table[table["run"] == record.name]
        history = record.history
        assert rows["number"].tolist() == [record.number] * len(rows)
        assert rows["status"].tolist() == [record.status] * len(rows)
        assert rows["epoch"].tolist() == list(range(len(history.test_acc_list)))
        assert rows["iteration"].tolist() == history.epoch_iterations
        np.testing.assert_allclose(rows["train_acc"], history.train_acc_list, rtol=ULP2)
        np.testing.assert_allclose(rows["test_acc"], history.test_acc_list, rtol=ULP2)
        np.testing.assert_allclose(rows["mean_loss"], _mean_losses(record), rtol=ULP2)
        rates = history.learning_rate_per_iteration()[history.epoch_iterations]
        np.testing.assert_allclose(rows["epoch_learning_rate"], rates, rtol=ULP2)
        config = record.config.to_dict()
        for name in HYPERPARAMETERS:
            assert [_plain(v) for v in rows[name]] == [_plain(config[name])] * len(rows), name


def test_every_digit_comes_back_through_the_csv_module(records, exported):
    with open(exported[0], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for record in records:
        mine = [row for row in rows if row["run"] == record.name]
        assert [float(r["test_acc"]) for r in mine] == record.history.test_acc_list
        assert [float(r["mean_loss"]) for r in mine] == _mean_losses(record)


def test_the_rate_column_follows_the_changes(records):
    changed = records[2]
    assert changed.history.learning_rates == [(0, 0.1), (16, 0.05)]
    rates = changed.history.learning_rate_per_iteration()[changed.history.epoch_iterations]
    assert rates.tolist() == [0.1, 0.05, 0.05]


def test_pandas_reads_the_summary_as_the_table(records, exported):
    table = pd.read_csv(exported[1])
    assert tuple(table.columns) == SUMMARY_COLUMNS
    assert table["run"].tolist() == [r.name for r in records]
    assert table["status"].tolist() == ["finished", "finished", "finished", "stopped",
                                        "diverged"]
    rows = run_rows(records)
    for column in ("final_train_acc", "final_test_acc", "best_test_acc", "seconds"):
        np.testing.assert_allclose(table[column], [getattr(r, column) for r in rows],
                                   rtol=ULP2)
    assert table["best_epoch"].tolist() == [r.best_epoch for r in rows]
    assert table["iterations"].tolist() == [50, 50, 50, 30, 26]
    assert table["has_model"].tolist() == [False] * 5
    assert table["changed"].isna().tolist() == [True, False, False, False, False]
    assert table["changed"][1] == "seed 1 -> 2"
    assert table["learning_rate_changes"][2] == "0.05 from 16"
    seeds = table[table["group"] == "seeds"]
    finals = [r.final_test_acc for r in records[:2]]
    assert seeds["group_runs"].tolist() == [2, 2]
    np.testing.assert_allclose(seeds["group_final_test_acc_mean"], statistics.fmean(finals),
                               rtol=ULP2 * 4)
    np.testing.assert_allclose(seeds["group_final_test_acc_std"], statistics.stdev(finals),
                               rtol=1e-12)
    assert table["group_runs"].isna().tolist() == [False, False, True, True, True]


def test_no_runs_give_files_with_their_headers(tmp_path):
    write_runs_csv(tmp_path / "runs.csv", [])
    write_summary_csv(tmp_path / "summary.csv", [])
    assert tuple(pd.read_csv(tmp_path / "runs.csv").columns) == EPOCH_COLUMNS
    assert len(pd.read_csv(tmp_path / "summary.csv")) == 0


def _mean_losses(record) -> list[float]:
    """The mean loss of the iterations up to each evaluation since the one before (the same
    ``np.mean`` over the same values as the export, so the digits agree exactly)."""
    losses = record.history.train_loss_list.tolist()
    means, start = [], 0
    for iteration in record.history.epoch_iterations:
        means.append(float(np.mean(losses[start : iteration + 1])))
        start = iteration + 1
    return means


def _plain(value):
    """A config value and what pandas reads for it, made comparable (NaN for empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    try:
        return float(value)
    except ValueError:
        return str(value)

