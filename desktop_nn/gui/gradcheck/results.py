"""A gradient check's figures: the table of one check, the checks so far, the explanation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.gradient import GradientCheckResult
from desktop_nn.core.training import GRADCHECK_LIMITS
from desktop_nn.gui.common.scrolling import vertical_scroll
from desktop_nn.gui.common.zoom import follow_font, refit_on_font_change
from desktop_nn.gui.gradcheck.texts import (
    HISTORY_COLUMNS,
    TABLE_COLUMNS,
    explanation_html,
    format_sci,
    format_seconds,
    round_speedup,
    translated,
)

PARAMETERS = ("W1", "b1", "W2", "b2")


class ResultsBox(QGroupBox):
    """One check: what was checked, the differences per parameter, and both timings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Numerical gradient against backpropagation"), parent)
        self.settings_label = QLabel()
        self.settings_label.setObjectName("gradcheckSettingsLabel")
        self.settings_label.setWordWrap(True)
        self.table = self._build_table()
        self.timing_label = QLabel(self.tr("Run the check to time both methods."))
        self.timing_label.setObjectName("gradcheckTiming")
        self.timing_label.setWordWrap(True)
        follow_font(self.timing_label, 1.25)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings_label)
        layout.addWidget(self.table)
        layout.addWidget(self.timing_label)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(4, len(TABLE_COLUMNS))
        table.setObjectName("gradcheckTable")
        table.setHorizontalHeaderLabels(translated(TABLE_COLUMNS))
        table.setAccessibleName(self.tr("Numerical gradient against backpropagation"))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setToolTip(self.tr(
            "Per parameter: the mean absolute difference (the figure the book prints), the "
            "largest one, and the largest difference relative to the gradients' size."
        ))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        follow_font(table, 1.25)
        follow_font(header, 1.25)
        self.table = table
        self.fit_columns()
        refit_on_font_change(table, self.fit_columns)  # the window's zoom
        for row, key in enumerate(PARAMETERS):
            self._set_cell(row, 0, key)
            for column in range(1, len(TABLE_COLUMNS)):
                self._set_cell(row, column, "–")
        table.resizeRowsToContents()
        height = header.sizeHint().height() + sum(
            table.rowHeight(row) for row in range(4)) + 2 * table.frameWidth()
        table.setFixedHeight(height + 2)
        return table

    def fit_columns(self) -> None:
        """Make the table wide enough for every header and the widest figures it will show,
        so that no column is ever cut (its height leaves no room for a scroll bar)."""
        table = self.table
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        largest = int(GRADCHECK_LIMITS["hidden_size"][1])
        widest = ("W1", f"784 × {largest}", "9.99e-10", "9.99e-10", "9.99e-10")
        margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        needed = sum(max(header.sectionSizeHint(column), metrics.horizontalAdvance(text) + margin)
                     for column, text in enumerate(widest))
        table.setMinimumWidth(needed + 2 * table.frameWidth())
        table.resizeRowsToContents()
        height = header.sizeHint().height() + sum(
            table.rowHeight(row) for row in range(table.rowCount())) + 2 * table.frameWidth()
        table.setFixedHeight(height + 2)

    def _set_cell(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        alignment = Qt.AlignmentFlag.AlignVCenter
        alignment |= Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
        item.setTextAlignment(alignment)
        self.table.setItem(row, column, item)

    def show_result(self, result: GradientCheckResult, settings: GradientCheckSettings,
                    images: str) -> None:
        """Fill the table, the timing and the settings line (``images``: what was checked)."""
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
        delta = self.tr("1e-7 (the book's)") if settings.delta else "0"
        self.settings_label.setText(self.tr(
            "{images}; TwoLayerNet(784, {hidden}, 10), {activation}, seed {seed}, float64; "
            "constant inside the log: {delta}."
        ).format(images=images, hidden=settings.hidden_size, activation=settings.activation,
                 seed=settings.seed, delta=delta))


class HistoryBox(QGroupBox):
    """Every check of this session, newest first, with its mean |diff| per parameter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Checks so far: mean |diff| per parameter, newest first"),
                         parent)
        table = self.table = QTableWidget(0, len(HISTORY_COLUMNS))
        table.setObjectName("gradcheckHistoryTable")
        table.setHorizontalHeaderLabels(translated(HISTORY_COLUMNS))
        table.setAccessibleName(self.tr("Checks so far"))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Columns as wide as their headers or figures: on a narrow screen the table scrolls
        # sideways rather than cut a header.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setToolTip(self.tr(
            "Every check finished in this session, newest first, with its mean |diff| per "
            "parameter: run with and without the 1e-7 to compare."
        ))
        QVBoxLayout(self).addWidget(table)

    def add(self, result: GradientCheckResult, settings: GradientCheckSettings) -> None:
        row_values = [
            self.tr("yes") if settings.delta else self.tr("no (0)"),
            str(settings.samples),
            str(settings.hidden_size),
            settings.activation,
            str(settings.seed),
            *(format_sci(diff.mean_abs_diff) for diff in result.params.values()),
            f"{round_speedup(result.speedup)}×",
        ]
        self.table.insertRow(0)
        for column, text in enumerate(row_values):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(0, column, item)


class ExplanationBox(QGroupBox):
    """What the figures mean (three paragraphs of rich text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("What the figures mean"), parent)
        self.label = QLabel(explanation_html())
        self.label.setObjectName("gradcheckExplanation")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        follow_font(self.label, 1.1)
        # Scrolled when a large zoom or a short window leaves less room than the text needs.
        QVBoxLayout(self).addWidget(vertical_scroll(self.label, "gradcheckExplanationArea",
                                                    None))
