"""A number box for whole numbers beyond the 32 bits of ``QSpinBox`` (a seed up to 2**32 - 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

#: The largest whole number a double holds exactly (every integer up to it, and no more).
EXACT_LIMIT = 2**53


class WholeNumberSpinBox(QDoubleSpinBox):
    """A spin box of whole numbers from ``low`` to ``high`` (at most 2**53 in size).

    ``QSpinBox`` holds a 32-bit signed int, so it stops at 2**31 - 1 while the core's seeds go
    to 2**32 - 1. This box keeps its value as a double with no decimals, which holds every
    such integer exactly, and :meth:`value` gives it back as an ``int``.
    """

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        if not -EXACT_LIMIT <= low <= high <= EXACT_LIMIT:
            raise ValueError(f"the range [{low}, {high}] is not exact in a double")
        super().__init__(parent)
        self.setDecimals(0)
        self.setRange(low, high)

    def value(self) -> int:  # type: ignore[override]
        return round(super().value())
