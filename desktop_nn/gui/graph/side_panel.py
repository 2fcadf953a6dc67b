"""The Computation graph tab's side panel: the stepper's sentence, an error, the selected
node, the inputs' gradients and how to read the drawing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.common.zoom import refit_on_font_change
from desktop_nn.gui.graph.detail import NodeDetailPanel
from desktop_nn.gui.graph.narration import legend_text
from desktop_nn.gui.graph.table import GradientTable

#: The panel's narrowest width, in pixels.
MIN_WIDTH = 340


class SidePanel(QScrollArea):
    """A scrolling column beside the graph (it never scrolls sideways)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_label = StatusLabel(lines=3)
        self.step_label.setObjectName("graphStepLabel")
        self.step_label.setToolTip(self.tr("Where the stepper is and what the last step did."))
        self.error_label = QLabel()
        self.error_label.setObjectName("graphErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setToolTip(self.tr("Why the last step could not be computed."))
        self.error_label.hide()
        self.detail_panel = NodeDetailPanel()
        self.table_box = GradientTable()
        self.legend_label = QLabel()
        self.legend_label.setObjectName("graphLegend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setToolTip(self.tr("How to read the drawing."))

        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.step_label, self.error_label, self.detail_panel, self.table_box,
                       self.legend_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_width()
        refit_on_font_change(column, self._fit_width)  # the window's zoom

    def _fit_width(self) -> None:
        """At least 340 pixels, and as wide as the column's contents need (never cut)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(max(MIN_WIDTH, self.widget().minimumSizeHint().width() + bar))

    def show_error(self, message: str) -> None:
        """Why the last step could not be computed ("" hides the line)."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def show_legend(self, gradient_colour: str) -> None:
        self.legend_label.setText(legend_text(gradient_colour))
