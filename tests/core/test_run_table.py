"""The numbers of the runs table: differences from the run before, rate changes, best epoch."""

from __future__ import annotations

from desktop_nn.core.run_record import history_from_arrays
from desktop_nn.core.run_table import Change, best_test, changed_settings, run_rows
from desktop_nn.core.training import TrainConfig
from tests.run_records import QUICK, made_up, trained


def test_each_row_names_what_differs_from_the_run_before():
    first = made_up(0, config=TrainConfig(iters=60))
    second = made_up(0, config=TrainConfig(iters=60, learning_rate=0.5, hidden_size=100))
    third = made_up(1, config=TrainConfig(iters=60, learning_rate=0.5, hidden_size=100))
    fourth = made_up(1, config=TrainConfig(iters=60, learning_rate=0.5, hidden_size=100))
    rows = run_rows([first, second, third, fourth])
    assert rows[0].changes == ()
    assert rows[1].changes == (Change("hidden_size", 50, 100), Change("learning_rate", 0.1, 0.5))
    assert rows[2].changes == (Change("seed", 0, 1),)
    assert rows[3].changes == ()


def test_weight_init_names_and_numbers_compare():
    before, after = TrainConfig(), TrainConfig(weight_init_std="he", train_size=1000)
    assert changed_settings(before, after) == (
        Change("weight_init_std", 0.01, "he"), Change("train_size", None, 1000))
    assert changed_settings(None, after) == ()


def test_a_trained_row_has_its_rate_changes_accuracies_time_and_status(mnist_small):
    record, _ = trained(mnist_small, rate_changes={9: 0.05, 29: 0.2}, name="lr steps")
    [row] = run_rows([record])
    assert row.name == "lr steps" and row.status == "finished" and row.seed == 0
    assert row.rate_changes == ((10, 0.05), (30, 0.2))
    assert (row.final_train_acc, row.final_test_acc) == (record.final_train_acc,
                                                          record.final_test_acc)
    tests = record.history.test_acc_list
    assert row.best_test_acc == max(tests)
    assert tests[row.best_epoch] == max(tests)
    assert row.best_iteration == record.history.epoch_iterations[row.best_epoch]
    assert row.seconds == record.seconds and row.iterations == QUICK.iters == 50


def test_a_stopped_row_ends_with_its_last_epoch(mnist_small):
    record, _ = trained(mnist_small, stop_after=30)
    [row] = run_rows([record])
    assert row.status == "stopped" and row.iterations == 30
    assert row.final_test_acc == record.history.test_acc_list[-1]
    assert row.final_train_acc == record.history.train_acc_list[-1]


def test_the_best_epoch_is_the_first_of_equals_and_none_before_any():
    history = history_from_arrays([1.0] * 5, [0, 1, 2, 3], [0.1] * 4, [0.5, 0.9, 0.9, 0.7], [])
    assert best_test(history) == (0.9, 1, 1)
    empty = history_from_arrays([], [], [], [], [])
    assert best_test(empty) == (None, None, None)
    record = made_up(0, iterations=0, status="stopped")
    [row] = run_rows([record])
    assert row.final_test_acc is None and row.best_epoch is None
