"""The node kinds' rules in words, translatable for the Computation graph tab.

The core (:data:`desktop_nn.core.graph.KINDS`) stays English and Qt-free; this table repeats
each kind's ``rule`` marked for Qt's translation tools, keyed by the kind's name, and
:func:`kind_rule` looks the translation up when the side panel shows it. A test keeps the
English texts here equal to the core's. Formulas (``z = x·y;  ∂z/∂x = y``) are symbols and are
shown as the core writes them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_nn.core.graph import KINDS

__all__ = ["CONTEXT", "KIND_RULES", "kind_rule"]

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
