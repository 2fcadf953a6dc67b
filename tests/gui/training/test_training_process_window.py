"""The window's runs train in the training process: the same run as headless, bit for bit; a
process that dies ends the run with a message and the next run starts a new one; closing the
window ends the process; and ``DESKTOP_NN_TRAINING=thread`` trains on a thread as before."""

from __future__ import annotations

import os

import numpy as np
import pytest

from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.training.controller import RunController, trains_in_a_process
from desktop_nn.gui.training.process_worker import ProcessWorker
from desktop_nn.gui.workers import GeneratorWorker
from tests.gui.training.test_training_window import configure


def alive(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_window_run_trains_in_another_process_and_is_the_headless_run(window, qtbot,
                                                                         mnist):
    tab = window.training_tab
    configure(tab, iters=130, train_size=2000, seed=4)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000) as ended:
        assert tab.start()
    assert ended.args == ["finished"]
    assert isinstance(tab.controller.last_trainer, Trainer)
    pid = tab.controller.process.pid
    assert pid is not None and pid != os.getpid() and alive(pid)
    here = Trainer(tab.controller.last_trainer.config, mnist)
    list(here.run())
    window_run = tab.controller.last_trainer
    np.testing.assert_array_equal(window_run.history.train_loss_list,
                                  here.history.train_loss_list)
    assert window_run.history.test_acc_list == here.history.test_acc_list
    for name, value in here.network.params.items():
        np.testing.assert_array_equal(window.state.network.params[name], value)
        np.testing.assert_array_equal(window_run.network.params[name], value)
    window.close()
    qtbot.waitUntil(lambda: not alive(pid), timeout=30_000)


def test_a_process_that_dies_mid_run_ends_the_run_with_a_message(controller, qtbot):
    outcomes = []
    controller.ended.connect(lambda outcome, payload: outcomes.append((outcome, payload)))
    with qtbot.waitSignal(controller.metrics, timeout=30_000):
        controller.start(TrainConfig(iters=10_000_000, train_size=300, seed=1))
    os.kill(controller.process.pid, 9)
    with qtbot.waitSignal(controller.run_ended, timeout=30_000) as ended:
        pass
    assert ended.args == ["failed"]
    assert "the training process ended unexpectedly" in outcomes[0][1]
    assert controller.state.training_state == "failed"
    # The next run starts a new process and trains.
    with qtbot.waitSignal(controller.run_ended, timeout=60_000) as ended:
        trainer = controller.start(TrainConfig(iters=20, train_size=300, seed=1))
    assert ended.args == ["finished"] and trainer.iteration == 20


def test_a_paused_run_hands_its_last_batch_to_the_window(controller, qtbot):
    with qtbot.waitSignal(controller.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        trainer = controller.start(TrainConfig(iters=100, train_size=300, seed=3), paused=True)
    qtbot.waitUntil(lambda: trainer.iteration == 1, timeout=30_000)
    controller.step()
    qtbot.waitUntil(lambda: trainer.iteration == 2, timeout=30_000)
    here = Trainer(trainer.config, controller.state.data)
    here.train_step()
    here.train_step()
    np.testing.assert_array_equal(trainer.last_batch_indices, here.last_batch_indices)
    for mine, theirs in zip(trainer.last_batch(), here.last_batch(), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    with qtbot.waitSignal(controller.run_ended, timeout=30_000):
        controller.stop()
    assert controller.model_meta()["iterations"] == 2


@pytest.mark.parametrize("in_process", [True, False])
def test_both_ways_of_training_end_alike(qtbot, mnist_small, in_process):
    state = AppState()
    state.data, state.dataset_name = mnist_small, "mnist"
    controller = RunController(state, in_process=in_process)
    workers = []
    controller.metrics.connect(lambda _batch: workers.append(type(controller.worker)))
    try:
        with qtbot.waitSignal(controller.run_ended, timeout=60_000):
            trainer = controller.start(TrainConfig(iters=25, train_size=300, seed=2))
        assert set(workers) == {ProcessWorker if in_process else GeneratorWorker}
        assert (controller.process is not None) is in_process
        assert trainer.iteration == 25
        here = Trainer(trainer.config, mnist_small)
        list(here.run())
        np.testing.assert_array_equal(trainer.history.train_loss_list,
                                      here.history.train_loss_list)
    finally:
        controller.shutdown()
        state.threads.stop_all()


def test_the_environment_chooses_a_thread(monkeypatch):
    monkeypatch.setenv("DESKTOP_NN_TRAINING", "thread")
    assert not trains_in_a_process()
    monkeypatch.delenv("DESKTOP_NN_TRAINING")
    assert trains_in_a_process()


def test_without_a_python_to_start_the_process_runs_train_on_a_thread(qtbot, mnist_small,
                                                                     monkeypatch, tmp_path):
    monkeypatch.setattr("sys.executable", str(tmp_path / "no-python"))
    state = AppState()
    state.data, state.dataset_name = mnist_small, "mnist"
    controller = RunController(state, in_process=True)
    try:
        assert controller.process is None  # tried when the data was there, and given up
        with qtbot.waitSignal(controller.run_ended, timeout=60_000) as ended:
            trainer = controller.start(TrainConfig(iters=10, train_size=300, seed=2))
        assert ended.args == ["finished"] and trainer.iteration == 10
    finally:
        controller.shutdown()
        state.threads.stop_all()
