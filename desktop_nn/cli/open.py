"""``desktop-nn open FILE`` (or ``desktop-nn FILE``): the window, with a lesson open in it.

The file is read and checked before any window appears: a file that is not a lesson this
version can open is one line on stderr and exit code 2. What only the window can check (a tab
refusing its part of the lesson) is a message in the window, which then stays as it was.
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop_nn.cli.common import CliError

EXIT_BAD_LESSON = 2


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "open", help="open the window with a lesson (desktop-nn FILE does the same)",
        description="Open the window in the state a lesson file describes, with its title and "
                    "instructions in a side panel.")
    parser.add_argument("file", help="a lesson file (.json), as File > Save lesson writes it")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop_nn.lessons import LessonError, read_lesson

    try:
        read_lesson(args.file)
    except LessonError as exc:
        raise CliError(f"{args.file}: {exc}", exit_code=EXIT_BAD_LESSON) from None
    from desktop_nn.gui.app import run_gui

    qt_options = getattr(args, "qt_options", [])  # -platform xcb, -style fusion...
    return run_gui([*sys.argv[:1], *qt_options], lesson=os.path.abspath(args.file))


def is_lesson_argument(argv: list[str], commands: tuple[str, ...]) -> bool:
    """True for ``desktop-nn FILE``: one argument, no option or command, naming a ``.json``
    path or an existing file."""
    if len(argv) != 1:
        return False
    word = argv[0]
    if word.startswith("-") or word in commands:
        return False
    return word.lower().endswith(".json") or os.path.isfile(word)
