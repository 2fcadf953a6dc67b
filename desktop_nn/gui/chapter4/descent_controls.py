"""The Gradient descent part's inputs: f, the start, the learning rate, the steps, the book's
runs, and the buttons; laid out around the part's plot."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.descent import BOOK_INIT_X
from desktop_nn.graph import BOOK_FUNCTION_2, ExpressionFunction
from desktop_nn.gui.chapter4.descent_presets import PRESETS
from desktop_nn.gui.chapter4.field import two_variables
from desktop_nn.gui.chapter4.inputs import ExpressionField, ScientificSpinBox
from desktop_nn.gui.common.widgets import CompactSpinBox

#: As the command line's ``descent``.
LR_RANGE = (1e-300, 1e6)
MAX_STEPS = 1000
INIT_RANGE = (-1e6, 1e6)


class DescentControls(QWidget):
    """The inputs of a descent run.

    Signals
    -------
    settings_changed()
        f, the start, the learning rate or the step count changed.
    preset_chosen(str)
        One of the book's runs was chosen in the box (its key).
    """

    settings_changed = Signal()
    preset_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expression = ExpressionField(
            "descentExpressionEdit", BOOK_FUNCTION_2, two_variables, self)
        self.expression.changed.connect(lambda _f: self._changed())
        self._build_numbers()
        self._build_buttons()

    def _build_numbers(self) -> None:
        self.init_spins = []
        for index, value in enumerate(BOOK_INIT_X):
            spin = CompactSpinBox(decimals=6)
            spin.setObjectName(f"descentInitX{index}Spin")
            spin.setRange(*INIT_RANGE)
            spin.setValue(value)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._changed)
            self.init_spins.append(spin)
        self.init_spins[0].setToolTip(self.tr("Where the descent starts (the book: −3, 4)."))
        self.learning_rate_spin = ScientificSpinBox(*LR_RANGE)
        self.learning_rate_spin.setObjectName("descentLearningRateSpin")
        self.learning_rate_spin.setValue(0.1)
        self.learning_rate_spin.setKeyboardTracking(False)
        self.learning_rate_spin.setMinimumWidth(
            self.learning_rate_spin.fontMetrics().horizontalAdvance("0.000001234") + 30)
        self.learning_rate_spin.setToolTip(self.tr("The learning rate lr; the arrows multiply "
                                                   "or divide it by 10."))
        self.learning_rate_spin.valueChanged.connect(self._changed)
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("descentStepsSpin")
        self.steps_spin.setRange(1, MAX_STEPS)
        self.steps_spin.setValue(100)
        self.steps_spin.setKeyboardTracking(False)
        self.steps_spin.setToolTip(self.tr("The number of steps (the book's step_num)."))
        self.steps_spin.valueChanged.connect(self._changed)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("descentPresetCombo")
        self.preset_combo.addItem(self.tr("Your own settings"), None)
        for preset in PRESETS:
            self.preset_combo.addItem(QCoreApplication.translate("DescentPart", preset.title),
                                      preset.key)
        self.preset_combo.setToolTip(self.tr("The book's three learning rates, one click "
                                             "away."))
        self.preset_combo.activated.connect(self._on_preset)

    def _build_buttons(self) -> None:
        self.run_button = QPushButton(self.tr("R&un"))
        self.run_button.setObjectName("descentRunButton")
        self.run_button.setToolTip(self.tr("Animate the descent from the start."))
        self.step_button = QPushButton(self.tr("Step &once"))
        self.step_button.setObjectName("descentStepButton")
        self.step_button.setToolTip(self.tr("Take one step."))
        self.reset_button = QPushButton(self.tr("&Back to the start"))
        self.reset_button.setObjectName("descentResetButton")
        self.lesson_label = QLabel()
        self.lesson_label.setObjectName("descentLessonLabel")
        self.lesson_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("descentResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def lay_out(self, plot: QWidget) -> None:
        grid = QGridLayout()
        labels = [(self.tr("f(x0, x&1) ="), self.expression.edit),
                  (self.tr("Boo&k's runs:"), self.preset_combo),
                  (self.tr("Start:"), self.init_spins[0]),
                  (self.tr("Learning &rate:"), self.learning_rate_spin),
                  (self.tr("Steps:"), self.steps_spin)]
        made = []
        for text, buddy in labels:
            label = QLabel(text)
            label.setBuddy(buddy)
            made.append(label)
        grid.addWidget(made[0], 0, 0)
        grid.addWidget(self.expression.edit, 0, 1, 1, 3)
        grid.addWidget(made[1], 0, 4)
        grid.addWidget(self.preset_combo, 0, 5, 1, 2)
        grid.addWidget(self.expression.error, 1, 1, 1, 6)
        row = QHBoxLayout()
        for widget in (made[2], *self.init_spins, made[3], self.learning_rate_spin, made[4],
                       self.steps_spin, self.run_button, self.step_button, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(row)
        layout.addWidget(plot, 1)
        layout.addWidget(self.lesson_label)
        layout.addWidget(self.result_label)

    # -- values ------------------------------------------------------------------------------
    @property
    def function(self) -> ExpressionFunction:
        return self.expression.function

    def init(self) -> tuple[float, float]:
        return self.init_spins[0].value(), self.init_spins[1].value()

    def learning_rate(self) -> float:
        return self.learning_rate_spin.value()

    def steps(self) -> int:
        return self.steps_spin.value()

    def set_values(self, expression: str, init, learning_rate: float, steps: int) -> bool:
        """Show these settings (one ``settings_changed``); False if the expression is refused."""
        widgets = [self.expression, *self.init_spins, self.learning_rate_spin, self.steps_spin]
        blockers = [QSignalBlocker(widget) for widget in widgets]
        try:
            accepted = expression == self.function.text or self.expression.set_text(expression)
            for spin, value in zip(self.init_spins, init, strict=True):
                spin.setValue(value)
            self.learning_rate_spin.setValue(learning_rate)
            self.steps_spin.setValue(steps)
        finally:
            del blockers
        self._changed()
        return accepted

    def _changed(self) -> None:
        key = self.preset_key()
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))
        self.settings_changed.emit()

    def _on_preset(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key is not None:
            self.preset_chosen.emit(key)

    def preset_key(self) -> str | None:  # the part decides what matches
        raise NotImplementedError

    def hideable(self) -> list[QWidget]:
        return [self.expression.edit, self.preset_combo, *self.init_spins,
                self.learning_rate_spin, self.steps_spin, self.run_button, self.step_button,
                self.reset_button]
