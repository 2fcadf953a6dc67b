"""Parameter update rules. ``update(params, grads)`` changes ``params`` in place.

``SGD`` is the book's chapter-4/5 rule; ``Momentum``, ``AdaGrad`` and ``Adam`` follow the
book's chapter 6, for comparison. Each keeps its state per parameter name.
"""

from __future__ import annotations

import numpy as np

Params = dict[str, np.ndarray]


class SGD:
    """Stochastic gradient descent: ``W -= lr * dW``."""

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    def update(self, params: Params, grads: Params) -> None:
        for key, grad in grads.items():
            params[key] -= self.lr * grad


class Momentum:
    """``v = momentum * v - lr * dW``; ``W += v``."""

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        self.lr = lr
        self.momentum = momentum
        self.v: Params = {}

    def update(self, params: Params, grads: Params) -> None:
        for key, grad in grads.items():
            v = self.v.setdefault(key, np.zeros_like(params[key]))
            v *= self.momentum
            v -= self.lr * grad
            params[key] += v


class AdaGrad:
    """``h += dW * dW``; ``W -= lr * dW / (sqrt(h) + 1e-7)``: the step shrinks per parameter."""

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr
        self.h: Params = {}

    def update(self, params: Params, grads: Params) -> None:
        for key, grad in grads.items():
            h = self.h.setdefault(key, np.zeros_like(params[key]))
            h += grad * grad
            params[key] -= self.lr * grad / (np.sqrt(h) + 1e-7)


class Adam:
    """Adam (Kingma and Ba, 2015), with bias correction folded into the step size."""

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m: Params = {}
        self.v: Params = {}

    def update(self, params: Params, grads: Params) -> None:
        self.iter += 1
        lr_t = float(self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter))
        for key, grad in grads.items():
            m = self.m.setdefault(key, np.zeros_like(params[key]))
            v = self.v.setdefault(key, np.zeros_like(params[key]))
            m += (1 - self.beta1) * (grad - m)
            v += (1 - self.beta2) * (grad * grad - v)
            params[key] -= lr_t * m / (np.sqrt(v) + 1e-7)


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adagrad": AdaGrad, "adam": Adam}
#: How the optimizers are called on screen and in legends (names: never translated).
OPTIMIZER_TITLES = {"sgd": "SGD", "momentum": "Momentum", "adagrad": "AdaGrad", "adam": "Adam"}


def make_optimizer(name: str, lr: float):
    """Return the optimizer called ``name`` (one of :data:`OPTIMIZERS`) with learning rate lr."""
    try:
        return OPTIMIZERS[name](lr=lr)
    except KeyError:
        raise ValueError(
            f"optimizer={name!r} is not allowed: use one of {sorted(OPTIMIZERS)}"
        ) from None
