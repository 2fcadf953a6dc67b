"""Persistent settings (QSettings, INI format): the hyperparameters and the window geometry.

The settings file is outside input like any other: a user may edit it, another version may have
written it, a disk may have damaged it. Every value is read here, through a reader that checks
its type and range and gives None (use the default) for anything else, so that a wrong value is
ignored and the window always starts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from desktop_nn.core.training import TrainConfig

ORGANIZATION = "desktop_nn"
APPLICATION = "desktop_nn"
#: Characters of a saved configuration (a real one has about 300).
MAX_CONFIG_TEXT = 10_000


def app_settings() -> QSettings:
    """The application's settings store (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


@dataclass(frozen=True)
class WindowSettings:
    """What the window restores at start; None where nothing valid was saved."""

    geometry: QByteArray | None
    config: TrainConfig | None
    smoothing: int | None
    log_scale: bool | None


def read_window_settings(settings: QSettings, smoothing_range: tuple[int, int]) -> WindowSettings:
    """Read the window's settings, each checked for type and range (None if it is wrong)."""
    return WindowSettings(
        geometry=read_bytes(settings, "window/geometry"),
        config=load_config(settings),
        smoothing=read_int(settings, "plots/smoothing", *smoothing_range),
        log_scale=read_bool(settings, "plots/log_scale"),
    )


def save_config(settings: QSettings, config: TrainConfig) -> None:
    settings.setValue("training/config", json.dumps(config.to_dict()))


def load_config(settings: QSettings) -> TrainConfig | None:
    """The saved configuration, or None when there is none or it is not valid any more."""
    text = read_text(settings, "training/config")
    if not text or len(text) > MAX_CONFIG_TEXT:
        return None
    from desktop_nn.core.training import TrainConfig  # NumPy: once the Training tab is built

    try:
        values = json.loads(text)
        return TrainConfig.from_dict(values) if isinstance(values, dict) else None
    except (ValueError, TypeError, RecursionError):
        return None


def read_int(settings: QSettings, key: str, low: int, high: int) -> int | None:
    """An integer in [low, high] (INI files store it as text), else None."""
    value = _value(settings, key)
    if isinstance(value, str) and len(value) < 20:
        try:
            value = int(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def read_bool(settings: QSettings, key: str) -> bool | None:
    """True or False (stored as ``true``/``false``), else None."""
    value = _value(settings, key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def read_text(settings: QSettings, key: str) -> str | None:
    """A string, else None (an INI value with commas comes back as a list: refused)."""
    value = _value(settings, key)
    return value if isinstance(value, str) else None


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """Non-empty binary data (a saved geometry), else None."""
    value = _value(settings, key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _value(settings: QSettings, key: str) -> object:
    try:
        return settings.value(key)
    except Exception:  # a value PySide cannot convert to Python: the same as none at all
        return None
