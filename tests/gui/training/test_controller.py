"""The run controller on its own: one run at a time, its state, its ending and its record."""

from __future__ import annotations

import pytest

from desktop_nn.core.events import FinishedEvent
from desktop_nn.core.training import TrainConfig


def test_a_run_ends_with_its_event_then_its_state(controller, qtbot):
    seen = []
    controller.ended.connect(lambda outcome, payload: seen.append(
        (outcome, type(payload), controller.state.training_state)))
    controller.run_ended.connect(lambda outcome: seen.append(
        (outcome, controller.state.training_state)))
    batches = []
    controller.metrics.connect(batches.append)
    with qtbot.waitSignal(controller.run_ended, timeout=60_000):
        trainer = controller.start(TrainConfig(iters=30, train_size=300, seed=2))
    assert seen == [("finished", FinishedEvent, "running"), ("finished", "finished")]
    assert not controller.is_running and controller.last_trainer is trainer
    assert sum(len(batch.losses) for batch in batches) == 30
    meta = controller.model_meta()
    assert meta == {"iterations": 30, "learning_rates": [[0, 0.1]]}
    network = controller.state.network
    for key, value in trainer.network.params.items():  # the last weights reached the state
        assert (network.params[key] == value).all()


def test_settings_that_cannot_be_trained_start_nothing(controller):
    bad = TrainConfig(train_size=50, batch_size=100, sampling="shuffle")
    with pytest.raises(ValueError, match="batch_size=100"):
        controller.start(bad)
    assert not controller.is_running and controller.state.training_state == "idle"
    assert controller.state.network is None


def test_stop_and_a_live_learning_rate(controller, qtbot):
    with qtbot.waitSignal(controller.metrics, timeout=30_000):
        trainer = controller.start(TrainConfig(iters=1_000_000, train_size=300, seed=1))
    controller.set_learning_rate(0.05)
    qtbot.waitUntil(lambda: trainer.optimizer.lr == 0.05, timeout=30_000)
    with qtbot.waitSignal(controller.run_ended, timeout=30_000) as ended:
        controller.stop()
    assert ended.args == ["stopped"]
    assert controller.model_meta()["learning_rates"][-1][1] == 0.05


def test_a_paused_start_does_one_iteration_and_waits(controller, qtbot):
    with qtbot.waitSignal(controller.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        trainer = controller.start(TrainConfig(iters=100, train_size=300), paused=True)
    qtbot.waitUntil(lambda: trainer.iteration == 1, timeout=30_000)
    assert controller.is_paused and controller.state.training_state == "paused"
    assert controller.toggle_pause() is False
    assert controller.state.training_state == "running"
    with qtbot.waitSignal(controller.run_ended, timeout=60_000) as ended:
        pass
    assert ended.args == ["finished"]
