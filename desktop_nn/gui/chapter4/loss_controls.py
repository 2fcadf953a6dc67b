"""The inputs of the "Why the loss" part: which network, which weight, how many images, how
far to nudge, and the slider; laid out around the part's two plots."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.network import PARAM_NAMES
from desktop_nn.gui.common.widgets import CompactSpinBox

#: The slider runs from -SLIDER_HALF to SLIDER_HALF: one sweep value per position.
SLIDER_HALF = 200
DEFAULT_REACH = 2.0
DEFAULT_BATCH = 100


class LossControls(QWidget):
    """Network, weight, batch, reach and the slider.

    Signals
    -------
    inputs_changed()
        Something that needs a new sweep changed.
    """

    inputs_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network_combo = QComboBox()
        self.network_combo.setObjectName("lossNetworkCombo")
        self.network_combo.addItem(self.tr("The window's model"), "current")
        self.network_combo.addItem(self.tr("A fresh network"), "fresh")
        self.network_combo.setToolTip(self.tr("The network trained in the Training tab (or "
                                               "loaded), or a new one with the book's initial "
                                               "weights."))
        self.key_combo = QComboBox()
        self.key_combo.setObjectName("lossWeightCombo")
        for key in PARAM_NAMES:
            self.key_combo.addItem(key, key)
        self.key_combo.setCurrentIndex(PARAM_NAMES.index("W2"))
        self.key_combo.setToolTip(self.tr("The parameter array; of its elements, the one with "
                                          "the largest gradient is nudged."))
        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("lossBatchSpin")
        self.batch_spin.setRange(10, 1000)
        self.batch_spin.setValue(DEFAULT_BATCH)
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setToolTip(self.tr("How many test images are scored."))
        self.reach_spin = CompactSpinBox(decimals=3)
        self.reach_spin.setObjectName("lossReachSpin")
        self.reach_spin.setRange(0.001, 100.0)
        self.reach_spin.setValue(DEFAULT_REACH)
        self.reach_spin.setKeyboardTracking(False)
        self.reach_spin.setToolTip(self.tr("How far the slider nudges the weight either way."))
        for combo in (self.network_combo, self.key_combo):
            combo.currentIndexChanged.connect(lambda _i: self.inputs_changed.emit())
        for spin in (self.batch_spin, self.reach_spin):
            spin.valueChanged.connect(lambda _v: self.inputs_changed.emit())
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("lossWeightSlider")
        self.slider.setRange(-SLIDER_HALF, SLIDER_HALF)
        self.slider.setValue(0)
        self.slider.setAccessibleName(self.tr("Nudge the weight"))
        self.slider.setToolTip(self.tr("Add to the weight, from minus to plus the reach."))
        self.value_label = QLabel()
        self.value_label.setObjectName("lossValueLabel")
        self.note_label = QLabel()
        self.note_label.setObjectName("lossNoteLabel")
        self.lesson_label = QLabel(self.tr(
            "The loss changes with every nudge of the weight; the accuracy only when one image's "
            "top class changes, in steps of one image, and is flat in between. Its derivative "
            "is zero almost everywhere, so it could not tell learning which way to go: that is "
            "why a network learns from its loss (section 4.2.5)."))
        self.lesson_label.setWordWrap(True)

    def lay_out(self, loss_plot: QWidget, accuracy_plot: QWidget) -> None:
        row = QHBoxLayout()
        pairs = [(self.tr("Net&work:"), self.network_combo),
                 (self.tr("Weight:"), self.key_combo),
                 (self.tr("Images:"), self.batch_spin),
                 (self.tr("Reach ±"), self.reach_spin)]
        for text, widget in pairs:
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.note_label, 1)
        nudge = QHBoxLayout()
        nudge_label = QLabel(self.tr("&Nudge:"))
        nudge_label.setBuddy(self.slider)
        nudge.addWidget(nudge_label)
        nudge.addWidget(self.slider, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(loss_plot)
        splitter.addWidget(accuracy_plot)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(nudge)
        layout.addWidget(self.value_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.lesson_label)

    def uses_current(self) -> bool:
        return self.network_combo.currentData() == "current"

    def key(self) -> str:
        return self.key_combo.currentData()

    def batch_size(self) -> int:
        return self.batch_spin.value()

    def reach(self) -> float:
        return self.reach_spin.value()

    def hideable(self) -> list[QWidget]:
        return [self.network_combo, self.key_combo, self.batch_spin, self.reach_spin,
                self.slider]
