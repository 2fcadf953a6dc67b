"""A point of a function given on the command line (``--at x=5``, ``--init x0=-3``), and how
the chapter-4 commands print full-precision numbers."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from desktop_nn.cli.common import CliError
from desktop_nn.graph import ExpressionError, ExpressionFunction

__all__ = ["full", "parse_point", "read_function"]


def read_function(text: str) -> ExpressionFunction:
    """The expression as a function of its variables; one-line error if it is not allowed."""
    try:
        function = ExpressionFunction(text)
    except ExpressionError as exc:
        raise CliError(f"bad expression: {exc}") from None
    if not function.names:
        raise CliError(f"the expression {function.graph.name!r} has no variable")
    return function


def parse_point(
    texts: Sequence[str],
    names: Sequence[str],
    option: str,
    defaults: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Read ``NAME=VALUE`` options (or one bare ``VALUE`` for a single variable) into a point.

    Parameters
    ----------
    texts : sequence of str
        The option's values in the order given.
    names : sequence of str
        The function's variables; each must end up with a value.
    option : str
        The option's name for messages (``"--at"``).
    defaults : mapping, optional
        Values of variables the options do not set.

    Returns
    -------
    dict of str to float
        In the order of ``names``.
    """
    given: dict[str, float] = {}
    for text in texts:
        name, value = _assignment(text, names, option)
        if name in given:
            raise CliError(f"{option} {name} is given twice")
        given[name] = value
    point = {**{k: v for k, v in (defaults or {}).items() if k in names}, **given}
    missing = [name for name in names if name not in point]
    if missing:
        raise CliError(f"no value for {', '.join(missing)}: give {option} NAME=VALUE for each")
    return {name: point[name] for name in names}


def _assignment(text: str, names: Sequence[str], option: str) -> tuple[str, float]:
    name, sep, value_text = text.partition("=")
    if not sep:
        if len(names) != 1:
            raise CliError(f"{option} {text}: the expression has the variables "
                           f"{', '.join(names)}: write {option} NAME=VALUE")
        name, value_text = names[0], text
    name = name.strip()
    if name not in names:
        raise CliError(f"{option} {name or text!r}: unknown variable; the expression has "
                       f"{', '.join(names)}")
    try:
        value = float(value_text)
    except ValueError:
        raise CliError(f"{option} {name}: {value_text!r} is not a number") from None
    if not math.isfinite(value):
        raise CliError(f"{option} {name}: {value_text!r} is not a finite number")
    return name, value


def full(value: float) -> str:
    """Every digit a float64 holds (the shortest text that reads back the same): the digits the
    book prints, as ``0.1999999999990898``; whole numbers without ``.0``."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
