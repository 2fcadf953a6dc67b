"""One training run as a plain record: what the runs table, the store and the exports share.

A :class:`RunRecord` is a run that has ended (or, in the window, one still running): its
name, the settings it used, its :class:`History`, how it ended and how long it took. It knows
nothing of files or of Qt: :mod:`desktop_nn.core.run_store` keeps records on disk,
:mod:`desktop_nn.core.run_table` computes what the runs table shows, and
:mod:`desktop_nn.core.run_export` writes them as CSV.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from desktop_nn.core.training import History, TrainConfig, Trainer

#: How a run ended ("running": the window's current run, never kept on disk).
STATUSES = ("finished", "stopped", "diverged", "running")
ENDED = ("finished", "stopped", "diverged")
#: The longest run name, in characters.
MAX_NAME_LENGTH = 100
#: The longest message (a divergence explanation is about 250 characters).
MAX_MESSAGE_LENGTH = 2000
#: Unicode categories a one-line name must not hold: controls, formats, line separators.
_REFUSED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


@dataclass(frozen=True, eq=False)
class RunRecord:
    """A training run and how it went.

    Attributes
    ----------
    name : str
        How the run is shown ("run 3" unless renamed); "" until the store names it.
    config : TrainConfig
        The settings used; its ``seed`` is never None.
    history : History
        Losses (iterations,), accuracies (epochs,) and learning-rate changes.
    status : {"finished", "stopped", "diverged", "running"}
    seconds : float
        Time spent training (with its evaluations; pauses excluded).
    started : datetime
        When the run started, timezone-aware.
    iterations : int
        Iterations done: ``history.count``, or one more when the last loss was not finite
        (a run that diverged that way does not record that loss).
    final_train_acc, final_test_acc : float or None
        The accuracies of the network as it ended; None when the run ended without a final
        evaluation (see :meth:`final_accuracies`).
    message : str
        Why the run ended, if it says anything (a divergence's explanation).
    group : str or None
        Runs of one configuration repeated over seeds share a group label.
    number : int or None
        The run's place in the store (counted from 1, never reused); None before it is kept.
    has_model : bool
        Whether the store holds the run's trained network.
    """

    name: str
    config: TrainConfig
    history: History
    status: str
    seconds: float
    started: datetime
    iterations: int
    final_train_acc: float | None = None
    final_test_acc: float | None = None
    message: str = ""
    group: str | None = None
    number: int | None = None
    has_model: bool = False

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status={self.status!r} is not one of {list(STATUSES)}")
        if self.config.seed is None:
            raise ValueError("a run record needs the seed the run used (config.seed is None)")
        if not (math.isfinite(self.seconds) and self.seconds >= 0):
            raise ValueError(f"seconds={self.seconds!r} must be a finite number >= 0")
        if self.started.tzinfo is None:
            raise ValueError("started must carry its time zone")
        if not self.history.count <= self.iterations <= self.history.count + 1:
            raise ValueError(
                f"iterations={self.iterations} does not fit a history of {self.history.count}"
            )
        if self.name:
            check_name(self.name)
        if self.group is not None:
            check_name(self.group)

    @property
    def seed(self) -> int:
        """The seed the run used."""
        return int(self.config.seed)  # type: ignore[arg-type]  (checked in __post_init__)

    def final_accuracies(self) -> tuple[float | None, float | None]:
        """(train, test) accuracy as the run ended: the final evaluation, else the last epoch's.

        Both None for a run that never reached an evaluation.
        """
        if self.final_train_acc is not None and self.final_test_acc is not None:
            return self.final_train_acc, self.final_test_acc
        if self.history.test_acc_list:
            return self.history.train_acc_list[-1], self.history.test_acc_list[-1]
        return None, None

    def replace(self, **changes) -> RunRecord:
        """A copy with some fields changed (checked again); the history is shared."""
        return dataclasses.replace(self, **changes)


def check_name(name: str) -> str:
    """Return ``name`` if it can name a run (one line of 1 to 100 characters), else raise.

    Raises
    ------
    ValueError
        Empty, only spaces, too long, with spaces at either end, or holding a control
        character, a line break or an unassigned code point.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a run name cannot be empty")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"a run name has at most {MAX_NAME_LENGTH} characters, not {len(name)}")
    if name != name.strip():
        raise ValueError(f"a run name cannot start or end with a space: {name!r}")
    for char in name:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise ValueError(f"a run name cannot hold the character U+{ord(char):04X}")
    return name


def now_utc() -> datetime:
    """The current time in UTC (when a run starts)."""
    return datetime.now(timezone.utc)


def record_run(
    trainer: Trainer,
    status: str,
    *,
    seconds: float,
    started: datetime,
    final: tuple[float, float] | None = None,
    message: str = "",
    name: str = "",
    group: str | None = None,
) -> RunRecord:
    """A record of the run ``trainer`` made, with a copy of its history.

    Parameters
    ----------
    trainer : Trainer
        Its ``config``, ``history`` and ``iteration`` are recorded.
    status : {"finished", "stopped", "diverged", "running"}
    seconds : float
        ``FinishedEvent.seconds`` for a finished run; the time measured by the caller else.
    started : datetime
        Timezone-aware (:func:`now_utc` when the run started).
    final : (float, float), optional
        The final (train, test) accuracies of a finished run.
    """
    train, test = final if final is not None else (None, None)
    return RunRecord(
        name=name, config=trainer.config, history=copy_history(trainer.history),
        status=status, seconds=float(seconds), started=started,
        iterations=trainer.iteration, final_train_acc=train, final_test_acc=test,
        message=message, group=group,
    )


def history_from_arrays(
    losses: np.ndarray,
    epoch_iterations: Sequence[int],
    train_acc: Sequence[float],
    test_acc: Sequence[float],
    learning_rates: Sequence[tuple[int, float]],
) -> History:
    """A :class:`History` holding the given values (checked by the caller).

    Parameters
    ----------
    losses : ndarray, shape (iterations,)
    epoch_iterations : sequence of int, length epochs
    train_acc, test_acc : sequences of float, length epochs
    learning_rates : sequence of (first iteration, rate)
    """
    losses = np.asarray(losses, dtype=np.float64)
    history = History.from_losses(losses)
    history.epoch_iterations.extend(int(i) for i in epoch_iterations)
    history.train_acc_list.extend(float(a) for a in train_acc)
    history.test_acc_list.extend(float(a) for a in test_acc)
    history.learning_rates.extend((int(i), float(r)) for i, r in learning_rates)
    return history


def copy_history(history: History) -> History:
    """A copy of ``history`` that later training cannot change.

    An evaluation interrupted half-way through being recorded (Ctrl-C between its appends)
    is left out, so the three epoch lists always have one length.
    """
    epochs = min(len(history.epoch_iterations), len(history.train_acc_list),
                 len(history.test_acc_list))
    return history_from_arrays(
        history.train_loss_list, history.epoch_iterations[:epochs],
        history.train_acc_list[:epochs], history.test_acc_list[:epochs],
        history.learning_rates,
    )


def same_history(a: History, b: History) -> bool:
    """True if both hold the same values, bit for bit."""
    return (
        np.array_equal(a.train_loss_list, b.train_loss_list)
        and a.epoch_iterations == b.epoch_iterations
        and a.train_acc_list == b.train_acc_list
        and a.test_acc_list == b.test_acc_list
        and a.learning_rates == b.learning_rates
    )
