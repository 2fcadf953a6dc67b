"""Explanations of a layer graph's backward pass, one gradient element at a time.

:func:`explain_backward` takes a gradient element (``dW1[3, 7]``) and returns the rule of the
layer that computed it with this batch's numbers, as structured data a view renders and
translates, beside the element's numerical derivative (the book's central difference with
``h = 1e-4`` on the network's loss):

* Affine (and simpleNet's MatMul): ``dX = dY·Wᵀ``, ``dW = Xᵀ·dY`` and ``db`` the sum of ``dY``
  over the batch axis, as the actual sum of terms for the element (:class:`SumOfTerms`), and
  why the gradient has its array's shape (:class:`ShapeReason`);
* ReLU: the mask, and the gradient passing only where ``x > 0``;
* Sigmoid: ``dout·y(1 − y)``;
* Softmax-with-Loss: ``(y − t)/N`` for the element's row.

The ``formula`` and ``element`` strings are symbols only (``"dW1[3, 7] = Σₙ X[n, 3]·da1[n, 7]"``;
ReLU's ``da1 = dz1·[a1 > 0]`` with the bracket 1 where the condition holds, else 0), never
words, so they need no translation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop_nn.core.gradient import BOOK_H
from desktop_nn.graph.layer_arrays import ArraySpec, LayerSpec
from desktop_nn.graph.layer_graph import LayerGraph
from desktop_nn.graph.terms import (
    DEFAULT_MAX_TERMS,
    ShapeReason,
    SumOfTerms,
    check_index,
    sum_of_terms,
)

__all__ = [
    "AffineBackward",
    "BackwardExplanation",
    "ReluBackward",
    "SigmoidBackward",
    "SoftmaxWithLossBackward",
    "at",
    "explain_backward",
    "sigma",
]

_SUBSCRIPTS = {"n": "ₙ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ"}


def at(name: str, index: tuple) -> str:
    """``at("W1", (3, 7)) -> "W1[3, 7]"``; an empty index gives the name alone."""
    return f"{name}[{', '.join(str(k) for k in index)}]" if index else name


def sigma(variable: str) -> str:
    """The summation sign over ``variable`` (``"Σₙ"``); ``""`` when there is no sum."""
    return f"Σ{_SUBSCRIPTS.get(variable, '_' + variable)} " if variable else ""


@dataclass(frozen=True)
class BackwardExplanation:
    """What every backward explanation holds.

    Attributes
    ----------
    layer, kind : str
        The layer whose backward step computed the element (``"Affine1"``, ``"affine"``).
    grad, array : str
        The gradient's name and the array it belongs to (``"dW1"``, ``"W1"``).
    index : tuple of int
    formula : str
        The layer's rule for this gradient with the graph's names (``"dW1 = Xᵀ·da1"``).
    element : str
        The rule for the element (``"dW1[3, 7] = Σₙ X[n, 3]·da1[n, 7]"``).
    value : float
        The element as backpropagation computed it.
    numerical : float
        dL/d ``array[index]`` by a central difference (h = 1e-4) on the network's loss.
    """

    layer: str
    kind: str
    grad: str
    array: str
    index: tuple[int, ...]
    formula: str
    element: str
    value: float
    numerical: float


@dataclass(frozen=True)
class AffineBackward(BackwardExplanation):
    """An element of ``dX``, ``dW`` or ``db`` (``port`` ``"x"``, ``"W"``, ``"b"``) as a sum."""

    port: str
    terms: SumOfTerms
    factor_names: tuple[str, ...]
    shape_reason: ShapeReason


@dataclass(frozen=True)
class ReluBackward(BackwardExplanation):
    """``dx = dout`` where ``x > 0`` (``passes``), else 0.

    ``row_passing`` of the ``row_size`` units of the element's sample pass their gradient;
    ``near_kink`` is True when ``|x| < h``: the central difference then straddles the kink.
    """

    x: float
    dout: float
    passes: bool
    row_passing: int
    row_size: int
    near_kink: bool


@dataclass(frozen=True)
class SigmoidBackward(BackwardExplanation):
    """``dx = dout·y·(1 − y)``, with ``local = y·(1 − y)``."""

    y: float
    dout: float
    local: float


@dataclass(frozen=True)
class SoftmaxWithLossBackward(BackwardExplanation):
    """``dx[n, k] = (y[n, k] − t[n, k]) / N``, with the element's whole row ``n``.

    ``row`` is None for a single sample (no batch axis).
    """

    row: int | None
    batch_size: int
    y: float
    t: float
    y_row: tuple[float, ...]
    t_row: tuple[float, ...]
    grad_row: tuple[float, ...]


def explain_backward(
    graph: LayerGraph, grad_name: str, index, *, max_terms: int = DEFAULT_MAX_TERMS
) -> BackwardExplanation:
    """Explain element ``index`` of the gradient ``grad_name`` (``"dW1"``, ``"da1"`` ...).

    Raises
    ------
    KeyError
        No array has that gradient.
    ValueError
        The backward pass has not reached it yet, or it is ``dL`` (1 by definition).
    IndexError
        ``index`` is not an element of the array.
    """
    array = graph.array_of_grad(grad_name)
    if array.role == "loss":
        raise ValueError(f"{grad_name} = 1: the backward pass starts there")
    spec = graph.consumer(array.name)
    if graph.grad(array.name) is None:
        raise ValueError(f"the backward pass has not reached {spec.name} yet")
    index = check_index(index, array.shape, grad_name)
    return _EXPLAIN[spec.kind.name](graph, spec, array, index, max_terms)


def _common(graph: LayerGraph, spec: LayerSpec, array: ArraySpec, index: tuple[int, ...],
            formula: str, element: str) -> dict:
    return {
        "layer": spec.name,
        "kind": spec.kind.name,
        "grad": array.grad_name,
        "array": array.name,
        "index": index,
        "formula": formula,
        "element": element,
        "value": float(graph.grad(array.name)[index]),
        "numerical": graph.numerical_derivative(array.name, index),
    }


def _rows(value: np.ndarray) -> np.ndarray:
    """A sample (D,) as a batch of one (1, D); a batch unchanged."""
    value = np.asarray(value)
    return value.reshape(1, -1) if value.ndim == 1 else value


def _affine(graph, spec, array, index, max_terms) -> AffineBackward:
    x_name, w_name = spec.inputs[:2]
    dy_name = graph.array(spec.output).grad_name
    x, w = _rows(graph.value(x_name)), graph.value(w_name)
    dy = _rows(graph.grad(spec.output))
    port = spec.kind.ports[spec.inputs.index(array.name)]
    batch = "n" if graph.batch else ""
    dy_shape = graph.array(spec.output).shape
    if port == "W":
        i, j = index
        factors = (at(x_name, (batch, i) if batch else (i,)),
                   at(dy_name, (batch, j) if batch else (j,)))
        terms = sum_of_terms(batch, [x[:, i], dy[:, j]], max_terms)
        formula = f"{array.grad_name} = {x_name}ᵀ·{dy_name}"
        reason = ShapeReason("product", ((f"{x_name}ᵀ", x.T.shape), (dy_name, dy.shape)),
                             array.shape, array.name)
    elif port == "b":
        (j,) = index
        factors = (at(dy_name, (batch, j) if batch else (j,)),)
        terms = sum_of_terms(batch, [dy[:, j]], max_terms)
        formula = f"{array.grad_name} = {sigma(batch)}{at(dy_name, (batch, ':'))}".strip()
        reason = ShapeReason("sum", ((dy_name, dy_shape),), array.shape, array.name)
    else:
        n, i = index if graph.batch else (0, index[0])
        row = (n, "j") if graph.batch else ("j",)
        factors = (at(dy_name, row), at(w_name, (i, "j")))
        terms = sum_of_terms("j", [dy[n, :], w[i, :]], max_terms)
        formula = f"{array.grad_name} = {dy_name}·{w_name}ᵀ"
        reason = ShapeReason("product", ((dy_name, dy_shape), (f"{w_name}ᵀ", w.T.shape)),
                             array.shape, array.name)
    element = f"{at(array.grad_name, index)} = {sigma(terms.variable)}{'·'.join(factors)}"
    return AffineBackward(**_common(graph, spec, array, index, formula, element),
                          port=port, terms=terms, factor_names=factors, shape_reason=reason)


def _relu(graph, spec, array, index, max_terms) -> ReluBackward:
    x = float(graph.value(array.name)[index])
    dout_name = graph.array(spec.output).grad_name
    dout = float(graph.grad(spec.output)[index])
    passes = x > 0
    row = np.asarray(graph.value(array.name))[index[:-1]]
    target = at(array.grad_name, index)
    element = f"{target} = {at(dout_name, index)}" if passes else f"{target} = 0"
    formula = f"{array.grad_name} = {dout_name}·[{array.name} > 0]"
    return ReluBackward(**_common(graph, spec, array, index, formula, element),
                        x=x, dout=dout, passes=passes, row_passing=int(np.sum(row > 0)),
                        row_size=int(row.size), near_kink=abs(x) < BOOK_H)


def _sigmoid(graph, spec, array, index, max_terms) -> SigmoidBackward:
    y_name, dout_name = spec.output, graph.array(spec.output).grad_name
    y = float(graph.value(y_name)[index])
    dout = float(graph.grad(y_name)[index])
    yi = at(y_name, index)
    element = f"{at(array.grad_name, index)} = {at(dout_name, index)}·{yi}·(1 − {yi})"
    formula = f"{array.grad_name} = {dout_name}·{y_name}·(1 − {y_name})"
    return SigmoidBackward(**_common(graph, spec, array, index, formula, element),
                           y=y, dout=dout, local=y * (1.0 - y))


def _softmax_with_loss(graph, spec, array, index, max_terms) -> SoftmaxWithLossBackward:
    y_name, t_name = spec.internals[0], spec.inputs[1]
    y, t = _rows(graph.value(y_name)), _rows(graph.value(t_name))
    grads = _rows(graph.grad(array.name))
    n, k = index if graph.batch else (0, index[0])
    element = (f"{at(array.grad_name, index)} = ({at(y_name, index)} − {at(t_name, index)})"
               f" / {graph.batch_size}")
    formula = f"{array.grad_name} = ({y_name} − {t_name}) / N"
    return SoftmaxWithLossBackward(
        **_common(graph, spec, array, index, formula, element),
        row=n if graph.batch else None,
        batch_size=graph.batch_size,
        y=float(y[n, k]),
        t=float(t[n, k]),
        y_row=tuple(y[n].tolist()),
        t_row=tuple(t[n].tolist()),
        grad_row=tuple(grads[n].tolist()),
    )


_EXPLAIN: dict[str, Callable[..., BackwardExplanation]] = {
    "affine": _affine,
    "matmul": _affine,
    "relu": _relu,
    "sigmoid": _sigmoid,
    "softmax_with_loss": _softmax_with_loss,
}
