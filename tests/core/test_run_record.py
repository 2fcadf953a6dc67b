"""The run record: its checks, its copy of the history, its final accuracies."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest

from desktop_nn.core.run_record import check_name, copy_history, record_run, same_history
from desktop_nn.core.training import History, TrainConfig, Trainer
from tests.run_records import QUICK, STARTED, made_up


def test_a_record_is_a_snapshot_of_the_trainer(mnist_small):
    trainer = Trainer(QUICK, mnist_small)
    run = trainer.run()
    while trainer.history.count < 25:
        next(run)
    record = record_run(trainer, "stopped", seconds=1.0, started=STARTED)
    while trainer.history.count < 35:
        next(run)
    run.close()
    assert record.history.count == 25 < trainer.history.count
    assert record.history.epoch_iterations == [0, 20]
    assert record.iterations == 25 and record.seed == 0
    assert record.final_accuracies() == (record.history.train_acc_list[-1],
                                         record.history.test_acc_list[-1])


def test_an_evaluation_recorded_half_way_is_left_out():
    history = History(10, 0.1)
    for _ in range(3):
        history.add_loss(1.0)
    history.add_epoch(0, 0.5, 0.4)
    history.epoch_iterations.append(2)  # Ctrl-C between the appends of add_epoch
    history.train_acc_list.append(0.6)
    copy = copy_history(history)
    assert copy.epoch_iterations == [0] and copy.train_acc_list == [0.5]
    assert copy.test_acc_list == [0.4] and copy.learning_rates == [(0, 0.1)]
    np.testing.assert_array_equal(copy.train_loss_list, [1.0, 1.0, 1.0])
    history.add_loss(2.0)
    assert copy.count == 3 and not same_history(copy, history)


def test_the_record_checks_its_fields():
    with pytest.raises(ValueError, match="status"):
        made_up(0, status="paused")
    with pytest.raises(ValueError, match="seed"):
        made_up(0).replace(config=TrainConfig(seed=None))
    with pytest.raises(ValueError, match="seconds"):
        made_up(0, seconds=float("nan"))
    with pytest.raises(ValueError, match="time zone"):
        made_up(0, started=datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="iterations"):
        made_up(0, iterations=60).replace(iterations=62)
    with pytest.raises(ValueError, match="iterations"):
        made_up(0, iterations=60).replace(iterations=59)
    assert made_up(0, iterations=60).replace(iterations=61).iterations == 61


@pytest.mark.parametrize("name", ["run 1", "学習率 0.5", "x" * 100, "a\u00a0b"])
def test_names_that_are_fine(name):
    assert check_name(name) == name
