"""Run records for the tests: trained on a little MNIST, or made up quickly with known values."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np

from desktop_nn.core.run_record import RunRecord, history_from_arrays, record_run, same_history
from desktop_nn.core.training import (
    DivergedEvent,
    FinishedEvent,
    IterationEvent,
    TrainConfig,
    Trainer,
)

#: A quick run: 2,000 images in batches of 100, epochs after iterations 0, 20 and 40.
QUICK = TrainConfig(iters=50, train_size=2000)
STARTED = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)


def trained(
    data,
    config: TrainConfig = QUICK,
    *,
    stop_after: int | None = None,
    diverge_after: int | None = None,
    rate_changes: dict[int, float] | None = None,
    **fields,
) -> tuple[RunRecord, Trainer]:
    """Train ``config`` on ``data``; stop after ``stop_after`` iterations if given.

    ``diverge_after`` multiplies the weights by 1e200 after that iteration (in float64 the
    next loss is not finite). ``rate_changes`` maps an iteration to the learning rate set
    after it. The record's status is "finished", "stopped" or "diverged" as the run went.
    """
    trainer = Trainer(config, data)
    rate_changes = rate_changes or {}
    events = trainer.run()
    finished, diverged = None, None
    for event in events:
        if isinstance(event, IterationEvent):
            if event.iteration in rate_changes:
                trainer.set_learning_rate(rate_changes[event.iteration])
            if stop_after is not None and event.iteration + 1 >= stop_after:
                break
            if event.iteration == diverge_after:
                for value in trainer.network.params.values():
                    value *= 1e200
        elif isinstance(event, FinishedEvent):
            finished = event
        elif isinstance(event, DivergedEvent):
            diverged = event
    events.close()
    if finished is not None:
        record = record_run(trainer, "finished", seconds=finished.seconds, started=STARTED,
                            final=(finished.final_train_acc, finished.final_test_acc), **fields)
    elif diverged is not None:
        record = record_run(trainer, "diverged", seconds=0.5, started=STARTED,
                            message=diverged.message, **fields)
    else:
        record = record_run(trainer, "stopped", seconds=0.25, started=STARTED, **fields)
    return record, trainer


def made_up(
    seed: int = 0,
    *,
    iterations: int = 60,
    epoch_every: int = 20,
    config: TrainConfig | None = None,
    status: str = "finished",
    **fields,
) -> RunRecord:
    """A record with values drawn from ``seed`` (no training): losses falling, accuracies
    rising, one learning-rate change half way."""
    rng = np.random.default_rng(seed)
    config = (config or TrainConfig(iters=max(iterations, 1))).replace(seed=seed)
    losses = 2.3 * np.exp(-np.arange(iterations) / 30) + rng.uniform(0, 0.1, iterations)
    epochs = list(range(0, iterations, epoch_every))
    train = np.sort(rng.uniform(0.1, 0.9, len(epochs))).tolist()
    test = np.sort(rng.uniform(0.1, 0.9, len(epochs))).tolist()
    rates = [(0, config.learning_rate), (iterations // 2, config.learning_rate / 2)]
    history = history_from_arrays(losses, epochs, train, test, rates)
    values = dict(
        name="", config=config, history=history, status=status, seconds=1.5 + seed,
        started=STARTED + timedelta(minutes=seed), iterations=iterations,
        final_train_acc=train[-1] if status == "finished" else None,
        final_test_acc=test[-1] if status == "finished" else None,
    )
    values.update(fields)
    return RunRecord(**values)


def assert_same_run(read: RunRecord, kept: RunRecord) -> None:
    """Everything a run is, equal (the history bit for bit)."""
    assert same_history(read.history, kept.history)
    assert read.history.count == kept.history.count
    for name in ("name", "config", "status", "seconds", "started", "iterations",
                 "final_train_acc", "final_test_acc", "message", "group", "number",
                 "has_model"):
        assert getattr(read, name) == getattr(kept, name), name
