"""A random test image, the network's guess and its probabilities (the book's sanity check)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from desktop_nn.core.functions import softmax
from desktop_nn.gui.common.class_names import display_class_names
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.widgets import DigitView, ProbabilityBars, StatusLabel


class SamplePreview(QGroupBox):
    """Shows one test image with the current model's guess; updates as the weights change."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sample"))
        self.setObjectName("samplePreview")
        self.state = state
        self.rng = np.random.default_rng()
        self.index: int | None = None

        self.digit = DigitView(scale=5)
        self.digit.setAccessibleName(self.tr("Test image"))
        self.caption = StatusLabel(self.tr("Loading the test images…"), lines=3)
        self.bars = ProbabilityBars()
        self.bars.setAccessibleName(self.tr("The network's probability for each class"))
        self.next_button = QPushButton(self.tr("Another one"))
        self.next_button.setObjectName("nextSampleButton")
        add_command_key(self.next_button, "Ctrl+Shift+N")
        self.next_button.setToolTip(
            self.tr("Show another random image from the test set ({key}).").format(
                key=key_text("Ctrl+Shift+N"))
        )
        self.next_button.clicked.connect(self.show_random)
        self.next_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.digit)
        layout.addWidget(self.caption)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.next_button)

        state.data_changed.connect(self.show_random)
        state.model_changed.connect(self.refresh)
        state.params_updated.connect(self.refresh)

    @Slot()
    def show_random(self) -> None:
        if self.state.data is None:
            return
        self.next_button.setEnabled(True)
        x_test = self.state.data[1][0]
        self.index = int(self.rng.integers(len(x_test)))
        self.digit.set_pixels(x_test[self.index].reshape(28, 28))
        self.bars.labels = display_class_names(self.state.dataset_name)
        self.refresh()

    def current_prediction(self) -> tuple[int, np.ndarray] | None:
        """The guess and probabilities for the shown image, or None without a model."""
        network = self.state.network
        if self.index is None or network is None or self.state.data is None:
            return None
        x = self.state.data[1][0][self.index]
        with np.errstate(all="ignore"):
            probabilities = softmax(network.predict(x[np.newaxis])[0].astype(np.float64))
        if not np.all(np.isfinite(probabilities)):
            return None
        return int(np.argmax(probabilities)), probabilities

    @Slot()
    def refresh(self) -> None:
        if self.index is None or self.state.data is None:
            return
        labels = display_class_names(self.state.dataset_name)
        true_class = int(self.state.data[1][1][self.index])
        prediction = self.current_prediction()
        if prediction is None:
            self.caption.setText(
                self.tr("Test image {index}: a {label}. Start training to see the network's "
                        "guess.").format(index=f"{self.index:,}", label=labels[true_class]))
            self.bars.set_probabilities(None, true_class)
            return
        guess, probabilities = prediction
        if guess == true_class:
            text = self.tr("Test image {index}: guess {guess} ({probability}), true {label}: "
                           "right")
        else:
            text = self.tr("Test image {index}: guess {guess} ({probability}), true {label}: "
                           "wrong")
        self.caption.setText(text.format(
            index=f"{self.index:,}", guess=labels[guess],
            probability=f"{100 * probabilities[guess]:.1f}%", label=labels[true_class]))
        self.bars.set_probabilities(probabilities, true_class)
