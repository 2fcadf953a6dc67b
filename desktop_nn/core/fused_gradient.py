"""The gradient of TwoLayerNet on a mini-batch, fused and without per-call allocation.

:meth:`TwoLayerNet.gradient` runs the book's layers: every forward and backward step returns a
new array, softmax and the cross-entropy are separate functions, and the first Affine layer
also computes the gradient with respect to the images, which nobody needs. Training calls it
ten thousand times on batches of the same shape, so :class:`FusedGradient` does the same
arithmetic with buffers allocated once: the products write into them (``out=``), softmax and
the loss share one pass, the backward pass starts from ``(y - t) / N`` directly, and the sums
over the batch are matrix-vector products (a single BLAS call each, instead of NumPy's
reduction machinery on a short axis).

The results equal ``TwoLayerNet.gradient`` up to rounding (sums are added in another order):
``tests/core/test_fused_gradient.py`` bounds the difference.
"""

from __future__ import annotations

import numpy as np

from desktop_nn.core.functions import sigmoid
from desktop_nn.core.network import TwoLayerNet


class FusedGradient:
    """``network.gradient(x, t)`` for batches of class-index labels, into reused buffers.

    Parameters
    ----------
    network : TwoLayerNet
        Its ``params`` are read at every call (they may change in place between calls).
    batch_size : int
        The buffers' number of rows; a batch of another size reallocates them.

    Attributes
    ----------
    grads : dict of str to ndarray
        ``W1`` (input, hidden), ``b1`` (hidden,), ``W2`` (hidden, output), ``b2`` (output,):
        overwritten by every call of :meth:`gradient`, which returns this same dict.
    loss : float or None
        The mean cross-entropy loss of the last batch, before any update (the book's
        ``lastLayer.loss``, with the network's ``delta`` inside the logarithm).
    """

    def __init__(self, network: TwoLayerNet, batch_size: int) -> None:
        self.network = network
        self.dtype = network.dtype
        self.delta = network.lastLayer.delta
        self.relu = network.activation == "relu"
        self.grads = {key: np.empty_like(value) for key, value in network.params.items()}
        self.loss: float | None = None
        self._allocate(batch_size)

    def _allocate(self, batch_size: int) -> None:
        hidden, output = self.network.hidden_size, self.network.output_size
        empty = np.empty
        self.batch_size = batch_size
        self._hidden = empty((batch_size, hidden), self.dtype)  # z1, the activation's output
        self._dhidden = empty((batch_size, hidden), self.dtype)  # dL/dz1, then dL/da1
        self._slope = empty((batch_size, hidden), self.dtype)  # dz1/da1
        # The scores a2 transposed, (output, N): reductions over the classes then run along
        # the outer axis, which NumPy does in a few vector passes rather than N short loops.
        self._scores_t = empty((output, batch_size), self.dtype)  # a2.T, y.T, then dL/da2.T
        self._column_max = empty(batch_size, self.dtype)
        self._column_sum = empty(batch_size, self.dtype)
        self._columns = np.arange(batch_size)
        self._batch_ones = np.ones(batch_size, self.dtype)
        self._class_ones = np.ones(output, self.dtype)

    def gradient(self, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
        """Return the gradients of the loss on images x (N, input) and labels t (N,).

        The labels are class indices (N,) or one-hot rows (N, output). The returned arrays are
        :attr:`grads`, overwritten by the next call: copy them to keep them.
        """
        x = np.asarray(x, dtype=self.dtype)
        x = x.reshape(x.shape[0], -1)
        if x.shape[0] != self.batch_size:
            self._allocate(x.shape[0])
        params = self.network.params
        self._forward(x, params)
        t = np.asarray(t)
        self.loss = self._softmax_loss(t.argmax(axis=1) if t.ndim == 2 else t)
        self._backward(x, params)
        return self.grads

    @property
    def hidden_silent(self) -> bool:
        """True if every ReLU output of the last batch was 0 (never for a sigmoid)."""
        # ReLU outputs are >= 0 (or nan, which is not silent): all 0 if the largest is 0.
        return self.relu and bool(np.maximum.reduce(self._hidden, axis=None) == 0)

    def _forward(self, x: np.ndarray, params: dict[str, np.ndarray]) -> None:
        """Activations z1 (N, hidden) into ``_hidden``, scores a2.T (output, N) into
        ``_scores_t``."""
        hidden = self._hidden
        np.matmul(x, params["W1"], out=hidden)
        hidden += params["b1"]
        if self.relu:
            np.maximum(hidden, 0, out=hidden)
            np.greater(hidden, 0, out=self._slope)  # 1 where the input was > 0, else 0
        else:
            hidden[...] = sigmoid(hidden)
            np.subtract(1, hidden, out=self._slope)
            self._slope *= hidden  # y (1 - y)
        np.matmul(params["W2"].T, hidden.T, out=self._scores_t)
        self._scores_t += params["b2"][:, np.newaxis]

    def _softmax_loss(self, t: np.ndarray) -> float:
        """Turn the scores into ``(softmax - one_hot(t)) / N`` in place; return the loss."""
        scores, count = self._scores_t, self.batch_size
        np.maximum.reduce(scores, axis=0, out=self._column_max)
        scores -= self._column_max
        np.exp(scores, out=scores)
        np.matmul(self._class_ones, scores, out=self._column_sum)
        scores /= self._column_sum  # the probabilities y, transposed
        picked = scores[t, self._columns]
        scores[t, self._columns] = picked - 1
        picked += self.delta
        loss = float(-np.add.reduce(np.log(picked, out=picked)) / count)
        scores *= 1.0 / count
        return loss

    def _backward(self, x: np.ndarray, params: dict[str, np.ndarray]) -> None:
        grads, dscores, dhidden = self.grads, self._scores_t.T, self._dhidden
        np.matmul(self._hidden.T, dscores, out=grads["W2"])
        np.matmul(self._batch_ones, dscores, out=grads["b2"])
        np.matmul(dscores, params["W2"].T, out=dhidden)
        dhidden *= self._slope
        np.matmul(x.T, dhidden, out=grads["W1"])
        np.matmul(self._batch_ones, dhidden, out=grads["b1"])
