"""The gradients of a graph's inputs: backpropagation beside the central difference."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.graph import ComputationGraph, format_value
from desktop_nn.gui.graph.detail import output_symbol
from desktop_nn.gui.graph.names import Namer


class GradientTable(QGroupBox):
    """A box with one row per input: its value, its gradient by backpropagation and by the
    numerical derivative of chapter 4 (``table`` is the table itself)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Gradients: backprop vs numerical"), parent)
        self.setToolTip(self.tr("Backpropagation against the numerical derivative of "
                                "chapter 4."))
        table = self.table = QTableWidget(0, 4)
        table.setObjectName("gradientTable")
        table.setHorizontalHeaderLabels(self._headers())
        table.setAccessibleName(self.tr("Gradients of the inputs"))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setToolTip(self.tr(
            "Each input's gradient by backpropagation beside the central difference {formula}; "
            "click a row to select that input.").format(formula="(f(x+h) − f(x−h)) / 2h"))
        QVBoxLayout(self).addWidget(table)

    def _headers(self) -> list[str]:
        return [self.tr("input"), self.tr("value"), self.tr("backprop"), self.tr("numerical")]

    def fill(self, graph: ComputationGraph, name_of: Namer) -> None:
        """One row per input of ``graph`` (a new graph), as tall as its rows."""
        table = self.table
        with QSignalBlocker(table):
            table.clearContents()
            table.setRowCount(len(graph.input_names))
            for row, name in enumerate(graph.input_names):
                for column in range(4):
                    item = QTableWidgetItem()
                    align = Qt.AlignmentFlag.AlignVCenter | (
                        Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight)
                    item.setTextAlignment(align)
                    table.setItem(row, column, item)
                table.item(row, 0).setText(name_of(name))
        table.setHorizontalHeaderLabels(self._headers())
        self.setTitle(self.tr("Gradients ∂{output}/∂input: backprop vs numerical").format(
            output=output_symbol(graph, name_of)))
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 6)

    def show_values(self, graph: ComputationGraph, numerical: dict[str, float]) -> None:
        """The inputs' values and both gradients as the graph holds them now."""
        table = self.table
        values = graph.inputs
        for row, name in enumerate(graph.input_names):
            if table.item(row, 1) is None:
                continue
            grad = graph.grad(name)
            slope = numerical.get(name)
            table.item(row, 1).setText(format_value(values[name]))
            table.item(row, 2).setText("–" if grad is None else format_value(grad))
            table.item(row, 3).setText(
                "–" if slope is None else (self.tr("undefined") if slope != slope
                                           else format_value(slope)))

    def select_input(self, row: int | None) -> None:
        """Select the row of an input (None: no row), without telling anyone."""
        with QSignalBlocker(self.table):
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
