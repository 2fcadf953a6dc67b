"""The book's mathematics in NumPy: functions, layers, TwoLayerNet, optimizers, training.

Nothing in this package imports Qt; the CLI, the tests and the GUI all drive the same code.
"""

from desktop_nn.core.descent import gradient_descent
from desktop_nn.core.functions import (
    cross_entropy_error,
    relu,
    sigmoid,
    sigmoid_grad,
    softmax,
)
from desktop_nn.core.gradient import gradient_check, numerical_diff, numerical_gradient
from desktop_nn.core.layers import (
    AddLayer,
    Affine,
    MatMul,
    MulLayer,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
)
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.optimizers import SGD, AdaGrad, Adam, Momentum
from desktop_nn.core.simple_net import simpleNet

__all__ = [
    "SGD",
    "AdaGrad",
    "Adam",
    "AddLayer",
    "Affine",
    "MatMul",
    "Momentum",
    "MulLayer",
    "Relu",
    "Sigmoid",
    "SoftmaxWithLoss",
    "TwoLayerNet",
    "cross_entropy_error",
    "gradient_check",
    "gradient_descent",
    "numerical_diff",
    "numerical_gradient",
    "relu",
    "sigmoid",
    "sigmoid_grad",
    "simpleNet",
    "softmax",
]
