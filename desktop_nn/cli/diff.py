"""``desktop-nn diff``: a numerical derivative or gradient as the book computes it (chapter 4).

Examples::

    desktop-nn diff "0.01*x^2 + 0.1*x" --at 5          # 0.1999999999990898, as the book prints
    desktop-nn diff "x0^2 + x1^2" --at x0=3 --at x1=4  # (6, 8)
    desktop-nn diff "exp(x)" --at 1 --h 1e-50 --json   # x + h == x: the derivative is 0
"""

from __future__ import annotations

import argparse

import numpy as np

from desktop_nn.cli.common import CliError, print_json
from desktop_nn.cli.points import full, parse_point, read_function
from desktop_nn.core.gradient import BOOK_H, METHODS, numerical_diff, numerical_gradient
from desktop_nn.graph import ExpressionFunction, GraphEvaluationError

#: The steps --h accepts: the book's bad 1e-50 is in, a step that is not small is not.
H_RANGE = (1e-300, 1.0)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``diff`` subcommand."""
    parser = subparsers.add_parser(
        "diff",
        help="numerical derivative or gradient of an expression (the book's numerical_diff)",
        description=(
            "Compute f at a point and its numerical derivative (one variable) or gradient "
            "(several), as the book does (central difference, h = 1e-4, float64), next to the "
            "exact one by backpropagation through the expression's graph."
        ),
    )
    add = parser.add_argument
    add("expression", metavar="EXPR",
        help="e.g. '0.01*x^2 + 0.1*x': + - * / ** (or ^) exp() log(), numbers, names")
    add("--at", dest="at", action="append", default=[], metavar="VALUE|NAME=VALUE",
        help="the point: a number for one variable, NAME=VALUE for each of several")
    add("--h", type=_step, default=BOOK_H, metavar="H",
        help=f"the step of the difference (default {BOOK_H:g}, the book's; from "
             f"{H_RANGE[0]:g} to {H_RANGE[1]:g})")
    add("--method", choices=METHODS, default="central",
        help="central (f(x+h) - f(x-h)) / 2h, the book's, or forward (f(x+h) - f(x)) / h")
    add("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _step(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not H_RANGE[0] <= value <= H_RANGE[1]:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: h must be in [{H_RANGE[0]:g}, {H_RANGE[1]:g}]")
    return value


def run(args: argparse.Namespace) -> int:
    """Evaluate f, backpropagate, take the differences, print."""
    function = read_function(args.expression)
    point = parse_point(args.at, function.names, "--at")
    x = np.array(list(point.values()))
    try:
        value = function(x)
        exact = function.exact_gradient(x)
    except GraphEvaluationError as exc:
        raise CliError(str(exc)) from None
    try:
        numerical = _numerical(function, x, args.h, args.method)
    except GraphEvaluationError as exc:
        raise CliError(f"the difference needs f at x ± h: {exc}") from None
    names = function.names
    if args.json:
        print_json({
            "expression": function.graph.name,
            "at": point,
            "value": value,
            "gradient": dict(zip(names, numerical.tolist(), strict=True)),
            "exact": dict(zip(names, exact.tolist(), strict=True)),
            "h": args.h,
            "method": args.method,
        })
        return 0
    _print_table(function, point, value, numerical, exact)
    print(f"{args.method} difference, h = {args.h:g}; exact: backpropagation")
    return 0


def _numerical(function: ExpressionFunction, x: np.ndarray, h: float, method: str) -> np.ndarray:
    """The book's numerical_diff for one variable, numerical_gradient for several."""
    if x.size == 1:
        return np.array([numerical_diff(function, float(x[0]), h, method)])
    return numerical_gradient(function, x, h, method=method)


def _print_table(function, point, value, numerical, exact) -> None:
    names = ", ".join(function.names)
    print(f"f({names}) = {function.graph.name}")
    print(f"f({', '.join(full(v) for v in point.values())}) = {full(value)}")
    rows = [("variable", "numerical", "exact", "difference")]
    rows += [(f"d/d{name}", full(n), full(e), f"{n - e:.3g}")
             for name, n, e in zip(function.names, numerical, exact, strict=True)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
