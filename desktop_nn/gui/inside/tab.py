"""The Inside tab: what the hidden layer learned (W1 as pictures) and how it responds.

Left, every hidden unit's 784 incoming weights as a 28x28 tile. Right, the hidden layer's
outputs on a fixed batch of test images: a histogram of their values and, per unit, how often
it responds (a ReLU unit that never does is dead: it no longer learns).

Both follow a training run live, but cheaply: a weight snapshot only marks the view stale, and
it is redrawn at most ``REFRESH_HZ`` times a second, and only while the tab is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.network import hidden_outputs
from desktop_nn.gui.common.palette import TRAIN_COLOUR, colour
from desktop_nn.gui.common.plot_style import PalettePlot, style_plot
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.inside.tiles import SIDE, DivergingLegend, WeightTilesView

#: The most redraws a second while weights stream in from a training run.
REFRESH_HZ = 2.5
#: A redraw may take at most this share of the GUI thread's time: with a large hidden layer
#: (one redraw of 1,000 units takes tens of milliseconds) the redraws are spaced further.
REFRESH_BUDGET = 0.05
#: Test images the activations are computed on (the same ones every time: seed 0).
ACTIVATION_BATCH = 500
HISTOGRAM_BINS = 40
#: A sigmoid output this close to 0 or 1 is saturated: its gradient is below 0.01.
SATURATION = 0.0102
NO_MODEL_TEXT = QT_TRANSLATE_NOOP(
    "InsideTab", "Train a network or load one first: its first-layer weights appear here.")


def share_percent(count: int, total: int) -> str:
    """``count`` of ``total`` as a whole percentage that never rounds to 0 or 100 unless it
    is: '0', '<1', '37', '>99', '100'. A unit that responds to 1 image of 500 is alive."""
    if count <= 0 or total <= 0:
        return "0"
    if count >= total:
        return "100"
    percent = 100 * count / total
    if percent < 0.5:
        return "<1"
    if percent >= 99.5:
        return ">99"
    return f"{percent:.0f}"


class InsideTab(QWidget):
    """W1 as tiles and the hidden activations, refreshed live and sparingly.

    Signals
    -------
    refreshed()
        The tiles and the plots were redrawn from the current network.
    """

    refreshed = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        super().__init__(parent)
        self.setObjectName("insideTab")
        self.state = state
        self._clock = clock  # seconds; the throttle and the redraw budget are measured with it
        self.selected_unit: int | None = None
        self.activations: np.ndarray | None = None  # (batch, hidden) of the last refresh
        self._batch: np.ndarray | None = None
        self._dirty = True
        self._last_refresh = -1e9
        self.refresh_interval = 1.0 / REFRESH_HZ  # seconds; grows if redraws are slow

        self._build_tiles()
        self._build_activation_plots()
        self._build_layout()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.timeout.connect(self.refresh)
        state.model_changed.connect(self._on_weights_changed)
        state.params_updated.connect(self._on_weights_changed)
        state.data_changed.connect(self._on_data_changed)
        self._on_data_changed()

    # -- construction ------------------------------------------------------------------------
    def _build_tiles(self) -> None:
        self.tiles_view = WeightTilesView()
        self.tiles_view.unit_clicked.connect(self.select_unit)
        self.legend = DivergingLegend()
        self.common_scale_check = QCheckBox(self.tr("Same &scale for all tiles"))
        self.common_scale_check.setObjectName("commonScaleCheck")
        self.common_scale_check.setToolTip(self.tr(
            "Scale every tile by the largest weight of the whole layer instead of its own, so "
            "that weak units look pale."))
        self.common_scale_check.toggled.connect(self.tiles_view.set_common_scale)
        self.tiles_text = QLabel(self.tr(
            "Each tile is one hidden unit's 784 incoming weights (a column of W1), laid out as "
            "the 28×28 image they multiply. Ink on vermillion pixels switches the unit on, ink "
            "on blue pixels switches it off. Hover over a tile for its unit number; click it "
            "for details."))
        self.tiles_text.setWordWrap(True)

    def _build_activation_plots(self) -> None:
        self.histogram_plot = PalettePlot()
        self.histogram_plot.setObjectName("activationHistogram")
        self.histogram_plot.setToolTip(self.tr(
            "How often each output value occurs: every hidden unit on every image of the batch."))
        self.histogram_plot.setAccessibleName(self.tr("Histogram of the hidden outputs"))
        style_plot(self.histogram_plot, self.tr("count"), self.tr("hidden output"))
        self.histogram_plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.histogram_plot.getPlotItem().hideButtons()
        self.histogram_curve = self.histogram_plot.plot(
            [0.0, 1.0], [0.0], stepMode="center", fillLevel=0,
            brush=colour(TRAIN_COLOUR, 160), pen=pg.mkPen(colour(TRAIN_COLOUR), width=1))

        self.activity_plot = PalettePlot()
        self.activity_plot.setObjectName("unitActivityPlot")
        self.activity_plot.setToolTip(self.tr(
            "For each hidden unit: the share of the batch's images it responds to (ReLU) or "
            "its mean output (sigmoid). Click a bar to see that unit."))
        self.activity_plot.setAccessibleName(self.tr("Activity of each hidden unit"))
        style_plot(self.activity_plot, self.tr("share of images"), self.tr("hidden unit"))
        self.activity_plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.activity_plot.getPlotItem().hideButtons()
        self.activity_plot.setYRange(0, 1, padding=0.02)
        self.activity_bars = pg.BarGraphItem(x=[], height=[], width=0.8,
                                             brush=colour(TRAIN_COLOUR, 200), pen=None)
        self.activity_plot.addItem(self.activity_bars)
        self.selected_bar = pg.BarGraphItem(x=[], height=[], width=0.8, brush=colour("orange"),
                                            pen=None)
        self.activity_plot.addItem(self.selected_bar)
        self.dead_marks = pg.ScatterPlotItem(symbol="x", size=9, pen=None,
                                             brush=colour("reddish_purple"))
        self.activity_plot.addItem(self.dead_marks)
        self.activity_plot.scene().sigMouseClicked.connect(self._on_activity_clicked)

        self.stats_label = StatusLabel("", lines=2)
        self.stats_label.setObjectName("activationStats")
        self.unit_label = StatusLabel(self.tr("Click a tile or a bar to see one unit."),
                                      lines=2)
        self.unit_label.setObjectName("unitInfoLabel")

    def _build_layout(self) -> None:
        tiles_box = QGroupBox(self.tr("First layer: W1, one tile per hidden unit"))
        tiles_layout = QVBoxLayout(tiles_box)
        tiles_layout.addWidget(self.tiles_view, 1)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        legend_row.addSpacing(16)
        legend_row.addWidget(self.common_scale_check)
        tiles_layout.addLayout(legend_row)
        tiles_layout.addWidget(self.tiles_text)

        self.activations_box = QGroupBox(self._activations_title(ACTIVATION_BATCH))
        plots_layout = QVBoxLayout(self.activations_box)
        plots_layout.addWidget(self.histogram_plot, 3)
        plots_layout.addWidget(self.stats_label)
        plots_layout.addWidget(self.activity_plot, 2)
        plots_layout.addWidget(self.unit_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tiles_box)
        splitter.addWidget(self.activations_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _activations_title(self, count: int) -> str:
        return self.tr("Hidden outputs on {count} test images").format(count=f"{count:,}")

    # -- when to refresh ---------------------------------------------------------------------
    @Slot()
    def _on_weights_changed(self) -> None:
        self._dirty = True
        self._schedule()

    @Slot()
    def _on_data_changed(self) -> None:
        if self.state.data is not None:
            x_test = self.state.data[1][0]
            rng = np.random.default_rng(0)
            count = min(ACTIVATION_BATCH, len(x_test))
            self._batch = x_test[np.sort(rng.choice(len(x_test), count, replace=False))]
            self.activations_box.setTitle(self._activations_title(count))
        self._dirty = True
        self._schedule()

    def _schedule(self) -> None:
        """Refresh soon, but not within 1/REFRESH_HZ of the last refresh, and only if shown."""
        if not self.isVisible() or self.refresh_timer.isActive():
            return
        wait = self._last_refresh + self.refresh_interval - self._clock()
        self.refresh_timer.start(max(0, round(1000 * wait)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._schedule()

    # -- drawing -----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Redraw the tiles and the activation plots from the current network."""
        self.refresh_timer.stop()
        self._dirty = False
        started = self._clock()
        self._last_refresh = started
        self._redraw()
        spent = self._clock() - started
        self.refresh_interval = max(1.0 / REFRESH_HZ, spent / REFRESH_BUDGET)
        self.refreshed.emit()

    def _redraw(self) -> None:
        network = self.state.network
        if network is None:
            self.tiles_view.show_message(QCoreApplication.translate("InsideTab",
                                                                    NO_MODEL_TEXT))
            self._clear_activations(self.tr("No network yet."))
            return
        if network.input_size != SIDE * SIDE:
            self.tiles_view.show_message(self.tr(
                "This network takes {inputs} inputs; its weights cannot be shown as 28×28 "
                "pictures.").format(inputs=f"{network.input_size:,}"))
            self._clear_activations("")
            return
        self.tiles_view.set_weights(network.params["W1"])
        if self._batch is None:
            self._clear_activations(self.tr("Loading the test images…"))
            return
        self.activations = hidden_outputs(network, self._batch)
        self._draw_histogram(network.activation)
        self._draw_activity(network.activation)
        self._describe_selected()

    def _clear_activations(self, text: str) -> None:
        self.activations = None
        self.histogram_curve.setData([0.0, 1.0], [0.0])
        self.activity_bars.setOpts(x=[], height=[])
        self.selected_bar.setOpts(x=[], height=[])
        self.dead_marks.setData([], [])
        self.stats_label.setText(text)

    def _draw_histogram(self, activation: str) -> None:
        values = self.activations
        finite = values[np.isfinite(values)]
        if activation == "sigmoid":
            counts, edges = np.histogram(finite, bins=HISTOGRAM_BINS, range=(0.0, 1.0))
            saturated = np.mean((finite < SATURATION) | (finite > 1 - SATURATION)) \
                if finite.size else 0.0
            self.histogram_plot.setLabel("bottom", self.tr("sigmoid output"))
            self.stats_label.setText(self.tr(
                "Saturated (within 0.01 of 0 or 1, where the gradient almost vanishes): "
                "{percent}% of the outputs. Mean output {mean}."
            ).format(percent=f"{100 * saturated:.1f}",
                     mean=f"{finite.mean() if finite.size else 0:.2f}"))
        else:
            positive = finite[finite > 0]
            top = float(positive.max()) if positive.size else 1.0
            counts, edges = np.histogram(positive, bins=HISTOGRAM_BINS, range=(0.0, top))
            zeros = values.size - positive.size
            dead = int(np.sum(~(values > 0).any(axis=0)))
            hidden = values.shape[1]
            self.histogram_plot.setLabel("bottom", self.tr("ReLU output (zeros left out)"))
            if dead == hidden:
                verdict = self.tr(
                    "All {hidden} units are dead (zero for every image): the network can only "
                    "guess. A learning rate far too large does this.").format(hidden=hidden)
            else:
                verdict = self.tr(
                    "Zero outputs: {percent}% of all. Dead units (zero for all {images} "
                    "images): {dead} of {hidden}."
                ).format(percent=share_percent(zeros, values.size), images=values.shape[0],
                         dead=dead, hidden=hidden)
            self.stats_label.setText(verdict)
        self.histogram_curve.setData(edges, counts.astype(np.float64))

    def _draw_activity(self, activation: str) -> None:
        values = self.activations
        units = np.arange(values.shape[1], dtype=np.float64)
        if activation == "sigmoid":
            share = np.nan_to_num(values.mean(axis=0))
            self.activity_plot.setLabel("left", self.tr("mean output"))
            dead_units = np.array([], dtype=np.float64)
        else:
            share = (values > 0).mean(axis=0)
            self.activity_plot.setLabel("left", self.tr("share of images"))
            dead_units = units[share == 0]
        self.activity_bars.setOpts(x=units, height=share)
        unit = self.selected_unit
        if unit is not None and unit < len(units):
            self.selected_bar.setOpts(x=[float(unit)], height=[share[unit]])
        else:
            self.selected_bar.setOpts(x=[], height=[])
        self.dead_marks.setData(dead_units, np.zeros_like(dead_units))
        self.activity_plot.setXRange(-0.6, len(units) - 0.4, padding=0)

    # -- one unit ----------------------------------------------------------------------------
    @Slot(int)
    def select_unit(self, unit: int) -> None:
        """Highlight hidden unit ``unit`` and describe what it does."""
        self.selected_unit = unit
        if self.activations is not None:
            self._draw_activity(self.state.network.activation)
        self._describe_selected()

    def _on_activity_clicked(self, event) -> None:
        network = self.state.network
        view = self.activity_plot.getPlotItem().getViewBox()
        if network is None or not view.sceneBoundingRect().contains(event.scenePos()):
            return
        unit = round(view.mapSceneToView(event.scenePos()).x())
        if 0 <= unit < network.hidden_size:
            self.select_unit(unit)

    def _describe_selected(self) -> None:
        unit, network = self.selected_unit, self.state.network
        if unit is None or network is None or unit >= network.hidden_size:
            return
        W2 = network.params["W2"]
        favourite = int(np.argmax(W2[unit]))
        weight = f"{W2[unit, favourite]:+.2f}"
        values = None if self.activations is None else self.activations[:, unit]
        if values is None:
            text = self.tr("Unit {unit}: votes most for class {favourite} (W2 {weight})")
        elif network.activation == "sigmoid":
            text = self.tr("Unit {unit}: votes most for class {favourite} (W2 {weight}); mean "
                           "output {mean} on the batch.")
        else:
            text = self.tr("Unit {unit}: votes most for class {favourite} (W2 {weight}); "
                           "responds to {percent}% of the batch's images.")
        self.unit_label.setText(text.format(
            unit=unit, favourite=favourite, weight=weight,
            mean=f"{values.mean():.2f}" if values is not None else "",
            percent=share_percent(int(np.sum(values > 0)), len(values))
            if values is not None else ""))
