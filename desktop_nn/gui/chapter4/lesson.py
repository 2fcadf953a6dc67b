"""The Chapter 4 tab's lesson state: read and check every value before anything changes.

The agreed form (every key optional when applied)::

    {"part": "derivative" | "field" | "descent" | "loss",
     "derivative": {"expression": str, "x": float, "h": float,
                    "method": "central" | "forward"},
     "field": {"expression": str, "point": [x0, x1]},
     "descent": {"expression": str, "init": [x0, x1], "learning_rate": float, "steps": int,
                 "preset": "book-0.1" | "book-10" | "book-1e-10" | null}}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desktop_nn.gui.chapter4.derivative import METHODS, X_RANGE
from desktop_nn.gui.chapter4.descent_controls import INIT_RANGE, LR_RANGE, MAX_STEPS
from desktop_nn.gui.chapter4.descent_presets import PRESET_BY_KEY
from desktop_nn.gui.chapter4.field import POINT_RANGE
from desktop_nn.gui.chapter4.steps import LARGEST_H, SMALLEST_H
from desktop_nn.gui.common.tab_contract import (
    check_keys,
    read_choice,
    read_number,
    read_text,
    refusal,
)
from desktop_nn.translatable import QT_TRANSLATE_NOOP

PARTS = ("derivative", "field", "descent", "loss")
PART_KEYS = {
    "derivative": ("expression", "x", "h", "method"),
    "field": ("expression", "point"),
    "descent": ("expression", "init", "learning_rate", "steps", "preset"),
}


def read_state(state: Mapping[str, Any], judge: Callable[[str, str], str]) -> dict:
    """The checked settings of ``state``, by part; ``judge(part, text)`` says why an expression
    cannot be used ("" if it can).

    Raises
    ------
    LessonStateError
        On the first value that is missing its form, out of range or refused.
    """
    check_keys(state, allowed=("part", *PART_KEYS))
    result: dict[str, Any] = {}
    if "part" in state:
        result["part"] = read_choice(state, "part", PARTS)
    for part, keys in PART_KEYS.items():
        if part in state:
            section = state[part]
            check_keys(section, allowed=keys)
            result[part] = _read_part(part, section, judge)
    return result


def _read_part(part: str, section: Mapping[str, Any], judge) -> dict:
    read: dict[str, Any] = {}
    for key in section:
        read[key] = _read_value(part, key, section)
    if "expression" in read:
        reason = judge(part, read["expression"])
        if reason:
            raise refusal(QT_TRANSLATE_NOOP(
                "LessonState", "{part}.expression is refused: {reason}"), part=part,
                reason=reason)
    return read


def _read_value(part: str, key: str, section: Mapping[str, Any]):
    if key == "expression":
        return read_text(section, key, 500)
    if key == "x":
        return read_number(section, key, *X_RANGE)
    if key == "h":
        return read_number(section, key, SMALLEST_H, LARGEST_H)
    if key == "method":
        return read_choice(section, key, METHODS)
    if key in ("point", "init"):
        return _read_pair(section, key, POINT_RANGE if key == "point" else INIT_RANGE)
    if key == "learning_rate":
        return read_number(section, key, *LR_RANGE)
    if key == "steps":
        return read_number(section, key, 1, MAX_STEPS, integer=True)
    if section[key] is None:  # preset
        return None
    return read_choice(section, key, tuple(PRESET_BY_KEY))


def _read_pair(section: Mapping[str, Any], key: str, limits: tuple[float, float]) -> list:
    value = section[key]
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "{key} must be a pair of numbers [x0, x1]"), key=key)
    return [read_number({key: item}, key, *limits) for item in value]
