"""The Training tab's layout: settings beside the curves and sample preview, over the runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop_nn.gui.common.scrolling import vertical_scroll
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.zoom import refit_on_font_change

#: The key of "Open this iteration in the layer graph".
OPEN_IN_LAYERS_KEY = "Ctrl+Shift+Y"


def settings_column(panel: QWidget, *below: QWidget) -> QWidget:
    """The hyperparameter panel, scrolled when the window is short, with ``below`` under it."""
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    # As narrow as the panel can be (its texts whole), so that a large zoom fits a small screen.
    scroll.setMinimumWidth(panel.minimumSizeHint().width() + 24)
    refit_on_font_change(panel, lambda: scroll.setMinimumWidth(
        panel.minimumSizeHint().width() + 24))  # the window's zoom
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll, 1)
    for widget in below:
        layout.addWidget(widget)
    return column


def curves_splitter(loss_plot: QWidget, accuracy_plot: QWidget, runs_panel: QWidget,
                    preview: QWidget, below_plots: tuple[QWidget, ...]) -> QSplitter:
    """The two plots (``below_plots`` under them) beside the preview, over the runs table.

    The table spans the plots' and the preview's width, so that its columns have room in a
    small window; it gets a quarter of the height at first, and its splitter handle gives it
    more or less.
    """
    plots = QSplitter(Qt.Orientation.Vertical)
    for widget in (loss_plot, accuracy_plot):
        plots.addWidget(widget)
    plots.setChildrenCollapsible(False)
    plots.setObjectName("trainingPlots")
    top = QSplitter(Qt.Orientation.Horizontal)
    top.addWidget(column(plots, *below_plots))
    top.addWidget(vertical_scroll(preview, "samplePreviewArea", preview.minimumWidth()))
    top.setStretchFactor(0, 1)
    top.setStretchFactor(1, 0)
    top.setChildrenCollapsible(False)
    area = QSplitter(Qt.Orientation.Vertical)
    area.setObjectName("trainingCurvesArea")
    for index, (widget, stretch) in enumerate(((top, 3), (runs_panel, 1))):
        area.addWidget(widget)
        area.setStretchFactor(index, stretch)
    area.setSizes([600, 200])
    area.setChildrenCollapsible(False)
    return area


def column(main: QWidget, *below: QWidget) -> QWidget:
    """``main`` taking the height that is left by ``below``."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(main, 1)
    for other in below:
        layout.addWidget(other)
    return widget


def columns(left: QWidget, right: QWidget) -> QSplitter:
    """Side by side; the right one takes the width that is left."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for index, (widget, stretch) in enumerate(((left, 0), (right, 1))):
        splitter.addWidget(widget)
        splitter.setStretchFactor(index, stretch)
    splitter.setChildrenCollapsible(False)
    return splitter


def open_in_layers_button(slot: Callable[[], None]) -> QPushButton:
    """The button that shows a paused iteration's batch in the Layer graph tab."""
    button = QPushButton(QCoreApplication.translate(
        "TrainingTab", "Open this iteration in the layer graph"))
    button.setObjectName("openIterationInLayersButton")
    add_command_key(button, OPEN_IN_LAYERS_KEY)
    button.setToolTip(QCoreApplication.translate(
        "TrainingTab", "Show the paused iteration's batch (its first 100 images) in the Layer "
        "graph tab") + f" ({key_text(OPEN_IN_LAYERS_KEY)})")
    button.clicked.connect(slot)
    return button
