"""Training as a generator of plain events: the book's mini-batch loop, made observable.

A :class:`Trainer` is built from a :class:`TrainConfig` and the data; ``Trainer.run()`` yields an
:class:`IterationEvent` per iteration, an :class:`EpochEvent` at each epoch boundary and a
:class:`FinishedEvent` (or a :class:`DivergedEvent`) at the end. Whoever iterates decides the
pace: the CLI prints, the GUI worker forwards to the window, a test collects. Between two events
nothing runs, so pausing is simply not asking for the next one.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from desktop_nn.core.batches import BatchSampler
from desktop_nn.core.blas import DEFAULT_BLAS_THREADS, blas_threads
from desktop_nn.core.fused_gradient import FusedGradient
from desktop_nn.core.gradient import Cancelled
from desktop_nn.core.network import ACTIVATIONS, NAMED_INITS, TwoLayerNet
from desktop_nn.core.optimizers import OPTIMIZERS, make_optimizer

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
    "dataset": ("mnist", "fashion-mnist"),
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
            _check_int(name, value)
        _check_float("learning_rate", self.learning_rate)
        if isinstance(self.weight_init_std, str):
            if self.weight_init_std not in NAMED_INITS:
                raise ValueError(
                    f"weight_init_std={self.weight_init_std!r} is not allowed: use a number in "
                    f"[{LIMITS['weight_init_std'][0]}, {LIMITS['weight_init_std'][1]}] or one "
                    f"of {list(NAMED_INITS)}"
                )
        else:
            _check_float("weight_init_std", self.weight_init_std)
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


def _check_int(name: str, value: Any) -> None:
    low, high = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(
            f"{name}={value!r} is not allowed: it must be an integer in [{low}, {high}]"
        )
    if not low <= value <= high:
        raise ValueError(f"{name}={value!r} is out of range: it must be in [{low}, {high}]")


def _check_float(name: str, value: Any) -> None:
    low, high = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name}={value!r} is not allowed: it must be a number in [{low}, {high}]")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name}={value!r} is out of range: it must be in [{low}, {high}]")


class IterationEvent(NamedTuple):
    """One update done: ``iteration`` counts from 0; ``loss`` on its batch after the update."""

    iteration: int
    loss: float


class EpochEvent(NamedTuple):
    """Accuracies on the full training (sub)set and the full test set after ``iteration``."""

    epoch: int
    iteration: int
    train_acc: float
    test_acc: float


class FinishedEvent(NamedTuple):
    """All iterations done.

    ``seconds`` is the time spent inside the training loop and its evaluations (not the time
    the consumer held it paused). The final accuracies are those of the trained network.
    """

    iterations: int
    seconds: float
    final_train_acc: float
    final_test_acc: float


class DivergedEvent(NamedTuple):
    """The run went off the rails at ``iteration`` and ends here.

    ``reason`` is "non-finite" (the loss became inf or nan), "dead-relu" (every hidden ReLU
    output zero for every image of many batches in a row: the network can only guess) or
    "stuck" (the loss stayed far above chance level without improving). The last two are the
    quiet kind the book's code shows at a learning rate of 100: no NaN, just a loss near 14 that
    never moves and an accuracy at chance.
    """

    iteration: int
    loss: float
    message: str
    reason: str = "non-finite"


Event = IterationEvent | EpochEvent | FinishedEvent | DivergedEvent

#: A ReLU network whose hidden units are all silent for this many batches in a row is dead.
DEAD_RELU_STREAK = 50
#: The loss is "stuck" when its mean over a window of this many iterations stays above
#: STUCK_FACTOR times the chance-level loss ln(classes) and no lower than the window before.
STUCK_WINDOW = 100
STUCK_FACTOR = 2.0
Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class History:
    """The book's three lists, with the loss kept in a preallocated array.

    Attributes
    ----------
    train_loss_list : ndarray, shape (iterations done,)
        A view of the losses so far (no copy; memory is reserved once for all iterations).
    train_acc_list, test_acc_list : list of float
        One entry per epoch evaluation.
    epoch_iterations : list of int
        The iteration after which each evaluation was made.
    learning_rates : list of (int, float)
        ``(first iteration, rate)`` for the starting rate and each change made during the run,
        in order: the rate of iteration ``i`` is that of the last entry at or before ``i``.
    """

    def __init__(self, iters: int, learning_rate: float | None = None) -> None:
        self._loss = np.empty(iters, dtype=np.float64)
        self.count = 0
        self.train_acc_list: list[float] = []
        self.test_acc_list: list[float] = []
        self.epoch_iterations: list[int] = []
        self.learning_rates: list[tuple[int, float]] = []
        if learning_rate is not None:
            self.set_learning_rate(0, learning_rate)

    def set_learning_rate(self, iteration: int, rate: float) -> None:
        """Record that iterations from ``iteration`` on use ``rate`` (no change: nothing)."""
        rates, rate = self.learning_rates, float(rate)
        if rates and rates[-1][0] == iteration:
            rates.pop()  # replaced before any iteration used it
        if not rates or rates[-1][1] != rate:
            rates.append((iteration, rate))

    def learning_rate_per_iteration(self) -> np.ndarray:
        """The rate each recorded iteration used, shape (iterations done,); NaN if unknown."""
        rates = np.full(self.count, np.nan)
        for first, rate in self.learning_rates:
            rates[first:] = rate
        return rates

    @property
    def train_loss_list(self) -> np.ndarray:
        return self._loss[: self.count]

    def add_loss(self, loss: float) -> None:
        self._loss[self.count] = loss
        self.count += 1

    def add_epoch(self, iteration: int, train_acc: float, test_acc: float) -> None:
        self.epoch_iterations.append(iteration)
        self.train_acc_list.append(train_acc)
        self.test_acc_list.append(test_acc)


def labels_as_indices(t: np.ndarray) -> np.ndarray:
    """Return class indices (N,) for labels given as indices (N,) or one-hot rows (N, C)."""
    t = np.asarray(t)
    return t.argmax(axis=1) if t.ndim == 2 else t


class Trainer:
    """Runs one training of a :class:`TwoLayerNet` on the given data.

    Parameters
    ----------
    config : TrainConfig
    data : ((x_train, t_train), (x_test, t_test))
        As returned by ``load_mnist(normalize=True)``: images (N, 784), labels (N,) or one-hot.
    network : TwoLayerNet, optional
        Continue training this network instead of a fresh one (its shape must match).
    clock : callable, default time.perf_counter
        Returns seconds; measures the time spent in ``run()`` (FinishedEvent.seconds).

    Attributes
    ----------
    config : TrainConfig
        The configuration actually used (its ``seed`` is never None).
    network : TwoLayerNet
    optimizer : SGD, Momentum, AdaGrad or Adam
        Its ``lr`` may be changed between iterations (see :meth:`set_learning_rate`).
    history : History
    iteration : int
        The number of iterations done.
    iter_per_epoch : float
        ``max(train_size / batch_size, 1)``, the book's epoch length.
    """

    def __init__(
        self,
        config: TrainConfig,
        data: Dataset,
        *,
        network: TwoLayerNet | None = None,
        blas_thread_count: int = DEFAULT_BLAS_THREADS,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if config.seed is None:
            config = config.replace(seed=int(np.random.SeedSequence().entropy % 2**32))
        (x_train, t_train), (x_test, t_test) = data
        if x_train.shape[0] != len(t_train) or x_test.shape[0] != len(t_test):
            raise ValueError("images and labels differ in number")
        available = x_train.shape[0]
        train_size = available if config.train_size is None else config.train_size
        if train_size > available:
            raise ValueError(
                f"train_size={train_size} is out of range: the training set has {available} images"
            )
        if config.sampling == "shuffle" and config.batch_size > train_size:
            raise ValueError(
                f"batch_size={config.batch_size} is larger than the training set "
                f"({train_size} image{'s' if train_size != 1 else ''}); with sampling='shuffle' "
                "it must be at most the training set size"
            )
        self.config = config
        seed_sequence = np.random.SeedSequence(config.seed)
        batch_seed, subset_seed = seed_sequence.spawn(2)
        self._batches = BatchSampler(
            train_size, config.batch_size, config.sampling, np.random.default_rng(batch_seed)
        )

        self.x_train, self.t_train = x_train, labels_as_indices(t_train)
        if train_size < available:
            keep = np.sort(np.random.default_rng(subset_seed).permutation(available)[:train_size])
            self.x_train, self.t_train = self.x_train[keep], self.t_train[keep]
        self.x_test, self.t_test = x_test, labels_as_indices(t_test)
        self.train_size = train_size

        output_size = int(max(self.t_train.max(initial=0), self.t_test.max(initial=0))) + 1
        output_size = max(output_size, 10)
        if network is None:
            network = TwoLayerNet(
                x_train.shape[1] if x_train.ndim == 2 else int(np.prod(x_train.shape[1:])),
                config.hidden_size,
                output_size,
                config.weight_init_std,
                activation=config.activation,
                seed=config.seed,
                dtype=config.dtype,
            )
        self.network = network
        self.optimizer = make_optimizer(config.optimizer, config.learning_rate)
        self.history = History(config.iters, config.learning_rate)
        self.iteration = 0
        self.iter_per_epoch = max(train_size / config.batch_size, 1)
        self._blas_thread_count = blas_thread_count
        self._clock = clock
        self._fused = FusedGradient(network, config.batch_size)
        #: Polled during a numerical gradient (thousands of losses); True raises ``Cancelled``
        #: out of ``run()`` with the parameters restored.
        self.should_stop: Callable[[], bool] | None = None
        self._dead_streak = 0
        self._pending: list[Event] = []
        self._last_evaluation: tuple[int, float, float] | None = None
        #: The DivergedEvent that ended training, if it did.
        self.diverged: DivergedEvent | None = None
        #: (elements done, total) of the numerical gradient in progress.
        self.numerical_progress = (0, 0)
        #: Called as ``(elements done, total)`` after each element of a numerical gradient,
        #: so a long iteration can show its progress (on the training thread).
        self.on_numerical_progress: Callable[[int, int], None] | None = None
        #: Indices into ``x_train`` of the mini-batch of the last iteration (None before it).
        self.last_batch_indices: np.ndarray | None = None

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate from the next iteration on (validated like the config).

        The change is recorded in ``history.learning_rates``.
        """
        _check_float("learning_rate", lr)
        self.optimizer.lr = float(lr)
        self.history.set_learning_rate(self.iteration, lr)

    def is_epoch_boundary(self, iteration: int) -> bool:
        """True if the book evaluates after ``iteration`` (``i % iter_per_epoch == 0``).

        When ``train_size / batch_size`` is not a whole number, the book's float test would only
        ever hold at ``i = 0``; here the first iteration of each new epoch counts instead, which
        is the same rule whenever the ratio is whole.
        """
        if iteration == 0:
            return True
        ipe = self.iter_per_epoch
        return math.floor(iteration / ipe) > math.floor((iteration - 1) / ipe)

    def next_batch_indices(self) -> np.ndarray:
        """Return the indices (batch_size,) of the next mini-batch (read-only)."""
        return self._batches.next_indices()

    def train_step(self) -> float:
        """Do one update on the next mini-batch; return the loss on that batch after it.

        Overflow on the way to a diverging loss is expected and reported by the loss itself
        (inf or nan), so NumPy's floating-point warnings are silenced here.
        """
        with np.errstate(all="ignore"):
            return self._train_step()

    def _train_step(self) -> float:
        batch_mask = self.next_batch_indices()
        self.last_batch_indices = batch_mask
        x_batch = self.x_train[batch_mask]
        t_batch = self.t_train[batch_mask]
        if self.config.gradient == "numerical":
            grads = self.network.numerical_gradient(
                x_batch, t_batch, progress=self._numerical_progress
            )
            loss = None
            hidden = self.network.layers.get("Relu1")
            silent = hidden is not None and hidden.mask is not None and hidden.mask.all()
        else:
            grads = self._fused.gradient(x_batch, t_batch)  # network.gradient, fused
            loss = self._fused.loss  # of the forward pass before the update
            silent = self._fused.hidden_silent
        if silent:
            self._dead_streak += 1
        else:
            self._dead_streak = 0
        self.optimizer.update(self.network.params, grads)
        if loss is None or self.config.loss_after_update:
            loss = self.network.loss(x_batch, t_batch)
        return loss

    def last_batch(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The images (B, 784) and class indices (B,) the last iteration trained on, or None.

        The parameters have already been updated with that batch's gradient.
        """
        if self.last_batch_indices is None:
            return None
        return self.x_train[self.last_batch_indices], self.t_train[self.last_batch_indices]

    def _numerical_progress(self, done: int, total: int) -> None:
        self.numerical_progress = (done, total)
        if self.should_stop is not None and self.should_stop():
            raise Cancelled
        if self.on_numerical_progress is not None:
            self.on_numerical_progress(done, total)

    def evaluate(self) -> tuple[float, float]:
        """Return the accuracies on the full training (sub)set and the full test set."""
        with np.errstate(all="ignore"):
            return (
                self.network.accuracy(self.x_train, self.t_train),
                self.network.accuracy(self.x_test, self.t_test),
            )

    def iterate(self) -> list[Event]:
        """Do one iteration; return its events (an IterationEvent and, at an epoch boundary, an
        EpochEvent; or a DivergedEvent). Nothing is yielded here, so nothing can be lost."""
        i = self.iteration
        loss = self.train_step()
        self.iteration += 1
        if not math.isfinite(loss):
            return [DivergedEvent(i, loss, divergence_message(i, loss, self.optimizer.lr))]
        self.history.add_loss(loss)
        quiet = self.quiet_divergence()
        if quiet is not None:
            return [DivergedEvent(i, loss, quiet[1], quiet[0])]
        events: list[Event] = [IterationEvent(i, loss)]
        if self.is_epoch_boundary(i):
            train_acc, test_acc = self.evaluate()
            self.history.add_epoch(i, train_acc, test_acc)
            self._last_evaluation = (self.iteration, train_acc, test_acc)
            events.append(EpochEvent(len(self.history.train_acc_list) - 1, i, train_acc, test_acc))
        return events

    def run(self) -> Iterator[Event]:
        """Train, yielding events; resumes where a previous ``run()`` stopped.

        Each iteration's events are computed in full before the first is yielded, and kept
        until delivered: closing the generator at any point and calling ``run()`` again goes
        on exactly where it left off. After a DivergedEvent, ``run()`` yields it again.
        """
        if self.diverged is not None and not self._pending:
            yield self.diverged  # run() again after a divergence: it is still diverged
            return
        seconds = 0.0
        with blas_threads(self._blas_thread_count):
            resumed = self._clock()
            while self._pending or (self.diverged is None and self.iteration < self.config.iters):
                if not self._pending:
                    self._pending.extend(self.iterate())
                event = self._pending.pop(0)
                if isinstance(event, DivergedEvent):
                    self.diverged = event
                    self._pending.clear()
                seconds += self._clock() - resumed
                yield event
                resumed = self._clock()
            if self.diverged is not None:
                return
            last = self._last_evaluation
            if last is not None and last[0] == self.iteration:
                final_train, final_test = last[1], last[2]
            else:
                final_train, final_test = self.evaluate()
            seconds += self._clock() - resumed
        yield FinishedEvent(self.iteration, seconds, final_train, final_test)

    def quiet_divergence(self) -> tuple[str, str] | None:
        """Return (reason, message) if training has died without a NaN, else None."""
        i = self.iteration - 1
        lr = self.optimizer.lr
        if self._dead_streak >= DEAD_RELU_STREAK:
            return "dead-relu", (
                f"training diverged at iteration {i}: every ReLU in the hidden layer has output "
                f"0 for every image of the last {DEAD_RELU_STREAK} batches, so the network can "
                f"only guess (loss {self.history.train_loss_list[-1]:.2f}). The learning rate "
                f"{lr:g} is too large; try {lr / 10:g}"
            )
        n = self.history.count
        if n >= 2 * STUCK_WINDOW and n % 10 == 0:
            losses = self.history.train_loss_list
            recent = float(np.mean(losses[-STUCK_WINDOW:]))
            before = float(np.mean(losses[-2 * STUCK_WINDOW : -STUCK_WINDOW]))
            chance = math.log(self.network.output_size)
            if recent > STUCK_FACTOR * chance and recent >= before - 1e-3:
                return "stuck", (
                    f"training diverged at iteration {i}: the loss has stayed near {recent:.2f} "
                    f"for {2 * STUCK_WINDOW} iterations, far above the {chance:.2f} of random "
                    f"guessing. The learning rate {lr:g} is too large; try {lr / 10:g}"
                )
        return None


def divergence_message(iteration: int, loss: float, lr: float) -> str:
    """Explain a non-finite loss in one sentence that points at the learning rate."""
    return (
        f"training diverged at iteration {iteration}: the loss became {loss} "
        f"(learning rate {lr:g}); try a smaller learning rate, e.g. {lr / 10:g}"
    )
