"""Explanations of a layer graph's forward pass, one element at a time.

:func:`explain_forward` takes an element of a computed array and returns how its layer made it,
with this batch's numbers, as structured data (symbols only, like
:mod:`desktop_nn.graph.layer_explain`):

* Affine: ``a1[n, j] = Σᵢ X[n, i]·W1[i, j] + b1[j]``, 784 terms for MNIST, summarised
  (:class:`~desktop_nn.graph.terms.SumOfTerms`: the largest terms and the exact rest);
* ReLU: ``max(0, x)`` and its mask ``x ≤ 0``; Sigmoid: ``1 / (1 + exp(−x))``;
* Softmax: ``y[n, k] = exp(a[n, k] − m) / Σⱼ exp(a[n, j] − m)`` with ``m`` the row's largest
  score (subtracted against overflow, as the book does);
* the loss: ``L = −Σₙ log(y[n, tₙ] + 1e-7) / N``, one term per sample.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop_nn.graph.layer_arrays import ArraySpec, LayerSpec
from desktop_nn.graph.layer_explain import at, sigma
from desktop_nn.graph.layer_graph import LayerGraph
from desktop_nn.graph.terms import (
    DEFAULT_MAX_TERMS,
    SumOfTerms,
    check_index,
    sum_of_terms,
    summarise,
)

__all__ = [
    "ActivationForward",
    "AffineForward",
    "ForwardExplanation",
    "LossForward",
    "SoftmaxForward",
    "explain_forward",
]


@dataclass(frozen=True)
class ForwardExplanation:
    """What every forward explanation holds: the element ``array[index]`` = ``value``,
    made by ``layer`` by the rule ``formula``, written for the element in ``element``."""

    layer: str
    kind: str
    array: str
    index: tuple[int, ...]
    formula: str
    element: str
    value: float


@dataclass(frozen=True)
class AffineForward(ForwardExplanation):
    """``Y[n, j] = Σᵢ X[n, i]·W[i, j] + b[j]`` (``bias`` None for MatMul, which has none)."""

    terms: SumOfTerms
    factor_names: tuple[str, ...]
    bias: float | None


@dataclass(frozen=True)
class ActivationForward(ForwardExplanation):
    """ReLU or Sigmoid of ``x`` (ReLU's ``mask`` element is ``x ≤ 0``)."""

    x: float


@dataclass(frozen=True)
class SoftmaxForward(ForwardExplanation):
    """``y[n, k]`` with its row: the scores, their largest ``shift`` and ``exp(score − shift)``."""

    row: int | None
    scores: tuple[float, ...]
    shift: float
    exps: tuple[float, ...]


@dataclass(frozen=True)
class LossForward(ForwardExplanation):
    """``L`` as the sum over the samples of ``−log(y[n, tₙ] + delta) / N``.

    Each term's factor is the probability of the sample's correct class.
    """

    terms: SumOfTerms
    labels: tuple[int, ...]
    delta: float
    batch_size: int


def explain_forward(
    graph: LayerGraph, name: str, index=(), *, max_terms: int = DEFAULT_MAX_TERMS
) -> ForwardExplanation:
    """Explain element ``index`` of the computed array ``name`` (``"a1"``, ``"y"``, ``"L"``).

    Raises
    ------
    KeyError
        No such array.
    ValueError
        It is an input, a parameter or a label (nothing computes it), or the forward pass has
        not reached it yet.
    IndexError
        ``index`` is not an element of the array.
    """
    array = graph.array(name)
    if array.source is None:
        raise ValueError(f"{name} is given, not computed by a layer")
    if graph.value(name) is None:
        raise ValueError(f"the forward pass has not reached {array.source} yet")
    index = check_index(index, array.shape, name)
    spec = graph.layer(array.source)
    return _EXPLAIN[spec.kind.name](graph, spec, array, index, max_terms)


def _common(graph: LayerGraph, spec: LayerSpec, array: ArraySpec, index: tuple[int, ...],
            formula: str, element: str) -> dict:
    return {
        "layer": spec.name,
        "kind": spec.kind.name,
        "array": array.name,
        "index": index,
        "formula": formula,
        "element": element,
        "value": float(np.asarray(graph.value(array.name))[index]),
    }


def _affine(graph, spec, array, index, max_terms) -> AffineForward:
    x_name, w_name = spec.inputs[:2]
    x = np.asarray(graph.value(x_name)).reshape(-1, graph.array(w_name).shape[0])
    w = graph.value(w_name)
    n, j = index if graph.batch else (0, index[0])
    terms = sum_of_terms("i", [x[n, :], w[:, j]], max_terms)
    factors = (at(x_name, (n, "i") if graph.batch else ("i",)), at(w_name, ("i", j)))
    formula = f"{array.name} = {x_name}·{w_name}"
    element = f"{at(array.name, index)} = {sigma('i')}{'·'.join(factors)}"
    bias = None
    if len(spec.inputs) == 3:
        b_name = spec.inputs[2]
        bias = float(graph.value(b_name)[j])
        formula += f" + {b_name}"
        element += f" + {at(b_name, (j,))}"
    return AffineForward(**_common(graph, spec, array, index, formula, element),
                         terms=terms, factor_names=factors, bias=bias)


def _activation(graph, spec, array, index, max_terms) -> ActivationForward:
    x_name = spec.inputs[0]
    if array.role == "internal":  # ReLU's mask
        rule = "({} ≤ 0)"
    elif spec.kind.name == "relu":
        rule = "max(0, {})"
    else:
        rule = "1 / (1 + exp(−{}))"
    formula = f"{array.name} = {rule.format(x_name)}"
    element = f"{at(array.name, index)} = {rule.format(at(x_name, index))}"
    return ActivationForward(**_common(graph, spec, array, index, formula, element),
                             x=float(graph.value(x_name)[index]))


def _softmax_with_loss(graph, spec, array, index, max_terms) -> ForwardExplanation:
    if array.role == "loss":
        return _loss(graph, spec, array, max_terms)
    a_name = spec.inputs[0]
    scores = np.asarray(graph.value(a_name), dtype=np.float64).reshape(-1, array.shape[-1])
    n = index[0] if graph.batch else 0
    shift = float(scores[n].max())
    exps = np.exp(scores[n] - shift)
    row = (n, "j") if graph.batch else ("j",)
    formula = f"{array.name} = softmax({a_name})"
    element = (f"{at(array.name, index)} = exp({at(a_name, index)} − m) / "
               f"{sigma('j')}exp({at(a_name, row)} − m)")
    return SoftmaxForward(**_common(graph, spec, array, index, formula, element),
                          row=n if graph.batch else None, scores=tuple(scores[n].tolist()),
                          shift=shift, exps=tuple(exps.tolist()))


def _loss(graph, spec, array, max_terms) -> LossForward:
    y_name, t_name = spec.internals[0], spec.inputs[1]
    classes = graph.array(y_name).shape[-1]
    y = np.asarray(graph.value(y_name), dtype=np.float64).reshape(-1, classes)
    labels = np.asarray(graph.value(t_name)).reshape(-1, classes).argmax(axis=1)
    picked = y[np.arange(len(y)), labels]
    delta, count = spec.layer.delta, len(y)
    values = -np.log(picked + delta) / count
    variable = "n" if graph.batch else ""
    terms = summarise(variable, [picked], values, max_terms)
    t_n = f"{t_name}ₙ" if graph.batch else t_name
    y_t = at(y_name, ("n", t_n) if graph.batch else (t_n,))
    formula = f"{array.name} = −{sigma(variable)}log({y_t} + {_number(delta)}) / N"
    return LossForward(**_common(graph, spec, array, (), formula, formula),
                       terms=terms, labels=tuple(labels.tolist()), delta=delta,
                       batch_size=graph.batch_size)


def _number(value: float) -> str:
    """``1e-07 -> "1e-7"``, as the book writes the constant."""
    return f"{value:g}".replace("e-0", "e-")


_EXPLAIN: dict[str, Callable[..., ForwardExplanation]] = {
    "affine": _affine,
    "matmul": _affine,
    "relu": _activation,
    "sigmoid": _activation,
    "softmax_with_loss": _softmax_with_loss,
}
