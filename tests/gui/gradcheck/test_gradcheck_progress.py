"""The Gradient check tab's progress and timing, before, during and after a check."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

import desktop_nn.core.gradient as gradient_module
from desktop_nn.cli import main
from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.timing import TIMED_CALLS
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.gradcheck.job import check_job
from desktop_nn.gui.gradcheck.tab import GradientCheckTab
from desktop_nn.gui.workers import GeneratorWorker, ThreadRegistry


@pytest.fixture
def tab(qtbot, mnist):
    state = AppState()
    state.data, state.dataset_name = mnist, "mnist"
    widget = GradientCheckTab(state)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_before_any_check_the_bar_counts_the_parameters_to_come(tab):
    assert tab.progress_bar.text() == "0 / 39,760 parameters"  # hidden 50: the book's net
    tab.hidden_spin.setValue(5)
    assert tab.progress_bar.text() == "0 / 3,985 parameters"
    assert tab.progress_bar.maximum() == 3985 and tab.progress_bar.value() == 0


def test_the_command_line_and_the_window_measure_the_same_way(mnist, monkeypatch, qtbot):
    timings = []
    real = gradient_module.best_time

    def spy(function, **options):
        timings.append(options)
        return real(function, **options)

    monkeypatch.setattr(gradient_module, "best_time", spy)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["gradcheck", "--hidden-size", "2", "--samples", "1", "--json"]) == 0
    cli = json.loads(out.getvalue())

    (x_train, t_train), _ = mnist
    worker = GeneratorWorker("gradient-check", check_job(
        GradientCheckSettings(samples=1, hidden_size=2), x_train[:1], t_train[:1]))
    with qtbot.waitSignal(worker.finished, timeout=60_000) as ended:
        worker.start(ThreadRegistry())
    worker.wait()
    window = ended.args[0]
    assert timings[0] == timings[1] and len(timings) == 2
    assert cli["backprop_repeats"] == window.backprop_repeats == TIMED_CALLS
