"""A band of ± one standard deviation around the mean of runs repeated over seeds.

:func:`desktop_nn.core.seeds.seed_band` computes the mean and the std point by point; this
module draws them on the existing plots: the smoothed loss, and the train and test accuracy,
each as a mean line over a translucent band from mean - std to mean + std.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from desktop_nn.core.curve_series import thinned
from desktop_nn.core.seeds import CurveBand, SeedBand
from desktop_nn.gui.common.palette import TEST_COLOUR, TRAIN_COLOUR, colour
from desktop_nn.gui.training.curves import AccuracyPlot, LossPlot, draw_once

#: Points drawn of the loss band (it is smooth).
BAND_POINTS = 1000
#: The opacity of a band's fill (of 255).
BAND_ALPHA = 60


class SeedBands:
    """The band of the last repeat over seeds on the two plots (none until one is drawn)."""

    def __init__(self, loss_plot: LossPlot, accuracy_plot: AccuracyPlot) -> None:
        self.loss_plot, self.accuracy_plot = loss_plot, accuracy_plot
        self.band: SeedBand | None = None
        self.group: str | None = None
        self._items: list[tuple[pg.PlotWidget, pg.GraphicsObject]] = []

    def draw(self, band: SeedBand, group: str) -> None:
        """Draw ``band`` (of the runs of ``group``) in place of the one drawn before."""
        self.clear()
        self.band, self.group = band, group
        label = QCoreApplication.translate("TrainingTab", "mean ± std of {runs} seeds").format(
            runs=band.runs)
        x, _ = thinned(band.iterations, band.loss.mean, BAND_POINTS)
        keep = np.searchsorted(band.iterations, x)
        self._add(self.loss_plot, x, _subset(band.loss, keep), TRAIN_COLOUR, label)
        epochs = np.arange(len(band.epoch_iterations))
        self._add(self.accuracy_plot, epochs, band.train_acc, TRAIN_COLOUR,
                  QCoreApplication.translate("TrainingTab", "train acc, {band}").format(
                      band=label))
        self._add(self.accuracy_plot, epochs, band.test_acc, TEST_COLOUR,
                  QCoreApplication.translate("TrainingTab", "test acc, {band}").format(
                      band=label), Qt.PenStyle.DashLine)
        self.loss_plot.show_all()
        self.accuracy_plot.show_all()

    def _add(self, plot: pg.PlotWidget, x: np.ndarray, curve: CurveBand, name: str, label: str,
             style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> None:
        base = colour(name)
        std = np.nan_to_num(curve.std, nan=0.0)
        # The edges need a pen to have a path to fill between: a transparent one.
        edge = pg.mkPen(colour(name, 0))
        lower = plot.plot(x, curve.mean - std, pen=edge)
        upper = plot.plot(x, curve.mean + std, pen=edge)
        fill = pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(colour(name, BAND_ALPHA)))
        plot.addItem(fill)
        mean = plot.plot(x, curve.mean, pen=pg.mkPen(base, width=2, style=style), name=label)
        fill.setZValue(-20)
        mean.setZValue(-2)
        for item in (lower, upper, fill, mean):
            draw_once(item)
            self._items.append((plot, item))

    def clear(self) -> None:
        """Take the band off the plots."""
        for plot, item in self._items:
            plot.removeItem(item)
        self._items.clear()
        self.band, self.group = None, None


def _subset(curve: CurveBand, keep: np.ndarray) -> CurveBand:
    return CurveBand(curve.mean[keep], curve.std[keep])
