"""The settings of one training run: :class:`TrainConfig`, its allowed ranges and choices.

The window's spin boxes, the command line's options and the settings file are all checked
against :data:`LIMITS` and :data:`CHOICES`, so a configuration that passes here can be trained.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from desktop_nn.core.dataset_names import DATASETS
from desktop_nn.core.network import ACTIVATIONS, NAMED_INITS
from desktop_nn.core.optimizers import OPTIMIZERS

MNIST_TRAIN_SIZE = 60_000

#: Allowed ranges of the numeric fields, inclusive; the GUI's spin boxes use the same limits.
LIMITS: dict[str, tuple[float, float]] = {
    "hidden_size": (1, 4096),
    "learning_rate": (1e-6, 1000.0),
    "batch_size": (1, MNIST_TRAIN_SIZE),
    "iters": (1, 10_000_000),
    "weight_init_std": (1e-6, 10.0),
    "seed": (0, 2**32 - 1),
    "train_size": (1, MNIST_TRAIN_SIZE),
}
#: Ranges of the gradient check's settings, shared by its tab and ``desktop-nn gradcheck``:
#: the numerical gradient's time grows with samples x weights, so both are bounded.
GRADCHECK_LIMITS: dict[str, tuple[float, float]] = {
    "samples": (1, 1000),
    "hidden_size": LIMITS["hidden_size"],
    "seed": (0, 2**31 - 1),
    "delta": (0.0, 1e-2),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "activation": tuple(ACTIVATIONS),
    "optimizer": tuple(OPTIMIZERS),
    "gradient": ("backprop", "numerical"),
    "sampling": ("replacement", "shuffle"),
    "dtype": ("float32", "float64"),
    "dataset": DATASETS,
}


@dataclass(frozen=True)
class TrainConfig:
    """Hyperparameters of one training run; the defaults are the book's chapter 5.

    Invalid values raise ``ValueError`` naming the field, the value and what is allowed.

    Attributes
    ----------
    hidden_size : int, 50
    learning_rate : float, 0.1
    batch_size : int, 100
    iters : int, 10000
    weight_init_std : float or {"he", "xavier"}, 0.01
    activation : {"relu", "sigmoid"}
    optimizer : {"sgd", "momentum", "adagrad", "adam"}
    gradient : {"backprop", "numerical"}
        "numerical" is the chapter-4 method: thousands of times slower, needs float64.
    seed : int or None, 0
        The same seed repeats a run exactly; 0 is the default of the window and the command
        line alike. None draws a fresh seed when the trainer starts (recorded in its
        ``config``).
    train_size : int or None
        Train on this many training images (a random subset), or all of them (None).
    sampling : {"replacement", "shuffle"}
        "replacement" draws each batch at random as the book does; "shuffle" walks through a
        fresh permutation every epoch.
    dtype : {"float32", "float64"}
        float32 is about twice as fast; float64 is the book's.
    dataset : {"mnist", "fashion-mnist"}
        Recorded with the model; the data itself is passed to the trainer.
    loss_after_update : bool, False
        The book records the loss of each batch after the update, with one more forward pass;
        by default the loss of the forward pass the gradient already made (before the update)
        is recorded instead, which saves a third of every iteration. The two curves are
        indistinguishable and the training itself is the same. The numerical gradient always
        records the loss after the update, as the book does.
    """

    hidden_size: int = 50
    learning_rate: float = 0.1
    batch_size: int = 100
    iters: int = 10_000
    weight_init_std: float | str = 0.01
    activation: str = "relu"
    optimizer: str = "sgd"
    gradient: str = "backprop"
    seed: int | None = 0
    train_size: int | None = None
    sampling: str = "replacement"
    dtype: str = "float32"
    dataset: str = "mnist"
    loss_after_update: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.loss_after_update, bool):
            raise ValueError(
                f"loss_after_update={self.loss_after_update!r} is not allowed: use true or false"
            )
        for name in ("hidden_size", "batch_size", "iters", "seed", "train_size"):
            value = getattr(self, name)
            if value is None and name in ("seed", "train_size"):
                continue
            check_int(name, value)
        check_float("learning_rate", self.learning_rate)
        if isinstance(self.weight_init_std, str):
            if self.weight_init_std not in NAMED_INITS:
                raise ValueError(
                    f"weight_init_std={self.weight_init_std!r} is not allowed: use a number in "
                    f"[{LIMITS['weight_init_std'][0]}, {LIMITS['weight_init_std'][1]}] or one "
                    f"of {list(NAMED_INITS)}"
                )
        else:
            check_float("weight_init_std", self.weight_init_std)
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(f"{name}={value!r} is not allowed: use one of {list(allowed)}")
        if self.gradient == "numerical" and self.dtype != "float64":
            raise ValueError(
                f"dtype={self.dtype!r} is not allowed with gradient='numerical': use 'float64' "
                "(central differences in float32 are mostly rounding noise)"
            )

    def replace(self, **changes: Any) -> TrainConfig:
        """Return a copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TrainConfig:
        """Build a config from :meth:`to_dict` output; unknown keys raise ``ValueError``."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown training settings: {', '.join(unknown)}")
        return cls(**values)


def check_int(name: str, value: Any) -> None:
    low, high = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(
            f"{name}={value!r} is not allowed: it must be an integer in [{low}, {high}]"
        )
    if not low <= value <= high:
        raise ValueError(f"{name}={value!r} is out of range: it must be in [{low}, {high}]")


def check_float(name: str, value: Any) -> None:
    low, high = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name}={value!r} is not allowed: it must be a number in [{low}, {high}]")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name}={value!r} is out of range: it must be in [{low}, {high}]")

