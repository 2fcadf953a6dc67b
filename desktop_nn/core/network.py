"""The book's two-layer network (chapter 5), with a few keyword options.

``TwoLayerNet(input_size, hidden_size, output_size, weight_init_std=0.01)`` behaves as in the
book; the extra keyword-only options choose the activation, the random source, the floating
dtype and the ``delta`` inside the loss's logarithm.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

from desktop_nn.core.functions import BOOK_DELTA, relu, sigmoid
from desktop_nn.core.gradient import numerical_gradient
from desktop_nn.core.layers import Affine, InputAffine, Relu, Sigmoid, SoftmaxWithLoss

PARAM_NAMES = ("W1", "b1", "W2", "b2")
ACTIVATIONS = {"relu": ("Relu1", Relu), "sigmoid": ("Sigmoid1", Sigmoid)}
#: How the activations are called on screen (names: never translated).
ACTIVATION_TITLES = {"relu": "ReLU", "sigmoid": "Sigmoid"}
NAMED_INITS = ("he", "xavier")
#: Rows scored at once when a whole data set is scored (``accuracy``, ``predict_in_blocks``).
#: Blocks bound the memory of a dtype conversion and are shared out between the workers; a
#: block of 2,048 MNIST images (6 MB) stays in the cache, and one of 8,192 was a fifth slower.
ACCURACY_BLOCK_ROWS = 2_048
#: Threads that score blocks side by side. BLAS itself stays single-threaded (see
#: ``desktop_nn.core.blas``); NumPy releases the GIL inside each matrix product, so two
#: workers use both cores without OpenBLAS's spinning synchronisation, and every row is
#: computed exactly as it would be by a single worker.
SCORING_WORKERS = max(1, min(2, os.cpu_count() or 1))

WeightInit = float | str
T = TypeVar("T")
RandomSource = int | np.random.Generator | None


def init_std(weight_init_std: WeightInit, fan_in: int) -> float:
    """Return the standard deviation of the initial weights of a layer with ``fan_in`` inputs.

    A number is used as it is (the book's 0.01); ``"he"`` gives ``sqrt(2 / fan_in)`` (suited to
    ReLU) and ``"xavier"`` gives ``sqrt(1 / fan_in)`` (suited to sigmoid).
    """
    if isinstance(weight_init_std, str):
        name = weight_init_std.lower()
        if name == "he":
            return float(np.sqrt(2.0 / fan_in))
        if name == "xavier":
            return float(np.sqrt(1.0 / fan_in))
        raise ValueError(
            f"weight_init_std={weight_init_std!r} is not allowed: use a positive number, "
            "'he' or 'xavier'"
        )
    if isinstance(weight_init_std, bool):
        raise ValueError(
            f"weight_init_std={weight_init_std!r} is not allowed: it must be a positive number"
        )
    std = float(weight_init_std)
    if not np.isfinite(std) or std <= 0:
        raise ValueError(
            f"weight_init_std={weight_init_std!r} is not allowed: it must be a positive number"
        )
    return std


class TwoLayerNet:
    """Affine - activation - Affine - softmax with cross-entropy loss.

    Parameters
    ----------
    input_size, hidden_size, output_size : int
        784, 50 and 10 for MNIST in the book.
    weight_init_std : float or {"he", "xavier"}, default 0.01
        Standard deviation of the Gaussian initial weights (the biases start at zero).
    activation : {"relu", "sigmoid"}, default "relu"
        The hidden activation. Its layer is ``layers['Relu1']`` or ``layers['Sigmoid1']``.
    seed : int, numpy.random.Generator or None
        Source of the initial weights; the same seed gives the same weights.
    dtype : numpy dtype, default float64
        Floating type of the parameters (float32 trains about twice as fast).
    delta : float, default 1e-7
        The constant inside the logarithm of the loss (see :class:`SoftmaxWithLoss`).

    Attributes
    ----------
    params : dict of str to ndarray
        ``W1`` (input, hidden), ``b1`` (hidden,), ``W2`` (hidden, output), ``b2`` (output,).
        The layers share these arrays, so updates must be made in place.
    layers : OrderedDict
        ``Affine1``, ``Relu1`` (or ``Sigmoid1``), ``Affine2``.
    lastLayer : SoftmaxWithLoss
    """

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        output_size: int,
        weight_init_std: WeightInit = 0.01,
        *,
        activation: str = "relu",
        seed: RandomSource = None,
        dtype: np.dtype | type | str = np.float64,
        delta: float = BOOK_DELTA,
    ) -> None:
        for name, size in (
            ("input_size", input_size),
            ("hidden_size", hidden_size),
            ("output_size", output_size),
        ):
            if int(size) != size or size < 1:
                raise ValueError(f"{name}={size!r} is not allowed: it must be an integer >= 1")
        if activation not in ACTIVATIONS:
            raise ValueError(
                f"activation={activation!r} is not allowed: use one of {sorted(ACTIVATIONS)}"
            )
        self.dtype = np.dtype(dtype)
        if self.dtype.kind != "f":
            raise ValueError(f"dtype={dtype!r} is not allowed: use float32 or float64")
        self.activation = activation
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)

        # Draw in float64 whatever the dtype, so float32 and float64 nets start alike.
        std1 = init_std(weight_init_std, input_size)
        std2 = init_std(weight_init_std, hidden_size)
        self.params: dict[str, np.ndarray] = {
            "W1": (std1 * rng.standard_normal((input_size, hidden_size))).astype(self.dtype),
            "b1": np.zeros(hidden_size, dtype=self.dtype),
            "W2": (std2 * rng.standard_normal((hidden_size, output_size))).astype(self.dtype),
            "b2": np.zeros(output_size, dtype=self.dtype),
        }
        self._build_layers(delta)

    def _build_layers(self, delta: float) -> None:
        activation_key, activation_layer = ACTIVATIONS[self.activation]
        self.layers: OrderedDict[str, object] = OrderedDict()
        # The first layer's input is the data: see InputAffine for the work it saves.
        self.layers["Affine1"] = InputAffine(self.params["W1"], self.params["b1"])
        self.layers[activation_key] = activation_layer()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss(delta)

    @property
    def input_size(self) -> int:
        return self.params["W1"].shape[0]

    @property
    def hidden_size(self) -> int:
        return self.params["W1"].shape[1]

    @property
    def output_size(self) -> int:
        return self.params["W2"].shape[1]

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores before softmax: (N, output) for x (N, input); (output,) for (input,)."""
        x = np.asarray(x, dtype=self.dtype)
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x: np.ndarray, t: np.ndarray) -> float:
        """Return the mean cross-entropy loss on inputs x (N, input) and labels t."""
        y = self.predict(x)
        return self.lastLayer.forward(y, t)

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        """Return the fraction of rows of x (N, input) whose highest score is the label t.

        Scored block by block, as :meth:`predict_in_blocks` scores: the same numbers as the
        book's ``np.argmax(self.predict(x), axis=1)``, in bounded memory and on both cores.
        Each worker compares its own block's answers with the labels, so the scores of the
        whole set are never gathered in one array.
        """
        t = np.asarray(t)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)

        def count_right(start: int, scores: np.ndarray) -> int:
            answers = np.argmax(scores, axis=1)
            return int(np.count_nonzero(answers == t[start : start + len(scores)]))

        return sum(self._score_blocks(x, count_right)) / float(x.shape[0])

    def predict_in_blocks(self, x: np.ndarray) -> np.ndarray:
        """Scores (N, output) of a whole data set x (N, input), block by block.

        Unlike :meth:`predict`, this keeps nothing in the layers (it is meant for scoring, not
        for a backward pass), so blocks can be scored side by side by ``SCORING_WORKERS``
        threads. Each block is computed in full, as ``predict`` computes a large input.
        """
        scores = np.empty((x.shape[0], self.output_size), dtype=self.dtype)

        def keep(start: int, block_scores: np.ndarray) -> None:
            scores[start : start + len(block_scores)] = block_scores

        self._score_blocks(x, keep)
        return scores

    def _score_blocks(self, x: np.ndarray, use: Callable[[int, np.ndarray], T]) -> list[T]:
        """Return ``[use(start, scores of rows start ...)]`` for the blocks of x, in order.

        The blocks of ``ACCURACY_BLOCK_ROWS`` rows are shared out between ``SCORING_WORKERS``
        threads; which thread scores a block changes nothing in its numbers.
        """
        starts = range(0, x.shape[0], ACCURACY_BLOCK_ROWS)
        caller_errors = np.geterr()  # the workers follow the caller's floating-point settings

        def score(start: int) -> T:
            with np.errstate(**caller_errors):
                block = np.asarray(x[start : start + ACCURACY_BLOCK_ROWS], dtype=self.dtype)
                hidden = block.reshape(len(block), -1) @ self.params["W1"]
                hidden += self.params["b1"]
                if self.activation == "relu":
                    np.maximum(hidden, 0, out=hidden)  # relu, in place
                else:
                    hidden = sigmoid(hidden)
                out = hidden @ self.params["W2"]
                out += self.params["b2"]
                return use(start, out)

        if SCORING_WORKERS > 1 and len(starts) > 1:
            with ThreadPoolExecutor(SCORING_WORKERS, thread_name_prefix="scoring") as pool:
                return list(pool.map(score, starts))
        return [score(start) for start in starts]

    def numerical_gradient(
        self,
        x: np.ndarray,
        t: np.ndarray,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, np.ndarray]:
        """Return the gradients of the loss by central differences (slow: 2 losses a parameter).

        ``progress(done, total)`` is called after each parameter element, if given; it may raise
        to stop the computation (the parameters are restored).
        """
        total = sum(p.size for p in self.params.values())
        done = 0

        def loss_W(_W: np.ndarray) -> float:
            return self.loss(x, t)

        grads = {}
        for key in PARAM_NAMES:
            param = self.params[key]
            callback = None
            if progress is not None:
                offset = done

                def callback(index: int, offset: int = offset) -> None:
                    progress(offset + index, total)

            grads[key] = numerical_gradient(loss_W, param, on_element=callback)
            done += param.size
        return grads

    def gradient(self, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
        """Return the gradients of the loss by backpropagation (shapes of ``params``)."""
        self.loss(x, t)
        dout = self.lastLayer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }

    def set_params(self, params: dict[str, np.ndarray]) -> None:
        """Copy ``params`` (same shapes) into this network's arrays, in place."""
        for key in PARAM_NAMES:
            if params[key].shape != self.params[key].shape:
                raise ValueError(
                    f"{key} has shape {params[key].shape}, the network needs "
                    f"{self.params[key].shape}"
                )
        for key in PARAM_NAMES:
            self.params[key][...] = params[key]

    def copy_params(self) -> dict[str, np.ndarray]:
        """Return independent copies of the parameters (safe to send to another thread)."""
        return {key: value.copy() for key, value in self.params.items()}

    def copy(self) -> TwoLayerNet:
        """An independent network with the same shape, activation, dtype, loss and weights
        (nothing of what the layers remember from the last pass is copied)."""
        twin = object.__new__(TwoLayerNet)
        twin.dtype = self.dtype
        twin.activation = self.activation
        twin.params = self.copy_params()
        twin._build_layers(self.lastLayer.delta)
        return twin


def hidden_outputs(network: TwoLayerNet, x: np.ndarray) -> np.ndarray:
    """The hidden layer's outputs for images ``x``, without touching the network's layers
    (what they remember of the last pass belongs to whoever trains or evaluates).

    Parameters
    ----------
    network : TwoLayerNet
    x : ndarray, shape (N, input_size)

    Returns
    -------
    ndarray, shape (N, hidden_size)
    """
    W1, b1 = network.params["W1"], network.params["b1"]
    with np.errstate(all="ignore"):
        pre = x.astype(W1.dtype, copy=False) @ W1 + b1
        return sigmoid(pre) if network.activation == "sigmoid" else relu(pre)
