"""The book's mathematics in NumPy: functions, layers, TwoLayerNet, optimizers, training.

Nothing in this package imports Qt; the CLI, the tests and the GUI all drive the same code.
The names below are imported when first used (``from desktop_nn.core import TwoLayerNet``), so
that importing one small module of the package (``desktop_nn.core.blas``) does not import NumPy
and every other module.
"""

from __future__ import annotations

import importlib

#: Each public name and the module that defines it.
_WHERE = {
    "gradient_descent": "descent",
    "cross_entropy_error": "functions",
    "relu": "functions",
    "sigmoid": "functions",
    "sigmoid_grad": "functions",
    "softmax": "functions",
    "gradient_check": "gradient",
    "numerical_diff": "gradient",
    "numerical_gradient": "gradient",
    "AddLayer": "layers",
    "Affine": "layers",
    "MatMul": "layers",
    "MulLayer": "layers",
    "Relu": "layers",
    "Sigmoid": "layers",
    "SoftmaxWithLoss": "layers",
    "TwoLayerNet": "network",
    "SGD": "optimizers",
    "AdaGrad": "optimizers",
    "Adam": "optimizers",
    "Momentum": "optimizers",
    "simpleNet": "simple_net",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
