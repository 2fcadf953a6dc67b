"""Why a network learns from its loss, not its accuracy (chapter 4, section 4.2.5).

Nudge one weight of a :class:`~desktop_nn.core.network.TwoLayerNet` over a range and score a
batch at each value: the loss moves smoothly, the accuracy only when some sample's top class
changes, in steps of ``1/N`` with a derivative of zero almost everywhere. A gradient of zero
tells learning nothing, which is the book's reason for learning on the loss.

The sweep is vectorised: one weight changes one column of the hidden layer (``W1``, ``b1``) or
one column of the scores (``W2``, ``b2``), so all the nudged values are scored at once from a
single forward pass, fast enough for a slider to drive it live. It computes in float64 and
leaves the network unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_nn.core.functions import relu, sigmoid
from desktop_nn.core.network import PARAM_NAMES, TwoLayerNet

__all__ = ["WeightSweep", "steepest_weight", "sweep_weight"]


@dataclass(frozen=True)
class WeightSweep:
    """The loss and the accuracy of a batch as one weight takes each value.

    Attributes
    ----------
    key : str
        ``"W1"``, ``"b1"``, ``"W2"`` or ``"b2"``.
    index : tuple of int
        Which element of ``params[key]``.
    weight : float
        Its value in the network.
    offsets : ndarray, shape (K,)
        What was added to it.
    loss : ndarray, shape (K,)
        The network's loss (with its ``delta``) at each value.
    accuracy : ndarray, shape (K,)
        The fraction of the batch classified correctly at each value.
    """

    key: str
    index: tuple[int, ...]
    weight: float
    offsets: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray

    @property
    def values(self) -> np.ndarray:
        """The weight's values, ``weight + offsets``, shape (K,)."""
        return self.weight + self.offsets


def sweep_weight(
    net: TwoLayerNet,
    x: np.ndarray,
    t: np.ndarray,
    key: str,
    index: tuple[int, ...],
    offsets: np.ndarray,
) -> WeightSweep:
    """Score the batch ``(x, t)`` with ``params[key][index]`` nudged by each offset.

    Parameters
    ----------
    net : TwoLayerNet
    x : ndarray, shape (N, input_size)
    t : ndarray, shape (N,) class indices or (N, output_size) one-hot
    key : {"W1", "b1", "W2", "b2"}
    index : tuple of int
        ``(i, j)`` for a weight matrix, ``(j,)`` for a bias.
    offsets : array_like, shape (K,)
        Memory grows as ``K * N * output_size`` floats.

    Returns
    -------
    WeightSweep
    """
    index = _check_index(net, key, index)
    offsets = np.asarray(offsets, dtype=np.float64).reshape(-1)
    x = np.asarray(x, dtype=np.float64).reshape(len(x), -1)
    labels = np.asarray(t)
    labels = labels.argmax(axis=1) if labels.ndim == 2 else labels.reshape(-1)
    scores = _nudged_scores(net, x, key, index, offsets)
    return WeightSweep(
        key=key,
        index=index,
        weight=float(net.params[key][index]),
        offsets=offsets,
        loss=_losses(scores, labels, net.lastLayer.delta),
        accuracy=(scores.argmax(axis=2) == labels).mean(axis=1),
    )


def steepest_weight(net: TwoLayerNet, x: np.ndarray, t: np.ndarray, key: str = "W2") -> tuple:
    """The index of the element of ``params[key]`` whose gradient is largest in magnitude.

    A good weight to sweep: the loss visibly changes with it.
    """
    if key not in PARAM_NAMES:
        raise ValueError(f"key={key!r} is not allowed: use one of {', '.join(PARAM_NAMES)}")
    grad = net.gradient(x, t)[key]
    return tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(grad)), grad.shape))


def _check_index(net: TwoLayerNet, key: str, index) -> tuple[int, ...]:
    if key not in PARAM_NAMES:
        raise ValueError(f"key={key!r} is not allowed: use one of {', '.join(PARAM_NAMES)}")
    shape = net.params[key].shape
    index = tuple(int(i) for i in np.atleast_1d(index))
    if len(index) != len(shape) or not all(0 <= i < n for i, n in zip(index, shape, strict=True)):
        raise ValueError(f"index {index} is outside {key}, whose shape is {shape}")
    return index


def _activation(net: TwoLayerNet):
    return relu if net.activation == "relu" else sigmoid


def _nudged_scores(
    net: TwoLayerNet, x: np.ndarray, key: str, index: tuple[int, ...], offsets: np.ndarray
) -> np.ndarray:
    """Scores of shape (K, N, C): the batch's scores with the weight nudged by each offset."""
    W1, b1, W2, b2 = (net.params[name].astype(np.float64) for name in PARAM_NAMES)
    activation = _activation(net)
    pre = x @ W1 + b1  # (N, H)
    hidden = activation(pre)
    scores = np.repeat((hidden @ W2 + b2)[np.newaxis], len(offsets), axis=0)  # (K, N, C)
    if key in ("W1", "b1"):
        j = index[-1]
        step = x[:, index[0]] if key == "W1" else np.ones(len(x))  # d pre[:, j] / d weight
        nudged = activation(pre[:, j] + offsets[:, np.newaxis] * step)  # (K, N)
        scores += (nudged - hidden[:, j])[:, :, np.newaxis] * W2[j]
    else:
        k = index[-1]
        step = hidden[:, index[0]] if key == "W2" else np.ones(len(x))  # d score[:, k] / d weight
        scores[:, :, k] += offsets[:, np.newaxis] * step
    return scores


def _losses(scores: np.ndarray, labels: np.ndarray, delta: float) -> np.ndarray:
    """Mean cross-entropy of softmax(scores) over the batch, shape (K,), as the network's loss."""
    shifted = scores - scores.max(axis=2, keepdims=True)
    exp = np.exp(shifted)
    probabilities = exp / exp.sum(axis=2, keepdims=True)
    picked = probabilities[:, np.arange(len(labels)), labels]  # (K, N)
    return -np.log(picked + delta).sum(axis=1) / len(labels)
