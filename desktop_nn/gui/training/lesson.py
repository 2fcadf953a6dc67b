"""The Training tab's side of the tab contract: its view, its lesson state, hideable controls, zoom.

A lesson keeps the training settings (a :class:`TrainConfig` as its dict), the loss plot's
smoothing and its log scale. :meth:`TrainingLesson.apply_lesson_state` checks all of them
before it shows any, so a damaged lesson changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.common.tab_contract import (
    LessonState,
    LessonStateError,
    TabContract,
    check_keys,
    read_flag,
    read_number,
)
from desktop_nn.gui.training.plot_options import SMOOTHING_RANGE

LESSON_KEYS = ("config", "smoothing", "log_scale")
#: The controls a lesson may hide, by objectName.
HIDEABLE = (
    "runsTable", "repeatSeedsButton", "clearRunsButton", "runActionsButton", "smoothingSlider",
    "logScaleCheck", "samplePreview", "presetCombo", "datasetCombo", "trainSizeSpin",
    "hiddenSizeSpin", "activationCombo", "weightInitCombo", "weightInitStdSpin",
    "learningRateSpin", "batchSizeSpin", "itersSpin", "optimizerCombo", "gradientCombo",
    "samplingCombo", "precisionCombo", "seedSpin", "resetButton", "stepButton",
)


def read_config(state: Mapping[str, Any]) -> TrainConfig:
    """``state["config"]`` as a :class:`TrainConfig`, every value checked."""
    values = state.get("config")
    if not isinstance(values, Mapping):
        raise LessonStateError("config must be a set of named values")
    try:
        return TrainConfig.from_dict(dict(values))
    except (TypeError, ValueError) as exc:
        raise LessonStateError(f"config: {exc}") from None


class TrainingLesson(TabContract):
    """The contract's methods for :class:`~desktop_nn.gui.training.tab.TrainingTab`."""

    tab_key = "training"

    def main_view(self) -> QWidget:
        """The curves with the runs table under them."""
        return self.curves_area

    def lesson_state(self) -> LessonState:
        smoothing, log_scale = self.plot_settings()
        return {"config": self.config().to_dict(), "smoothing": smoothing,
                "log_scale": log_scale}

    def apply_lesson_state(self, state: Mapping[str, Any]) -> None:
        check_keys(state, LESSON_KEYS)
        config = read_config(state) if "config" in state else None
        smoothing = (read_number(state, "smoothing", *SMOOTHING_RANGE, integer=True)
                     if "smoothing" in state else None)
        log_scale = read_flag(state, "log_scale") if "log_scale" in state else None
        if config is not None:
            if self.is_running:
                raise LessonStateError("a run is going on: stop it before changing its settings")
            self.show_config(config)
        self.restore_plot_settings(smoothing, log_scale)

    def hideable_controls(self) -> dict[str, QWidget]:
        found = {name: self.findChild(QWidget, name) for name in HIDEABLE}
        return {name: widget for name, widget in found.items() if widget is not None}
