"""The "Why the loss, not the accuracy" part (section 4.2.5): nudge one weight of the MNIST
network and watch the loss of a batch move smoothly while its accuracy moves in steps.

The sweep (:func:`~desktop_nn.core.weight_sweep.sweep_weight`, every slider position at once)
takes some tens of milliseconds, so it runs on the window's background worker; the slider then
only reads the results.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.weight_sweep import WeightSweep, steepest_weight, sweep_weight
from desktop_nn.gui.chapter4.loss_controls import SLIDER_HALF, LossControls
from desktop_nn.gui.chapter4.plots import make_plot
from desktop_nn.gui.common.palette import TEST_COLOUR, TRAIN_COLOUR, colour
from desktop_nn.gui.workers import GeneratorWorker

#: The fresh network: the book's sizes, its initial weights, a fixed seed.
FRESH_SEED = 0
FRESH_HIDDEN = 50


def sweep_job(network: TwoLayerNet, x: np.ndarray, t: np.ndarray, key: str, reach: float):
    """The background job: the steepest weight of ``key`` swept over [−reach, reach]."""
    def job(_task) -> WeightSweep:
        index = steepest_weight(network, x, t, key)
        offsets = np.linspace(-reach, reach, 2 * SLIDER_HALF + 1)
        return sweep_weight(network, x, t, key, index, offsets)
    return job


class LossPart(LossControls):
    """The loss and the accuracy of a batch against one weight.

    Signals
    -------
    swept()
        A new sweep is on screen.
    """

    swept = Signal()

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPart")
        self.state = state
        self.sweep: WeightSweep | None = None
        self.worker: GeneratorWorker | None = None
        self._again = False
        self._stale = True  # the sweep on screen is not of the current inputs
        self._build_plots()
        self.lay_out(self.loss_plot, self.accuracy_plot)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.compute)
        self.inputs_changed.connect(self._inputs_changed)
        self.slider.valueChanged.connect(self._show_position)
        if state is not None:
            state.data_changed.connect(self._inputs_changed)
            state.model_changed.connect(self._model_changed)
            state.params_updated.connect(self._model_changed)

    def _build_plots(self) -> None:
        self.loss_plot = make_plot("lossSweepPlot", self.tr("loss"), self.tr("weight"),
                                   self.tr("The loss against the weight"))
        self.accuracy_plot = make_plot(
            "accuracySweepPlot", self.tr("accuracy (%)"), self.tr("weight"),
            self.tr("The accuracy against the weight"))
        self.accuracy_plot.setXLink(self.loss_plot)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen(colour(TRAIN_COLOUR), width=2))
        self.accuracy_curve = self.accuracy_plot.plot(
            pen=pg.mkPen(colour(TEST_COLOUR), width=2), stepMode=None)
        self.lines = []
        for plot in (self.loss_plot, self.accuracy_plot):
            line = pg.InfiniteLine(angle=90, pen=pg.mkPen(colour("bluish_green"), width=2))
            plot.addItem(line)
            self.lines.append(line)

    # -- computing ---------------------------------------------------------------------------
    def compute(self) -> None:
        """Sweep again in the background (once the running sweep has ended)."""
        if self.worker is not None:
            self._again = True
            return
        inputs = self._inputs()
        if inputs is None:
            return
        network, x, t = inputs
        self._stale = False
        worker = GeneratorWorker("weight-sweep", sweep_job(network, x, t, self.key(),
                                                           self.reach()))
        worker.finished.connect(self._on_swept)
        worker.failed.connect(lambda error: self.note_label.setText(str(error)))
        worker.on_end(self._on_end)
        self.worker = worker
        worker.start(self.state.threads)

    def _inputs(self) -> tuple[TwoLayerNet, np.ndarray, np.ndarray] | None:
        """A copy of the network and the batch, or None (and why) while there is no data."""
        if self.state is None or self.state.data is None:
            self.note_label.setText(self.tr("Waiting for the data to load…"))
            return None
        (_, _), (x_test, t_test) = self.state.data
        count = min(self.batch_size(), len(x_test))
        current = self.state.network
        if self.uses_current() and current is not None and current.input_size == x_test.shape[1]:
            network = current.copy()
            self.note_label.setText(self.tr("The window's current model."))
        else:
            network = TwoLayerNet(x_test.shape[1], FRESH_HIDDEN, 10, seed=FRESH_SEED)
            self.note_label.setText(self.tr("A fresh network (the book's initial weights, "
                                            "seed 0).") if not self.uses_current() else
                                    self.tr("No model yet: a fresh network (seed 0)."))
        return network, np.asarray(x_test[:count]), np.asarray(t_test[:count])

    def _on_swept(self, sweep: WeightSweep) -> None:
        self.sweep = sweep
        values = sweep.values
        self.loss_curve.setData(values, sweep.loss)
        self.accuracy_curve.setData(values, 100 * sweep.accuracy)
        name = self.weight_name(sweep)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().setLabel("bottom", name)
        self._show_position(self.slider.value())
        self.swept.emit()

    def _on_end(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
        if self._again:
            self._again = False
            self.compute()

    def _inputs_changed(self) -> None:
        """New data: sweep now if shown, else when next shown (no thread for a hidden part)."""
        self._stale = True
        if self.isVisible():
            self.compute()

    def _model_changed(self) -> None:
        if not self.uses_current():
            return
        self._stale = True
        # At most one sweep per interval while training streams new weights: a timer started
        # again on every snapshot would never fire.
        if self.isVisible() and not self.timer.isActive():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.compute()

    def shutdown(self) -> None:
        """Stop a sweep and wait for its thread."""
        self.timer.stop()
        self._again = False
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()

    # -- showing -----------------------------------------------------------------------------
    @staticmethod
    def weight_name(sweep: WeightSweep) -> str:
        return f"{sweep.key}[{', '.join(str(i) for i in sweep.index)}]"

    def _show_position(self, position: int) -> None:
        sweep = self.sweep
        if sweep is None:
            return
        i = position + SLIDER_HALF
        value = float(sweep.values[i])
        for line in self.lines:
            line.setPos(value)
        self.value_label.setText(self.tr(
            "{name} = {value:.4f} (nudged by {offset:+.4f}): loss {loss:.6f}, accuracy "
            "{accuracy:.1f} % of {count} test images").format(
            name=self.weight_name(sweep), value=value, offset=float(sweep.offsets[i]),
            loss=float(sweep.loss[i]), accuracy=100 * float(sweep.accuracy[i]),
            count=self.batch_size()))
