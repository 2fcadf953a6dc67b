"""Activation and loss functions from chapters 3 and 4.

Every function accepts NumPy arrays of any floating dtype and returns the same dtype.
"""

from __future__ import annotations

import numpy as np

#: The small constant the book adds inside the logarithm of the cross-entropy error, so that
#: ``log(0)`` never happens. It is also why numerical and backpropagated gradients differ by more
#: than rounding (see :func:`desktop_nn.core.gradient.gradient_check`).
BOOK_DELTA = 1e-7


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Logistic function ``1 / (1 + exp(-x))``, element-wise.

    Written so that large negative inputs do not overflow ``exp``.

    Parameters
    ----------
    x : ndarray, any shape

    Returns
    -------
    ndarray, same shape as ``x``
    """
    x = np.asarray(x)
    # exp(-|x|) never overflows; pick the algebraically equal form per sign.
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def sigmoid_grad(x: np.ndarray) -> np.ndarray:
    """Derivative of :func:`sigmoid` at ``x``: ``sigmoid(x) * (1 - sigmoid(x))``.

    Parameters
    ----------
    x : ndarray, any shape

    Returns
    -------
    ndarray, same shape as ``x``
    """
    y = sigmoid(x)
    return (1.0 - y) * y


def relu(x: np.ndarray) -> np.ndarray:
    """Rectified linear unit ``max(0, x)``, element-wise.

    Parameters
    ----------
    x : ndarray, any shape

    Returns
    -------
    ndarray, same shape as ``x``
    """
    return np.maximum(x, 0)


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, stable against overflow (the largest score is subtracted).

    Parameters
    ----------
    x : ndarray, shape (C,) or (N, C)
        Scores of one sample or of a batch of N samples over C classes.

    Returns
    -------
    ndarray, same shape as ``x``
        Probabilities; each row sums to 1.
    """
    x = np.asarray(x)
    if x.ndim not in (1, 2):
        raise ValueError(f"softmax expects a 1-D or 2-D array, got shape {x.shape}")
    shifted = x - x.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def cross_entropy_error(y: np.ndarray, t: np.ndarray, delta: float = BOOK_DELTA) -> float:
    """Mean cross-entropy error of predicted probabilities ``y`` against labels ``t``.

    Parameters
    ----------
    y : ndarray, shape (C,) or (N, C)
        Predicted probabilities (the output of :func:`softmax`).
    t : ndarray, shape (C,) or (N, C) one-hot, or () or (N,) class indices
        The correct labels.
    delta : float, default 1e-7
        Added inside the logarithm, as in the book, so that ``log(0)`` cannot occur. Set it to 0
        to get the exact loss whose derivative backpropagation computes.

    Returns
    -------
    float
        ``-sum(log(y[n, t_n] + delta)) / N``.
    """
    y = np.asarray(y)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.size == y.size else t.reshape(1)
    if t.size == y.size:  # one-hot rows: turn them into class indices
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    if t.shape != (batch_size,):
        raise ValueError(f"labels of shape {t.shape} do not match predictions of shape {y.shape}")
    if t.size and (t.min() < 0 or t.max() >= y.shape[1]):
        raise ValueError(f"labels must lie in 0..{y.shape[1] - 1}, got {t.min()}..{t.max()}")
    picked = y[np.arange(batch_size), t]
    return float(-np.sum(np.log(picked + delta)) / batch_size)
