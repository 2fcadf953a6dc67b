"""The book's names in the window's language, for the Computation graph tab.

The book's shopping graphs name their values (``apple``, ``tax``, ``price``); its Chinese and
Japanese editions label the same figures 苹果, 消费税, 支付金额 and りんご, 消費税, 支払金額.
:func:`book_name` shows those labels when the window speaks the language; the graphs themselves
(and the command line) keep the English names, and an expression typed by the user keeps the
names it was typed with (:func:`plain_name`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["BOOK_NAMES", "Namer", "book_name", "plain_name"]

#: Shows a value's name: ``book_name`` for the book's graphs, ``plain_name`` for typed ones.
Namer = Callable[[str], str]

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
