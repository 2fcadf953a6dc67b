"""Fixtures of the Training tab's tests."""

from __future__ import annotations

import pytest

from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.training.controller import RunController


@pytest.fixture
def controller(qtbot, mnist_small):
    """A run controller over the small MNIST, shut down (its threads and its training
    process ended) after the test."""
    state = AppState()
    state.data, state.dataset_name = mnist_small, "mnist"
    run = RunController(state)
    yield run
    run.shutdown()
    state.threads.stop_all()
