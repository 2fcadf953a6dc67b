"""The history CSV: every run's rows with its number, seed and learning rate, exact values."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from desktop_nn.core.history_csv import HEADER, HistoryRun, write_history_csv
from desktop_nn.core.training import History, TrainConfig, Trainer


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def make_history(losses, epochs=(), rates=((0, 0.1),)):
    """A History with these losses, (iteration, train, test) evaluations and rate changes."""
    history = History(len(losses))
    for iteration, rate in rates:
        history.set_learning_rate(iteration, rate)
    for loss in losses:
        history.add_loss(loss)
    for iteration, train, test in epochs:
        history.add_epoch(iteration, train, test)
    return history


def test_history_csv_rows(tmp_path):
    losses = np.array([2.302585092994046, 2.1, 1.9000000000000001, 1.5, 1.25], dtype=np.float64)
    path = tmp_path / "history.csv"
    history = make_history(losses, [(0, 0.1, 0.125), (3, 0.75, 0.7)])
    write_history_csv(path, [HistoryRun(1, 42, history)])
    rows = read_csv(path)
    assert tuple(rows[0]) == HEADER == (
        "run", "seed", "iteration", "loss", "train_acc", "test_acc", "learning_rate")
    assert len(rows) == 1 + 5
    assert {(r[0], r[1]) for r in rows[1:]} == {("1", "42")}
    assert [int(r[2]) for r in rows[1:]] == [0, 1, 2, 3, 4]
    assert [float(r[3]) for r in rows[1:]] == losses.tolist()  # exact round trip
    assert rows[1][4:6] == ["0.1", "0.125"]
    assert rows[4][4:6] == ["0.75", "0.7"]
    for row in (rows[2], rows[3], rows[5]):
        assert row[4:6] == ["", ""]
    assert {r[6] for r in rows[1:]} == {"0.1"}


def test_several_runs_in_one_file_with_their_seeds(tmp_path):
    path = tmp_path / "runs.csv"
    write_history_csv(path, [HistoryRun(1, 0, make_history([1.0, 0.9])),
                             HistoryRun(3, 7, make_history([2.0, 1.5, 1.0]))])
    rows = read_csv(path)[1:]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("1", "0", "0"), ("1", "0", "1"), ("3", "7", "0"), ("3", "7", "1"), ("3", "7", "2")]


def test_a_learning_rate_changed_during_the_run_shows_where(tmp_path):
    history = make_history([1.0] * 6, rates=[(0, 0.1), (2, 0.05), (4, 0.5)])
    write_history_csv(tmp_path / "h.csv", [HistoryRun(2, 0, history)])
    rates = [float(r[6]) for r in read_csv(tmp_path / "h.csv")[1:]]
    assert rates == [0.1, 0.1, 0.05, 0.05, 0.5, 0.5]


def test_the_trainer_records_a_change_of_learning_rate(mnist_small):
    trainer = Trainer(TrainConfig(iters=6, train_size=2000, seed=0), mnist_small)
    events = trainer.run()
    for _ in range(3):  # iterations 0 and 1 (with the epoch evaluation after 0)
        next(events)
    trainer.set_learning_rate(0.1)  # the same rate: nothing to record
    trainer.set_learning_rate(0.3)
    trainer.set_learning_rate(0.05)  # replaces 0.3 before any iteration used it
    list(events)
    assert trainer.history.learning_rates == [(0, 0.1), (2, 0.05)]
    assert trainer.optimizer.lr == 0.05
    np.testing.assert_array_equal(trainer.history.learning_rate_per_iteration(),
                                  [0.1, 0.1, 0.05, 0.05, 0.05, 0.05])


def test_float32_losses_are_written_exactly(tmp_path):
    path = tmp_path / "h.csv"
    losses = np.array([0.1, 0.2], dtype=np.float32)
    write_history_csv(path, [HistoryRun(1, 0, make_history(losses))])
    rows = read_csv(path)
    assert [float(r[3]) for r in rows[1:]] == [float(v) for v in losses]


def test_history_csv_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "h.csv"
    write_history_csv(path, [HistoryRun(1, 0, make_history([1.0, 0.5]))])
    old = path.read_bytes()

    class FailingWriter:
        def __init__(self, handle):
            self.handle = handle

        def writerow(self, row):
            self.handle.write(",".join(map(str, row)) + "\n")

        def writerows(self, rows):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv, "writer", FailingWriter)
    with pytest.raises(OSError):
        write_history_csv(path, [HistoryRun(1, 0, make_history([0.3, 0.2]))])
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.csv"]


def test_history_csv_mismatched_accuracies(tmp_path):
    history = make_history([1.0])
    history.epoch_iterations.append(1)
    with pytest.raises(ValueError):
        write_history_csv(tmp_path / "h.csv", [HistoryRun(1, 0, history)])
    assert list(tmp_path.iterdir()) == []
