"""Helpers shared by the subcommands: errors, JSON output, argument types."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import numpy as np


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
    if isinstance(value, np.ndarray):
        return to_jsonable(value.tolist())
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def print_json(value: Any) -> None:
    """Print ``value`` as one line of strict JSON on stdout."""
    sys.stdout.write(json.dumps(to_jsonable(value), allow_nan=False) + "\n")
    sys.stdout.flush()


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return value


def finite_float(text: str) -> float:
    """argparse type: a finite number."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text} is not a finite number")
    return value
