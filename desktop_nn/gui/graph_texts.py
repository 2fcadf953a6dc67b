"""The node kinds' rules and the book's names, translatable for the Computation graph tab.

The core (:data:`desktop_nn.core.graph.KINDS`) stays English and Qt-free; this table repeats
each kind's ``rule`` marked for Qt's translation tools, keyed by the kind's name, and
:func:`kind_rule` looks the translation up when the side panel shows it. A test keeps the
English texts here equal to the core's. Formulas (``z = x·y;  ∂z/∂x = y``) are symbols and are
shown as the core writes them.

The book's shopping graphs name their values (``apple``, ``tax``, ``price``); its Chinese and
Japanese editions label the same figures 苹果, 消费税, 支付金额 and りんご, 消費税, 支払金額.
:func:`book_name` shows those labels when the window speaks the language; the graphs themselves
(and the command line) keep the English names, and an expression typed by the user keeps the
names it was typed with.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_nn.core.graph import KINDS

__all__ = ["BOOK_NAMES", "CONTEXT", "KIND_RULES", "Namer", "book_name", "kind_rule",
           "plain_name"]

#: Shows a value's name: ``book_name`` for the book's graphs, ``plain_name`` for typed ones.
Namer = Callable[[str], str]

#: The translation context of the rules.
CONTEXT = "NodeKind"

#: The English rule of every node kind (equal to ``KINDS[name].rule``), by kind name.
KIND_RULES: dict[str, str] = {
    "mul": QT_TRANSLATE_NOOP(
        "NodeKind", "multiply: passes dout·y to x and dout·x to y (the inputs swap places)"),
    "add": QT_TRANSLATE_NOOP("NodeKind", "add: passes dout unchanged to both inputs"),
    "sub": QT_TRANSLATE_NOOP("NodeKind", "subtract: passes dout to x and -dout to y"),
    "div": QT_TRANSLATE_NOOP("NodeKind", "divide: passes dout/y to x and -dout·x/y² to y"),
    "neg": QT_TRANSLATE_NOOP("NodeKind", "negate: passes -dout to x"),
    "exp": QT_TRANSLATE_NOOP(
        "NodeKind", "exponential: passes dout·exp(x) to x, i.e. dout times its own output"),
    "reciprocal": QT_TRANSLATE_NOOP(
        "NodeKind", "reciprocal: passes -dout·y² to x, y being its own output"),
    "log": QT_TRANSLATE_NOOP("NodeKind", "natural logarithm: passes dout/x to x"),
}


def kind_rule(name: str) -> str:
    """The rule of node kind ``name`` in the window's language.

    A kind missing from :data:`KIND_RULES` shows the core's English rule.
    """
    english = KIND_RULES.get(name)
    if english is None:
        return KINDS[name].rule
    return QCoreApplication.translate(CONTEXT, english)


#: The values of the book's apples-and-oranges graphs, marked for translation (context
#: "BookNames"): the labels of the book's figures in its Chinese and Japanese editions.
BOOK_NAMES = (
    QT_TRANSLATE_NOOP("BookNames", "apple"),
    QT_TRANSLATE_NOOP("BookNames", "apple_num"),
    QT_TRANSLATE_NOOP("BookNames", "orange"),
    QT_TRANSLATE_NOOP("BookNames", "orange_num"),
    QT_TRANSLATE_NOOP("BookNames", "tax"),
    QT_TRANSLATE_NOOP("BookNames", "apple_price"),
    QT_TRANSLATE_NOOP("BookNames", "orange_price"),
    QT_TRANSLATE_NOOP("BookNames", "all_price"),
    QT_TRANSLATE_NOOP("BookNames", "price"),
)


def book_name(name: str) -> str:
    """The label of one of the book's values in the window's language (others unchanged)."""
    return QCoreApplication.translate("BookNames", name) if name in BOOK_NAMES else name


def plain_name(name: str) -> str:
    """A name as it is (a graph the user typed)."""
    return name
