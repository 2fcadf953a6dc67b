"""The "Why the loss" part: the sweep runs in the background; loss smooth, accuracy in steps."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QThread

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.weight_sweep import steepest_weight, sweep_weight
from desktop_nn.data import load_mnist
from desktop_nn.gui.chapter4.loss import FRESH_SEED, LossPart
from desktop_nn.gui.chapter4.loss_controls import DEFAULT_REACH, SLIDER_HALF
from desktop_nn.gui.common.state import AppState


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture
def part(qtbot, mnist):
    state = AppState()
    state.data = mnist
    widget = LossPart(state)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    with qtbot.waitSignal(widget.swept, timeout=30_000):
        widget.show()
    yield widget
    widget.shutdown()
    state.threads.stop_all()


def test_the_sweep_is_the_core_sweep_of_the_steepest_weight(part, mnist):
    (_, _), (x, t) = mnist
    net = TwoLayerNet(784, 50, 10, seed=FRESH_SEED)
    index = steepest_weight(net, x[:100], t[:100], "W2")
    expected = sweep_weight(net, x[:100], t[:100], "W2", index,
                            np.linspace(-DEFAULT_REACH, DEFAULT_REACH, 2 * SLIDER_HALF + 1))
    assert part.sweep.index == index
    assert np.array_equal(part.sweep.loss, expected.loss)
    assert np.array_equal(part.loss_curve.yData, expected.loss)
    assert np.array_equal(part.accuracy_curve.yData, 100 * expected.accuracy)
    assert part.loss_plot.getPlotItem().getAxis("bottom").labelText == f"W2[{index[0]}, {index[1]}]"


def test_the_loss_is_smooth_and_the_accuracy_moves_in_steps(part):
    loss, accuracy = part.sweep.loss, part.sweep.accuracy
    # The loss changes at (nearly) every position of the slider...
    assert np.count_nonzero(np.diff(loss)) > 0.95 * (len(loss) - 1)
    # ...the accuracy only at a few, by whole images out of 100, and is flat in between.
    changes = np.count_nonzero(np.diff(accuracy))
    assert 1 <= changes < 0.1 * (len(accuracy) - 1)
    assert np.allclose(accuracy * 100, np.round(accuracy * 100))


def test_the_slider_reads_the_sweep(part):
    part.slider.setValue(SLIDER_HALF // 2)
    i = SLIDER_HALF + SLIDER_HALF // 2
    value = part.sweep.values[i]
    assert part.lines[0].value() == value
    text = part.value_label.text()
    assert f"loss {part.sweep.loss[i]:.6f}" in text
    assert f"accuracy {100 * part.sweep.accuracy[i]:.1f} %" in text


def test_the_sweep_runs_on_the_worker_thread(part, qtbot, monkeypatch):
    import desktop_nn.gui.chapter4.loss as loss_module

    threads = []
    real = loss_module.sweep_weight

    def recording(*args, **kwargs):
        threads.append(QThread.currentThread())
        return real(*args, **kwargs)

    monkeypatch.setattr(loss_module, "sweep_weight", recording)
    with qtbot.waitSignal(part.swept, timeout=30_000):
        part.key_combo.setCurrentIndex(part.key_combo.findData("b2"))
    assert len(threads) == 1 and threads[0] is not QThread.currentThread()
    assert part.sweep.key == "b2"


def test_the_window_model_is_swept_when_there_is_one(part, qtbot, mnist):
    net = TwoLayerNet(784, 30, 10, seed=5)
    with qtbot.waitSignal(part.swept, timeout=30_000):
        part.state.set_model(net, None)
    assert "current model" in part.note_label.text()
    (_, _), (x, t) = mnist
    assert part.sweep.index == steepest_weight(net, x[:100], t[:100], "W2")


def test_without_data_it_waits(qtbot):
    widget = LossPart(AppState())
    qtbot.addWidget(widget)
    widget.show()
    assert widget.worker is None
    assert "Waiting" in widget.note_label.text()


def test_a_hidden_part_starts_no_thread_until_it_is_shown(qtbot, mnist):
    state = AppState()
    widget = LossPart(state)
    qtbot.addWidget(widget)
    state.data = mnist
    state.data_changed.emit()
    state.set_model(TwoLayerNet(784, 20, 10, seed=1), None)
    assert widget.worker is None and state.threads.running() == []
    with qtbot.waitSignal(widget.swept, timeout=30_000):
        widget.show()
    widget.shutdown()


def test_weights_streamed_by_a_training_run_sweep_at_most_once_per_interval(part, qtbot):
    part.state.set_model(TwoLayerNet(784, 20, 10, seed=2), None)
    starts = []
    real_start = part.timer.start
    part.timer.start = lambda *args: (starts.append(1), real_start(*args))
    for _ in range(5):  # snapshots arriving faster than the interval
        part.state.params_updated.emit()
    assert len(starts) <= 1 and part.timer.isActive()
    with qtbot.waitSignal(part.swept, timeout=30_000):
        pass
