"""The ``desktop-nn`` command: no arguments opens the window; subcommands run headless.

Each subcommand lives in its own module exposing ``add_parser(subparsers)``, which registers
its arguments and sets ``func`` to a ``run(args) -> int``. Errors a user can cause (bad
arguments, bad files, a diverging run) print one line on stderr and return a non-zero code;
no traceback. :func:`main` is the last resort for everything else.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sys
import traceback

from desktop_nn import __version__

#: Subcommand modules, in the order ``--help`` lists them.
SUBCOMMANDS = (
    "train", "gradcheck", "graph", "layers", "diff", "descent", "evaluate", "predict",
    "download", "runs", "open",
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
    """Run the command line; return the process exit code.

    The last resort for whatever a subcommand did not foresee: an unexpected exception is one
    line on stderr and exit code 1 (its traceback too when ``DESKTOP_NN_DEBUG=1``). Output
    that cannot be written (a closed pipe, a full disk) ends the command quietly.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    _replace_closed_streams()
    argv, qt_options = _window_arguments(argv)
    if not argv:
        from desktop_nn.gui.app import run_gui

        return run_gui([*sys.argv[:1], *qt_options])
    from desktop_nn.cli.open import is_lesson_argument

    if is_lesson_argument(argv, SUBCOMMANDS):
        argv = ["open", *argv]  # desktop-nn FILE
    command = "desktop-nn"
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        args.qt_options = qt_options
        if not getattr(args, "func", None):
            parser.print_help()
            return _finish(EXIT_USAGE, command)
        command = f"desktop-nn {args.command}"
        return _finish(_run(args, command), command)
    except SystemExit:  # argparse: --help, --version, a usage error (exits as it says)
        _finish(0, command)
        raise
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        if _is_output_error(exc):
            return _output_failed(exc, command)
        return _unexpected(exc, command)
    except Exception as exc:
        return _unexpected(exc, command)


def _window_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """``argv`` and Qt's own options apart when the command opens the window (no command, a
    lesson file, ``open``); otherwise ``argv`` as it is (Qt options are then refused)."""
    from desktop_nn.cli.open import is_lesson_argument
    from desktop_nn.cli.qt_options import split_qt_options

    ours, qt_options = split_qt_options(argv)
    opens_window = (not ours or ours[0] == "open"
                    or is_lesson_argument(ours, SUBCOMMANDS))
    return (ours, qt_options) if opens_window else (argv, [])


def _run(args: argparse.Namespace, command: str) -> int:
    # Here, not at the top: desktop-nn without a command opens the window before NumPy loads.
    from desktop_nn.cli.common import CliError
    from desktop_nn.core.blas import limit_blas_threads_for_process

    _report_notes(command)
    limit_blas_threads_for_process()
    try:
        return args.func(args)
    except CliError as exc:
        print(f"{command}: error: {exc}", file=sys.stderr)
        return exc.exit_code


def _finish(code: int, command: str) -> int:
    """Flush stdout now, so that a failure to write is handled here and not at exit."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        return _output_failed(exc, command)
    return code


def _replace_closed_streams() -> None:
    """Started with stdout or stderr closed (``>&-``), Python has None there: write nowhere."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 (lives as long as sys)


def _is_output_error(exc: OSError) -> bool:
    """An error writing stdout (files the commands write carry their name in ``filename``)."""
    return isinstance(exc, BrokenPipeError) or (
        exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EBADF) and exc.filename is None
    )


def _output_failed(exc: OSError, command: str) -> int:
    """Stop writing: send what is left in stdout's buffer nowhere; a full disk gets one line."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    if not isinstance(exc, BrokenPipeError) and exc.errno != errno.EPIPE:
        with contextlib.suppress(OSError, ValueError):
            print(f"{command}: error: cannot write the output ({exc.strerror or exc})",
                  file=sys.stderr)
    return EXIT_ERROR


def _unexpected(exc: BaseException, command: str) -> int:
    if os.environ.get("DESKTOP_NN_DEBUG") == "1":
        traceback.print_exception(exc, file=sys.stderr)
    lines = str(exc).strip().splitlines()
    detail = f": {lines[0][:300]}" if lines else ""
    with contextlib.suppress(OSError, ValueError):
        print(f"{command}: internal error: {type(exc).__name__}{detail} (set DESKTOP_NN_DEBUG=1 "
              "for the details)", file=sys.stderr)
    return EXIT_ERROR


class _NoteHandler(logging.Handler):
    """Prints the library's warnings (a rebuilt cache entry) as one line on the current stderr."""

    command = "desktop-nn"

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError, ValueError):
            print(f"{self.command}: note: {record.getMessage()}", file=sys.stderr)


_NOTES = _NoteHandler(logging.WARNING)


def _report_notes(command: str) -> None:
    _NOTES.command = command
    logger = logging.getLogger("desktop_nn")
    if _NOTES not in logger.handlers:
        logger.addHandler(_NOTES)
        logger.propagate = False
