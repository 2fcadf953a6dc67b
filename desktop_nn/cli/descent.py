"""``desktop-nn descent``: gradient descent as the book's ``gradient_method.py`` (chapter 4).

Examples::

    desktop-nn descent                          # x0^2 + x1^2 from (-3, 4), lr 0.1, 100 steps
    desktop-nn descent --lr 10                  # too large: ends near (-2.59e13, -1.30e12)
    desktop-nn descent --lr 1e-10 --json        # too small: barely moves
    desktop-nn descent "(x - 1)^2" --init x=5 --steps 20
"""

from __future__ import annotations

import argparse

import numpy as np

from desktop_nn.cli.common import CliError, print_json
from desktop_nn.cli.points import full, parse_point, read_function
from desktop_nn.core.descent import BOOK_INIT_X, DescentError, descent_steps
from desktop_nn.graph import BOOK_FUNCTION_2, ExpressionFunction, GraphEvaluationError

#: The book's start, for the variables x0 and x1 of any expression.
DEFAULT_INIT = dict(zip(("x0", "x1"), BOOK_INIT_X, strict=True))
DEFAULT_LR = 0.1
DEFAULT_STEPS = 100
LR_RANGE = (1e-300, 1e6)
MAX_STEPS = 10_000
#: Rows of the text table: the start, then about this many steps evenly spaced.
TABLE_ROWS = 10


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``descent`` subcommand."""
    parser = subparsers.add_parser(
        "descent",
        help="gradient descent on an expression (the book's gradient_method.py)",
        description=(
            "Repeat x -= lr * numerical_gradient(f, x) from a start point and print the path. "
            "The defaults are the book's: f = x0^2 + x1^2 from (-3, 4), lr 0.1, 100 steps."
        ),
    )
    add = parser.add_argument
    add("expression", nargs="?", default=BOOK_FUNCTION_2, metavar="EXPR",
        help=f"the function (default {BOOK_FUNCTION_2!r}): + - * / ** (or ^) exp() log()")
    add("--init", action="append", default=[], metavar="NAME=VALUE",
        help="the start of one variable (repeat for more); x0 and x1 start at -3 and 4")
    add("--lr", type=_learning_rate, default=DEFAULT_LR, metavar="LR",
        help=f"the learning rate (default {DEFAULT_LR:g}; the book also tries 10 and 1e-10)")
    add("--steps", type=_steps, default=DEFAULT_STEPS, metavar="N",
        help=f"the number of steps (default {DEFAULT_STEPS}, at most {MAX_STEPS:,})")
    add("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _learning_rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not LR_RANGE[0] <= value <= LR_RANGE[1]:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: the learning rate must be in "
            f"[{LR_RANGE[0]:g}, {LR_RANGE[1]:g}]")
    return value


def _steps(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_STEPS:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: the steps must be from 1 to {MAX_STEPS}")
    return value


def run(args: argparse.Namespace) -> int:
    """Descend, then print the path (a table, or JSON)."""
    function = read_function(args.expression)
    start = parse_point(args.init, function.names, "--init", DEFAULT_INIT)
    path = _descend(function, list(start.values()), args.lr, args.steps)
    values = _values(function, path)
    names = function.names
    if args.json:
        print_json({
            "expression": function.graph.name,
            "names": list(names),
            "lr": args.lr,
            "steps": args.steps,
            "final": dict(zip(names, path[-1].tolist(), strict=True)),
            "path": path.tolist(),
            "values": values.tolist(),
        })
        return 0
    print(f"f({', '.join(names)}) = {function.graph.name}: {args.steps} steps of "
          f"x -= {args.lr:g} * numerical_gradient(f, x)")
    _print_table(names, path, values)
    return 0


def _descend(function: ExpressionFunction, start: list[float], lr: float, steps: int):
    """The path, shape (steps + 1, n); a one-line error naming the step that fails."""
    path = []
    try:
        for point in descent_steps(function, np.array(start), lr, steps):
            path.append(point)
    except (GraphEvaluationError, DescentError) as exc:
        where = f"step {len(path)}: " if isinstance(exc, GraphEvaluationError) else ""
        raise CliError(f"{where}{exc}") from None
    return np.array(path)


def _values(function: ExpressionFunction, path: np.ndarray) -> np.ndarray:
    """f at every point of the path; a one-line error naming a point where it is undefined."""
    values = []
    for step, point in enumerate(path):
        try:
            values.append(function(point))
        except GraphEvaluationError as exc:
            raise CliError(f"step {step}: {exc}") from None
    return np.array(values)


def _print_table(names, path: np.ndarray, values: np.ndarray) -> None:
    every = max(1, -(-(len(path) - 1) // TABLE_ROWS))  # ceil
    shown = sorted({*range(0, len(path), every), len(path) - 1})
    rows = [("step", *names, "f")]
    rows += [(str(i), *(full(v) for v in path[i]), full(values[i])) for i in shown]
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
