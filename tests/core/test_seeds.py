"""Repeats over seeds: the seeds, and a mean ± std that matches the histories.

The reference statistics come from Python's ``statistics`` module, which sums exactly
(fractions): the only error is NumPy's. Its mean of k values in [0, 3] is within k ulps of
the true one; its two-pass standard deviation within about k * eps * mean / std relatively,
which for accuracies (std above 1e-3, mean below 1) stays below 1e-12.
"""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from desktop_nn.core.run_record import record_run
from desktop_nn.core.seeds import (
    MAX_REPEATS,
    group_summaries,
    mean_std,
    repeat_configs,
    repeat_seeds,
    repeat_trainers,
    seed_band,
)
from desktop_nn.core.training import FinishedEvent, TrainConfig
from tests.run_records import QUICK, STARTED, made_up, trained

RTOL, ATOL = 1e-12, 1e-15


def reference(columns) -> tuple[list[float], list[float]]:
    """Mean and sample std of each column of (runs, points) values, summed exactly."""
    columns = np.asarray(columns, dtype=np.float64).T.tolist()
    return ([statistics.fmean(c) for c in columns],
            [statistics.stdev(c) for c in columns])


def test_seeds_follow_the_configuration_seed():
    assert repeat_seeds(7, 3) == [7, 8, 9]
    assert repeat_seeds(2**32 - 2, 3) == [2**32 - 2, 2**32 - 1, 0]
    for bad in (0, MAX_REPEATS + 1, True, 2.0):
        with pytest.raises(ValueError, match="repeat"):
            repeat_seeds(0, bad)
    configs = repeat_configs(TrainConfig(seed=41, hidden_size=20), 2)
    assert configs == [TrainConfig(seed=41, hidden_size=20), TrainConfig(seed=42, hidden_size=20)]
    drawn = repeat_configs(TrainConfig(seed=None), 3)
    assert drawn[0].seed is not None
    assert [c.seed for c in drawn] == repeat_seeds(drawn[0].seed, 3)


def test_repeat_trainers_are_built_one_at_a_time(mnist_small):
    trainers = repeat_trainers(QUICK.replace(seed=5), mnist_small, 3)
    first = next(trainers)
    assert first.config.seed == 5 and first.iteration == 0
    assert [t.config.seed for t in trainers] == [6, 7]


@pytest.fixture(scope="module")
def three_seeds(mnist_small):
    """Three finished runs of the quick configuration, seeds 3, 4 and 5."""
    records = []
    for trainer in repeat_trainers(QUICK.replace(seed=3), mnist_small, 3):
        *_, finished = trainer.run()
        assert isinstance(finished, FinishedEvent)
        records.append(record_run(
            trainer, "finished", seconds=finished.seconds, started=STARTED,
            final=(finished.final_train_acc, finished.final_test_acc), group="seeds 3-5"))
    return records


def test_three_seeds_give_a_band_that_matches_the_histories(three_seeds):
    band = seed_band(three_seeds)
    assert band.runs == 3
    np.testing.assert_array_equal(band.epoch_iterations, [0, 20, 40])
    for name, attribute in (("train_acc", "train_acc_list"), ("test_acc", "test_acc_list")):
        mean, std = reference([getattr(r.history, attribute) for r in three_seeds])
        curve = getattr(band, name)
        np.testing.assert_allclose(curve.mean, mean, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(curve.std, std, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(curve.upper - curve.lower, 2 * curve.std, rtol=RTOL)
    mean, std = reference([r.history.train_loss_list for r in three_seeds])
    np.testing.assert_allclose(band.loss.mean, mean, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(band.loss.std, std, rtol=1e-9, atol=ATOL)
    finals = [r.final_test_acc for r in three_seeds]
    assert band.final_test_acc.count == 3
    assert math.isclose(band.final_test_acc.mean, statistics.fmean(finals), rel_tol=RTOL)
    assert math.isclose(band.final_test_acc.std, statistics.stdev(finals), rel_tol=RTOL)
    assert len({r.final_test_acc for r in three_seeds}) > 1  # the seeds did make a difference


def test_the_loss_band_is_of_the_smoothed_losses(three_seeds):
    def smooth(y):  # a running mean over 5, as any smoothing of the same length would do
        return np.convolve(y, np.ones(5) / 5, mode="same")

    band = seed_band(three_seeds, smooth)
    mean, std = reference([smooth(r.history.train_loss_list) for r in three_seeds])
    np.testing.assert_allclose(band.loss.mean, mean, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(band.loss.std, std, rtol=1e-9, atol=ATOL)
    with pytest.raises(ValueError, match="smoothing returned"):
        seed_band(three_seeds, lambda y: y[:-1])


def test_the_windows_own_smoothing_fits(three_seeds):
    """The loss plot's own moving average (the window draws it from the core)."""
    from desktop_nn.core.curve_series import moving_average

    band = seed_band(three_seeds, lambda y: moving_average(y, 10))
    mean, _ = reference([moving_average(r.history.train_loss_list, 10) for r in three_seeds])
    np.testing.assert_allclose(band.loss.mean, mean, rtol=RTOL, atol=ATOL)
    assert band.loss.mean.shape == (50,)


def test_runs_of_unequal_length_share_what_all_reached(mnist_small):
    full = [trained(mnist_small, QUICK.replace(seed=s))[0] for s in (0, 1)]
    short, _ = trained(mnist_small, QUICK.replace(seed=2), stop_after=30)
    band = seed_band([*full, short])
    assert len(band.iterations) == len(band.loss.mean) == 30
    np.testing.assert_array_equal(band.epoch_iterations, [0, 20])
    mean, _ = reference([r.history.test_acc_list[:2] for r in [*full, short]])
    np.testing.assert_allclose(band.test_acc.mean, mean, rtol=RTOL)


def test_a_band_needs_one_configuration():
    with pytest.raises(ValueError, match="more than its seed"):
        seed_band([made_up(0), made_up(1, config=TrainConfig(iters=60, hidden_size=7))])
    with pytest.raises(ValueError, match="at least one"):
        seed_band([])
    single = seed_band([made_up(0)])
    assert single.runs == 1 and np.all(np.isnan(single.test_acc.std))
    assert math.isnan(single.final_test_acc.std)


def test_group_summaries_give_mean_and_std_of_the_final_accuracies(three_seeds):
    others = [made_up(9, name="alone"), made_up(4, group="other"), made_up(5, group="other")]
    [seeds, other] = group_summaries([*three_seeds[:2], *others, three_seeds[2]])
    assert seeds.group == "seeds 3-5" and seeds.seeds == (3, 4, 5)
    for summary, members in ((seeds, three_seeds), (other, others[1:])):
        for name in ("final_train_acc", "final_test_acc"):
            values = [getattr(r, name) for r in members]
            stats = getattr(summary, name)
            assert stats.count == len(values)
            assert math.isclose(stats.mean, statistics.fmean(values), rel_tol=RTOL)
            assert math.isclose(stats.std, statistics.stdev(values), rel_tol=RTOL)


def test_mean_std_of_nothing_and_of_one():
    assert mean_std([]).count == 0 and math.isnan(mean_std([]).mean)
    one = mean_std([0.97])
    assert one.mean == 0.97 and math.isnan(one.std) and one.count == 1
