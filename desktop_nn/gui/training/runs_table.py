"""The runs table's model: a row per run, the core's numbers formatted and translated.

The numbers come from :mod:`desktop_nn.core.run_table` (what differs from the run before, the
learning-rate changes, the final and best accuracies) and :mod:`desktop_nn.core.seeds` (mean ±
std of a group of repeats). The first column's check box shows or hides the run's curves, and
its text is the run's name, edited in place; the model only asks for these changes
(``show_requested``, ``rename_requested``): the runs' owner makes them and refreshes it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont

from desktop_nn.core.run_table import RunRow, run_rows
from desktop_nn.core.seeds import GroupSummary, MeanStd, group_summaries
from desktop_nn.core.timing import RateLimit
from desktop_nn.gui.common.durations import measured
from desktop_nn.gui.common.palette import colour
from desktop_nn.gui.training.runs import ScreenRun

#: The value a column sorts by (numbers as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole
#: How often the running run's row shows its progress (Hz).
LIVE_HZ = 2
COLUMNS = ("name", "changed", "rates", "final_train", "final_test", "best_test", "seeds",
           "time", "iterations", "status")


def accuracy_text(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def mean_std_text(value: MeanStd) -> str:
    """'0.9123 ± 0.0041' (no ± for a single run)."""
    if value.count == 0:
        return ""
    if math.isnan(value.std):
        return f"{value.mean:.4f}"
    return f"{value.mean:.4f} ± {value.std:.4f}"


def changes_text(row: RunRow) -> str:
    """'learning_rate 0.1 → 0.5, seed 0 → 1'."""
    return ", ".join(f"{c.name} {c.before} → {c.after}" for c in row.changes)


def rates_text(row: RunRow) -> str:
    """'0.05 @ 300, 0.01 @ 600' (rate from iteration)."""
    return ", ".join(f"{rate:g} @ {iteration:,}" for iteration, rate in row.rate_changes)


class RunsTableModel(QAbstractTableModel):
    """The runs of the window, one per row, oldest first (a proxy sorts them).

    Signals
    -------
    show_requested(object, bool)
        The check box of a run (its :class:`ScreenRun`) was ticked or cleared.
    rename_requested(object, str)
        A run's name was edited.
    """

    show_requested = Signal(object, bool)
    rename_requested = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs: list[ScreenRun] = []
        self.rows: list[RunRow] = []
        self.groups: dict[str, GroupSummary] = {}
        self.current: ScreenRun | None = None
        #: (iterations, seconds) of the run going on, shown in its row.
        self.live: tuple[int, float] = (0, 0.0)
        self._live_limit = RateLimit(1.0 / LIVE_HZ)

    def set_runs(self, runs: list[ScreenRun], current: ScreenRun | None) -> None:
        """Show ``runs`` (each with a record), ``current`` drawing the bright curves.

        A run added after the others (a run's start) comes in as a new row, and the rows
        before it are told that they may have changed (a group's summary); anything else
        resets the table. A reset makes the view ask again for every cell, which took several
        milliseconds of the click on Start.
        """
        shown = [run for run in runs if run.record is not None]
        before = len(self.runs)
        added = len(shown) == before + 1 and all(
            old is new for old, new in zip(self.runs, shown, strict=False))
        if not added:
            self.beginResetModel()
            self._show(shown, current)
            self.endResetModel()
            return
        self.beginInsertRows(QModelIndex(), before, before)
        self._show(shown, current)
        self.endInsertRows()
        if before:
            self.dataChanged.emit(self.index(0, 0), self.index(before - 1, len(COLUMNS) - 1))

    def _show(self, runs: list[ScreenRun], current: ScreenRun | None) -> None:
        records = [run.record for run in runs]
        self.runs = runs
        self.rows = run_rows(records)
        self.groups = {g.group: g for g in group_summaries(records)}
        self.current = current
        self.live = (0, 0.0)

    def show_progress(self, iterations: int, seconds: float, *, force: bool = False) -> None:
        """The running run has done ``iterations`` in ``seconds`` (shown a few times a
        second)."""
        self.live = (iterations, seconds)
        running = [row for row, run in enumerate(self.runs)
                   if run.record is not None and run.record.status == "running"]
        if running and self._live_limit.due(force=force):
            first = COLUMNS.index("time")
            self.dataChanged.emit(self.index(running[0], first),
                                  self.index(running[0], first + 1))

    def run_at(self, row: int) -> ScreenRun:
        return self.runs[row]

    def row_of(self, run: ScreenRun) -> int:
        return self.runs.index(run)

    # -- Qt's model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.runs)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def headers(self) -> list[str]:
        return [self.tr("Run"), self.tr("Changed"), self.tr("lr changes"),
                self.tr("Final train"), self.tr("Final test"), self.tr("Best test (epoch)"),
                self.tr("Seeds: train / test, mean ± std"), self.tr("Time"), self.tr("Iterations"),
                self.tr("Status")]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            run = self.runs[index.row()]
            if run.has_ended and run is not self.current:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            if run.record is not None and run.record.status != "running":
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run, row, column = self.runs[index.row()], self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(run, row, column, role == Qt.ItemDataRole.EditRole)
        if role == SORT_ROLE:
            return self._sort_value(run, row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == "name":
            shown = run.shown or run is self.current
            return Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        if column == "changed" and row.changes:
            return self._highlight(row, role)
        if role == Qt.ItemDataRole.ToolTipRole and column == "status" and run.record:
            return run.record.message or None
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0:
            return False
        run = self.runs[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            self.show_requested.emit(run, Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole:
            name = str(value).strip()
            if name and name != run.short_label:
                self.rename_requested.emit(run, name)
            return True
        return False

    # -- the cells ------------------------------------------------------------------------------
    def _text(self, run: ScreenRun, row: RunRow, column: str, editing: bool) -> str:
        record = run.record
        assert record is not None
        if column == "name":
            return run.short_label
        if column == "best_test":
            if row.best_test_acc is None:
                return ""
            return f"{row.best_test_acc:.4f} ({row.best_epoch})"
        if column == "seeds":
            group = self.groups.get(record.group) if record.group else None
            return "" if group is None else self.tr("{train} / {test} ({runs} seeds)").format(
                train=mean_std_text(group.final_train_acc),
                test=mean_std_text(group.final_test_acc), runs=len(group.names))
        if record.status == "running" and column in ("time", "iterations"):
            iterations, seconds = self.live
            return measured(seconds) if column == "time" else f"{iterations:,}"
        if column == "time":
            return measured(row.seconds)
        if column == "status":
            return self.status_text(record.status)
        return {
            "changed": changes_text, "rates": rates_text,
            "final_train": lambda r: accuracy_text(r.final_train_acc),
            "final_test": lambda r: accuracy_text(r.final_test_acc),
            "iterations": lambda r: f"{r.iterations:,}",
        }[column](row)

    def status_text(self, status: str) -> str:
        return {"finished": self.tr("finished"), "stopped": self.tr("stopped"),
                "diverged": self.tr("diverged"), "running": self.tr("running")}.get(status, status)

    def _sort_value(self, run: ScreenRun, row: RunRow, column: str):
        values = {
            "name": run.number, "changed": len(row.changes), "rates": len(row.rate_changes),
            "final_train": row.final_train_acc, "final_test": row.final_test_acc,
            "best_test": row.best_test_acc, "time": row.seconds, "iterations": row.iterations,
            "status": row.status,
        }
        if column == "seeds":
            group = self.groups.get(row.group) if row.group else None
            return -1.0 if group is None else group.final_test_acc.mean
        value = values[column]
        return -1.0 if value is None else value

    def _highlight(self, row: RunRow, role: int):
        if role == Qt.ItemDataRole.BackgroundRole:
            return colour("yellow", 90)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Differs from the run before: {changes}").format(
                changes=changes_text(row))
        return None
