"""Helpers shared by the subcommands: errors, JSON output, argument types."""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
from typing import Any


class CliError(Exception):
    """A problem the user can fix; printed as one line on stderr, no traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def to_jsonable(value: Any) -> Any:
    """Convert NumPy scalars and arrays (recursively) into plain JSON values.

    Non-finite floats become the strings "nan", "inf" and "-inf" so that the output stays
    strict JSON.
    """
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    tolist = getattr(value, "tolist", None)  # NumPy arrays and scalars, without importing it
    if tolist is not None:
        return to_jsonable(tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def print_json(value: Any) -> None:
    """Print ``value`` as one line of strict JSON on stdout."""
    sys.stdout.write(json.dumps(to_jsonable(value), allow_nan=False) + "\n")
    sys.stdout.flush()


def check_range(option: str, value: float, limits: tuple[float, float]) -> None:
    """Raise CliError unless ``limits[0] <= value <= limits[1]`` (the window's own limits)."""
    low, high = limits
    if not low <= value <= high:
        raise CliError(
            f"{option} {_plain(value)} is out of range: it must be in "
            f"[{_plain(low)}, {_plain(high)}]"
        )


def _plain(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:g}"


def path_text(text: str) -> str:
    """argparse type: a file or folder name, never empty (``""`` would mean the current folder)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path is not a file name")
    if "\0" in text:
        raise argparse.ArgumentTypeError(f"{text!r} contains a NUL character")
    return text


def whole_number(text: str) -> int:
    """argparse type: an integer (its range is checked where the option is used)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a whole number") from None


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return value


def finite_float(text: str) -> float:
    """argparse type: a finite number."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text} is not a finite number")
    return value


def shown(text: str, limit: int = 40) -> str:
    """``repr(text)``, cut to ``limit`` characters (a 5,000-digit number stays one short line)."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide and full-width characters (CJK) two,
    combining marks none, every other character one."""
    return sum(0 if unicodedata.combining(char)
               else 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
               for char in text)


def pad_cells(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal cells (see :func:`cell_width`)."""
    return text + " " * max(0, width - cell_width(text))
