"""One configuration over several seeds: the repeats, and their mean with a band of ± one std.

The book says its network ends "about 97%"; runs that differ only in their seed say how much
"about" is. :func:`repeat_configs` makes the k configurations, :func:`seed_band` turns the k
histories into a mean curve and a standard deviation per point, and :func:`group_summaries`
gives mean ± std of the final accuracies of each group of repeats.

Seeds
    The k runs use the seeds ``s, s + 1, ..., s + k - 1`` (modulo 2**32), where ``s`` is the
    configuration's seed: the first repeat is the run the configuration alone would make, and
    every repeat can be made again with ``desktop-nn train --seed``. Neighbouring seeds give
    unrelated random streams: NumPy hashes a seed through ``SeedSequence`` before using it.
Standard deviation
    The sample standard deviation over the runs (``ddof=1``): the estimate of the spread a
    new seed would show. One run has none (NaN).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from desktop_nn.core.run_record import RunRecord
from desktop_nn.core.training import LIMITS, Dataset, TrainConfig, Trainer

#: The most runs one repeat makes.
MAX_REPEATS = 100
_SEED_SPAN = int(LIMITS["seed"][1]) + 1


def repeat_seeds(seed: int, k: int) -> list[int]:
    """The seeds of ``k`` repeats starting from ``seed``: ``seed, seed + 1, ...`` mod 2**32."""
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_REPEATS:
        raise ValueError(f"k={k!r} is out of range: repeat 1 to {MAX_REPEATS} times")
    return [(seed + i) % _SEED_SPAN for i in range(k)]


def repeat_configs(config: TrainConfig, k: int) -> list[TrainConfig]:
    """``config`` with each of the seeds of :func:`repeat_seeds` (a seed of None: drawn first)."""
    seed = config.seed
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % _SEED_SPAN)
    return [config.replace(seed=s) for s in repeat_seeds(seed, k)]


def repeat_trainers(config: TrainConfig, data: Dataset, k: int, **options) -> Iterator[Trainer]:
    """The trainers of the ``k`` repeats, each built when the one before has been used.

    ``options`` go to every :class:`Trainer` (``clock``, ``blas_thread_count``).
    """
    for repeat in repeat_configs(config, k):
        yield Trainer(repeat, data, **options)


def same_configuration(a: TrainConfig, b: TrainConfig) -> bool:
    """True if the two configurations differ at most in their seed."""
    return a.replace(seed=0) == b.replace(seed=0)


@dataclass(frozen=True)
class MeanStd:
    """Mean and sample standard deviation of ``count`` values (NaN when there are none)."""

    mean: float
    std: float
    count: int


def mean_std(values: Sequence[float]) -> MeanStd:
    """Mean ± sample standard deviation; the std is NaN for fewer than two values."""
    array = np.asarray(values, dtype=np.float64)
    if len(array) == 0:
        return MeanStd(math.nan, math.nan, 0)
    std = float(np.std(array, ddof=1)) if len(array) > 1 else math.nan
    return MeanStd(float(np.mean(array)), std, len(array))


@dataclass(frozen=True)
class CurveBand:
    """A mean curve and its standard deviation, point by point (both of one shape)."""

    mean: np.ndarray
    std: np.ndarray

    @property
    def lower(self) -> np.ndarray:
        return self.mean - self.std

    @property
    def upper(self) -> np.ndarray:
        return self.mean + self.std


@dataclass(frozen=True)
class SeedBand:
    """Mean and ± one std of k runs of one configuration.

    Attributes
    ----------
    runs : int
        k.
    epoch_iterations : ndarray of int, shape (epochs,)
        The x of the accuracy curves: the epochs every run reached.
    train_acc, test_acc : CurveBand, shape (epochs,)
    iterations : ndarray of int, shape (iterations,)
        The x of the loss: the iterations every run reached.
    loss : CurveBand, shape (iterations,)
        Of the smoothed losses (see :func:`seed_band`).
    final_train_acc, final_test_acc : MeanStd
        Over the runs' final accuracies (see :meth:`RunRecord.final_accuracies`).
    """

    runs: int
    epoch_iterations: np.ndarray
    train_acc: CurveBand
    test_acc: CurveBand
    iterations: np.ndarray
    loss: CurveBand
    final_train_acc: MeanStd
    final_test_acc: MeanStd


Smoothing = Callable[[np.ndarray], np.ndarray]


def seed_band(records: Sequence[RunRecord], smooth: Smoothing | None = None) -> SeedBand:
    """Mean and standard deviation over runs that differ only in their seed.

    Parameters
    ----------
    records : sequence of RunRecord
        At least one; their configurations may differ in the seed alone. Runs of unequal
        length (one was stopped early) are compared over the iterations and epochs that
        all of them reached.
    smooth : callable, optional
        Applied to each run's losses (iterations,) before the mean is taken, returning an
        array of the same shape: the window passes the moving average its loss plot draws.
        None compares the raw losses.

    Raises
    ------
    ValueError
        No records, or configurations that differ in more than the seed.
    """
    if not records:
        raise ValueError("a band needs at least one run")
    first = records[0].config
    for record in records[1:]:
        if not same_configuration(first, record.config):
            raise ValueError(f"{record.name} differs from {records[0].name} in more than its "
                             "seed")
    epochs = min(len(r.history.test_acc_list) for r in records)
    count = min(r.history.count for r in records)
    losses = np.stack([_smoothed(r.history.train_loss_list[:count], smooth) for r in records])
    finals = [r.final_accuracies() for r in records]
    return SeedBand(
        runs=len(records),
        epoch_iterations=np.asarray(records[0].history.epoch_iterations[:epochs], dtype=np.int64),
        train_acc=_band(np.array([r.history.train_acc_list[:epochs] for r in records])),
        test_acc=_band(np.array([r.history.test_acc_list[:epochs] for r in records])),
        iterations=np.arange(count),
        loss=_band(losses),
        final_train_acc=mean_std([t for t, _ in finals if t is not None]),
        final_test_acc=mean_std([t for _, t in finals if t is not None]),
    )


def _smoothed(losses: np.ndarray, smooth: Smoothing | None) -> np.ndarray:
    losses = np.asarray(losses, dtype=np.float64)
    if smooth is None:
        return losses
    smoothed = np.asarray(smooth(losses), dtype=np.float64)
    if smoothed.shape != losses.shape:
        raise ValueError(f"the smoothing returned shape {smoothed.shape} for {losses.shape}")
    return smoothed


def _band(values: np.ndarray) -> CurveBand:
    """Mean and sample std down the first axis of (runs, points) values."""
    values = values.reshape(len(values), -1).astype(np.float64)
    mean = values.mean(axis=0)
    std = values.std(axis=0, ddof=1) if len(values) > 1 else np.full_like(mean, np.nan)
    return CurveBand(mean, std)


@dataclass(frozen=True)
class GroupSummary:
    """A group of repeats: its runs and mean ± std of their final accuracies."""

    group: str
    names: tuple[str, ...]
    seeds: tuple[int, ...]
    final_train_acc: MeanStd
    final_test_acc: MeanStd


def group_summaries(records: Sequence[RunRecord]) -> list[GroupSummary]:
    """One summary per group label, in the order the groups first appear."""
    groups: dict[str, list[RunRecord]] = {}
    for record in records:
        if record.group is not None:
            groups.setdefault(record.group, []).append(record)
    summaries = []
    for label, members in groups.items():
        finals = [r.final_accuracies() for r in members]
        summaries.append(GroupSummary(
            group=label, names=tuple(r.name for r in members),
            seeds=tuple(r.seed for r in members),
            final_train_acc=mean_std([t for t, _ in finals if t is not None]),
            final_test_acc=mean_std([t for _, t in finals if t is not None]),
        ))
    return summaries
