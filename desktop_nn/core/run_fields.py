"""A run record's fields as JSON values, and back with every field checked.

The history is not among them (it is kept as arrays beside them); neither is the run's number
(the name of its folder) nor whether its model is kept (the folder says).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from desktop_nn.core.run_record import ENDED, MAX_MESSAGE_LENGTH, RunRecord, check_name
from desktop_nn.core.training import History, TrainConfig

#: The fields a kept run's JSON holds, all of them always.
FIELD_NAMES = (
    "name", "status", "config", "started", "seconds", "iterations", "final_train_acc",
    "final_test_acc", "message", "group",
)


def record_to_fields(record: RunRecord) -> dict[str, Any]:
    """The JSON-ready fields of ``record`` (see :data:`FIELD_NAMES`)."""
    return {
        "name": record.name,
        "status": record.status,
        "config": record.config.to_dict(),
        "started": record.started.isoformat(),
        "seconds": record.seconds,
        "iterations": record.iterations,
        "final_train_acc": record.final_train_acc,
        "final_test_acc": record.final_test_acc,
        "message": record.message,
        "group": record.group,
    }


def record_from_fields(
    fields: Any, history: History, number: int, has_model: bool
) -> RunRecord:
    """Build a record from JSON values, refusing anything a kept run cannot hold.

    Raises
    ------
    ValueError
        A field missing, unexpected, of the wrong type or out of range (one line).
    """
    if not isinstance(fields, dict) or set(fields) != set(FIELD_NAMES):
        raise ValueError("the run's fields are missing or unexpected")
    status = fields["status"]
    if status not in ENDED:
        raise ValueError(f"status {status!r} is not one of {list(ENDED)}")
    config = _config(fields["config"])
    return RunRecord(
        name=check_name(_text(fields, "name")),
        config=config,
        history=history,
        status=status,
        seconds=_number(fields, "seconds", 0.0, math.inf),
        started=_started(fields["started"]),
        iterations=_whole(fields, "iterations"),
        final_train_acc=_accuracy(fields, "final_train_acc"),
        final_test_acc=_accuracy(fields, "final_test_acc"),
        message=_message(fields["message"]),
        group=None if fields["group"] is None else check_name(_text(fields, "group")),
        number=number,
        has_model=has_model,
    )


def _config(values: Any) -> TrainConfig:
    if not isinstance(values, dict):
        raise ValueError("config is not a JSON object")
    config = TrainConfig.from_dict(values)
    if config.seed is None:
        raise ValueError("config has no seed")
    return config


def _text(fields: dict[str, Any], key: str) -> str:
    value = fields[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is not a text")
    return value


def _number(fields: dict[str, Any], key: str, low: float, high: float) -> float:
    value = fields[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key} is not a number")
    value = float(value)
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"{key} {value!r} is out of range")
    return value


def _whole(fields: dict[str, Any], key: str) -> int:
    value = fields[key]
    if type(value) is not int or value < 0:
        raise ValueError(f"{key} is not a whole number >= 0")
    return value


def _accuracy(fields: dict[str, Any], key: str) -> float | None:
    return None if fields[key] is None else _number(fields, key, 0.0, 1.0)


def _started(value: Any) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("started is not a date")
    started = datetime.fromisoformat(value)  # ValueError if it is not one
    if started.tzinfo is None:
        raise ValueError("started has no time zone")
    return started


def _message(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_MESSAGE_LENGTH:
        raise ValueError("message is not a text of at most 2000 characters")
    return value
