"""Turn a typed formula such as ``(a * b + c) * d`` into a :class:`ComputationGraph`, safely.

The text is parsed by :func:`ast.parse` in ``"eval"`` mode and then checked against a small
whitelist; nothing is ever compiled or evaluated as Python. Allowed:

* the binary operators ``+ - * /`` and the power ``**`` (also written ``^``), unary ``-`` and
  ``+``, parentheses, with Python's precedence: ``**`` binds tighter than unary minus
  (``-x^2`` is ``-(x²)``) and groups from the right (``2^3^2`` is ``2^9``);
* calls ``exp(...)`` and ``log(...)`` with exactly one positional argument;
* numbers (int or float, finite) and names (the graph's editable inputs).

Everything else raises :class:`ExpressionError` (a ``ValueError``) saying which part is not
allowed. Hostile input is bounded before and after parsing: at most :data:`MAX_LENGTH`
characters, printable ASCII only (``×``, ``÷`` and the minus sign ``−`` are read as ``*``,
``/`` and ``-``), at most :data:`MAX_DEPTH` levels of nesting (checked without recursion) and
:data:`MAX_OPERATIONS` operations.

The graph mirrors the book's drawings: ``-x`` becomes a ``×`` node with the constant ``-1``
(a MulLayer), ``1 / x`` the book's ``/`` (reciprocal) node, any other ``a / b`` a ``÷`` node,
so ``1 / (1 + exp(-x))`` gives exactly the book's Sigmoid graph; ``x ** 2`` (a number as the
exponent) the book's one-input ``**2`` node, any other ``a ** b`` a two-input power node. Each
node is labelled with the text of its sub-expression.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from desktop_nn.graph.graph import ComputationGraph
from desktop_nn.graph.ops import FUNCTIONS, OPERATOR_ALIASES, OPERATORS, Power

__all__ = [
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_OPERATIONS",
    "ExpressionError",
    "build_graph",
    "parse_expression",
]

MAX_LENGTH = 500
MAX_DEPTH = 100
MAX_OPERATIONS = 100

#: How Python's syntax tree spells each operator text of :data:`~desktop_nn.graph.ops.OPERATORS`.
_AST_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
#: The binary operators an expression may use: syntax-tree type -> operation name.
_BINARY_OPERATIONS = {
    node_type: OPERATORS[text].name
    for node_type, text in _AST_OPERATORS.items()
    if text in OPERATORS
}
_HINT = "use " + ", ".join([*OPERATORS, *OPERATOR_ALIASES, *(f"{name}()" for name in FUNCTIONS)])
_LOOKALIKES = str.maketrans({"×": "*", "·": "*", "÷": "/", "−": "-"})
_BAD_OPERATORS = {
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.Not: "not",
    ast.Invert: "~",
    ast.And: "and",
    ast.Or: "or",
}
_DESCRIPTIONS = {
    ast.Attribute: "attribute access",
    ast.Subscript: "indexing",
    ast.Compare: "comparison",
    ast.IfExp: "conditional expression",
    ast.Lambda: "lambda",
    ast.Tuple: "tuple",
    ast.List: "list",
    ast.Set: "set",
    ast.Dict: "dict",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension",
    ast.JoinedStr: "f-string",
    ast.NamedExpr: "assignment",
    ast.Starred: "unpacking",
    ast.Slice: "slice",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
}


class ExpressionError(ValueError):
    """The expression cannot be read, or uses something that is not allowed."""


def parse_expression(text: str) -> ast.expr:
    """Parse and check ``text``; return the body of its syntax tree.

    Parameters
    ----------
    text : str
        For example ``"1 / (1 + exp(-x))"``.

    Returns
    -------
    ast.expr
        Contains only the allowed node types (see the module docstring).

    Raises
    ------
    ExpressionError
        With a message naming the part that is not allowed, or the column of a syntax error.
    """
    if not isinstance(text, str):
        raise ExpressionError(f"the expression must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"the expression is too long: {len(text)} characters, at most {MAX_LENGTH}"
        )
    text = text.translate(_LOOKALIKES)
    for column, char in enumerate(text, start=1):
        if not " " <= char <= "~":
            raise ExpressionError(
                f"character {char!r} (U+{ord(char):04X}) at column {column} is not allowed: "
                f"use ASCII letters, digits, spaces and + - * / ^ ( )"
            )
    stripped = text.lstrip()
    if not stripped.strip():
        raise ExpressionError("the expression is empty")
    indent = len(text) - len(stripped)
    stripped, columns = _respell(stripped)
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        offset = exc.offset if exc.offset and exc.offset > 0 else len(stripped) + 1
        column = columns[min(offset, len(stripped) + 1) - 1] + indent
        raise ExpressionError(f"syntax error at column {column}: {exc.msg}") from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise ExpressionError(f"the expression cannot be read: {exc}") from None
    _check(tree.body, stripped)
    return tree.body


def build_graph(
    text: str,
    values: Mapping[str, float] | None = None,
    default: float = 1.0,
) -> ComputationGraph:
    """Parse ``text`` into a graph whose names are its editable inputs.

    Parameters
    ----------
    text : str
        The expression.
    values : mapping, optional
        Starting values of inputs, by name. Names the expression does not use are ignored, so
        a view can pass the values of the previous expression after an edit.
    default : float, default 1.0
        Starting value of the other inputs.

    Returns
    -------
    ComputationGraph
        Named by the normalized expression text; inputs in order of first appearance.

    Raises
    ------
    ExpressionError
        If the text is not an allowed expression.
    """
    body = parse_expression(text)
    graph = ComputationGraph(ast.unparse(body))
    builder = _Builder(graph, dict(values or {}), default)
    graph.set_output(builder.build(body))
    return graph


def _respell(text: str) -> tuple[str, list[int]]:
    """Replace the operators' aliases (``^`` -> ``**``); map each column back to the typed one.

    Returns the text Python parses and, for each of its columns plus one past the end, the
    1-based column of the typed text it comes from (syntax errors point at what was typed).
    """
    pieces: list[str] = []
    columns: list[int] = []
    for column, char in enumerate(text, start=1):
        spelled = OPERATOR_ALIASES.get(char, char)
        pieces.append(spelled)
        columns += [column] * len(spelled)
    return "".join(pieces), [*columns, len(text) + 1]


def _segment(node: ast.AST, text: str, limit: int = 40) -> str:
    """The source text of ``node``, shortened to ``limit`` characters."""
    segment = ast.get_source_segment(text, node) or type(node).__name__
    return segment if len(segment) <= limit else segment[: limit - 3] + "..."


def _check(root: ast.expr, text: str) -> None:
    """Refuse anything outside the whitelist; iterative, so deep trees cannot overflow."""
    operations = 0
    stack: list[tuple[ast.AST, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(
                f"the expression is nested too deeply (more than {MAX_DEPTH} levels)"
            )
        if isinstance(node, ast.BinOp):
            _check_operator(node.op)
            children = [node.left, node.right]
        elif isinstance(node, ast.UnaryOp):
            _check_operator(node.op)
            children = [node.operand]
        elif isinstance(node, ast.BoolOp):
            _check_operator(node.op)
            children = []
        elif isinstance(node, ast.Call):
            children = [_check_call(node, text)]
        elif isinstance(node, ast.Constant):
            _check_constant(node, text)
            children = []
        elif isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise ExpressionError(f"'{node.id}' is a function: write {node.id}(...)")
            children = []
        else:
            description = _DESCRIPTIONS.get(type(node), "this")
            raise ExpressionError(f"{description} '{_segment(node, text)}' is not allowed: {_HINT}")
        if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Call)):
            operations += 1
            if operations > MAX_OPERATIONS:
                raise ExpressionError(
                    f"the expression is too large: more than {MAX_OPERATIONS} operations"
                )
        stack.extend((child, depth + 1) for child in reversed(children))


def _check_operator(op: ast.AST) -> None:
    if type(op) in _BINARY_OPERATIONS or isinstance(op, (ast.USub, ast.UAdd)):
        return
    symbol = _BAD_OPERATORS.get(type(op), type(op).__name__)
    raise ExpressionError(f"'{symbol}' is not allowed: {_HINT}")


def _check_call(node: ast.Call, text: str) -> ast.expr:
    """Allow ``exp(x)`` and ``log(x)`` only; return the argument."""
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        name = node.func.id if isinstance(node.func, ast.Name) else _segment(node.func, text)
        allowed = " and ".join(f"{function}()" for function in FUNCTIONS)
        raise ExpressionError(f"calls to '{name}' are not allowed: only {allowed}")
    name = node.func.id
    if node.keywords:
        raise ExpressionError(
            f"{name}() takes one positional argument, not '{_segment(node.keywords[0], text)}'"
        )
    if len(node.args) != 1:
        raise ExpressionError(f"{name}() takes exactly one argument ({len(node.args)} given)")
    if isinstance(node.args[0], ast.Starred):
        raise ExpressionError(
            f"{name}() takes one plain argument, not '{_segment(node.args[0], text)}'"
        )
    return node.args[0]


def _check_constant(node: ast.Constant, text: str) -> None:
    value = node.value
    if isinstance(value, bool) or value is None or value is Ellipsis:
        raise ExpressionError(f"'{_segment(node, text)}' is not allowed: only numbers")
    if isinstance(value, (str, bytes)):
        raise ExpressionError(f"the string {_segment(node, text)} is not allowed: only numbers")
    if isinstance(value, complex):
        raise ExpressionError(f"the complex number '{_segment(node, text)}' is not allowed")
    if not isinstance(value, (int, float)):
        raise ExpressionError(f"'{_segment(node, text)}' is not allowed: only numbers")
    try:
        number = float(value)
    except OverflowError:
        number = float("inf")
    if number in (float("inf"), float("-inf")) or number != number:
        raise ExpressionError(f"the number '{_segment(node, text)}' is too large")


def _constant_value(node: ast.expr) -> float | None:
    """The value of a number, possibly signed (``-2``, ``+-3``), else None."""
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.UnaryOp):
        inner = _constant_value(node.operand)
        if inner is not None:
            return -inner if isinstance(node.op, ast.USub) else inner
    return None


class _Builder:
    """Adds the vertices of a checked syntax tree to a graph (recursion bounded by MAX_DEPTH)."""

    def __init__(self, graph: ComputationGraph, values: dict[str, float], default: float):
        self.graph = graph
        self.values = values
        self.default = default

    def build(self, node: ast.expr) -> str:
        """Add ``node`` and its sub-expressions; return the id of its vertex."""
        graph = self.graph
        constant = _constant_value(node)
        if constant is not None:
            return graph.add_constant(constant)
        if isinstance(node, ast.Name):
            if not graph.has_vertex(node.id):
                graph.add_input(node.id, self.values.get(node.id, self.default))
            return node.id
        label = ast.unparse(node)
        if isinstance(node, ast.UnaryOp):
            operand = self.build(node.operand)
            if isinstance(node.op, ast.UAdd):
                return operand
            return graph.add_node("mul", operand, graph.add_constant(-1.0), label=label)
        if isinstance(node, ast.Call):
            return graph.add_node(FUNCTIONS[node.func.id], self.build(node.args[0]), label=label)
        if isinstance(node.op, ast.Div) and _constant_value(node.left) == 1.0:
            return graph.add_node("reciprocal", self.build(node.right), label=label)
        exponent = _constant_value(node.right) if isinstance(node.op, ast.Pow) else None
        if exponent is not None:
            return graph.add_node(Power.by(exponent), self.build(node.left), label=label)
        left = self.build(node.left)
        right = self.build(node.right)
        return graph.add_node(_BINARY_OPERATIONS[type(node.op)], left, right, label=label)
