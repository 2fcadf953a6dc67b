"""The step ``h`` of the Derivative part: its logarithmic slider and the error lines to expect.

Qt-free. The slider moves in quarter decades from ``h = 1e-1`` to ``1e-20``; a position is
``-4 * log10(h)``, and the powers of ten are exact (position 16 is the book's ``1e-4``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from desktop_nn.core.step_size import EPSILON

#: Slider positions per decade of h.
PER_DECADE = 4
#: The largest and smallest steps the slider offers.
LARGEST_H, SMALLEST_H = 1e-1, 1e-20
FIRST_POSITION = round(-PER_DECADE * math.log10(LARGEST_H))  # 4
LAST_POSITION = round(-PER_DECADE * math.log10(SMALLEST_H))  # 80


def step_at(position: int) -> float:
    """The step at a slider position (exact for powers of ten)."""
    if position % PER_DECADE == 0:
        return float(f"1e{-position // PER_DECADE}")  # read from its text: exact
    return 10.0 ** (-position / PER_DECADE)


def position_of(h: float) -> int:
    """The slider position nearest to ``h`` (clamped to the slider)."""
    position = round(-PER_DECADE * math.log10(h))
    return min(LAST_POSITION, max(FIRST_POSITION, position))


def format_step(h: float) -> str:
    """``1e-4`` for a power of ten, ``5.6e-5`` otherwise."""
    exponent = math.floor(math.log10(h))
    mantissa = h / 10.0**exponent
    if abs(mantissa - round(mantissa)) < 1e-9 and round(mantissa) == 1:
        return f"1e{exponent}"
    if round(mantissa, 1) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:.2g}e{exponent}"


def truncation_slope(f: Callable[[float], float], x: float, method: str) -> float | None:
    """The factor ``c`` of the truncation error ``c·h²`` (central) or ``c·h`` (forward).

    ``|f‴(x)|/6`` or ``|f″(x)|/2``, from differences over a step far larger than the slider's
    (their own error is negligible beside the rounding line); None where ``f`` is undefined.
    """
    a = 1e-2 * max(1.0, abs(x))
    try:
        values = [f(x + k * a) for k in (-2, -1, 0, 1, 2)]
    except (ArithmeticError, ValueError):
        return None
    # What rounding alone puts into each difference: below it, the derivative is taken as 0
    # (a quadratic has no f‴, so the central difference has no truncation error at all).
    noise = 8 * EPSILON * max(abs(v) for v in values)
    if method == "forward":
        second = values[3] - 2 * values[2] + values[1]
        return abs(second) / a**2 / 2 if abs(second) > noise else 0.0
    third = values[4] - 2 * values[3] + 2 * values[1] - values[0]
    return abs(third) / (2 * a**3) / 6 if abs(third) > noise else 0.0


def rounding_scale(value: float) -> float:
    """The factor ``c`` of the rounding error ``c/h``: ``ε·|f(x)|`` (ε = 2.2e-16)."""
    return EPSILON * abs(value)
