"""The element-wise maths of the graph operations, for a float or a NumPy array alike.

A graph stepping through its nodes computes with Python floats: ``math`` raises where a
function is undefined and the graph names the node. :mod:`~desktop_nn.graph.arrays` evaluates a
whole grid at once with NumPy arrays: undefined values become nan (or inf) there.
"""

from __future__ import annotations

import math

import numpy as np

from desktop_nn.graph.numbers import format_value

__all__ = [
    "DomainError", "exp", "exponent_slope", "log", "power", "power_slope", "power_undefined",
]


class DomainError(ValueError):
    """A derivative is undefined here; the message says why (the graph adds the node)."""


def _is_array(*values) -> bool:
    return any(isinstance(value, np.ndarray) for value in values)


def exp(x):
    """``e ** x``."""
    return np.exp(x) if _is_array(x) else math.exp(x)


def log(x):
    """The natural logarithm."""
    return np.log(x) if _is_array(x) else math.log(x)


def power(x, y):
    """``x ** y``: never complex (``(-8) ** (1/3)`` is undefined, not a complex number)."""
    return np.power(x, y) if _is_array(x, y) else math.pow(x, y)


def power_undefined(x: float, y: float) -> str:
    """Why ``x ** y`` has no float value (``math.pow`` raised)."""
    if x < 0 and y != math.floor(y):
        return (f"x^y is undefined for x < 0 unless y is a whole number, here x = "
                f"{format_value(x)} and y = {format_value(y)}")
    if x == 0 and y < 0:
        return f"x^y is undefined at x = 0 when y < 0, here y = {format_value(y)}"
    return "x^y is too large for a float (beyond 1.8e308)"


def power_slope(x, y):
    """``y·x^(y−1)``, the derivative of ``x ** y`` in ``x`` (0 wherever ``y`` is 0)."""
    if _is_array(x, y):
        return np.where(y == 0, 0.0, y * np.power(x, y - 1))
    if y == 0:
        return 0.0
    if x == 0 and y < 1:
        raise DomainError(
            f"the slope y·x^(y−1) is infinite at x = 0 when y = {format_value(y)}")
    return y * math.pow(x, y - 1)


def exponent_slope(x, z):
    """``z·log(x)``, the derivative of ``z = x ** y`` in ``y`` (0 at x = 0 where z = 0)."""
    if _is_array(x, z):
        zero = (x == 0) & (z == 0)
        return np.where(zero, 0.0, z * np.log(np.where(zero, 1.0, x)))
    if x == 0 and z == 0:
        return 0.0
    if x <= 0:
        raise DomainError(
            f"the gradient towards a variable exponent, z·log(x), needs x > 0, here x = "
            f"{format_value(x)}; a number as the exponent (x ** 2) needs no such gradient")
    return z * math.log(x)
