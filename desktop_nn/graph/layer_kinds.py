"""The kinds of layer a layer graph runs, each defined once.

A kind adapts one of the book's layer classes (:mod:`desktop_nn.core.layers`) to the graph and
carries what the rest of the program says about it, as :mod:`desktop_nn.graph.ops` does for the
scalar operations:

* ``name``: its key in :data:`LAYER_KINDS` (``"affine"``, ``"relu"`` ...);
* ``classes``: the book's layer classes it runs;
* ``ports``: the role of each input, in order (``("x", "W", "b")``): ``x`` is the data flowing
  through, ``W`` and ``b`` parameters, ``t`` the labels;
* ``internals``: arrays the layer keeps that a view shows, by attribute (``y``, ``mask``);
* ``rule``: the backward rule in words (marked for Qt's translation tools, context
  ``LayerKind``, without importing Qt), and ``formula``: the same rule in the book's symbols;
* :meth:`LayerKind.forward`, :meth:`LayerKind.backward` and :meth:`LayerKind.fresh`: how the
  graph calls the layer, and how it builds a fresh one for a numerical derivative.

``backward`` returns one gradient per port, None where nothing flows back (labels; the data
of the network's first layer, which :class:`~desktop_nn.core.layers.InputAffine` skips).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from desktop_nn.core.layers import Affine, MatMul, Relu, Sigmoid, SoftmaxWithLoss
from desktop_nn.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "LAYER_KINDS",
    "RULE_CONTEXT",
    "AffineKind",
    "LayerKind",
    "MatMulKind",
    "ReluKind",
    "SigmoidKind",
    "SoftmaxWithLossKind",
    "kind_of",
]

# The translation context of every kind's ``rule``.
RULE_CONTEXT = "LayerKind"

Array = np.ndarray
Value = np.ndarray | float


class LayerKind:
    """What every kind defines; the methods are static and take the layer object."""

    name: ClassVar[str]
    classes: ClassVar[tuple[type, ...]]
    ports: ClassVar[tuple[str, ...]]
    internals: ClassVar[tuple[str, ...]] = ()
    rule: ClassVar[str]
    formula: ClassVar[str]

    @staticmethod
    def forward(layer, args: list[Value]) -> Value:
        """Run the layer forward on its inputs (in port order); return its output."""
        return layer.forward(args[0])

    @staticmethod
    def backward(layer, dout: Value) -> tuple[Array | None, ...]:
        """Run the layer backward; return one gradient per port (None: none flows back)."""
        return (layer.backward(dout),)

    @staticmethod
    def fresh(layer, args: list[Value]):
        """A new layer of the same class that computes with ``args``' parameters."""
        return type(layer)()


class AffineKind(LayerKind):
    name = "affine"
    classes = (Affine,)
    ports = ("x", "W", "b")
    rule = QT_TRANSLATE_NOOP(
        "LayerKind",
        "Affine: passes dY·Wᵀ back to X; W receives Xᵀ·dY and b the sum of dY over the batch",
    )
    formula = "Y = X·W + b;  dX = dY·Wᵀ,  dW = Xᵀ·dY,  db = Σₙ dY[n]"

    @staticmethod
    def backward(layer, dout):
        dx = layer.backward(dout)
        return dx, layer.dW, layer.db

    @staticmethod
    def fresh(layer, args):
        return type(layer)(args[1], args[2])


class MatMulKind(LayerKind):
    name = "matmul"
    classes = (MatMul,)
    ports = ("x", "W")
    rule = QT_TRANSLATE_NOOP(
        "LayerKind", "matrix product: passes dY·Wᵀ back to x; W receives xᵀ·dY"
    )
    formula = "Y = x·W;  dx = dY·Wᵀ,  dW = xᵀ·dY"

    @staticmethod
    def backward(layer, dout):
        dx = layer.backward(dout)
        return dx, layer.dW

    @staticmethod
    def fresh(layer, args):
        return type(layer)(args[1])


class ReluKind(LayerKind):
    name = "relu"
    classes = (Relu,)
    ports = ("x",)
    internals = ("mask",)
    rule = QT_TRANSLATE_NOOP(
        "LayerKind", "ReLU: passes dout back where x > 0 and 0 where x ≤ 0 (the mask)"
    )
    formula = "y = max(0, x);  dx = dout where x > 0, 0 where x ≤ 0"


class SigmoidKind(LayerKind):
    name = "sigmoid"
    classes = (Sigmoid,)
    ports = ("x",)
    rule = QT_TRANSLATE_NOOP(
        "LayerKind", "Sigmoid: passes dout·y(1 − y) back, y being its own output"
    )
    formula = "y = 1 / (1 + exp(−x));  dx = dout·y·(1 − y)"


class SoftmaxWithLossKind(LayerKind):
    name = "softmax_with_loss"
    classes = (SoftmaxWithLoss,)
    ports = ("x", "t")
    internals = ("y",)
    rule = QT_TRANSLATE_NOOP(
        "LayerKind",
        "Softmax-with-Loss: passes (y − t)/N back to the scores, row by row",
    )
    formula = "y = softmax(x),  L = −Σₙ log(y[n, tₙ] + 1e-7) / N;  dx = (y − t) / N"

    @staticmethod
    def forward(layer, args):
        return layer.forward(args[0], args[1])

    @staticmethod
    def backward(layer, dout):
        return layer.backward(dout), None

    @staticmethod
    def fresh(layer, args):
        return type(layer)(layer.delta)


#: Every kind, by name.
LAYER_KINDS: dict[str, type[LayerKind]] = {
    kind.name: kind
    for kind in (AffineKind, MatMulKind, ReluKind, SigmoidKind, SoftmaxWithLossKind)
}


def kind_of(layer) -> type[LayerKind]:
    """The kind that runs ``layer`` (an ``InputAffine`` is an affine layer)."""
    for kind in LAYER_KINDS.values():
        if isinstance(layer, kind.classes):
            return kind
    raise TypeError(f"no layer graph kind runs {type(layer).__name__}")
