"""Persistent settings (QSettings, INI format): the hyperparameters and the window geometry."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from desktop_nn.core.training import TrainConfig

ORGANIZATION = "desktop_nn"
APPLICATION = "desktop_nn"


def app_settings() -> QSettings:
    """The application's settings store (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def save_config(settings: QSettings, config: TrainConfig) -> None:
    settings.setValue("training/config", json.dumps(config.to_dict()))


def load_config(settings: QSettings) -> TrainConfig | None:
    """The saved configuration, or None when there is none or it is not valid any more."""
    text = settings.value("training/config")
    if not text:
        return None
    try:
        return TrainConfig.from_dict(json.loads(str(text)))
    except (ValueError, TypeError):
        return None
