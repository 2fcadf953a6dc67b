"""What a lesson keeps of the Training tab: the hyperparameters, the speed, the epoch pause.

The state is flat JSON: every field of :class:`~desktop_nn.core.training.TrainConfig` a lesson
may set (``hidden_size``, ``learning_rate``, ``batch_size``, ``iters``, ``weight_init_std``,
``activation``, ``optimizer``, ``gradient``, ``seed``, ``train_size``, ``sampling``, ``dtype``,
``dataset``), plus ``speed`` (iterations a second, one of the speed control's steps, or null for
full speed) and ``pause_each_epoch``. All are optional when applied: what a lesson leaves out
keeps its current value. The values are checked against the core's ranges (the same limits as
the panel's boxes) before anything changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_nn.core.network import NAMED_INITS
from desktop_nn.core.pacing import SPEED_STEPS
from desktop_nn.core.train_config import CHOICES, LIMITS
from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.common.plot_style import apply_fonts
from desktop_nn.gui.common.tab_contract import (
    LessonState,
    TabContract,
    check_keys,
    read_choice,
    read_flag,
    read_number,
    refusal,
)
from desktop_nn.translatable import QT_TRANSLATE_NOOP

#: The TrainConfig fields a lesson sets (the loss bookkeeping of the command line is not one).
CONFIG_KEYS = ("hidden_size", "learning_rate", "batch_size", "iters", "weight_init_std",
               "activation", "optimizer", "gradient", "seed", "train_size", "sampling", "dtype",
               "dataset")
#: The whole-number fields, and those that may be null (a fresh seed, every training image).
INTEGER_KEYS = ("hidden_size", "batch_size", "iters", "seed", "train_size")
OPTIONAL_KEYS = ("seed", "train_size")
#: The panel's boxes hold at most this (Qt's spin boxes are 32-bit; the seed's box is not).
QT_INT_MAX = 2**31 - 1
#: The controls a lesson may hide: the panel's fields, the speed control, the run buttons,
#: the runs table and its buttons.
HIDEABLE = ("presetCombo", "datasetCombo", "trainSizeSpin", "hiddenSizeSpin", "activationCombo",
            "weightInitCombo", "weightInitStdSpin", "learningRateSpin", "batchSizeSpin",
            "itersSpin", "optimizerCombo", "gradientCombo", "samplingCombo", "precisionCombo",
            "seedSpin", "trainingSpeedSlider", "pauseEachEpochCheck", "stepButton",
            "resetButton", "runsTable", "repeatSeedsButton", "clearRunsButton")


def config_from_lesson(current: TrainConfig, state: Mapping[str, Any]) -> TrainConfig:
    """``current`` with the fields ``state`` sets, each checked against the core's limits.

    Raises
    ------
    LessonStateError
        A value of the wrong type or out of range (the message names it, in the window's
        language).
    """
    values = current.to_dict()
    values.update({key: read_config_value(state, key) for key in CONFIG_KEYS if key in state})
    if values["gradient"] == "numerical" and values["dtype"] != "float64":
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "the numerical gradient needs dtype \"float64\""))
    try:
        return TrainConfig(**values)
    except (TypeError, ValueError) as exc:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "the training settings are refused: {reason}"), reason=exc) from None


def read_config_value(state: Mapping[str, Any], key: str) -> Any:
    """``state[key]`` checked as the core checks its :class:`TrainConfig` field ``key``."""
    value = state[key]
    if key in CHOICES:
        return read_choice(state, key, CHOICES[key])
    if value is None and key in OPTIONAL_KEYS:
        return None
    low, high = LIMITS[key]
    if key == "weight_init_std" and not isinstance(value, int | float):
        if value in NAMED_INITS:
            return value
        text = QT_TRANSLATE_NOOP(
            "LessonState", "{key} must be a number between {low:g} and {high:g} or one of: {names}")
        raise refusal(text, key=key, low=low, high=high, names=", ".join(NAMED_INITS))
    number = read_number(state, key, low, high, integer=key in INTEGER_KEYS)
    if key in INTEGER_KEYS and key != "seed" and number > QT_INT_MAX:
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be at most {limit}"),
                      key=key, limit=QT_INT_MAX)
    return number


def read_speed(state: Mapping[str, Any]) -> float | None:
    """``state["speed"]``: one of the speed control's steps, or None (full speed)."""
    value = state["speed"]
    allowed = [step for step in SPEED_STEPS if step is not None]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value not in allowed:
        raise refusal(QT_TRANSLATE_NOOP(
            "LessonState", "speed must be null (full speed) or one of: {choices}"),
            choices=", ".join(map(str, allowed)))
    return float(value)


class TrainingLesson(TabContract):
    """The tab contract's lesson part for the Training tab (mixed into :class:`TrainingTab`,
    whose ``panel``, ``speed_control``, ``buttons``, plots and ``is_running`` it uses)."""

    tab_key = "training"

    def main_view(self) -> QWidget:
        """The curves and the sample preview, with the runs table under them."""
        return self.curves_area

    def set_zoom(self, factor: float) -> None:
        # The plots draw their axes and legends in their own font, the application's.
        for plot in self.plots().values():
            apply_fonts(plot)

    def plots(self) -> dict[str, QWidget]:
        """The plots a picture export writes, by the name their files get."""
        return {"loss": self.loss_plot, "accuracy": self.accuracy_plot}

    def lesson_state(self) -> LessonState:
        config = self.panel.config().to_dict()
        state: LessonState = {key: config[key] for key in CONFIG_KEYS}
        state["speed"] = self.speed_control.speed()
        state["pause_each_epoch"] = self.speed_control.pause_each_epoch()
        return state

    def apply_lesson_state(self, state: Mapping[str, Any]) -> None:
        check_keys(state, allowed=(*CONFIG_KEYS, "speed", "pause_each_epoch"))
        config = config_from_lesson(self.panel.config(), state)
        speed = read_speed(state) if "speed" in state else self.speed_control.speed()
        pause = (read_flag(state, "pause_each_epoch") if "pause_each_epoch" in state
                 else self.speed_control.pause_each_epoch())
        if self.is_running:
            raise refusal(QT_TRANSLATE_NOOP("LessonState",
                                            "a training run is going on: stop it first"))
        self.panel.set_config(config)
        self.speed_control.set_speed(speed)
        self.speed_control.set_pause_each_epoch(pause)

    def hideable_controls(self) -> dict[str, QWidget]:
        found = {name: self.findChild(QWidget, name) for name in HIDEABLE}
        return {name: widget for name, widget in found.items() if widget is not None}
