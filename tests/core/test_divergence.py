"""Every divergence text is the core's: the command line's sentence and the window's
explanation template, filled with the run's own numbers."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from desktop_nn.core import divergence
from desktop_nn.core.divergence import (
    DEAD_RELU_STREAK,
    EXPLANATIONS,
    STUCK_WINDOW,
    DivergenceWatch,
    explanation,
    non_finite,
)
from desktop_nn.core.events import DivergedEvent
from desktop_nn.core.training import TrainConfig, Trainer

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_the_non_finite_sentence_is_the_command_lines():
    event = non_finite(41, math.inf, 250.0)
    assert event.message == ("training diverged at iteration 41: the loss became inf "
                             "(learning rate 250); try a smaller learning rate, e.g. 25")
    assert (event.reason, event.iteration, event.learning_rate) == ("non-finite", 41, 250.0)
    assert divergence.divergence_message(41, math.inf, 250.0) == event.message


@pytest.mark.parametrize("reason", sorted(EXPLANATIONS))
def test_each_explanation_is_filled_with_the_runs_numbers(reason):
    event = DivergedEvent(1234, 14.25, "one line", reason, 100.0)
    template, values = explanation(event)
    assert template == EXPLANATIONS[reason]
    assert set(PLACEHOLDER.findall(template)) <= set(values)
    text = template.format(**values)
    assert "1,234" in text and "(100)" in text and "try 10)" in text
    assert "{" not in text


def test_an_unknown_reason_is_explained_as_an_overflow():
    template, _ = explanation(DivergedEvent(3, math.nan, "x", "something new", 1.0))
    assert template == EXPLANATIONS["non-finite"]


def test_dead_relus_are_reported_after_the_streak():
    watch = DivergenceWatch()
    losses = np.full(10, 14.0)
    for _ in range(DEAD_RELU_STREAK - 1):
        watch.observe_hidden(True)
    assert watch.check(9, losses, 100.0, 10) is None
    watch.observe_hidden(True)
    event = watch.check(9, losses, 100.0, 10)
    assert event.reason == "dead-relu" and event.learning_rate == 100.0
    assert "learning rate 100 is too large; try 10" in event.message
    watch.observe_hidden(False)
    assert watch.check(9, losses, 100.0, 10) is None


def test_a_loss_stuck_far_above_chance_is_reported_a_falling_one_is_not():
    watch = DivergenceWatch()
    stuck = np.full(2 * STUCK_WINDOW, 14.0)
    event = watch.check(len(stuck) - 1, stuck, 50.0, 10)
    assert event.reason == "stuck" and event.loss == 14.0
    falling = np.linspace(14.0, 6.0, 2 * STUCK_WINDOW)
    assert watch.check(len(falling) - 1, falling, 50.0, 10) is None
    assert watch.check(10, stuck[:50], 50.0, 10) is None  # too early to tell


def test_a_diverged_run_reports_the_rate_it_had(mnist_small):
    config = TrainConfig(iters=300, learning_rate=1000.0, weight_init_std=10.0, seed=1)
    events = list(Trainer(config, mnist_small).run())
    assert isinstance(events[-1], DivergedEvent)
    assert events[-1].learning_rate == 1000.0
