"""How the step ``h`` of a numerical derivative decides its error (chapter 4, section 4.3.1).

Two errors pull in opposite directions. The truncation error of the difference formula shrinks
with ``h`` (about ``h²·|f‴|/6`` for the central difference, ``h·|f″|/2`` for the forward one);
the rounding error of subtracting two nearly equal values of ``f`` grows as ``ε·|f|/h``
(ε = 2.2e-16). On a log-log plot the two lines meet near ``h = 1e-5`` (central) or ``1e-8``
(forward). Far below, ``x + h`` rounds to ``x``: at the book's bad ``h = 1e-50`` the difference
is exactly 0, and so is the "derivative".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop_nn.core.gradient import Method, numerical_diff

__all__ = ["BOOK_BAD_H", "EPSILON", "StepErrors", "derivative_errors", "step_sizes"]

#: The step the book warns against: ``x + 1e-50 == x`` in floating point.
BOOK_BAD_H = 1e-50
#: The spacing of float64 numbers near 1 (``np.finfo(float).eps``).
EPSILON = float(np.finfo(np.float64).eps)


def step_sizes(largest: float = 1e-1, smallest: float = 1e-20, per_decade: int = 4) -> np.ndarray:
    """Steps from ``largest`` down to ``smallest``, evenly spaced on a log scale.

    Returns
    -------
    ndarray, shape (decades * per_decade + 1,)
        Decreasing; the powers of ten are exact (``1e-4`` is the book's step itself).
    """
    if not 0 < smallest < largest or per_decade < 1:
        raise ValueError("steps need 0 < smallest < largest and per_decade >= 1")
    exponents = np.log10([largest, smallest])
    count = round((exponents[0] - exponents[1]) * per_decade) + 1
    return np.array([_power_of_ten(e) for e in np.linspace(*exponents, count)])


def _power_of_ten(exponent: float) -> float:
    """``10 ** exponent``, read from its decimal text when the exponent is whole (exact)."""
    whole = round(exponent)
    return float(f"1e{whole}") if abs(exponent - whole) < 1e-9 else 10.0**exponent


@dataclass(frozen=True)
class StepErrors:
    """A numerical derivative against the exact one, step by step (data for a log-log plot).

    Attributes
    ----------
    h : ndarray, shape (K,)
        The steps.
    derivative : ndarray, shape (K,)
        The numerical derivative with each step.
    error : ndarray, shape (K,)
        ``|derivative - exact|``; 0 where the difference is exact (plot it clipped).
    rounding : ndarray, shape (K,)
        The rounding error to expect, ``ε·|f(x)|/h``: the line the errors follow for small h.
    exact : float
        The derivative by backpropagation.
    method : str
    """

    h: np.ndarray
    derivative: np.ndarray
    error: np.ndarray
    rounding: np.ndarray
    exact: float
    method: str


def derivative_errors(
    f: Callable[[float], float],
    x: float,
    exact: float,
    h: np.ndarray | None = None,
    method: Method = "central",
) -> StepErrors:
    """The error of :func:`~desktop_nn.core.gradient.numerical_diff` at ``x`` for each step.

    Parameters
    ----------
    f : callable
        A function of one number, defined around ``x`` (at ``x ± max(h)``).
    x : float
    exact : float
        The true derivative at ``x`` (from backpropagation).
    h : ndarray, shape (K,), optional
        Default :func:`step_sizes` (1e-1 to 1e-20, four a decade).
    method : {"central", "forward"}, default "central"

    Returns
    -------
    StepErrors
    """
    steps = step_sizes() if h is None else np.asarray(h, dtype=np.float64)
    derivative = np.array([numerical_diff(f, x, float(step), method) for step in steps])
    return StepErrors(
        h=steps,
        derivative=derivative,
        error=np.abs(derivative - exact),
        rounding=EPSILON * abs(f(x)) / steps,
        exact=float(exact),
        method=method,
    )
