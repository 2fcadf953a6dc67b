"""The book's mathematics in NumPy: functions, layers, TwoLayerNet, optimizers, training.

Nothing in this package imports Qt; the CLI, the tests and the GUI all drive the same code.
The names below are imported when first used (``from desktop_nn.core import TwoLayerNet``), so
that importing one small module of the package (``desktop_nn.core.blas``) does not import NumPy
and every other module.
"""

from __future__ import annotations

from desktop_nn.lazy_names import lazy_names

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

__getattr__, __dir__ = lazy_names(__name__, _WHERE)
