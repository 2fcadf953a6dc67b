"""How the graphs write numbers: rounded for display, the model keeping full precision."""

from __future__ import annotations

import math

__all__ = ["format_value", "formula_number"]


def format_value(x: float, digits: int = 4) -> str:
    """Round ``x`` for display: ``3.3000000000000003 -> "3.3"``, ``220.00000000000003 -> "220"``.

    Numbers of magnitude 1 or more keep ``digits`` decimals, smaller ones ``digits`` significant
    digits (``0.7310585786 -> "0.7311"``); trailing zeros are dropped. Very large or very small
    magnitudes use scientific notation.

    Parameters
    ----------
    x : float
    digits : int, default 4

    Returns
    -------
    str
    """
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    magnitude = abs(x)
    if magnitude >= 1e15 or (0 < magnitude < 1e-4):
        return f"{x:.{digits}g}"
    text = f"{x:.{digits}f}" if magnitude >= 1 else f"{x:.{digits}g}"
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def formula_number(value: float | None) -> str:
    """A value inside a formula: rounded, a negative one in parentheses, ``"?"`` if unknown."""
    if value is None:
        return "?"
    text = format_value(value)
    return f"({text})" if text.startswith("-") else text
