"""The Gradient check tab: the book's gradient_check.py, with progress, Cancel and an explanation.

The numerical gradient (two losses for each of the ~40,000 parameters) runs in a
:class:`GradientCheckThread`; backpropagation follows in the same thread, and the table compares
the two parameter by parameter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.functions import BOOK_DELTA
from desktop_nn.core.gradient import GradientCheckResult
from desktop_nn.core.network import ACTIVATION_TITLES
from desktop_nn.core.timing import remaining_seconds
from desktop_nn.core.training import GRADCHECK_LIMITS
from desktop_nn.data.datasets import dataset_title
from desktop_nn.gui.common.durations import about
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.gradcheck_thread import (
    GradientCheckSettings,
    GradientCheckThread,
)

#: Column headers (English; translated when the table is built).
TABLE_COLUMNS = (
    QT_TRANSLATE_NOOP("GradientCheckTab", "Parameter"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Shape"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "mean |diff|"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "max |diff|"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "max relative error"),
)
#: The parameters' names are the book's and stay as they are in every language.
HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("GradientCheckTab", "1e-7 in log"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Samples"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Hidden"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Activation"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Seed"),
    "W1", "b1", "W2", "b2",
    QT_TRANSLATE_NOOP("GradientCheckTab", "Speed ratio"),
)


def translated(texts: tuple[str, ...]) -> list[str]:
    """The tab's translations of English ``texts`` (names without one stay as they are)."""
    return [QCoreApplication.translate("GradientCheckTab", text) for text in texts]


def format_sci(value: float) -> str:
    """Scientific notation with three significant digits: 5.07e-10."""
    return f"{value:.2e}"


def format_seconds(seconds: float) -> str:
    """'12.3 s' for the slow method, '0.412 ms' for the fast one."""
    if seconds >= 1.0:
        return f"{seconds:.1f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e3:.3f} ms"


def round_speedup(speedup: float) -> str:
    """'20,000' for 19,876.5: two significant figures from 100 on (the timings are noisy)."""
    if speedup >= 100:
        digits = len(str(int(speedup))) - 2
        speedup = round(speedup, -digits)
    return f"{speedup:,.0f}"


def explanation_html() -> str:
    """What the figures mean, in the current language (three rich-text paragraphs)."""
    why = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>Why the two gradients are not identical.</b> The numerical gradient estimates "
        "each slope by central differences, (f(x+h) − f(x−h)) / 2h with the book's "
        "h = 10<sup>−4</sup>. That estimate carries a truncation error which shrinks like h², "
        "and a rounding error of about ε/h (ε ≈ 10<sup>−16</sup> in float64) from subtracting "
        "two almost equal losses. Both are tiny: around 10<sup>−10</sup> at most.</p>")
    delta = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>The 10<sup>−7</sup> inside the log.</b> The book's cross_entropy_error computes "
        "−log(y + 10<sup>−7</sup>) so that log(0) can never happen. The numerical gradient "
        "differentiates that loss, constant and all, while backpropagation uses the clean "
        "formula (y − t) / N, which is the slope of the loss <i>without</i> the constant. So "
        "the two methods differentiate slightly different functions, and the gap grows to "
        "about 10<sup>−7</sup> for b2, the parameter nearest the loss. Untick the box to make "
        "the constant 0: both then differentiate the same loss, and the differences fall to "
        "the book's printed 10<sup>−13</sup> to 10<sup>−10</sup>.</p>")
    reading = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>Reading the table.</b> A correct backpropagation gives differences many orders "
        "of magnitude below the gradients themselves (relative errors well under "
        "10<sup>−4</sup>); a bug in a backward pass shows up as a relative error near 1.</p>")
    return why + delta + reading


class GradientCheckTab(QWidget):
    """Compare numerical and backpropagated gradients of TwoLayerNet on real training images.

    Signals
    -------
    check_ended(str)
        "finished", "cancelled" or "failed", after the thread has finished.
    """

    check_ended = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradcheckTab")
        self.state = state
        self.thread: GradientCheckThread | None = None
        self.result: GradientCheckResult | None = None
        self.result_settings: GradientCheckSettings | None = None
        self._started_at = 0.0
        self._run_context: tuple[str, list[int]] = ("mnist", [])
        self._build_controls()
        self._build_layout()
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.hidden_spin.valueChanged.connect(self._show_plan)
        self.samples_spin.valueChanged.connect(self._show_plan)
        self.state.data_changed.connect(self._on_data_changed)
        self._update_buttons()
        self._show_plan()

    # -- construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.samples_spin = QSpinBox()
        self.samples_spin.setObjectName("gradcheckSamplesSpin")
        self.samples_spin.setRange(*(int(v) for v in GRADCHECK_LIMITS["samples"]))
        self.samples_spin.setValue(3)
        self.samples_spin.setToolTip(self.tr(
            "How many training images the loss is computed on (the book's gradient_check.py "
            "uses the first 3)."
        ))
        self.hidden_spin = QSpinBox()
        self.hidden_spin.setObjectName("gradcheckHiddenSpin")
        self.hidden_spin.setRange(*(int(v) for v in GRADCHECK_LIMITS["hidden_size"]))
        self.hidden_spin.setValue(50)
        self.hidden_spin.setToolTip(self.tr(
            "Hidden units of the network to check; the numerical gradient's time grows with "
            "the number of weights (50 gives 39,760)."
        ))
        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("gradcheckActivationCombo")
        for key, title in ACTIVATION_TITLES.items():
            self.activation_combo.addItem(title, key)
        self.activation_combo.setToolTip(self.tr("The hidden layer's activation function."))
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("gradcheckSeedSpin")
        self.seed_spin.setRange(*(int(v) for v in GRADCHECK_LIMITS["seed"]))
        self.seed_spin.setValue(0)
        self.seed_spin.setToolTip(self.tr(
            "Seed of the random initial weights: the same seed gives the same figures."
        ))
        self.delta_check = QCheckBox(self.tr("&Use the book's 1e-7 inside the log"))
        self.delta_check.setObjectName("gradcheckDeltaCheck")
        self.delta_check.setChecked(True)
        self.delta_check.setToolTip(self.tr(
            "Checked: the loss is −log(y + 1e-7) as in the book. Unchecked: −log(y), which "
            "reproduces the book's printed differences of 1e-13 to 1e-10."
        ))

        self.run_button = QPushButton(self.tr("&Run check"))
        self.run_button.setObjectName("gradcheckRunButton")
        self.run_button.setToolTip(self.tr(
            "Compute the gradient by central differences and by backpropagation, and compare."
        ))
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setObjectName("gradcheckCancelButton")
        self.cancel_button.setToolTip(
            self.tr("Stop the numerical gradient; nothing else is changed."))
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("gradcheckProgressBar")
        self.progress_bar.setToolTip(self.tr(
            "Parameters whose numerical derivative is done (two losses each)."
        ))
        self.progress_bar.setAccessibleName(self.tr("Numerical gradient progress"))
        self.status_label = StatusLabel(lines=2)
        self.status_label.setObjectName("gradcheckStatus")

        self.table = QTableWidget(4, len(TABLE_COLUMNS))
        self.table.setObjectName("gradcheckTable")
        self.table.setHorizontalHeaderLabels(translated(TABLE_COLUMNS))
        self.table.setAccessibleName(self.tr("Numerical gradient against backpropagation"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setToolTip(self.tr(
            "Per parameter: the mean absolute difference (the figure the book prints), the "
            "largest one, and the largest difference relative to the gradients' size."
        ))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.table.setFont(font)
        header.setFont(font)
        self._fit_table_columns()
        for row, key in enumerate(("W1", "b1", "W2", "b2")):
            self._set_cell(row, 0, key)
            for column in range(1, len(TABLE_COLUMNS)):
                self._set_cell(row, column, "–")
        self.table.resizeRowsToContents()
        height = header.sizeHint().height() + sum(
            self.table.rowHeight(row) for row in range(4)) + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + 2)

        self.history_table = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history_table.setObjectName("gradcheckHistoryTable")
        self.history_table.setHorizontalHeaderLabels(translated(HISTORY_COLUMNS))
        self.history_table.setAccessibleName(self.tr("Checks so far"))
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Columns as wide as their headers or figures: on a narrow screen the table scrolls
        # sideways rather than cut a header.
        self.history_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setToolTip(self.tr(
            "Every check finished in this session, newest first, with its mean |diff| per "
            "parameter: run with and without the 1e-7 to compare."
        ))

        self.timing_label = QLabel(self.tr("Run the check to time both methods."))
        self.timing_label.setObjectName("gradcheckTiming")
        self.timing_label.setWordWrap(True)
        self.timing_label.setFont(font)
        self.settings_label = QLabel()
        self.settings_label.setObjectName("gradcheckSettingsLabel")
        self.settings_label.setWordWrap(True)
        self.explanation = QLabel(explanation_html())
        self.explanation.setObjectName("gradcheckExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        explanation_font = self.explanation.font()
        explanation_font.setPointSizeF(explanation_font.pointSizeF() * 1.1)
        self.explanation.setFont(explanation_font)

    def _fit_table_columns(self) -> None:
        """Make the table wide enough for every header and the widest figures it will show,
        so that no column is ever cut (its height leaves no room for a scroll bar)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        largest = int(GRADCHECK_LIMITS["hidden_size"][1])
        widest = ("W1", f"784 × {largest}", "9.99e-10", "9.99e-10", "9.99e-10")
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        needed = sum(max(header.sectionSizeHint(column), metrics.horizontalAdvance(text) + margin)
                     for column, text in enumerate(widest))
        self.table.setMinimumWidth(needed + 2 * self.table.frameWidth())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_table_columns()  # now in the font and style the window shows

    def _set_cell(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        alignment = Qt.AlignmentFlag.AlignVCenter
        alignment |= Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
        item.setTextAlignment(alignment)
        self.table.setItem(row, column, item)

    def _build_layout(self) -> None:
        settings_box = QGroupBox(self.tr("Settings"))
        form = QFormLayout(settings_box)
        for text, widget in (
            (self.tr("&Samples:"), self.samples_spin),
            (self.tr("Hidden si&ze:"), self.hidden_spin),
            (self.tr("&Activation:"), self.activation_combo),
            (self.tr("Rando&m seed:"), self.seed_spin),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.delta_check)

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)

        self.plan_label = QLabel()
        self.plan_label.setObjectName("gradcheckPlan")
        self.plan_label.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addLayout(buttons)
        left.addWidget(self.progress_bar)
        left.addWidget(self.status_label)
        left.addWidget(self.plan_label)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(360)

        results_box = QGroupBox(self.tr("Numerical gradient against backpropagation"))
        results = QVBoxLayout(results_box)
        results.addWidget(self.settings_label)
        results.addWidget(self.table)
        results.addWidget(self.timing_label)

        history_box = QGroupBox(
            self.tr("Checks so far: mean |diff| per parameter, newest first"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_table)

        explanation_box = QGroupBox(self.tr("What the figures mean"))
        explanation_layout = QVBoxLayout(explanation_box)
        explanation_layout.addWidget(self.explanation)

        right = QVBoxLayout()
        right.addWidget(results_box)
        right.addWidget(history_box, 1)
        right.addWidget(explanation_box)

        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addLayout(right, 1)

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> GradientCheckSettings:
        """The check the controls describe."""
        return GradientCheckSettings(
            samples=self.samples_spin.value(),
            hidden_size=self.hidden_spin.value(),
            activation=self.activation_combo.currentData(),
            seed=self.seed_spin.value(),
            delta=BOOK_DELTA if self.delta_check.isChecked() else 0.0,
        )

    @Slot()
    def _show_plan(self) -> None:
        settings = self.settings()
        count = settings.parameter_count()
        self.plan_label.setText(self.tr(
            "TwoLayerNet(784, {hidden}, 10) has {count} parameters: the numerical gradient "
            "computes the loss {losses} times, backpropagation once forward and once backward."
        ).format(hidden=settings.hidden_size, count=f"{count:,}", losses=f"{2 * count:,}"))
        if self.thread is None:  # the bar shows what the next check will go through
            self.progress_bar.setRange(0, count)
            self.progress_bar.setValue(0)
            self._show_progress_text(0, count)

    # -- running -------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self.thread is not None

    @Slot()
    def start(self) -> bool:
        """Start a check with the current settings; False if one runs or there is no data."""
        if self.thread is not None or self.state.data is None:
            return False
        settings = self.settings()
        x_train, t_train = self.state.data[0]
        if settings.samples > len(x_train):
            self._show_message(self.tr("Too many samples"),
                               self.tr("The training set has only {count} images.").format(
                                   count=f"{len(x_train):,}"))
            return False
        thread = GradientCheckThread(settings, x_train[: settings.samples],
                                     t_train[: settings.samples])
        thread.progress.connect(self._on_progress)
        thread.ended.connect(self._on_ended)
        self.thread = thread
        self._run_context = (self.state.dataset_name or "mnist",
                             [int(v) for v in t_train[: min(settings.samples, 8)]])
        total = settings.parameter_count(x_train.shape[1])
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(0)
        self._show_progress_text(0, total)
        self.status_label.setText(self.tr("Numerical gradient running…"))
        self._started_at = time.perf_counter()
        self._update_buttons()
        self.state.threads.start(thread, thread.cancel)
        return True

    @Slot()
    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel a running check and wait for its thread; True when no thread is left."""
        thread = self.thread
        if thread is None:
            return True
        thread.cancel()
        finished = thread.wait(timeout_ms)
        if finished:
            self._release_thread()
        return finished

    def _release_thread(self) -> None:
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.deleteLater()
        self._update_buttons()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.thread is None or self.thread.cancel_requested:
            return
        self.progress_bar.setMaximum(total)
        self.progress_bar.setValue(done)
        self._show_progress_text(done, total)
        elapsed = time.perf_counter() - self._started_at
        if done and elapsed > 0.5:
            remaining = remaining_seconds(done, total, elapsed)
            self.status_label.setText(self.tr(
                "Numerical gradient: {percent}% done, {remaining} left"
            ).format(percent=f"{100 * done / total:.0f}", remaining=about(remaining)))

    @Slot(str, object)
    def _on_ended(self, outcome: str, payload: object) -> None:
        thread = self.thread
        if thread is None:  # already released by shutdown()
            return
        thread.wait()
        settings = thread.settings
        self._release_thread()
        if outcome == "finished" and isinstance(payload, GradientCheckResult):
            total = self.progress_bar.maximum()
            self.progress_bar.setValue(total)
            self._show_progress_text(total, total)
            self.show_result(payload, settings)
            self.status_label.setText(self.tr("Done: numerical {numerical}, backprop {backprop}.")
                                      .format(numerical=format_seconds(payload.numerical_seconds),
                                              backprop=format_seconds(payload.backprop_seconds)))
        elif outcome == "cancelled":
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat(self.tr("cancelled"))
            self.status_label.setText(self.tr("Gradient check cancelled."))
        else:
            self.status_label.setText(self.tr("The gradient check failed."))
            # The details come from the core and stay in English.
            self._show_message(self.tr("Gradient check failed"),
                               self.tr("The gradient check stopped with an error:") + "\n"
                               + str(payload))
        self.check_ended.emit(outcome)

    def _show_progress_text(self, done: int, total: int) -> None:
        self.progress_bar.setFormat(self.tr("{done} / {total} parameters").format(
            done=f"{done:,}", total=f"{total:,}"))

    def show_result(self, result: GradientCheckResult, settings: GradientCheckSettings) -> None:
        """Fill the table and the timing line from a finished check."""
        self.result = result
        self.result_settings = settings
        for row, (key, diff) in enumerate(result.params.items()):
            self._set_cell(row, 0, key)
            self._set_cell(row, 1, " × ".join(str(size) for size in diff.shape))
            self._set_cell(row, 2, format_sci(diff.mean_abs_diff))
            self._set_cell(row, 3, format_sci(diff.max_abs_diff))
            self._set_cell(row, 4, format_sci(diff.max_rel_error))
        self.timing_label.setText(self.tr(
            "Numerical gradient {numerical}, backpropagation {backprop} (the best of {runs} "
            "runs after a warm-up run): "
            "backprop was {speedup} times faster."
        ).format(numerical=format_seconds(result.numerical_seconds),
                 backprop=format_seconds(result.backprop_seconds), runs=result.backprop_repeats,
                 speedup=round_speedup(result.speedup)))
        dataset_name, first_labels = self._run_context
        dataset = dataset_title(dataset_name)
        labels = ", ".join(str(v) for v in first_labels)
        if settings.samples > 8:
            labels += ", …"
        delta = self.tr("1e-7 (the book's)") if settings.delta else "0"
        if settings.samples == 1:
            images = self.tr("The first {dataset} training image (label {labels})").format(
                dataset=dataset, labels=labels)
        else:
            images = self.tr("The first {count} {dataset} training images (labels {labels})"
                             ).format(count=settings.samples, dataset=dataset, labels=labels)
        self.settings_label.setText(self.tr(
            "{images}; TwoLayerNet(784, {hidden}, 10), {activation}, seed {seed}, float64; "
            "constant inside the log: {delta}."
        ).format(images=images, hidden=settings.hidden_size, activation=settings.activation,
                 seed=settings.seed, delta=delta))
        self._add_to_history(result, settings)

    def _add_to_history(self, result: GradientCheckResult,
                        settings: GradientCheckSettings) -> None:
        row_values = [
            self.tr("yes") if settings.delta else self.tr("no (0)"),
            str(settings.samples),
            str(settings.hidden_size),
            settings.activation,
            str(settings.seed),
            *(format_sci(diff.mean_abs_diff) for diff in result.params.values()),
            f"{round_speedup(result.speedup)}×",
        ]
        table = self.history_table
        table.insertRow(0)
        for column, text in enumerate(row_values):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(0, column, item)

    # -- other ---------------------------------------------------------------------------------
    @Slot()
    def _on_data_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.thread is not None
        self.run_button.setEnabled(not running and self.state.data is not None)
        self.cancel_button.setEnabled(running)
        for widget in (self.samples_spin, self.hidden_spin, self.activation_combo,
                       self.seed_spin, self.delta_check):
            widget.setEnabled(not running)
        waiting = self.tr("Waiting for the training images to load…")
        if self.state.data is None and not running:
            self.status_label.setText(waiting)
        elif not running and self.status_label.text() == waiting:
            self.status_label.setText(self.tr("Ready."))

    def _show_message(self, title: str, text: str) -> None:
        show_message(self, title, text, name="gradcheckMessage")
