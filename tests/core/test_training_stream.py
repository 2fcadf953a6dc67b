"""A run as batched copies: nothing lost, nothing shared with the training, pauses honoured."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from desktop_nn.core.events import DivergedEvent, FinishedEvent
from desktop_nn.core.gradient import Cancelled
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.core.training_stream import ElementProgress, MetricsBatch, TrainingStream
from tests.fake_clock import FakeClock


def drive(stream, *, paused=lambda: False, send=None, report=None):
    """Run the stream to its end as the worker does: batches, then what flush() holds."""
    batches: list[MetricsBatch] = []
    run = stream.run(report=report or (lambda value: None), paused=paused)
    value = None
    try:
        while True:
            batch = run.send(value)
            value = send(stream.trainer) if send else None
            if batch is not None:
                batches.append(batch)
    except StopIteration as stop:
        ending = stop.value
    last = stream.flush()
    if last is not None:
        batches.append(last)
    return batches, ending


def config(**changes):
    values = {"iters": 65, "seed": 3, "train_size": 600, "batch_size": 30}
    values.update(changes)
    return TrainConfig(**values)


def test_the_batches_add_up_to_the_run(mnist_small):
    trainer = Trainer(config(), mnist_small)
    batches, ending = drive(TrainingStream(trainer, emit_interval=0.0))
    assert isinstance(ending, FinishedEvent)
    losses = np.concatenate([b.losses for b in batches])
    np.testing.assert_array_equal(losses, trainer.history.train_loss_list)
    firsts = [b.first_iteration for b in batches]
    assert firsts == sorted(firsts) and firsts[0] == 0
    for batch, following in itertools.pairwise(batches):
        assert following.first_iteration == batch.first_iteration + len(batch.losses)
    epochs = [e for b in batches for e in b.epochs]
    assert [e.iteration for e in epochs] == trainer.history.epoch_iterations
    assert len(epochs) == trainer.expected_epochs == 4  # 20 iterations an epoch
    assert batches[-1].iterations_done == 65 and batches[-1].params is not None


def test_the_weights_sent_are_copies(mnist_small):
    trainer = Trainer(config(iters=5), mnist_small)
    batches, _ = drive(TrainingStream(trainer))
    params = batches[-1].params
    for key, value in params.items():
        np.testing.assert_array_equal(value, trainer.network.params[key])
        assert not np.shares_memory(value, trainer.network.params[key])


def test_a_batch_waits_for_its_interval_unless_an_epoch_is_evaluated(mnist_small):
    clock = FakeClock()
    trainer = Trainer(config(iters=45), mnist_small)
    stream = TrainingStream(trainer, clock=clock, emit_interval=1.0, snapshot_interval=10.0)
    batches, _ = drive(stream)  # the clock never moves: epochs and the end only
    assert [b.iterations_done for b in batches] == [1, 21, 41, 45]
    assert [len(b.epochs) for b in batches] == [1, 1, 1, 0]
    assert all(b.params is not None for b in batches)  # an epoch sends the weights too


def test_while_paused_every_step_reports_with_the_weights(mnist_small):
    clock = FakeClock()
    trainer = Trainer(config(iters=6), mnist_small)
    stream = TrainingStream(trainer, clock=clock, emit_interval=1.0, snapshot_interval=10.0)
    batches, _ = drive(stream, paused=lambda: True)
    assert [b.iterations_done for b in batches] == [1, 2, 3, 4, 5, 6]
    assert all(b.params is not None and len(b.losses) == 1 for b in batches)


def test_flush_says_nothing_twice(mnist_small):
    trainer = Trainer(config(iters=6), mnist_small)
    stream = TrainingStream(trainer, clock=FakeClock(), emit_interval=1.0)
    run = stream.run()
    next(run)  # the first iteration (an epoch): reported at once
    next(run)
    held = stream.flush()
    assert held is not None and len(held.losses) == 1 and held.params is not None
    assert stream.flush() is None
    run.close()


def test_a_learning_rate_sent_in_applies_from_the_next_iteration(mnist_small):
    trainer = Trainer(config(iters=10), mnist_small)

    def new_rate(trainer):
        return 0.05 if trainer.iteration == 4 else None

    batches, _ = drive(TrainingStream(trainer, emit_interval=0.0), send=new_rate)
    changes = [change for b in batches for change in b.learning_rates]
    assert changes == [(4, 0.05)]
    assert trainer.history.learning_rates == [(0, 0.1), (4, 0.05)]
    assert trainer.optimizer.lr == 0.05


def test_active_time_leaves_out_the_time_the_consumer_held_it(mnist_small):
    clock = FakeClock()
    trainer = Trainer(config(iters=3), mnist_small)
    stream = TrainingStream(trainer, clock=clock, emit_interval=0.0)
    run = stream.run()
    next(run)
    clock.advance(100.0)  # held between two steps: not training time
    assert stream.active_seconds == 0.0
    run.send(None)
    assert stream.active_seconds == 0.0  # the clock did not move while it ran
    run.close()


def test_a_diverged_run_ends_the_stream_with_its_event(mnist_small):
    trainer = Trainer(config(iters=300, learning_rate=1000.0, weight_init_std=10.0),
                      mnist_small)
    batches, ending = drive(TrainingStream(trainer))
    assert isinstance(ending, DivergedEvent)
    losses = np.concatenate([b.losses for b in batches])
    assert len(losses) == ending.iteration  # every iteration before the one that diverged
    np.testing.assert_array_equal(losses, trainer.history.train_loss_list[: len(losses)])


def test_a_numerical_iteration_reports_its_progress_and_can_be_cancelled(mnist_small):
    small = config(iters=2, hidden_size=2, batch_size=2, gradient="numerical", dtype="float64")
    trainer = Trainer(small, mnist_small)
    reports: list[ElementProgress] = []
    stream = TrainingStream(trainer, element_interval=0.0)
    trainer.should_stop = lambda: len(reports) >= 100
    with pytest.raises(Cancelled):
        drive(stream, report=reports.append)
    assert len(reports) == 100
    assert all(r.total == 784 * 2 + 2 + 2 * 10 + 10 for r in reports)
    assert [r.done for r in reports] == list(range(1, 101))
    assert trainer.on_numerical_progress is None  # the stream's hook is gone
