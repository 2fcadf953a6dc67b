"""BatchSampler: the mini-batches of a run, with replacement or shuffled."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core import batches as batches_module
from desktop_nn.core.batches import BatchSampler


def sampler(sampling="replacement", size=2000, batch_size=100, seed=0):
    return BatchSampler(size, batch_size, sampling, np.random.default_rng(seed))


def test_replacement_draws_many_batches_per_call_in_order():
    drawn = sampler(seed=4)
    per_draw = batches_module.INDICES_PER_DRAW // 100
    batches = [drawn.next_indices() for _ in range(2 * per_draw + 3)]
    assert all(b.shape == (100,) for b in batches)
    reference = np.random.default_rng(4)
    expected = np.concatenate([reference.integers(0, 2000, (per_draw, 100)) for _ in range(3)])
    np.testing.assert_array_equal(np.stack(batches), expected[: len(batches)])


def test_same_seed_same_batches_other_seed_others():
    a, b, c = sampler(seed=1), sampler(seed=1), sampler(seed=2)
    first = np.stack([a.next_indices() for _ in range(200)])
    np.testing.assert_array_equal(first, np.stack([b.next_indices() for _ in range(200)]))
    assert not np.array_equal(first, np.stack([c.next_indices() for _ in range(200)]))


def test_replacement_covers_the_whole_range():
    one = sampler(size=2000)
    drawn = np.concatenate([one.next_indices() for _ in range(100)])
    assert drawn.min() >= 0 and drawn.max() < 2000
    assert len(np.unique(drawn)) > 1500


@pytest.mark.parametrize("batch_size", [1, 8191, 8192, 8193, 60_000])
def test_any_batch_size_with_replacement(batch_size):
    drawn = sampler(size=60_000, batch_size=batch_size)
    for _ in range(3):
        indices = drawn.next_indices()
        assert indices.shape == (batch_size,)
        assert indices.min() >= 0 and indices.max() < 60_000


@pytest.mark.parametrize("sampling", ["replacement", "shuffle"])
def test_handed_out_indices_are_read_only(sampling):
    indices = sampler(sampling).next_indices()
    with pytest.raises(ValueError):
        indices[0] = 5


def test_shuffle_visits_every_image_once_a_pass():
    drawn = sampler("shuffle", size=2000, batch_size=100)
    passes = [np.concatenate([drawn.next_indices() for _ in range(20)]) for _ in range(3)]
    for one_pass in passes:
        np.testing.assert_array_equal(np.sort(one_pass), np.arange(2000))
    assert not np.array_equal(passes[0], passes[1])


def test_shuffle_starts_a_new_pass_rather_than_repeat_an_image():
    drawn = sampler("shuffle", size=250, batch_size=100)
    for _ in range(4):
        both = np.concatenate([drawn.next_indices(), drawn.next_indices()])
        assert len(np.unique(both)) == 200  # the last 50 of each pass are skipped


def test_invalid_arguments():
    with pytest.raises(ValueError, match="sampling='random'"):
        sampler("random")
    with pytest.raises(ValueError, match="batch_size=300"):
        sampler("shuffle", size=200, batch_size=300)
    assert sampler("replacement", size=200, batch_size=300).next_indices().shape == (300,)
