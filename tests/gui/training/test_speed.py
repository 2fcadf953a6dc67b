"""The training speed a teacher can narrate, on real runs: the rate, live changes, the epoch pause.

The pacing rule itself is tested with a fake clock in tests/core/test_pacing.py; here one real
run at a slow setting is measured over a span of iterations (the rate within 20%: the pacer's
waits end within a millisecond or so, and the batches' arrival on the window's thread jitters by
tens of milliseconds at worst, a few percent of a 1.5-second span).
"""

from __future__ import annotations

import time

import pytest

from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.common.state import AppState


def arrivals(controller):
    """(arrival time, iterations done, losses in the batch, weights sent) of every batch."""
    seen = []
    controller.metrics.connect(lambda batch: seen.append(
        (time.monotonic(), batch.iterations_done, len(batch.losses), batch.params is not None)))
    return seen


def measured_rate(seen, first, last):
    """Iterations a second between the batches that reported ``first`` and ``last`` done."""
    t0 = next(t for t, done, _, _ in seen if done >= first)
    t1, done1 = next((t, done) for t, done, _, _ in seen if done >= last)
    first_done = next(done for _, done, _, _ in seen if done >= first)
    return (done1 - first_done) / (t1 - t0)


def test_a_slow_run_keeps_its_rate_and_reports_each_iteration(controller, qtbot):
    seen = arrivals(controller)
    active = []  # (iterations done, the run's own seconds): what the speed label shows
    controller.metrics.connect(lambda b: active.append((b.iterations_done, b.active_seconds)))
    controller.set_speed(20.0)
    controller.start(TrainConfig(iters=1_000_000, train_size=300, seed=1))
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][1] >= 36, timeout=60_000)
    controller.stop()
    assert measured_rate(seen, 5, 35) == pytest.approx(20.0, rel=0.2)
    (done0, seconds0), (done1, seconds1) = active[4], active[34]
    assert (done1 - done0) / (seconds1 - seconds0) == pytest.approx(20.0, rel=0.2)
    # Point by point: every batch one iteration, each with the weights for the preview.
    running = [entry for entry in seen if entry[1] <= 35]
    assert all(losses == 1 and params for _, _, losses, params in running)


def test_the_speed_changes_during_a_run(controller, qtbot):
    seen = arrivals(controller)
    controller.set_speed(1.0)
    trainer = controller.start(TrainConfig(iters=1_000_000, train_size=300, seed=1))
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][1] >= 1, timeout=30_000)
    controller.set_speed(20.0)  # during a one-second wait: it is re-timed at once
    qtbot.waitUntil(lambda: seen[-1][1] >= 32, timeout=60_000)
    assert measured_rate(seen, 2, 32) == pytest.approx(20.0, rel=0.2)
    controller.set_speed(None)  # full speed: thousands of iterations in a moment
    reached = trainer.iteration
    qtbot.waitUntil(lambda: trainer.iteration > reached + 2000, timeout=60_000)


def test_stopping_a_slow_run_ends_its_wait(controller, qtbot):
    seen = arrivals(controller)
    controller.set_speed(1.0)
    trainer = controller.start(TrainConfig(iters=1_000_000, train_size=300, seed=1))
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    with qtbot.waitSignal(controller.run_ended, timeout=30_000) as ended:
        controller.stop()
    assert ended.args == ["stopped"]
    assert trainer.iteration <= 2


def test_pause_at_each_epoch_stops_at_the_epochs_end(controller, qtbot):
    controller.pause_each_epoch = True
    seen = arrivals(controller)
    # 300 images in batches of 100: an epoch is 3 iterations; the book evaluates after
    # iterations 1 (epoch 0, ending no epoch), 4 (epoch 1), 7 (epoch 2)...
    with qtbot.waitSignal(controller.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        trainer = controller.start(TrainConfig(iters=100, train_size=300, seed=3))
    assert trainer.iteration == 4 and controller.is_paused
    assert controller.state.training_state == "paused"
    assert seen[-1][1] == 4  # the epoch's evaluation reached the window
    with qtbot.waitSignal(controller.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        controller.toggle_pause()
    assert trainer.iteration == 7
    controller.pause_each_epoch = False
    with qtbot.waitSignal(controller.run_ended, timeout=60_000) as ended:
        controller.toggle_pause()
    assert ended.args == ["finished"] and trainer.iteration == 100


def test_the_tabs_speed_control_drives_the_run(qtbot, mnist_small):
    from PySide6.QtWidgets import QCheckBox, QSlider

    from desktop_nn.gui.training.tab import TrainingTab

    state = AppState()
    tab = TrainingTab(state)
    qtbot.addWidget(tab)
    slider = tab.findChild(QSlider, "trainingSpeedSlider")
    check = tab.findChild(QCheckBox, "pauseEachEpochCheck")
    assert tab.controller.speed is None and slider.value() == slider.maximum()
    slider.setValue(0)
    assert tab.controller.speed == 1.0
    assert tab.speed_control.value_label.text() == "1 it/s"
    slider.setValue(4)
    assert tab.controller.speed == 20.0
    check.setChecked(True)
    assert tab.controller.pause_each_epoch
    state.data, state.dataset_name = mnist_small, "mnist"
    tab.apply_lesson_state({"train_size": 300, "iters": 50})
    seen = arrivals(tab.controller)
    pauses = []
    tab.controller.paused_changed.connect(pauses.append)
    assert tab.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)

    def x_axis_end():
        return tab.loss_plot.getPlotItem().getViewBox().viewRange()[0][1]

    # The first iterations come slowly: the loss axis spans 20 iterations, not the run's 50.
    assert x_axis_end() == pytest.approx(20, abs=1)
    slider.setValue(slider.maximum())  # during the run: full speed from now on
    assert tab.controller.speed is None
    qtbot.waitUntil(lambda: pauses == [True], timeout=30_000)
    assert tab.controller.trainer.iteration == 4  # paused at the first epoch's end
    # At full speed again the loss axis spans the whole run (50 iterations).
    assert x_axis_end() == pytest.approx(49, abs=1)
    assert tab.pause_button.text() == "Resume"
    with qtbot.waitSignal(tab.run_ended, timeout=30_000):
        tab.stop()
    tab.shutdown()
