"""The pacing rule: iterations a second with a fake clock, rate changes, and the epoch pause."""

from __future__ import annotations

import pytest

from desktop_nn.core.pacing import (
    SLOWEST_RATE,
    SPEED_STEPS,
    Pacer,
    check_rate,
    pause_at_epochs,
    reports_each_iteration,
)
from tests.fake_clock import FakeClock


def fake_pacer(rate):
    """A pacer on a fake clock whose waits advance the clock; ``clock.waits`` counts them."""
    clock = FakeClock()
    waits = []

    def wait(seconds):
        waits.append(seconds)
        clock.advance(seconds)

    pacer = Pacer(rate, clock=clock, wait=wait)
    return pacer, clock, waits


def run_iterations(pacer, clock, count, step_seconds):
    """Start times of ``count`` iterations, each taking ``step_seconds`` of the clock."""
    starts = []
    for _ in range(count):
        assert pacer.wait_turn()
        starts.append(clock.now)
        clock.advance(step_seconds)
    return starts


@pytest.mark.parametrize("rate", [1.0, 2.0, 5.0, 20.0, 500.0])
@pytest.mark.parametrize("step_seconds", [0.0, 0.0004])
def test_the_pace_is_the_rate(rate, step_seconds):
    pacer, clock, _ = fake_pacer(rate)
    starts = run_iterations(pacer, clock, 41, step_seconds)
    # 40 intervals between 41 starts; only floating-point rounding separates them.
    assert (starts[-1] - starts[0]) == pytest.approx(40 / rate, rel=1e-9)


def test_full_speed_never_waits():
    pacer, clock, waits = fake_pacer(None)
    starts = run_iterations(pacer, clock, 100, 0.001)
    assert waits == []
    assert starts[-1] - starts[0] == pytest.approx(0.099)


def test_a_slow_iteration_is_not_followed_by_a_burst():
    pacer, clock, _ = fake_pacer(10.0)
    run_iterations(pacer, clock, 3, 0.0)
    clock.advance(5.0)  # a pause, or a very slow step
    starts = run_iterations(pacer, clock, 3, 0.0)
    assert starts[1] - starts[0] == pytest.approx(0.1)
    assert starts[2] - starts[1] == pytest.approx(0.1)


def test_a_rate_change_applies_to_the_wait_in_progress():
    clock = FakeClock()
    pacer = None

    def wait(seconds):
        # The teacher moves the slider half a second into a one-second wait.
        clock.advance(min(seconds, 0.5))
        pacer.set_rate(10.0)

    pacer = Pacer(1.0, clock=clock, wait=wait)
    assert pacer.wait_turn()
    start = clock.now
    assert pacer.wait_turn()
    # At 10 a second the next iteration was due 0.1 s after the first: it starts at once.
    assert clock.now - start == pytest.approx(0.5)


def test_interrupt_ends_the_wait():
    clock = FakeClock()
    pacer = None

    def wait(seconds):
        pacer.interrupt()

    pacer = Pacer(1.0, clock=clock, wait=wait)
    assert pacer.wait_turn()
    assert not pacer.wait_turn()
    assert not pacer.wait_turn()


def test_the_rates_offered_go_from_one_a_second_to_full_speed():
    assert SPEED_STEPS[0] == SLOWEST_RATE and SPEED_STEPS[-1] is None
    assert list(SPEED_STEPS[:-1]) == sorted(SPEED_STEPS[:-1])
    for rate in SPEED_STEPS:
        assert check_rate(rate) == rate
    for bad in (0.5, 0, -1, float("nan"), float("inf"), True, "5"):
        with pytest.raises(ValueError, match="training speed"):
            check_rate(bad)
    assert reports_each_iteration(1.0) and reports_each_iteration(20.0)
    assert not reports_each_iteration(100.0) and not reports_each_iteration(None)


def drive(generator, sends=None):
    outputs = []
    sends = sends or {}
    try:
        output = next(generator)
        while True:
            outputs.append(output)
            output = generator.send(sends.get(len(outputs)))
    except StopIteration as stop:
        return outputs, stop.value


def test_a_paced_stream_counts_the_waits_as_its_time(mnist_small):
    """The speed and the time left of a slowed-down run describe it as it goes."""
    from desktop_nn.core.training import TrainConfig, Trainer
    from desktop_nn.core.training_stream import TrainingStream

    pacer, clock, waits = fake_pacer(5.0)
    trainer = Trainer(TrainConfig(iters=11, train_size=300, seed=1), mnist_small)
    stream = TrainingStream(trainer, clock=clock, emit_interval=0.0)
    run = stream.run(pace=pacer.wait_turn)
    batches = []
    try:
        while True:
            batches.append(run.send(None) if batches else next(run))
    except StopIteration:
        pass
    assert trainer.iteration == 11 and len(waits) == 10
    # Only the waits move the fake clock: ten intervals of 0.2 s.
    assert batches[-1].active_seconds == pytest.approx(2.0)


class Epoch:
    def __init__(self, epoch):
        self.epoch = epoch


class Batch:
    def __init__(self, epochs):
        self.epochs = [Epoch(number) for number in epochs]


def test_pause_at_epochs_pauses_right_after_each_epochs_batch():
    # The book's first evaluation (epoch 0, after one iteration) ends no epoch.
    batches = [Batch([0]), Batch([]), Batch([1]), Batch([]), Batch([2])]
    passed_on = []
    pauses = []  # how many batches had been passed on when each pause was asked for

    def steps():
        yield from batches
        return "finished"

    generator = pause_at_epochs(steps(), lambda: True, lambda: pauses.append(len(passed_on)))
    try:
        output = next(generator)
        while True:
            passed_on.append(output)
            output = generator.send(None)
    except StopIteration as stop:
        assert stop.value == "finished"
    assert passed_on == batches
    # Asked for while the epoch's batch was on its way out, before any further step.
    assert pauses == [2, 4]


def iter_batches(batches):
    yield from batches


def test_pause_at_epochs_does_nothing_when_not_wanted():
    pauses = []
    outputs, _ = drive(pause_at_epochs(iter_batches([Batch([1]), None]), lambda: False,
                                       lambda: pauses.append(1)))
    assert pauses == [] and len(outputs) == 2
