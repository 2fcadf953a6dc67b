"""A confusion matrix drawn as a heat map with the count written in every cell.

Rows are the true classes, columns the predicted ones. Correct answers (the diagonal) are shaded
blue by the share of their row; mistakes are shaded vermillion by their count relative to the
largest mistake, on a square-root scale so that a handful of errors is still visible next to a
cell of forty. The text in each cell takes whichever of the palette's text and base colours
contrasts more with the cell, so it stays readable in light and dark themes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_nn.gui.common.palette import colour, readable_text_colour, tint

#: The lightest shade of a non-empty cell, so a single mistake is not invisible.
MIN_STRENGTH = 0.12
#: Lines of legend text under the grid: two colour ramps and a hint of up to two lines.
LEGEND_LINES = 4


def cell_strengths(cm: np.ndarray) -> np.ndarray:
    """Shading strength in [0, 1] of every cell (see the module's docstring)."""
    cm = np.asarray(cm, dtype=np.float64)
    strengths = np.zeros_like(cm)
    row_totals = cm.sum(axis=1)
    diagonal = np.eye(len(cm), dtype=bool)
    share = np.divide(np.diag(cm), row_totals, out=np.zeros(len(cm)), where=row_totals > 0)
    strengths[diagonal] = np.where(np.diag(cm) > 0, MIN_STRENGTH + (1 - MIN_STRENGTH) * share, 0)
    off = np.where(diagonal, 0.0, cm)
    largest = off.max(initial=0.0)
    if largest > 0:
        scaled = np.sqrt(off / largest)
        strengths[~diagonal] = np.where(off[~diagonal] > 0,
                                        MIN_STRENGTH + (1 - MIN_STRENGTH) * scaled[~diagonal], 0)
    return strengths


class ConfusionMatrixView(QWidget):
    """Draws a (C, C) confusion matrix; hover a cell for its details, click it to select it.

    Signals
    -------
    cell_clicked(int, int)
        The true class (row) and the predicted class (column) of the clicked cell.
    """

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrixView")
        self._matrix: np.ndarray | None = None
        self._strengths: np.ndarray | None = None
        self.labels = [str(k) for k in range(10)]
        self.selected: tuple[int, int] | None = None
        self.empty_text = self.tr("No evaluation yet.")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 260)
        self.setToolTip(self.tr(
            "Rows: the true class; columns: the network's guess. Hover a cell for its share, "
            "click a mistake to list its images."
        ))
        self.setAccessibleName(self.tr("Confusion matrix"))
        self.setAccessibleDescription(self.tr(
            "Test images counted by true class (rows) and predicted class (columns)."))

    # -- data ----------------------------------------------------------------------------------
    def set_matrix(self, cm: np.ndarray | None, labels: list[str] | None = None) -> None:
        """Show ``cm`` (rows true, columns predicted); None clears the view."""
        if cm is None:
            self._matrix = self._strengths = None
        else:
            cm = np.asarray(cm, dtype=np.int64)
            if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
                raise ValueError(f"a confusion matrix must be square, got shape {cm.shape}")
            self._matrix = cm.copy()
            self._strengths = cell_strengths(cm)
            self.labels = list(labels) if labels else [str(k) for k in range(len(cm))]
        self.selected = None
        self.update()

    def matrix(self) -> np.ndarray | None:
        """A copy of the counts shown (rows true, columns predicted), or None."""
        return None if self._matrix is None else self._matrix.copy()

    def select(self, cell: tuple[int, int] | None) -> None:
        """Outline one cell (or none)."""
        self.selected = cell
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def _layout(self) -> tuple[float, float, float, bool] | None:
        """(left, top, cell size, column labels rotated) of the grid, or None without data."""
        if self._matrix is None:
            return None
        n = len(self._matrix)
        metrics = self.fontMetrics()
        line = metrics.height()
        label_width = max(metrics.horizontalAdvance(label) for label in self.labels)
        axis = line + 8  # the rotated title of the rows
        left_margin = axis + label_width + 10
        provisional = (min(self.width() - left_margin,
                           self.height() - 2 * line - 16 - LEGEND_LINES * (line + 6)) - 8) / n
        rotated = label_width > provisional - 6
        column_labels = (label_width + 8) if rotated else (line + 6)
        top_margin = line + 6 + column_labels
        legend = LEGEND_LINES * (line + 6) + 10
        cell = max(8.0, (min(self.width() - left_margin - 8,
                             self.height() - top_margin - legend - 8)) / n)
        grid = cell * n
        left = left_margin + max(0.0, (self.width() - left_margin - 8 - grid) / 2)
        return left, top_margin, cell, rotated

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The (row, column) under a point of the widget, or None."""
        layout = self._layout()
        if layout is None:
            return None
        left, top, cell, _rotated = layout
        column = int((point.x() - left) // cell)
        row = int((point.y() - top) // cell)
        n = len(self._matrix)
        if 0 <= row < n and 0 <= column < n and point.x() >= left and point.y() >= top:
            return row, column
        return None

    def cell_rect(self, row: int, column: int) -> QRectF:
        left, top, cell, _rotated = self._layout()
        return QRectF(left + column * cell, top + row * cell, cell, cell)

    # -- drawing -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        layout = self._layout()
        if layout is None:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            painter.end()
            return
        left, top, cell, rotated = layout
        grid = cell * len(self._matrix)
        self._draw_titles(painter, left, top, grid)
        self._draw_class_labels(painter, left, top, cell, rotated)
        self._draw_cells(painter, left, top, cell)
        outline = QPen(text_colour)
        outline.setWidthF(1.2)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(left, top, grid, grid))
        if self.selected is not None:
            selection = QPen(palette.color(QPalette.ColorRole.Highlight))
            selection.setWidthF(3.0)
            painter.setPen(selection)
            painter.drawRect(self.cell_rect(*self.selected).adjusted(1.5, 1.5, -1.5, -1.5))
        self._draw_legend(painter, QRectF(left, top + grid + 10, grid, 0))
        painter.end()

    def _draw_titles(self, painter: QPainter, left: float, top: float, grid: float) -> None:
        """The axis titles: "predicted" over the grid, "true" turned up its left side."""
        line = self.fontMetrics().height()
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(left, 0, grid, line + 4),
                         int(Qt.AlignmentFlag.AlignCenter), self.tr("predicted"))
        painter.save()
        painter.translate(QPointF(line / 2 + 2, top + grid / 2))
        painter.rotate(-90)
        painter.drawText(QRectF(-grid / 2, -line / 2, grid, line),
                         int(Qt.AlignmentFlag.AlignCenter), self.tr("true"))
        painter.restore()

    def _draw_class_labels(self, painter: QPainter, left: float, top: float, cell: float,
                           rotated: bool) -> None:
        """The class names left of the rows and over the columns (turned up when long)."""
        line = self.fontMetrics().height()
        painter.setFont(self.font())
        label_right = left - 6
        for k, label in enumerate(self.labels):
            painter.drawText(QRectF(0, top + k * cell, label_right, cell),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             label)
            if rotated:
                painter.save()
                painter.translate(QPointF(left + (k + 0.5) * cell, top - 4))
                painter.rotate(-90)
                painter.drawText(QRectF(0, -line / 2, top, line),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 label)
                painter.restore()
            else:
                painter.drawText(QRectF(left + k * cell, top - line - 6, cell, line + 2),
                                 int(Qt.AlignmentFlag.AlignCenter), label)

    def _draw_cells(self, painter: QPainter, left: float, top: float, cell: float) -> None:
        """Each cell's colour, then its count in a font sized to the cell."""
        cm, strengths = self._matrix, self._strengths
        palette = self.palette()
        metrics = self.fontMetrics()
        count_font = QFont(self.font())
        widest = metrics.horizontalAdvance(str(max(int(cm.max()), 10)))
        scale = min(1.6, (cell * 0.8) / max(widest, 1), (cell * 0.5) / max(metrics.height(), 1))
        count_font.setPointSizeF(max(5.0, self.font().pointSizeF() * scale))
        background = palette.color(QPalette.ColorRole.Base)
        grid_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        grid_pen.setWidthF(0.6)
        for i in range(len(cm)):
            for j in range(len(cm)):
                rect = QRectF(left + j * cell, top + i * cell, cell, cell)
                base = colour("blue") if i == j else colour("vermillion")
                fill = tint(base, float(strengths[i, j])) if strengths[i, j] > 0 else background
                painter.fillRect(rect, fill)
                painter.setPen(grid_pen)
                painter.drawRect(rect)
                ink = readable_text_colour(fill, palette)
                if cm[i, j] == 0:
                    ink = QColor(ink)
                    ink.setAlpha(110)
                count_font.setBold(i == j)
                painter.setFont(count_font)
                painter.setPen(ink)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(int(cm[i, j])))

    def _draw_legend(self, painter: QPainter, area: QRectF) -> None:
        """Two colour ramps (correct, mistakes) with their ends labelled, and a hint."""
        cm = self._matrix
        off_diagonal = np.where(np.eye(len(cm), dtype=bool), 0, cm)
        largest = int(off_diagonal.max(initial=0))
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        correct, mistakes = self.tr("correct"), self.tr("mistakes")
        one_image = self.tr("1 image")
        name_width = max(metrics.horizontalAdvance(t) for t in (correct, mistakes)) + 8
        rows = (
            (correct, colour("blue"), self.tr("0% of the row"), "100%"),
            (mistakes, colour("vermillion"), one_image,
             self.tr("{count} images").format(count=f"{largest:,}") if largest > 1
             else one_image),
        )
        # The ramps shrink before any label is cut: the labels may use the widget's width.
        room = self.width() - area.left() - 4
        texts = max(metrics.horizontalAdvance(low) + metrics.horizontalAdvance(high)
                    for _, _, low, high in rows) + 12
        bar_width = max(24.0, min(160.0, area.width() * 0.35, room - name_width - texts))
        y = area.top()
        painter.setFont(self.font())
        for name, base, low, high in rows:
            painter.setPen(text_colour)
            painter.drawText(QRectF(area.left(), y, name_width, line + 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             name)
            x = area.left() + name_width
            low_width = metrics.horizontalAdvance(low) + 6
            painter.drawText(QRectF(x, y, low_width, line + 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), low)
            x += low_width
            ramp = QLinearGradient(x, 0, x + bar_width, 0)
            ramp.setColorAt(0.0, tint(base, MIN_STRENGTH))
            ramp.setColorAt(1.0, tint(base, 1.0))
            painter.fillRect(QRectF(x, y + 2, bar_width, line - 2), ramp)
            painter.drawText(QRectF(x + bar_width + 6, y, area.left() + room - x - bar_width - 6,
                                    line + 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             high)
            y += line + 6
        # The hint may take two lines (a narrow pane, a longer language) rather than be cut.
        hint = self.tr("Hover a cell for details; click a mistake to list its images.")
        painter.drawText(QRectF(area.left(), y, self.width() - area.left() - 4, 2 * line + 2),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap), hint)

    # -- interaction ---------------------------------------------------------------------------
    def describe_cell(self, row: int, column: int) -> str:
        cm = self._matrix
        count = int(cm[row, column])
        total = int(cm[row].sum())
        if row == column:
            text = (self.tr("{true} recognised correctly: {count} images ({percent}% of the "
                            "{total} images of {true})") if total
                    else self.tr("{true} recognised correctly: {count} images"))
        else:
            text = (self.tr("true {true} taken for {guess}: {count} images ({percent}% of the "
                            "{total} images of {true}). Click to list them.") if total
                    else self.tr("true {true} taken for {guess}: {count} images. Click to list "
                                 "them."))
        percent = f"{100 * count / total:.1f}" if total else "0"
        return text.format(true=self.labels[row], guess=self.labels[column], count=f"{count:,}",
                           total=f"{total:,}", percent=percent)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(QPointF(event.pos()))
            if cell is None:
                QToolTip.showText(event.globalPos(), self.toolTip(), self)
            else:
                QToolTip.showText(event.globalPos(), self.describe_cell(*cell), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(cell)
            self.cell_clicked.emit(*cell)
        super().mousePressEvent(event)
