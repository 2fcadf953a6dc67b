"""The book's layers (chapter 5): each has ``forward`` and ``backward``.

``backward`` returns the gradient with respect to the layer's input(s) and never modifies the
array it is given (the book's ``Relu`` zeroed ``dout`` in place; here it is copied).
"""

from __future__ import annotations

import numpy as np

from desktop_nn.core.functions import BOOK_DELTA, cross_entropy_error, sigmoid, softmax


class MulLayer:
    """Multiplication node ``out = x * y`` of a computation graph."""

    def __init__(self) -> None:
        self.x = None
        self.y = None

    def forward(self, x, y):
        """Store both inputs and return their product."""
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        """Return ``(dx, dy) = (dout * y, dout * x)``: the inputs swap places."""
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


class AddLayer:
    """Addition node ``out = x + y`` of a computation graph."""

    def forward(self, x, y):
        """Return the sum of the inputs (nothing needs to be stored)."""
        return x + y

    def backward(self, dout):
        """Return ``(dx, dy) = (dout, dout)``: addition passes the gradient through unchanged.

        Two separate values, as the book's ``dout * 1``: changing one never changes the other.
        """
        return dout * 1, dout * 1


class Relu:
    """Rectified linear unit layer."""

    def __init__(self) -> None:
        self.mask: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``max(0, x)``; remember where ``x <= 0`` (shape of ``x``)."""
        self.mask = x <= 0
        return np.maximum(x, 0)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Return ``dout`` with the entries where the input was ``<= 0`` set to zero."""
        return np.where(self.mask, 0, dout).astype(dout.dtype, copy=False)


class Sigmoid:
    """Sigmoid layer; its backward uses the stored output: ``dout * y * (1 - y)``."""

    def __init__(self) -> None:
        self.out: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``1 / (1 + exp(-x))`` (same shape as ``x``) and store it."""
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Return ``dout * (1 - y) * y``, shape of ``dout``."""
        return dout * (1.0 - self.out) * self.out


class Affine:
    """Fully connected layer ``out = x @ W + b``.

    Parameters
    ----------
    W : ndarray, shape (D, H)
    b : ndarray, shape (H,)
        Shared, not copied: an optimizer that updates ``W`` in place updates the layer.

    Attributes
    ----------
    dW : ndarray, shape (D, H), set by ``backward``
    db : ndarray, shape (H,), set by ``backward``
    """

    def __init__(self, W: np.ndarray, b: np.ndarray) -> None:
        self.W = W
        self.b = b
        self.x: np.ndarray | None = None
        self.original_x_shape: tuple[int, ...] | None = None
        self.dW: np.ndarray | None = None
        self.db: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``x @ W + b``.

        ``x`` of shape (N, D), or (N, d1, d2, ...) with ``d1*d2*... == D`` (flattened here and
        restored in ``backward``), or a single sample of shape (D,), which gives shape (H,).
        """
        self.original_x_shape = x.shape
        x2 = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        self.x = x2
        out = x2 @ self.W
        out += self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        """Set ``dW`` and ``db``; return ``dx`` in the input's original shape."""
        dout2 = dout.reshape(1, -1) if dout.ndim == 1 else dout
        self.dW = self.x.T @ dout2
        self.db = dout2.sum(axis=0)
        dx = dout2 @ self.W.T
        return dx.reshape(self.original_x_shape)


class MatMul:
    """Matrix product ``out = x @ W`` without a bias (the book's second volume calls it MatMul).

    The book's ``simpleNet`` (section 4.4.2) is this product followed by softmax and the loss.

    Parameters
    ----------
    W : ndarray, shape (D, H)
        Shared, not copied.

    Attributes
    ----------
    dW : ndarray, shape (D, H), set by ``backward``
    """

    def __init__(self, W: np.ndarray) -> None:
        self.W = W
        self.x: np.ndarray | None = None
        self.dW: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``x @ W``: shape (N, H) for x (N, D), shape (H,) for one sample x (D,)."""
        self.x = x
        return x @ self.W

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Set ``dW = xᵀ·dout``; return ``dx = dout·Wᵀ`` in the shape of ``x``."""
        x2 = self.x.reshape(1, -1) if self.x.ndim == 1 else self.x
        dout2 = dout.reshape(1, -1) if dout.ndim == 1 else dout
        self.dW = x2.T @ dout2
        return (dout2 @ self.W.T).reshape(self.x.shape)


#: Batches up to this many rows are checked for all-zero columns; larger inputs (whole-set
#: evaluations) are nearly dense across their rows, and the check would cost more than it saves.
SPARSE_BATCH_ROWS = 4096


class InputAffine(Affine):
    """The network's first :class:`Affine` layer, whose input is the data itself.

    Same results as ``Affine`` up to rounding, less work:

    * ``backward`` returns None: nothing needs the gradient with respect to the images;
    * input columns that are zero in the whole batch are left out of both matrix products.
      An MNIST batch of 100 has about a third of its 784 pixels black in every image, and a
      zero column contributes nothing to ``x @ W``; its rows of ``dW`` are exactly zero.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.original_x_shape = x.shape
        x2 = x.reshape(1, -1) if x.ndim == 1 else x.reshape(x.shape[0], -1)
        self.active = None
        if x2.shape[0] <= SPARSE_BATCH_ROWS:
            self.active = np.flatnonzero(x2.any(axis=0))  # columns holding a non-zero value
            if self.active.size > 0.9 * x2.shape[1]:
                self.active = None  # dense enough: the plain product is as fast
        if self.active is None:
            self.x = x2
            out = x2 @ self.W
        else:
            self.x = x2[:, self.active]
            out = self.x @ self.W[self.active]
        out += self.b
        return out[0] if x.ndim == 1 else out

    def backward(self, dout: np.ndarray) -> None:
        dout2 = dout.reshape(1, -1) if dout.ndim == 1 else dout
        if self.active is None:
            self.dW = self.x.T @ dout2
        else:
            self.dW = np.zeros_like(self.W)
            self.dW[self.active] = self.x.T @ dout2
        self.db = dout2.sum(axis=0)
        return None


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy error, with the fused backward ``(y - t) / N``.

    Parameters
    ----------
    delta : float, default 1e-7
        The constant added inside the logarithm of the cross-entropy error (the book's value).
        Backpropagation computes the derivative of the loss *without* it.
    """

    def __init__(self, delta: float = BOOK_DELTA) -> None:
        self.delta = delta
        self.loss: float | None = None
        self.y: np.ndarray | None = None
        self.t: np.ndarray | None = None

    def forward(self, x: np.ndarray, t: np.ndarray) -> float:
        """Return the mean loss of scores ``x`` (N, C) against labels ``t``.

        ``t`` is one-hot, shape (N, C), or class indices, shape (N,). A single sample of shape
        (C,) with a label of shape (C,) or () is accepted too.
        """
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, t, self.delta)
        return self.loss

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """Return ``dout * (y - t) / N`` in the shape of the scores."""
        y = self.y.reshape(1, -1) if self.y.ndim == 1 else self.y
        t = np.asarray(self.t)
        batch_size = y.shape[0]
        if t.size == y.size:  # one-hot (kept in the scores' dtype)
            dx = y - t.reshape(y.shape).astype(y.dtype, copy=False)
        else:
            dx = y.copy()
            dx[np.arange(batch_size), t.reshape(batch_size)] -= 1
        dx *= dout / batch_size
        return dx.reshape(self.y.shape)
