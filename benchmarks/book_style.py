"""The book's chapter-5 training loop, written the book's way, as the speed reference.

float64 parameters drawn from NumPy's global random state, one-hot labels, an OrderedDict of
layers whose backward computes every input gradient, ``np.random.choice`` for the batches, the
loss computed again after each update, and accuracies on the full sets every epoch. It is a
plain re-implementation for timing, independent of ``desktop_nn.core``.
"""

from __future__ import annotations

import time
from collections import OrderedDict

import numpy as np


def _softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def _cross_entropy_error(y, t):
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class _Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class _Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


class _SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        self.y = _softmax(x)
        return _cross_entropy_error(self.y, t)

    def backward(self, dout=1):
        return (self.y - self.t) / self.t.shape[0]


class BookTwoLayerNet:
    """The book's TwoLayerNet: ReLU hidden layer, float64, global random state."""

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.layers = OrderedDict()
        self.layers["Affine1"] = _Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = _Relu()
        self.layers["Affine2"] = _Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = _SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }


def train_book_style(data, *, hidden_size=50, learning_rate=0.1, batch_size=100, iters=10_000,
                     seed=0):
    """Run the book's loop on ``data`` (one-hot labels); return seconds and the accuracies."""
    (x_train, t_train), (x_test, t_test) = data
    np.random.seed(seed)
    network = BookTwoLayerNet(784, hidden_size, 10)
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size / batch_size, 1)
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    start = time.perf_counter()
    for i in range(iters):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= learning_rate * grad[key]
        train_loss_list.append(network.loss(x_batch, t_batch))
        if i % iter_per_epoch == 0:
            train_acc_list.append(network.accuracy(x_train, t_train))
            test_acc_list.append(network.accuracy(x_test, t_test))
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "final_test_acc": float(network.accuracy(x_test, t_test)),
        "evaluations": len(test_acc_list),
    }
