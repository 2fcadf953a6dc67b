"""``desktop-nn graph``: forward and backward through a computation graph, headless.

Examples::

    desktop-nn graph apple
    desktop-nn graph apple-orange --set tax=1.08 --json
    desktop-nn graph --expr "(a * b + c) * d" --set a=2 --set b=3
"""

from __future__ import annotations

import argparse
import math

from desktop_nn.cli.common import CliError, check_range, print_json, shown
from desktop_nn.graph import (
    INPUT_RANGE,
    PRESETS,
    ComputationGraph,
    ExpressionError,
    GraphEvaluationError,
    build_graph,
    format_value,
    preset,
)

#: Preset names on the command line: the book's names with a hyphen, the core's also accepted.
CLI_PRESETS = ("apple", "apple-orange", "sigmoid")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``graph`` subcommand."""
    parser = subparsers.add_parser(
        "graph",
        help="forward and backward through a computation graph (the book's or an expression)",
        description=(
            "Compute a computation graph forward and backward and print the result and the "
            "gradient of every input, backpropagated and numerical."
        ),
    )
    parser.add_argument(
        "preset",
        nargs="?",
        choices=sorted({*CLI_PRESETS, *PRESETS}),
        metavar="{" + ",".join(CLI_PRESETS) + "}",
        help="one of the book's graphs",
    )
    parser.add_argument(
        "--expr",
        metavar="EXPR",
        help="your own graph, e.g. '1 / (1 + exp(-x))': + - * / ** (or ^) exp() log(), numbers, "
             "names",
    )
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set one input (repeat for more); expression inputs default to 1",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _parse_set(text: str) -> tuple[str, float]:
    name, sep, value_text = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise CliError(f"--set expects NAME=VALUE, got {text!r}")
    try:
        value = float(value_text)
    except ValueError:
        raise CliError(f"--set {name}: {shown(value_text)} is not a number") from None
    if not math.isfinite(value):
        raise CliError(f"--set {name}: {value_text!r} is not a finite number")
    check_range(f"--set {name}", value, (-INPUT_RANGE, INPUT_RANGE))
    return name, value


def _build(args: argparse.Namespace) -> ComputationGraph:
    if (args.preset is None) == (args.expr is None):
        raise CliError("give either a graph (apple, apple-orange, sigmoid) or --expr EXPR")
    if args.expr is None:
        return preset(args.preset)
    try:
        return build_graph(args.expr)
    except ExpressionError as exc:
        raise CliError(f"bad expression: {exc}") from None


def run(args: argparse.Namespace) -> int:
    """Build the graph, apply ``--set``, run forward and backward, print."""
    graph = _build(args)
    settings = [_parse_set(text) for text in args.sets]
    for name, value in settings:
        if name not in graph.input_names:
            known = ", ".join(graph.input_names) or "none"
            raise CliError(f"unknown input {name!r} for this graph; inputs: {known}")
        graph.set_input(name, value)
    try:
        output = graph.forward()
        grads = graph.backward()
    except GraphEvaluationError as exc:
        raise CliError(str(exc)) from None
    numerical = graph.numerical_gradients()
    values = graph.inputs

    if args.json:
        print_json(
            {
                "graph": graph.name,
                "output": output,
                "values": values,
                "grads": grads,
                "numerical_grads": numerical,
            }
        )
        return 0

    output_label = graph.edges[-1].label
    print(f"{output_label} = {format_value(output)}")
    if not values:
        return 0
    rows = [("input", "value", "gradient", "numerical")]
    rows += [
        (name, format_value(values[name]), format_value(grads[name]), format_value(numerical[name]))
        for name in values
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.rjust(width) for cell, width in zip(row, widths, strict=True)]
        cells[0] = row[0].ljust(widths[0])
        print("  ".join(cells).rstrip())
    return 0
