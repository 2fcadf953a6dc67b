"""How the chapter's numbers are written: every digit a float needs, as Python and the book
print them, and arrays as NumPy prints them."""

from __future__ import annotations

import numpy as np


def full(value: float) -> str:
    """``5`` for a whole number, otherwise ``repr`` (``0.1999999999990898``)."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def book_array(values) -> str:
    """An array as the book's ``print`` shows it: ``[-6.11110793e-10  8.14814391e-10]``."""
    return np.array2string(np.asarray(values, dtype=np.float64))
