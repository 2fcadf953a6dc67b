"""The book's three runs of gradient descent on x0² + x1² from (−3, 4) (section 4.4.1)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_nn.core.descent import BOOK_INIT_X
from desktop_nn.graph import BOOK_FUNCTION_2


@dataclass(frozen=True)
class DescentPreset:
    """One of the book's runs: its key in lesson files, its settings and what it shows.

    ``title`` and ``lesson`` are English source texts, translated in the context
    "DescentPart" when shown; ``book_result`` is the final point as the book prints it.
    """

    key: str
    learning_rate: float
    title: str
    lesson: str
    book_result: str
    expression: str = BOOK_FUNCTION_2
    init: tuple[float, float] = BOOK_INIT_X
    steps: int = 100


PRESETS = (
    DescentPreset(
        "book-0.1", 0.1,
        QT_TRANSLATE_NOOP("DescentPart", "The book: lr = 0.1 (about right)"),
        QT_TRANSLATE_NOOP("DescentPart", "A good learning rate: every step shrinks the point "
                          "by the factor 0.8, and after 100 steps it sits at the minimum (0, 0) "
                          "to within 1e-9."),
        "[-6.11110793e-10  8.14814391e-10]",
    ),
    DescentPreset(
        "book-10", 10.0,
        QT_TRANSLATE_NOOP("DescentPart", "The book: lr = 10 (too large)"),
        QT_TRANSLATE_NOOP("DescentPart", "Too large: every step overshoots the minimum and "
                          "lands 19 times farther away on the other side, until x ± h rounds "
                          "to x, the numerical gradient becomes 0 and the point stops, far "
                          "out."),
        "[-2.58983747e+13 -1.29524862e+12]",
    ),
    DescentPreset(
        "book-1e-10", 1e-10,
        QT_TRANSLATE_NOOP("DescentPart", "The book: lr = 1e-10 (too small)"),
        QT_TRANSLATE_NOOP("DescentPart", "Too small: the point barely moves from where it "
                          "started; learning would take forever."),
        "[-2.99999994  3.99999992]",
    ),
)

PRESET_BY_KEY = {preset.key: preset for preset in PRESETS}
