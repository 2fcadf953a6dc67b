"""Per-class precision, recall, F1 and support in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop_nn.core.evaluation import Evaluation
from desktop_nn.data.datasets import NUM_CLASSES
from desktop_nn.gui.evaluate.texts import METRIC_COLUMNS


class NumericItem(QTableWidgetItem):
    """A table cell shown as text but sorted by its number."""

    def __init__(self, value: float, text: str) -> None:
        super().__init__(text)
        self.value = float(value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, NumericItem):
            return self.value < other.value
        return super().__lt__(other)


class MetricsTable(QTableWidget):
    """One row per class; click a header to sort."""

    def __init__(self) -> None:
        super().__init__(0, len(METRIC_COLUMNS))
        self.setObjectName("classMetricsTable")
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("EvaluateTab", column) for column in METRIC_COLUMNS])
        self.setAccessibleName(self.tr("Per-class precision, recall and F1"))
        self.verticalHeader().setVisible(False)
        # Rows sized to the text; the table takes the room that is left (all ten classes in a
        # window of ordinary size) but can shrink to four rows on a small screen.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setMinimumHeight(
            self.horizontalHeader().sizeHint().height()
            + 4 * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth() + 2)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Each figure's column as wide as its header (with the sort arrow) or its numbers; the
        # class column takes what is left.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.fit_columns()
        self.setToolTip(self.tr(
            "Precision: of the images guessed as this class, the share that are. Recall: of "
            "this class's images, the share found. F1: their harmonic mean. Click a header "
            "to sort."
        ))

    def fit_columns(self) -> None:
        """Make the table wide enough for every column's header with the sort arrow and for
        its cells, in any language, so that no header is ever cut."""
        header = self.horizontalHeader()
        header.setSortIndicatorShown(True)  # any column can be sorted: room for the arrow
        needed = sum(max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
                     for column in range(self.columnCount()))
        self.setMinimumWidth(needed + 2 * self.frameWidth()
                             + self.verticalScrollBar().sizeHint().width())

    def fill(self, result: Evaluation, labels: list[str]) -> None:
        """One row per class of ``result``, sorted by class."""
        self.setSortingEnabled(False)
        self.setRowCount(NUM_CLASSES)
        metrics = result.metrics
        for k in range(NUM_CLASSES):
            row = [
                NumericItem(k, labels[k]),
                NumericItem(metrics.precision[k], f"{metrics.precision[k]:.3f}"),
                NumericItem(metrics.recall[k], f"{metrics.recall[k]:.3f}"),
                NumericItem(metrics.f1[k], f"{metrics.f1[k]:.3f}"),
                NumericItem(metrics.support[k], f"{int(metrics.support[k]):,}"),
            ]
            row[0].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate(row):
                self.setItem(k, column, item)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
