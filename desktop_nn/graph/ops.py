"""The operations of a scalar computation graph, each defined once.

An operation is a layer class with the book's interface (``forward(*args)``, ``backward(dout)``)
that also carries everything the rest of the program says about it, side by side as micrograd
keeps each operation's backward beside its forward:

* ``name``: its key in :data:`OPERATIONS` (``"mul"``, ``"reciprocal"`` ...);
* ``symbol``: what is drawn inside the node's circle (``"×"``, ``"/"``, ``"exp"``);
* ``arity``: one or two arguments;
* ``rule``: the local derivative rule in words (marked for Qt's translation tools, context
  ``NodeKind``, without importing Qt);
* ``formula``: the same rule in symbols;
* ``domain``: why ``forward`` can fail, if it can;
* ``operator`` / ``function``: how the expression parser spells it (``"*"``; ``"exp"``), and
  ``aliases``, other spellings of the operator (``"^"`` for ``"**"``);
* :meth:`Operation.forward_text` and :meth:`Operation.backward_texts`: the rule with this
  step's numbers, as a side panel shows it.

Adding an operation means adding one class here (and translating its rule). The multiply and
add operations are the book's own :class:`~desktop_nn.core.layers.MulLayer` and
:class:`~desktop_nn.core.layers.AddLayer`.
The layers take floats (a graph's steps) or NumPy arrays (a whole grid at once): see
:mod:`~desktop_nn.graph.elementwise`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from desktop_nn.core.layers import AddLayer, MulLayer
from desktop_nn.graph import elementwise as ew
from desktop_nn.graph.elementwise import DomainError
from desktop_nn.graph.numbers import format_value, formula_number
from desktop_nn.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "FUNCTIONS",
    "OPERATIONS",
    "OPERATORS",
    "OPERATOR_ALIASES",
    "QT_TRANSLATE_NOOP",
    "RULE_CONTEXT",
    "Add",
    "Divide",
    "DomainError",
    "Exp",
    "Log",
    "Multiply",
    "Operation",
    "Power",
    "Reciprocal",
    "Subtract",
]

# The translation context of every operation's ``rule``.
RULE_CONTEXT = "NodeKind"


class Operation:
    """What every operation defines; subclasses are the layers the graph's nodes run.

    The class attributes describe the operation (see the module docstring); an instance is one
    node's layer, which stores what its backward pass needs.
    """

    name: ClassVar[str]
    symbol: ClassVar[str]
    arity: ClassVar[int]
    rule: ClassVar[str]
    formula: ClassVar[str]
    domain: ClassVar[str] = ""
    operator: ClassVar[str | None] = None
    aliases: ClassVar[tuple[str, ...]] = ()
    function: ClassVar[str | None] = None

    def forward(self, *args: float) -> float:
        raise NotImplementedError

    def backward(self, dout: float) -> float | tuple[float, float]:
        raise NotImplementedError

    @classmethod
    def undefined(cls, args: Sequence[float]) -> str:
        """Why ``forward`` failed at ``args``: the :attr:`domain`, or an overflow."""
        return cls.domain or "the result is too large for a float"

    @staticmethod
    def forward_text(args: Sequence[float], out: float) -> str:
        """The forward rule with numbers, e.g. ``"z = x·y = 100 × 2 = 200"``."""
        raise NotImplementedError

    @staticmethod
    def backward_texts(
        dout: float, args: Sequence[float], out: float, grads: Sequence[float]
    ) -> list[str]:
        """One line per argument: how its gradient was computed, with numbers."""
        raise NotImplementedError


def _n(value: float) -> str:
    return formula_number(value)


class Multiply(MulLayer, Operation):
    name = "mul"
    symbol = "×"
    arity = 2
    operator = "*"
    rule = QT_TRANSLATE_NOOP(
        "NodeKind", "multiply: passes dout·y to x and dout·x to y (the inputs swap places)")
    formula = "z = x·y;  ∂z/∂x = y,  ∂z/∂y = x"

    @staticmethod
    def forward_text(args, out):
        return f"z = x·y = {_n(args[0])} × {_n(args[1])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        d = _n(dout)
        return [f"dx = dout·y = {d} × {_n(args[1])} = {format_value(grads[0])}",
                f"dy = dout·x = {d} × {_n(args[0])} = {format_value(grads[1])}"]


class Add(AddLayer, Operation):
    name = "add"
    symbol = "+"
    arity = 2
    operator = "+"
    rule = QT_TRANSLATE_NOOP("NodeKind", "add: passes dout unchanged to both inputs")
    formula = "z = x + y;  ∂z/∂x = 1,  ∂z/∂y = 1"

    @staticmethod
    def forward_text(args, out):
        return f"z = x + y = {_n(args[0])} + {_n(args[1])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        return [f"dx = dout = {format_value(grads[0])}", f"dy = dout = {format_value(grads[1])}"]


class Subtract(Operation):
    name = "sub"
    symbol = "-"
    arity = 2
    operator = "-"
    rule = QT_TRANSLATE_NOOP("NodeKind", "subtract: passes dout to x and -dout to y")
    formula = "z = x - y;  ∂z/∂x = 1,  ∂z/∂y = -1"

    def forward(self, x: float, y: float) -> float:
        return x - y

    def backward(self, dout: float) -> tuple[float, float]:
        return dout, -dout

    @staticmethod
    def forward_text(args, out):
        return f"z = x − y = {_n(args[0])} − {_n(args[1])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        return [f"dx = dout = {format_value(grads[0])}", f"dy = −dout = {format_value(grads[1])}"]


class Divide(Operation):
    name = "div"
    symbol = "÷"
    arity = 2
    operator = "/"
    rule = QT_TRANSLATE_NOOP("NodeKind", "divide: passes dout/y to x and -dout·x/y² to y")
    formula = "z = x / y;  ∂z/∂x = 1/y,  ∂z/∂y = -x/y² = -z/y"
    domain = "division by zero"

    def __init__(self) -> None:
        self.y: float | None = None
        self.out: float | None = None

    def forward(self, x: float, y: float) -> float:
        self.y = y
        self.out = x / y
        return self.out

    def backward(self, dout: float) -> tuple[float, float]:
        return dout / self.y, -dout * self.out / self.y

    @staticmethod
    def forward_text(args, out):
        return f"z = x / y = {_n(args[0])} / {_n(args[1])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        d, y = _n(dout), _n(args[1])
        return [f"dx = dout / y = {d} / {y} = {format_value(grads[0])}",
                f"dy = −dout·z / y = −{d} × {_n(out)} / {y} = {format_value(grads[1])}"]


class Exp(Operation):
    name = "exp"
    symbol = "exp"
    arity = 1
    function = "exp"
    rule = QT_TRANSLATE_NOOP(
        "NodeKind", "exponential: passes dout·exp(x) to x, i.e. dout times its own output")
    formula = "y = exp(x);  ∂y/∂x = exp(x) = y"
    domain = "exp(x) is too large for a float when x > 709.78"

    def __init__(self) -> None:
        self.out: float | None = None

    def forward(self, x: float) -> float:
        self.out = ew.exp(x)
        return self.out

    def backward(self, dout: float) -> float:
        return dout * self.out

    @staticmethod
    def forward_text(args, out):
        return f"y = exp(x) = exp({format_value(args[0])}) = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        return [f"dx = dout·y = {_n(dout)} × {_n(out)} = {format_value(grads[0])}"]


class Reciprocal(Operation):
    """The book's "/" node of the Sigmoid graph: ``y = 1/x``."""

    name = "reciprocal"
    symbol = "/"
    arity = 1
    rule = QT_TRANSLATE_NOOP("NodeKind", "reciprocal: passes -dout·y² to x, y being its own output")
    formula = "y = 1/x;  ∂y/∂x = -1/x² = -y²"
    domain = "1/x is undefined at x = 0"

    def __init__(self) -> None:
        self.out: float | None = None

    def forward(self, x: float) -> float:
        self.out = 1.0 / x
        return self.out

    def backward(self, dout: float) -> float:
        return -dout * self.out * self.out

    @staticmethod
    def forward_text(args, out):
        return f"y = 1/x = 1 / {_n(args[0])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        return [f"dx = −dout·y² = −{_n(dout)} × {_n(out)}² = {format_value(grads[0])}"]


class Log(Operation):
    name = "log"
    symbol = "log"
    arity = 1
    function = "log"
    rule = QT_TRANSLATE_NOOP("NodeKind", "natural logarithm: passes dout/x to x")
    formula = "y = log(x);  ∂y/∂x = 1/x"
    domain = "log(x) needs x > 0"

    def __init__(self) -> None:
        self.x: float | None = None

    def forward(self, x: float) -> float:
        self.x = x
        return ew.log(x)

    def backward(self, dout: float) -> float:
        return dout / self.x

    @staticmethod
    def forward_text(args, out):
        return f"y = log(x) = log({format_value(args[0])}) = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        return [f"dx = dout / x = {_n(dout)} / {_n(args[0])} = {format_value(grads[0])}"]


class Power(Operation):
    """``z = x ** y``, typed ``x ** y`` or ``x ^ y``.

    With a number as the exponent the parser makes the one-input kind :meth:`by` instead, the
    book's ``**2`` node (figure 5-7): only ``x`` needs a gradient then, so ``x ** 2`` works
    forward and backward at ``x = -3``. A variable exponent needs ``z·log(x)``, which is
    undefined for ``x < 0``: the backward pass stops there with a :class:`DomainError`.
    """

    name = "pow"
    symbol = "**"
    arity = 2
    operator = "**"
    aliases = ("^",)
    rule = QT_TRANSLATE_NOOP(
        "NodeKind", "power: passes dout·y·x^(y-1) to x and dout·z·log(x) to y")
    formula = "z = x^y;  ∂z/∂x = y·x^(y−1),  ∂z/∂y = z·log(x)"
    domain = "x^y needs x >= 0 or a whole number y, x != 0 if y < 0, a result below 1.8e308"
    # The constant exponent of the one-input kind (None for ``x ** y``).
    exponent: ClassVar[float | None] = None

    def __init__(self) -> None:
        self.x: float | None = None
        self.y: float | None = None
        self.out: float | None = None

    def forward(self, x: float, y: float) -> float:
        self.x, self.y = x, y
        self.out = ew.power(x, y)
        return self.out

    def backward(self, dout: float) -> tuple[float, float]:
        return dout * ew.power_slope(self.x, self.y), dout * ew.exponent_slope(self.x, self.out)

    @classmethod
    def undefined(cls, args):
        return ew.power_undefined(args[0], args[1] if cls.exponent is None else cls.exponent)

    @classmethod
    def by(cls, exponent: float) -> type[Power]:
        """The one-input kind ``y = x ** c`` for the number ``c`` (one class per exponent)."""
        return _power_by(float(exponent))

    @staticmethod
    def forward_text(args, out):
        return f"z = x^y = {_n(args[0])}^{_n(args[1])} = {format_value(out)}"

    @staticmethod
    def backward_texts(dout, args, out, grads):
        d, x, y = _n(dout), _n(args[0]), _n(args[1])
        return [f"dx = dout·y·x^(y−1) = {d} × {y} × {x}^{_n(args[1] - 1)} = "
                f"{format_value(grads[0])}",
                f"dy = dout·z·log(x) = {d} × {_n(out)} × log({x}) = {format_value(grads[1])}"]


class _PowerByConstant(Power):
    """``y = x ** c`` for a constant ``c``: see :meth:`Power.by`, which sets ``exponent``."""

    arity = 1
    operator = None
    aliases = ()
    rule = QT_TRANSLATE_NOOP("NodeKind", "power by a constant c: passes dout·c·x^(c-1) to x")

    def forward(self, x: float) -> float:
        self.x = x
        self.out = ew.power(x, self.exponent)
        return self.out

    def backward(self, dout: float) -> float:
        return dout * ew.power_slope(self.x, self.exponent)

    @classmethod
    def forward_text(cls, args, out):
        return f"y = x^{_n(cls.exponent)} = {_n(args[0])}^{_n(cls.exponent)} = {format_value(out)}"

    @classmethod
    def backward_texts(cls, dout, args, out, grads):
        c, lower = _n(cls.exponent), _n(cls.exponent - 1)
        return [f"dx = dout·{c}·x^{lower} = {_n(dout)} × {c} × {_n(args[0])}^{lower} = "
                f"{format_value(grads[0])}"]


@lru_cache(maxsize=256)
def _power_by(exponent: float) -> type[Power]:
    c, lower = format_value(exponent), format_value(exponent - 1)
    return type("PowerByConstant", (_PowerByConstant,), {
        "__doc__": f"y = x ** {c}",
        "exponent": exponent,
        "symbol": f"**{c}",
        "formula": f"y = x^{c};  ∂y/∂x = {c}·x^{lower}",
    })


#: Every operation, by name (:meth:`Power.by` makes the one-input kinds of ``pow``).
OPERATIONS: dict[str, type[Operation]] = {
    op.name: op for op in (Add, Subtract, Multiply, Divide, Exp, Log, Reciprocal, Power)
}

#: The parser's binary operators: text of the operator -> operation.
OPERATORS: dict[str, type[Operation]] = {
    op.operator: op for op in OPERATIONS.values() if op.operator is not None
}

#: Other spellings of the parser's operators: alias -> operator text (``"^"`` -> ``"**"``).
OPERATOR_ALIASES: dict[str, str] = {
    alias: op.operator for op in OPERATORS.values() for alias in op.aliases
}

#: The functions an expression may call, each with one argument -> operation.
FUNCTIONS: dict[str, type[Operation]] = {
    op.function: op for op in OPERATIONS.values() if op.function is not None
}
