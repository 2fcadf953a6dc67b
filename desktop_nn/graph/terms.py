"""Sums of products written out term by term, summarised when long but always exact.

An element of a matrix product is a sum of products (``dW[i, j] = Σₙ X[n, i]·dY[n, j]``); a
view shows its terms with their numbers. A sum of 784 terms is summarised: the largest terms
are shown and the others are added up into one ``rest``. The total is the correctly rounded
sum of *all* the terms (:func:`math.fsum`), so nothing is lost by the summary.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["DEFAULT_MAX_TERMS", "ShapeReason", "SumOfTerms", "Term", "check_index",
           "sum_of_terms", "summarise"]

#: Terms shown before a sum is summarised.
DEFAULT_MAX_TERMS = 8


@dataclass(frozen=True)
class Term:
    """One term of a sum: ``value = factors[0] · factors[1] · ...`` at ``index``."""

    index: int
    factors: tuple[float, ...]
    value: float


@dataclass(frozen=True)
class SumOfTerms:
    """A sum over one index, with the terms a view shows.

    Attributes
    ----------
    variable : str
        The summation index as written (``"n"`` over the batch, ``"i"``, ``"j"``), or ``""``
        for a single term without a sum (one sample).
    count : int
        Number of terms.
    shown : tuple of Term
        Every term in index order if there are at most ``max_terms``; otherwise the
        ``max_terms`` largest in absolute value, largest first.
    rest_count : int
        Terms not shown.
    rest : float
        The exact sum of the terms not shown (0.0 if none).
    zero_count : int
        Terms that are exactly 0 (a black pixel, a unit ReLU switched off).
    total : float
        The correctly rounded sum of all the terms.
    """

    variable: str
    count: int
    shown: tuple[Term, ...]
    rest_count: int
    rest: float
    zero_count: int
    total: float


@dataclass(frozen=True)
class ShapeReason:
    """Why an array has the shape it has: the operation that made it, with shapes.

    ``operation`` is ``"product"`` (``operands[0] · operands[1]``) or ``"sum"`` (the one
    operand summed over its first, batch axis). ``result`` equals the shape of ``matches``.
    """

    operation: str
    operands: tuple[tuple[str, tuple[int, ...]], ...]
    result: tuple[int, ...]
    matches: str


def sum_of_terms(
    variable: str, factors: Sequence[np.ndarray], max_terms: int = DEFAULT_MAX_TERMS
) -> SumOfTerms:
    """The sum over ``k`` of ``factors[0][k] · factors[1][k] · ...`` (1-D arrays, same size)."""
    columns = [np.asarray(f, dtype=np.float64).ravel() for f in factors]
    values = columns[0].copy()
    for column in columns[1:]:
        values *= column
    return summarise(variable, columns, values, max_terms)


def summarise(
    variable: str, columns: Sequence[np.ndarray], values: np.ndarray, max_terms: int
) -> SumOfTerms:
    """The sum of ``values`` (1-D), each term shown with its ``columns[...][k]`` as factors."""
    if max_terms < 1:
        raise ValueError(f"max_terms must be at least 1, got {max_terms}")
    count = values.size
    if count <= max_terms:
        order = np.arange(count)
    else:
        order = np.argsort(-np.abs(values), kind="stable")[:max_terms]
    shown = tuple(
        Term(int(k), tuple(float(c[k]) for c in columns), float(values[k])) for k in order
    )
    hidden = np.ones(count, dtype=bool)
    hidden[order] = False
    return SumOfTerms(
        variable=variable,
        count=count,
        shown=shown,
        rest_count=int(hidden.sum()),
        rest=math.fsum(values[hidden].tolist()),
        zero_count=int(np.count_nonzero(values == 0)),
        total=math.fsum(values.tolist()),
    )


def check_index(index, shape: tuple[int, ...], name: str) -> tuple[int, ...]:
    """``index`` as a tuple of ints inside ``shape``; IndexError naming ``name`` otherwise."""
    index = (index,) if isinstance(index, (int, np.integer)) else tuple(index)
    inside = len(index) == len(shape) and all(
        isinstance(k, (int, np.integer)) and 0 <= k < size
        for k, size in zip(index, shape, strict=True)
    )
    if not inside:
        raise IndexError(f"{name} has shape {shape}: {index} is not an element of it")
    return tuple(int(k) for k in index)
