"""The ``desktop-nn`` command: no arguments opens the window; subcommands run headless.

Each subcommand lives in its own module exposing ``add_parser(subparsers)``, which registers
its arguments and sets ``func`` to a ``run(args) -> int``. Errors a user can cause (bad
arguments, bad files, a diverging run) print one line on stderr and return a non-zero code;
no traceback.
"""

from __future__ import annotations

import argparse
import sys

from desktop_nn import __version__
from desktop_nn.cli.common import CliError

#: Subcommand modules, in the order ``--help`` lists them.
SUBCOMMANDS = (
    "train", "gradcheck", "graph", "layers", "diff", "descent", "evaluate", "predict",
    "download",
)

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available subcommand registered."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="desktop-nn",
        description=(
            "A lab for chapters 4 and 5 of Deep Learning from Scratch. Without a command, "
            "opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"desktop-nn {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"desktop_nn.cli.{name.replace('-', '_')}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop_nn.cli.{name}":
                continue  # not built yet
            raise
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        from desktop_nn.gui.app import run_gui

        return run_gui()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from desktop_nn.core.blas import limit_blas_threads_for_process

    limit_blas_threads_for_process()
    try:
        return args.func(args)
    except CliError as exc:
        print(f"desktop-nn {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"desktop-nn {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERROR
