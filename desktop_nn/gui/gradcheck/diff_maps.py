"""Where the numerical gradient and backpropagation differ: |numerical − backprop| as heat maps.

One map per parameter, each scaled by its own largest difference (written beside it); ``W1``
drawn as one 28×28 tile per hidden unit, so that the pixels of the images show: a pixel black
in every checked image gives both methods exactly 0, and the parameters nearest the loss
(``b2``, ``W2``) carry the largest differences.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop_nn.core.gradient import GradientCheckResult
from desktop_nn.gui.common.heatmap_view import HeatMapView
from desktop_nn.gui.gradcheck.texts import format_sci

PARAMETERS = ("W1", "b1", "W2", "b2")


class DiffMapsBox(QGroupBox):
    """The four maps of |numerical − backprop| of the last check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradcheckDiffMaps")
        # The title wraps in the box (a group box's title would set the column's width).
        self.title_label = QLabel(self.tr("Where they differ: |numerical − backprop|"))
        self.title_label.setObjectName("gradcheckDiffTitle")
        self.title_label.setWordWrap(True)
        self.setToolTip(self.tr(
            "White is no difference, dark the largest difference of that parameter (each map "
            "has its own scale). W1 is one 28×28 tile per hidden unit: pixels black in every "
            "image give 0 both ways. Hover over a map to read an element."))
        self.maps: dict[str, HeatMapView] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.addWidget(self.title_label, 0, 0, 1, 3)
        positions = {"W1": (1, 0, 1, 3), "W2": (3, 0, 1, 1), "b1": (3, 1, 1, 1),
                     "b2": (3, 2, 1, 1)}
        for name in PARAMETERS:
            view = HeatMapView(name)
            view.setObjectName(f"gradcheckDiffMap{name}")
            view.setAccessibleName(self.tr("|numerical − backprop| of {name}").format(name=name))
            label = QLabel(name)
            label.setObjectName(f"gradcheckDiffLabel{name}")
            label.setWordWrap(True)
            row, column, rows, columns = positions[name]
            grid.addWidget(label, row * 2, column, 1, columns)
            grid.addWidget(view, row * 2 + 1, column, rows, columns)
            self.maps[name], self.labels[name] = view, label
        grid.setRowStretch(3, 3)
        grid.setRowStretch(7, 1)
        self.hint = QLabel(self.tr("Run the check to see where the two gradients differ."))
        self.hint.setWordWrap(True)
        grid.addWidget(self.hint, 8, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)

    def show_result(self, result: GradientCheckResult) -> None:
        """Draw each parameter's |numerical − backprop|, scaled by its own largest value."""
        for name in PARAMETERS:
            diff = result.abs_diff.get(name)
            view = self.maps[name]
            if diff is None:
                view.clear()
                self.labels[name].setText(name)
                continue
            columns = None
            if diff.ndim == 2 and diff.shape[0] == 784:
                columns = math.ceil(math.sqrt(2 * diff.shape[1]))
            view.set_array(diff, "magnitude", columns)
            self.labels[name].setText(self.tr("{name}: 0 to {largest}").format(
                name=name, largest=format_sci(float(diff.max()))))
        self.hint.setVisible(False)
