"""The Layer graph tab's lesson state: the agreed keys, read and checked before anything changes.

``{"net": "simple" | "mnist", "samples": 1..100, "seed": int, "x": [2 numbers],
"t": [3 of 0 or 1, one-hot], "W": [[3 numbers], [3 numbers]], "pass": "none" | "forward" |
"backward"}``; every key is optional when applied, ``x``, ``t`` and ``W`` apply to simpleNet
only, and ``pass`` says how far the graph is stepped after applying.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from desktop_nn.gui.common.tab_contract import (
    check_keys,
    read_choice,
    read_number,
    refusal,
)
from desktop_nn.translatable import QT_TRANSLATE_NOOP

KEYS = ("net", "samples", "seed", "x", "t", "W", "pass")
NETS = ("simple", "mnist")
PASSES = ("none", "forward", "backward")
SIMPLE_ONLY = ("x", "t", "W")
MAX_SEED = 2**31 - 1


def _numbers(value: Any, key: str, count: int) -> list[float]:
    if not isinstance(value, list) or len(value) != count:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "{key} must be a list of {count} numbers"), key=key,
            count=count)
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | float) or not math.isfinite(item):
            raise refusal(QT_TRANSLATE_NOOP(
                "LessonState", "{key} must be a list of {count} finite numbers"),
                key=key, count=count)
    return [float(item) for item in value]


def read_state(state: Mapping[str, Any], current_net: str) -> dict[str, Any]:
    """The checked lesson state (``current_net``: the tab's network, for the simple-only keys).

    Raises :class:`LessonStateError` naming the first thing wrong.
    """
    check_keys(state, KEYS)
    plan: dict[str, Any] = {}
    if "net" in state:
        plan["net"] = read_choice(state, "net", NETS)
    net = plan.get("net", current_net)
    if "samples" in state:
        plan["samples"] = read_number(state, "samples", 1, 100, integer=True)
    if "seed" in state:
        plan["seed"] = read_number(state, "seed", 0, MAX_SEED, integer=True)
    if "pass" in state:
        plan["pass"] = read_choice(state, "pass", PASSES)
    given = [key for key in SIMPLE_ONLY if key in state]
    if given and net != "simple":
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{keys} apply to the simple network only"),
                      keys=", ".join(given))
    if "x" in state:
        plan["x"] = _numbers(state["x"], "x", 2)
    if "t" in state:
        t = _numbers(state["t"], "t", 3)
        if sorted(t) != [0.0, 0.0, 1.0]:
            raise refusal(QT_TRANSLATE_NOOP("LessonState", "t must be one-hot: one 1 and two 0"))
        plan["t"] = t
    if "W" in state:
        rows = state["W"]
        if not isinstance(rows, list) or len(rows) != 2:
            raise refusal(QT_TRANSLATE_NOOP("LessonState", "W must be two rows of 3 numbers"))
        plan["W"] = [_numbers(row, "W", 3) for row in rows]
    return plan
