"""Training as a generator of plain events: the book's mini-batch loop, made observable.

A :class:`Trainer` is built from a :class:`TrainConfig` and the data; ``Trainer.run()`` yields an
:class:`IterationEvent` per iteration, an :class:`EpochEvent` at each epoch boundary and a
:class:`FinishedEvent` (or a :class:`DivergedEvent`) at the end. Whoever iterates decides the
pace: the CLI prints, the GUI worker forwards to the window, a test collects. Between two events
nothing runs, so pausing is simply not asking for the next one.

The configuration lives in :mod:`~desktop_nn.core.train_config`, the events in
:mod:`~desktop_nn.core.events`, the record of a run in :mod:`~desktop_nn.core.history` and the
signs of divergence in :mod:`~desktop_nn.core.divergence`; they are imported here too.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator

import numpy as np

from desktop_nn.core.batches import BatchSampler
from desktop_nn.core.blas import DEFAULT_BLAS_THREADS, blas_threads
from desktop_nn.core.divergence import (
    DEAD_RELU_STREAK,
    STUCK_FACTOR,
    STUCK_WINDOW,
    DivergenceWatch,
    divergence_message,
    non_finite,
)
from desktop_nn.core.events import DivergedEvent, EpochEvent, Event, FinishedEvent, IterationEvent
from desktop_nn.core.fused_gradient import FusedGradient
from desktop_nn.core.gradient import Cancelled
from desktop_nn.core.history import History
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.optimizers import make_optimizer
from desktop_nn.core.train_config import (
    CHOICES,
    GRADCHECK_LIMITS,
    LIMITS,
    MNIST_TRAIN_SIZE,
    TrainConfig,
    check_float,
)

__all__ = [
    "CHOICES",
    "DEAD_RELU_STREAK",
    "GRADCHECK_LIMITS",
    "LIMITS",
    "MNIST_TRAIN_SIZE",
    "STUCK_FACTOR",
    "STUCK_WINDOW",
    "Dataset",
    "DivergedEvent",
    "EpochEvent",
    "Event",
    "FinishedEvent",
    "History",
    "IterationEvent",
    "TrainConfig",
    "Trainer",
    "divergence_message",
    "labels_as_indices",
]

Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


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
        self.config = config
        batch_seed, subset_seed = np.random.SeedSequence(config.seed).spawn(2)
        self._take_data(data, subset_seed)
        self._batches = BatchSampler(
            self.train_size, config.batch_size, config.sampling, np.random.default_rng(batch_seed)
        )
        self.network = network if network is not None else self._new_network()
        self.optimizer = make_optimizer(config.optimizer, config.learning_rate)
        self.history = History(config.iters, config.learning_rate)
        self.iteration = 0
        self.iter_per_epoch = max(self.train_size / config.batch_size, 1)
        self._blas_thread_count = blas_thread_count
        self._clock = clock
        self._fused = FusedGradient(self.network, config.batch_size)
        #: Polled during a numerical gradient (thousands of losses); True raises ``Cancelled``
        #: out of ``run()`` with the parameters restored.
        self.should_stop: Callable[[], bool] | None = None
        self._watch = DivergenceWatch()
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

    def _take_data(self, data: Dataset, subset_seed: np.random.SeedSequence) -> None:
        """Check the data against the config and keep the training (sub)set and the test set."""
        config = self.config
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
        self.x_train, self.t_train = x_train, labels_as_indices(t_train)
        if train_size < available:
            keep = np.sort(np.random.default_rng(subset_seed).permutation(available)[:train_size])
            self.x_train, self.t_train = self.x_train[keep], self.t_train[keep]
        self.x_test, self.t_test = x_test, labels_as_indices(t_test)
        self.train_size = train_size

    def _new_network(self) -> TwoLayerNet:
        """A fresh network for the config: one output per class seen (at least ten)."""
        config, x_train = self.config, self.x_train
        output_size = int(max(self.t_train.max(initial=0), self.t_test.max(initial=0))) + 1
        return TwoLayerNet(
            x_train.shape[1] if x_train.ndim == 2 else int(np.prod(x_train.shape[1:])),
            config.hidden_size,
            max(output_size, 10),
            config.weight_init_std,
            activation=config.activation,
            seed=config.seed,
            dtype=config.dtype,
        )

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate from the next iteration on (validated like the config).

        The change is recorded in ``history.learning_rates``.
        """
        check_float("learning_rate", lr)
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

    @property
    def expected_epochs(self) -> int:
        """How many epoch evaluations the whole run makes (the rule of
        :meth:`is_epoch_boundary`: the first iteration of each epoch, iteration 0 included)."""
        return expected_epochs(self.config.iters, self.train_size, self.config.batch_size)

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
            silent = hidden is not None and hidden.mask is not None and bool(hidden.mask.all())
        else:
            grads = self._fused.gradient(x_batch, t_batch)  # network.gradient, fused
            loss = self._fused.loss  # of the forward pass before the update
            silent = self._fused.hidden_silent
        self._watch.observe_hidden(silent)
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
            return [non_finite(i, loss, self.optimizer.lr)]
        self.history.add_loss(loss)
        quiet = self._watch.check(i, self.history.train_loss_list, self.optimizer.lr,
                                  self.network.output_size)
        if quiet is not None:
            return [quiet]
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


def expected_epochs(iters: int, train_size: int, batch_size: int) -> int:
    """How many epoch evaluations a run of ``iters`` iterations makes on ``train_size``
    training images in batches of ``batch_size`` (see :meth:`Trainer.is_epoch_boundary`)."""
    iter_per_epoch = max(train_size / batch_size, 1)
    # floor(i / ipe) takes every value from 0 to floor((iters - 1) / ipe), computed here with
    # the same division as is_epoch_boundary (floor division rounds differently).
    return math.floor((iters - 1) / iter_per_epoch) + 1
