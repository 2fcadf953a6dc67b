"""The runs table beside the curves, with what can be done to a run and to all of them.

A row per run (``runsTable``), sortable by any column. Clicking a row brings its curves to the
front; its check box shows or hides them; a double click on its name renames it. The row's
menu (right click, or the *Run* button for the selected row) also removes the run, saves its
model and exports its history. Under the table: *Repeat with seeds…* (``repeatSeedsButton``)
and *Clear runs* (``clearRunsButton``), which asks first.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QPoint,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.seeds import MAX_REPEATS
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.zoom import refit_on_font_change
from desktop_nn.gui.training.run_book import RunBook
from desktop_nn.gui.training.runs import ScreenRun
from desktop_nn.gui.training.runs_table import SORT_ROLE

#: The keys of the row menu's button and of Repeat with seeds.
RUN_MENU_KEY, REPEAT_KEY = "Menu", "Ctrl+Shift+S"
#: The number of seeds the repeat dialog offers first.
DEFAULT_REPEATS = 3
#: Rows the table shows at least, and at first (the plots above keep the rest of the height).
MINIMUM_ROWS, PREFERRED_ROWS = 3, 5
#: The widest a column grows to fit its texts, in characters (its tooltip has the rest).
WIDEST_COLUMN = 36


class RunsPanel(QWidget):
    """The runs table and its buttons, over a :class:`RunBook`.

    Signals
    -------
    repeat_requested(int)
        Repeat the panel's configuration with this many seeds.
    """

    repeat_requested = Signal(int)

    def __init__(self, book: RunBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(book.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("runsTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Runs"))
        self._set_up_table()
        self._make_actions()
        self._build_layout()
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.customContextMenuRequested.connect(self._context_menu)

    # -- construction ---------------------------------------------------------------------------
    def _set_up_table(self) -> None:
        table = self.table
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order the runs were made
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.book.model.modelReset.connect(self._fit_columns)
        self.proxy.rowsInserted.connect(self._fit_rows)
        refit_on_font_change(table, self._fit_to_font)  # the window's zoom
        table.setToolTip(self.tr("Click a run to bring its curves to the front; tick it to show "
                                 "them; double-click its name to rename it; right-click for "
                                 "more."))

    def _fit_to_font(self) -> None:
        """Rows as tall and columns as wide as the texts at the table's (zoomed) font."""
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their texts, up to ``WIDEST_COLUMN`` characters."""
        self.table.resizeColumnsToContents()
        widest = self.table.fontMetrics().averageCharWidth() * WIDEST_COLUMN
        for column in range(self.book.model.columnCount()):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def _fit_rows(self, _parent, first: int, last: int) -> None:
        """Widen the columns that the new rows' texts need (none is narrowed), up to
        ``WIDEST_COLUMN`` characters: cheaper than fitting every row again."""
        widest = self.table.fontMetrics().averageCharWidth() * WIDEST_COLUMN
        for column in range(self.proxy.columnCount()):
            needed = max(self.table.sizeHintForIndex(self.proxy.index(row, column)).width()
                         for row in range(first, last + 1))
            needed = min(needed + 1, widest)  # + 1: the grid line, as a fit counts it
            if needed > self.table.columnWidth(column):
                self.table.setColumnWidth(column, needed)

    def minimumSizeHint(self) -> QSize:
        return self._with_rows(super().minimumSizeHint(), MINIMUM_ROWS)

    def sizeHint(self) -> QSize:
        return self._with_rows(super().sizeHint(), PREFERRED_ROWS)

    def _with_rows(self, hint: QSize, rows: int) -> QSize:
        """``hint`` made tall enough for the buttons and ``rows`` rows of the table."""
        table = self.table
        height = (table.horizontalHeader().sizeHint().height()
                  + rows * table.verticalHeader().defaultSectionSize()
                  + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth()
                  + self.clear_button.sizeHint().height())
        return QSize(hint.width(), max(hint.height() if rows == MINIMUM_ROWS else 0, height))

    def _make_actions(self) -> None:
        self.show_action = QAction(self.tr("Show curves"), self, checkable=True)
        self.show_action.setObjectName("showRunAction")
        self.rename_action = QAction(self.tr("Rename…"), self)
        self.rename_action.setObjectName("renameRunAction")
        self.remove_action = QAction(self.tr("Remove"), self)
        self.remove_action.setObjectName("removeRunAction")
        self.save_model_action = QAction(self.tr("Save its model…"), self)
        self.save_model_action.setObjectName("saveRunModelAction")
        self.export_action = QAction(self.tr("Export its history…"), self)
        self.export_action.setObjectName("exportRunHistoryAction")
        self.keep_models_action = QAction(self.tr("Keep the trained networks of new runs"), self,
                                          checkable=True)
        self.keep_models_action.setObjectName("keepModelsAction")
        self.keep_models_action.setChecked(self.book.store.keep_models)
        self.show_action.triggered.connect(self._show_selected)
        self.rename_action.triggered.connect(self._rename_selected)
        self.remove_action.triggered.connect(self._remove_selected)
        self.save_model_action.triggered.connect(self._save_selected_model)
        self.export_action.triggered.connect(self._export_selected)
        self.keep_models_action.toggled.connect(self.book.set_keep_models)

    def _build_layout(self) -> None:
        self.run_button = QToolButton()
        self.run_button.setObjectName("runActionsButton")
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("What can be done with the selected run")
                                   + f" ({key_text(RUN_MENU_KEY)})")
        add_command_key(self.run_button, RUN_MENU_KEY)
        self.run_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.run_menu = self._row_menu()
        self.run_button.setMenu(self.run_menu)
        self.repeat_button = QPushButton(self.tr("Repeat with seeds…"))
        self.repeat_button.setObjectName("repeatSeedsButton")
        self.repeat_button.setToolTip(self.tr(
            "Train these settings several times with consecutive seeds and draw their mean "
            "with a band of ± one standard deviation.") + f" ({key_text(REPEAT_KEY)})")
        add_command_key(self.repeat_button, REPEAT_KEY)
        self.repeat_button.clicked.connect(self.ask_repeats)
        self.clear_button = QPushButton(self.tr("Clear r&uns"))
        self.clear_button.setObjectName("clearRunsButton")
        self.clear_button.setToolTip(self.tr(
            "Remove every run but the current one, from the table and from the disk."))
        self.clear_button.clicked.connect(self.ask_to_clear)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.run_button, self.repeat_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _row_menu(self) -> QMenu:
        menu = QMenu(self)
        for action in (self.show_action, self.rename_action, self.remove_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.save_model_action)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.keep_models_action)
        menu.aboutToShow.connect(self._update_actions)
        return menu

    # -- the selected run -------------------------------------------------------------------------
    def selected_run(self) -> ScreenRun | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.book.model.run_at(self.proxy.mapToSource(rows[0]).row())

    def select_run(self, run: ScreenRun) -> None:
        """Select ``run``'s row (and bring its curves to the front)."""
        row = self.proxy.mapFromSource(self.book.model.index(self.book.model.row_of(run), 0))
        self.table.selectRow(row.row())

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_selections) -> None:
        self.book.bring_to_front(self.selected_run())
        self._update_actions()

    @Slot()
    def _update_actions(self) -> None:
        run = self.selected_run()
        ended = run is not None and run.record is not None and run.record.status != "running"
        current = run is not None and run is self.book.screen.current
        self.show_action.setEnabled(ended and not current)
        self.show_action.setChecked(run is not None and (run.shown or current))
        for action in (self.rename_action, self.remove_action, self.export_action):
            action.setEnabled(ended)
        self.save_model_action.setEnabled(ended and run.record.has_model)

    @Slot(QPoint)
    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
            self.run_menu.popup(self.table.viewport().mapToGlobal(position))

    @Slot(bool)
    def _show_selected(self, shown: bool) -> None:
        if (run := self.selected_run()) is not None:
            self.book.set_shown(run, shown)
            self.select_run(run)

    @Slot()
    def _rename_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.edit(rows[0])

    @Slot()
    def _remove_selected(self) -> None:
        if (run := self.selected_run()) is not None:
            self.book.remove(run)

    @Slot()
    def _save_selected_model(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the run's model"),
                                              f"{run.short_label}.npz",
                                              self.tr("Models") + " (*.npz)")
        if path:
            self.book.save_model_to(run, path)

    @Slot()
    def _export_selected(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the run's history"),
                                              f"{run.short_label}.csv",
                                              self.tr("CSV files") + " (*.csv)")
        if path:
            self.book.export_history_to(run, path)

    # -- all the runs -----------------------------------------------------------------------------
    @Slot()
    def export_all_dialog(self) -> None:
        """Ask where to write every run as CSV (and the summary beside it)."""
        if not self.book.ended_records():
            self.book.export_all_to("")  # says there is nothing to export
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export all runs"), "runs.csv",
                                              self.tr("CSV files") + " (*.csv)")
        if path:
            self.book.export_all_to(path)

    @Slot()
    def ask_repeats(self) -> QInputDialog:
        """Ask how many seeds (the dialog does not block; OK asks for the repeats)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("repeatSeedsDialog")
        dialog.setWindowTitle(self.tr("Repeat with seeds"))
        dialog.setLabelText(self.tr(
            "Train the settings shown this many times, with the seed and the next ones:"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(2, MAX_REPEATS)
        dialog.setIntValue(DEFAULT_REPEATS)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.intValueSelected.connect(self.repeat_requested)
        dialog.open()
        return dialog

    @Slot()
    def ask_to_clear(self) -> QMessageBox | None:
        """Ask before clearing the runs (the box does not block; Yes clears them)."""
        earlier = len(self.book.screen.earlier())
        if earlier == 0 and not self.book.store.numbers():
            self.book.status.emit(self.tr("There are no earlier runs to clear."))
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Clear runs"), self.tr(
            "Remove {count} earlier runs from the table and from the disk? The current run "
            "stays.").format(count=earlier),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("clearRunsQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: button is yes and self.book.clear())
        box.open()
        return box
