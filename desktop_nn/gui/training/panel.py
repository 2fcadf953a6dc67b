"""The hyperparameter panel: every field of a :class:`TrainConfig`, with presets and tooltips.

Ranges come from the core's ``LIMITS``, so the panel cannot produce an invalid configuration.
While a run is going, the structural settings are locked; the learning rate stays live.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.network import ACTIVATION_TITLES
from desktop_nn.core.optimizers import OPTIMIZER_TITLES
from desktop_nn.core.training import LIMITS, MNIST_TRAIN_SIZE, TrainConfig
from desktop_nn.gui.common.whole_spin import WholeNumberSpinBox
from desktop_nn.gui.common.widgets import CompactSpinBox

#: Presets: an English name (the key; translated only for display) and the configuration it
#: stands for. A preset sets every one of ``PRESET_FIELDS``; the seed and the dataset stay.
PRESETS: dict[str, TrainConfig] = {
    QT_TRANSLATE_NOOP("HyperparameterPanel", "Book ch.5 (hidden 50, lr 0.1)"): TrainConfig(
        hidden_size=50, learning_rate=0.1),
    QT_TRANSLATE_NOOP("HyperparameterPanel", "Hidden 100, lr 0.5"): TrainConfig(
        hidden_size=100, learning_rate=0.5),
}
#: Every field a preset sets: all the panel shows except the seed and the dataset.
PRESET_FIELDS = ("hidden_size", "learning_rate", "batch_size", "iters", "weight_init_std",
                 "activation", "optimizer", "gradient", "sampling", "dtype", "train_size")
CUSTOM_PRESET = QT_TRANSLATE_NOOP("HyperparameterPanel", "Custom")
SEED_RANDOM = -1
QT_INT_MAX = 2**31 - 1


def _titled(titles: dict[str, str]) -> list[tuple[str, str]]:
    """Combo items (title, key) from the core's titles, in the core's order."""
    return [(title, key) for key, title in titles.items()]


def _combo(name: str, items: list[tuple[str, str]], tooltip: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for label, value in items:
        combo.addItem(label, value)
    combo.setToolTip(tooltip)
    return combo


def _spin(name: str, low: int, high: int, tooltip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setGroupSeparatorShown(True)
    spin.setToolTip(tooltip)
    spin.setAccelerated(True)
    return spin


def _double_spin(name: str, low: float, high: float, tooltip: str) -> QDoubleSpinBox:
    # Six decimals (the core allows 1e-6), four of them always written: '0.1000'.
    spin = CompactSpinBox(decimals=6, shown=4)
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    spin.setToolTip(tooltip)
    return spin


def preset_title(name: str) -> str:
    """The name of a preset (or ``CUSTOM_PRESET``) in the window's language."""
    return QCoreApplication.translate("HyperparameterPanel", name)


def _set_combo_value(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class HyperparameterPanel(QWidget):
    """Edits a :class:`TrainConfig`.

    Signals
    -------
    config_changed()
        Any field changed (used to save the settings and to mark the preset "Custom").
    learning_rate_changed(float)
        The learning rate changed (applied live to a running training).
    dataset_changed(str)
        The dataset choice changed ("mnist" or "fashion-mnist").
    """

    config_changed = Signal()
    learning_rate_changed = Signal(float)
    dataset_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hyperparameterPanel")
        self._applying_preset = False
        self._build_data_and_network_fields()
        self._build_training_fields()

        self._structural = [
            self.preset_combo, self.dataset_combo, self.train_size_spin,
            self.hidden_size_spin, self.activation_combo, self.weight_init_combo,
            self.weight_init_std_spin, self.batch_size_spin, self.iters_spin,
            self.optimizer_combo, self.gradient_combo, self.sampling_combo,
            self.precision_combo, self.seed_spin,
        ]
        self._build_layout()
        self.set_config(TrainConfig())  # the command line's defaults, seed 0 included
        self._connect()

    def _build_data_and_network_fields(self) -> None:
        # The presets' English names are the item data; the items show them translated.
        self.preset_combo = _combo(
            "presetCombo",
            [(preset_title(name), name) for name in (CUSTOM_PRESET, *PRESETS)],
            self.tr("Fill in a configuration from the book: chapter 5's network, or the larger "
                    "one with a higher learning rate that reaches about 98% on the test set."),
        )
        self.dataset_combo = _combo(
            "datasetCombo",
            [(self.tr("MNIST (bundled)"), "mnist"),
             (self.tr("Fashion-MNIST (download)"), "fashion-mnist")],
            self.tr("The images to learn from: handwritten digits (shipped with the app) or "
                    "Zalando's clothing pictures in the same format (downloaded once, about "
                    "30 MB)."),
        )
        self.train_size_spin = _spin(
            "trainSizeSpin", 1, MNIST_TRAIN_SIZE,
            self.tr("How many training images to learn from (a random subset); fewer images "
                    "train faster but generalise worse."),
        )
        self.hidden_size_spin = _spin(
            "hiddenSizeSpin", *LIMITS["hidden_size"],
            self.tr("Number of neurons in the hidden layer (the book uses 50)."),
        )
        self.activation_combo = _combo(
            "activationCombo", _titled(ACTIVATION_TITLES),
            self.tr("The hidden layer's activation function: ReLU (chapter 5's network) or the "
                    "sigmoid of chapter 4."),
        )
        self.weight_init_combo = _combo(
            "weightInitCombo",
            [(self.tr("Gaussian, std"), "std"), ("He", "he"), ("Xavier", "xavier")],
            self.tr("How the initial weights are drawn: a Gaussian with the standard deviation "
                    "on the right (the book's 0.01), or scaled by the layer's inputs (He for "
                    "ReLU, Xavier for sigmoid)."),
        )
        self.weight_init_std_spin = _double_spin(
            "weightInitStdSpin", *LIMITS["weight_init_std"],
            self.tr("Standard deviation of the Gaussian initial weights (the book's "
                    "weight_init_std)."),
        )
        self.weight_init_std_spin.setAccessibleName(
            self.tr("Standard deviation of the initial weights"))

    def _build_training_fields(self) -> None:
        self.learning_rate_spin = _double_spin(
            "learningRateSpin", *LIMITS["learning_rate"],
            self.tr("How far each update moves the weights along the negative gradient; it can "
                    "be changed while training runs."),
        )
        # A typed rate counts once it is complete (Enter or leaving the box), not digit by
        # digit: a running training would otherwise take every intermediate value.
        self.learning_rate_spin.setKeyboardTracking(False)
        self.batch_size_spin = _spin(
            "batchSizeSpin", *LIMITS["batch_size"],
            self.tr("Images per mini-batch: each update uses the gradient averaged over this "
                    "many."),
        )
        self.iters_spin = _spin(
            "itersSpin", 1, min(int(LIMITS["iters"][1]), QT_INT_MAX),
            self.tr("Number of updates (the book's iters_num); one epoch is training size / "
                    "batch size iterations."),
        )
        self.optimizer_combo = _combo(
            "optimizerCombo",
            _titled(OPTIMIZER_TITLES),
            self.tr("The update rule: plain stochastic gradient descent as in chapters 4-5, or "
                    "the chapter-6 methods for comparison."),
        )
        self.gradient_combo = _combo(
            "gradientCombo",
            [(self.tr("Backpropagation"), "backprop"),
             (self.tr("Numerical (very slow)"), "numerical")],
            self.tr("How the gradient is computed: backpropagation (chapter 5) or central "
                    "differences (chapter 4), thousands of times slower."),
        )
        self.sampling_combo = _combo(
            "samplingCombo",
            [(self.tr("Random, with replacement (book)"), "replacement"),
             (self.tr("Shuffle each epoch"), "shuffle")],
            self.tr("How mini-batches are drawn: independently at random as the book does, or "
                    "by walking through a fresh shuffle of the training set every epoch."),
        )
        self.precision_combo = _combo(
            "precisionCombo",
            [(self.tr("float32 (fast)"), "float32"),
             (self.tr("float64 (as in the book)"), "float64")],
            self.tr("Floating-point precision of the weights: float32 is about twice as fast; "
                    "the results are practically the same."),
        )
        # Every seed the core takes (up to 2**32 - 1, as the command line), not only the 31
        # bits of a QSpinBox: a run with a drawn seed can be repeated from its settings.
        self.seed_spin = WholeNumberSpinBox(SEED_RANDOM, int(LIMITS["seed"][1]))
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setToolTip(self.tr(
            "Random seed for the initial weights and the batches: the same seed repeats a run "
            "exactly; 'random' draws a new one each time."))
        self.seed_spin.setAccelerated(True)
        self.seed_spin.setSpecialValueText(self.tr("random"))
        self.seed_spin.setGroupSeparatorShown(False)

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        presets = QFormLayout()
        presets.addRow(self.tr("&Preset:"), self.preset_combo)
        outer.addLayout(presets)

        data_box = QGroupBox(self.tr("Data"))
        data_form = QFormLayout(data_box)
        data_form.addRow(self.tr("Dataset:"), self.dataset_combo)
        data_form.addRow(self.tr("Training images:"), self.train_size_spin)
        outer.addWidget(data_box)

        network_box = QGroupBox(self.tr("Network"))
        network_form = QFormLayout(network_box)
        network_form.addRow(self.tr("Hidden la&yer size:"), self.hidden_size_spin)
        network_form.addRow(self.tr("Activati&on:"), self.activation_combo)
        init_row = QHBoxLayout()
        init_row.addWidget(self.weight_init_combo, 1)
        init_row.addWidget(self.weight_init_std_spin, 1)
        init_label = QLabel(self.tr("&Weight init:"))
        init_label.setBuddy(self.weight_init_combo)
        network_form.addRow(init_label, init_row)
        outer.addWidget(network_box)

        training_box = QGroupBox(self.tr("Training"))
        training_form = QFormLayout(training_box)
        training_form.addRow(self.tr("Learning &rate:"), self.learning_rate_spin)
        training_form.addRow(self.tr("&Batch size:"), self.batch_size_spin)
        training_form.addRow(self.tr("Iteratio&ns:"), self.iters_spin)
        training_form.addRow(self.tr("Optimi&zer:"), self.optimizer_combo)
        training_form.addRow(self.tr("Gr&adient:"), self.gradient_combo)
        training_form.addRow(self.tr("Sa&mpling:"), self.sampling_combo)
        training_form.addRow(self.tr("Precision:"), self.precision_combo)
        training_form.addRow(self.tr("&Seed:"), self.seed_spin)
        outer.addWidget(training_box)
        outer.addStretch(1)

    def _connect(self) -> None:
        for spin in (self.train_size_spin, self.hidden_size_spin, self.batch_size_spin,
                     self.iters_spin, self.seed_spin):
            spin.valueChanged.connect(self._on_edited)
        for spin in (self.weight_init_std_spin, self.learning_rate_spin):
            spin.valueChanged.connect(self._on_edited)
        for combo in (self.dataset_combo, self.activation_combo, self.weight_init_combo,
                      self.optimizer_combo, self.gradient_combo, self.sampling_combo,
                      self.precision_combo):
            combo.currentIndexChanged.connect(self._on_edited)
        self.learning_rate_spin.valueChanged.connect(self.learning_rate_changed)
        self.dataset_combo.currentIndexChanged.connect(
            lambda: self.dataset_changed.emit(self.dataset_combo.currentData())
        )
        self.weight_init_combo.currentIndexChanged.connect(self._update_enabled)
        self.gradient_combo.currentIndexChanged.connect(self._on_gradient_changed)
        self.preset_combo.currentIndexChanged.connect(self._on_preset)

    # -- config <-> widgets ------------------------------------------------------------------
    def config(self) -> TrainConfig:
        """Return the configuration shown (seed None when 'random')."""
        init = self.weight_init_combo.currentData()
        train_size = self.train_size_spin.value()
        seed = self.seed_spin.value()
        gradient = self.gradient_combo.currentData()
        # The numerical gradient needs float64, whatever the precision box still says while
        # the change of gradient is being handled.
        dtype = "float64" if gradient == "numerical" else self.precision_combo.currentData()
        return TrainConfig(
            hidden_size=self.hidden_size_spin.value(),
            learning_rate=round(self.learning_rate_spin.value(), 6),
            batch_size=self.batch_size_spin.value(),
            iters=self.iters_spin.value(),
            weight_init_std=(
                round(self.weight_init_std_spin.value(), 6) if init == "std" else init
            ),
            activation=self.activation_combo.currentData(),
            optimizer=self.optimizer_combo.currentData(),
            gradient=gradient,
            seed=None if seed == SEED_RANDOM else seed,
            train_size=None if train_size >= self.train_size_spin.maximum() else train_size,
            sampling=self.sampling_combo.currentData(),
            dtype=dtype,
            dataset=self.dataset_combo.currentData(),
        )

    def set_config(self, config: TrainConfig) -> None:
        """Show ``config`` in the widgets."""
        self._applying_preset = True
        try:
            self.hidden_size_spin.setValue(config.hidden_size)
            self.learning_rate_spin.setValue(config.learning_rate)
            self.batch_size_spin.setValue(config.batch_size)
            self.iters_spin.setValue(min(config.iters, self.iters_spin.maximum()))
            if isinstance(config.weight_init_std, str):
                _set_combo_value(self.weight_init_combo, config.weight_init_std)
            else:
                _set_combo_value(self.weight_init_combo, "std")
                self.weight_init_std_spin.setValue(config.weight_init_std)
            _set_combo_value(self.activation_combo, config.activation)
            _set_combo_value(self.optimizer_combo, config.optimizer)
            _set_combo_value(self.gradient_combo, config.gradient)
            _set_combo_value(self.sampling_combo, config.sampling)
            _set_combo_value(self.precision_combo, config.dtype)
            _set_combo_value(self.dataset_combo, config.dataset)
            self.seed_spin.setValue(SEED_RANDOM if config.seed is None else config.seed)
            self.train_size_spin.setValue(
                self.train_size_spin.maximum() if config.train_size is None else config.train_size
            )
            _set_combo_value(self.preset_combo, self._matching_preset(config))
        finally:
            self._applying_preset = False
        self._update_enabled()

    def _matching_preset(self, config: TrainConfig) -> str:
        for name, preset in PRESETS.items():
            if all(getattr(config, f) == getattr(preset, f) for f in PRESET_FIELDS):
                return name
        return CUSTOM_PRESET

    # -- reactions ---------------------------------------------------------------------------
    @Slot()
    def _on_edited(self) -> None:
        if not self._applying_preset:
            self._applying_preset = True
            try:
                _set_combo_value(self.preset_combo, self._matching_preset(self.config()))
            finally:
                self._applying_preset = False
        self.config_changed.emit()

    @Slot()
    def _on_preset(self) -> None:
        if self._applying_preset:
            return
        name = self.preset_combo.currentData()  # the English key, whatever the language
        if name in PRESETS:
            current = self.config()
            self.set_config(PRESETS[name].replace(seed=current.seed, dataset=current.dataset))
            self.config_changed.emit()

    @Slot()
    def _on_gradient_changed(self) -> None:
        # Central differences in float32 are noise: the numerical gradient needs float64.
        if self.gradient_combo.currentData() == "numerical":
            _set_combo_value(self.precision_combo, "float64")
        self._update_enabled()

    def _update_enabled(self) -> None:
        locked = getattr(self, "_locked", False)
        self.weight_init_std_spin.setEnabled(
            not locked and self.weight_init_combo.currentData() == "std"
        )
        self.precision_combo.setEnabled(
            not locked and self.gradient_combo.currentData() != "numerical"
        )

    def set_running(self, running: bool) -> None:
        """Lock the structural settings while a run is going; the learning rate stays live."""
        self._locked = running
        for widget in self._structural:
            widget.setEnabled(not running)
        self._update_enabled()

    def set_train_size_maximum(self, maximum: int) -> None:
        """Match the subset spin box to the loaded dataset's training set size."""
        at_max = self.train_size_spin.value() >= self.train_size_spin.maximum()
        self.train_size_spin.setMaximum(maximum)
        if at_max:
            self.train_size_spin.setValue(maximum)
