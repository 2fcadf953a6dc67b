"""The Layer graph tab's controls: which network on which batch, and the stepper's buttons.

The stepping keys are the Computation graph tab's (F7 forward, F8 backward, F9 back): each
lives in a shortcut owned by its button (:func:`~desktop_nn.gui.common.shortcuts.add_command_key`),
which Qt only lets fire while the button is visible, so the key steps the graph of the tab that
is shown and never both.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_nn.graph import LayerGraph, Phase
from desktop_nn.graph.layer_nets import DEFAULT_SAMPLES, MAX_SAMPLES
from desktop_nn.gui.common.flow import FlowLayout
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.layers.detail import number

SHORTCUTS = {"forward": "F7", "backward": "F8", "back": "F9"}
#: The networks of the combo box, by the data of their item.
NETS = ("simple", "current", "fresh")
MAX_SEED = 2**31 - 1


def command_button(name: str, text: str, tooltip: str, key: str | None = None) -> QPushButton:
    """A button with an object name, a tooltip and, if ``key`` names one, its command key."""
    button = QPushButton(text)
    button.setObjectName(name)
    if key is not None:
        add_command_key(button, SHORTCUTS[key])
        tooltip += f" ({key_text(SHORTCUTS[key])})"
    button.setToolTip(tooltip)
    return button


class NetChooser(QWidget):
    """The network (simpleNet, the current model, a fresh one), the samples and the seed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.net_combo = QComboBox()
        self.net_combo.setObjectName("layerNetCombo")
        self.net_combo.addItem(self.tr("simpleNet (section 4.4.2)"), "simple")
        self.net_combo.addItem(self.tr("MNIST: the current model"), "current")
        self.net_combo.addItem(self.tr("MNIST: a fresh network from a seed"), "fresh")
        self.net_combo.setToolTip(self.tr(
            "The book's simpleNet (2 inputs, 3 outputs, every number on screen), or TwoLayerNet "
            "on the first training images: the model of the Training tab or a fresh one."))
        self.net_label = QLabel(self.tr("&Network:"))
        self.net_label.setBuddy(self.net_combo)
        self.samples_spin = QSpinBox()
        self.samples_spin.setObjectName("layerSamplesSpin")
        self.samples_spin.setRange(1, MAX_SAMPLES)
        self.samples_spin.setValue(DEFAULT_SAMPLES)
        self.samples_spin.setToolTip(self.tr("How many training images the batch holds (N)."))
        self.samples_label = QLabel(self.tr("I&mages N:"))
        self.samples_label.setBuddy(self.samples_spin)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("layerSeedSpin")
        self.seed_spin.setRange(0, MAX_SEED)
        self.seed_spin.setToolTip(self.tr("The seed a fresh network's weights are drawn from."))
        self.seed_label = QLabel(self.tr("&Seed:"))
        self.seed_label.setBuddy(self.seed_spin)
        self.source_label = QLabel()
        self.source_label.setObjectName("layerSourceLabel")
        self.source_label.setWordWrap(True)
        # One row when there is room, wrapped at a large zoom in a small window; each box
        # stays beside its label.
        row = FlowLayout(self)
        for label, box in ((self.net_label, self.net_combo), (self.samples_label,
                                                              self.samples_spin),
                           (self.seed_label, self.seed_spin)):
            pair = QWidget()
            pair_row = QHBoxLayout(pair)
            pair_row.setContentsMargins(0, 0, 0, 0)
            pair_row.addWidget(label)
            pair_row.addWidget(box)
            row.addWidget(pair)
        row.addWidget(self.source_label)
        self.row = row

    def net(self) -> str:
        return self.net_combo.currentData()

    def show_choice(self) -> None:
        """Enable the boxes that apply to the chosen network."""
        net = self.net()
        self.samples_spin.setEnabled(net != "simple")
        self.seed_spin.setEnabled(net == "fresh")


class LayerStepper(QWidget):
    """Forward step, Backward step, Step back, Run all, Reset, and Fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forward_button = command_button(
            "layerForwardStepButton", self.tr("For&ward step"),
            self.tr("Run the next layer forward"), "forward")
        self.backward_button = command_button(
            "layerBackwardStepButton", self.tr("&Backward step"),
            self.tr("Pass the gradient back through the next layer (after the forward pass)"),
            "backward")
        self.step_back_button = command_button(
            "layerStepBackButton", self.tr("Step bac&k"),
            self.tr("Undo the last step, forward or backward"), "back")
        self.run_all_button = command_button(
            "layerRunAllButton", self.tr("R&un all"),
            self.tr("Finish the forward and the backward pass at once"))
        self.reset_button = command_button(
            "layerResetButton", self.tr("&Reset"),
            self.tr("Back to the start: only the data and the parameters are known"))
        self.fit_button = command_button(
            "layerFitButton", self.tr("Fit &all"),
            self.tr("Fit the whole network into the view again (Ctrl+wheel zooms)"))
        # Two lines that wrap: the row fits a 1024-pixel screen in every language.
        self.step_label = StatusLabel(lines=2)
        self.step_label.setObjectName("layerStepLabel")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.forward_button, self.backward_button, self.step_back_button,
                       self.run_all_button, self.reset_button):
            row.addWidget(button)
        row.addSpacing(12)
        row.addWidget(self.step_label, 1)

    def show_graph(self, graph: LayerGraph) -> None:
        """Enable the steps ``graph`` can take now and say where it stands."""
        position, total, forward_done = graph.position, graph.step_count, graph.forward_done
        self.forward_button.setEnabled(not forward_done)
        self.backward_button.setEnabled(forward_done and position < total)
        self.step_back_button.setEnabled(position > 0)
        self.run_all_button.setEnabled(position < total)
        self.reset_button.setEnabled(position > 0)
        self.step_label.setText(self.step_text(graph))

    def step_text(self, graph: LayerGraph) -> str:
        """What the last step did, and what the next one does."""
        if graph.phase is Phase.IDLE:
            return self.tr("Ready: Forward step (F7) runs the first layer.")
        if graph.phase is Phase.DONE:
            return self.tr("Done: L = {loss}; every gradient is shown in red.").format(
                loss=number(graph.loss))
        name = graph.active
        if graph.phase is Phase.FORWARD:
            if graph.forward_done:
                return self.tr("Forward pass done: L = {loss}. Backward step (F8) starts the "
                               "backward pass.").format(loss=number(graph.loss))
            output = graph.layer(name).output
            return self.tr("Forward: {layer} computed {array}.").format(layer=name, array=output)
        return self.tr("Backward: {layer} passed the gradient back.").format(layer=name)
