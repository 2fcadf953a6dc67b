"""A long headless run: 200,000 iterations of the book's configuration with flat memory.

The loss history is reserved once, the epoch lists grow by one entry per 600 iterations, and
nothing else accumulates; resident memory after the first 20,000 iterations must stay put.
"""

from __future__ import annotations

import pytest

from desktop_nn.core.training import EpochEvent, FinishedEvent, IterationEvent, TrainConfig, Trainer
from tests.memory import rss_mb

ITERATIONS = 200_000
WARM_UP = 20_000
#: Allowed growth after warm-up: the loss array's pages (1.6 MB) plus allocator noise.
MAX_GROWTH_MB = 16.0


@pytest.mark.slow
def test_two_hundred_thousand_iterations_in_flat_memory(mnist):
    trainer = Trainer(TrainConfig(iters=ITERATIONS, seed=11), mnist)
    samples = {}
    epochs = 0
    finished = None
    for event in trainer.run():
        if isinstance(event, IterationEvent) and (event.iteration + 1) % WARM_UP == 0:
            samples[event.iteration + 1] = rss_mb()
        elif isinstance(event, EpochEvent):
            epochs += 1
        elif isinstance(event, FinishedEvent):
            finished = event
    assert finished is not None and finished.iterations == ITERATIONS
    assert epochs == len(trainer.history.test_acc_list) == 334
    growth = samples[ITERATIONS] - samples[WARM_UP]
    print(f"\nRSS after {WARM_UP:,}: {samples[WARM_UP]:.1f} MB; after {ITERATIONS:,}: "
          f"{samples[ITERATIONS]:.1f} MB; growth {growth:+.1f} MB; test acc "
          f"{finished.final_test_acc:.4f}; {finished.seconds:.0f} s")
    assert growth < MAX_GROWTH_MB, samples
    assert finished.final_test_acc > 0.97
