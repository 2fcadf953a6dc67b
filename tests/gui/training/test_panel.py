"""The hyperparameter panel on its own: gradient and precision, presets."""

from __future__ import annotations

import pytest

from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.training.panel import PRESET_FIELDS, PRESETS, HyperparameterPanel

BOOK = "Book ch.5 (hidden 50, lr 0.1)"


@pytest.fixture
def panel(qtbot):
    widget = HyperparameterPanel()
    qtbot.addWidget(widget)
    return widget


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_panel_starts_from_the_command_lines_defaults(panel):
    assert panel.config() == TrainConfig()
    assert panel.config().seed == 0


def test_numerical_gradient_chosen_in_float32_switches_to_float64_without_an_error(panel):
    assert panel.config().dtype == "float32"
    seen = []
    panel.config_changed.connect(lambda: seen.append(panel.config()))
    choose(panel.gradient_combo, "numerical")  # an error in a slot fails the test (pytest-qt)
    assert panel.precision_combo.currentData() == "float64"
    assert not panel.precision_combo.isEnabled()
    assert seen and all(config.dtype == "float64" for config in seen)
    assert panel.config().gradient == "numerical"


def test_a_preset_sets_every_field_it_stands_for(panel):
    choose(panel.gradient_combo, "numerical")
    panel.train_size_spin.setValue(5000)
    panel.batch_size_spin.setValue(32)
    panel.iters_spin.setValue(77)
    choose(panel.weight_init_combo, "he")
    choose(panel.activation_combo, "sigmoid")
    choose(panel.optimizer_combo, "adam")
    choose(panel.sampling_combo, "shuffle")
    panel.learning_rate_spin.setValue(0.03)
    panel.hidden_size_spin.setValue(20)
    panel.seed_spin.setValue(7)
    assert panel.preset_combo.currentData() == "Custom"

    choose(panel.preset_combo, BOOK)
    config = panel.config()
    for field in PRESET_FIELDS:
        assert getattr(config, field) == getattr(PRESETS[BOOK], field), field
    assert config.dtype == "float32" and config.gradient == "backprop"
    assert config.train_size is None  # all 60,000 images, as the book trains
    assert config.seed == 7 and config.dataset == "mnist"  # not part of any preset
    assert panel.precision_combo.isEnabled()
    assert panel.preset_combo.currentData() == BOOK


def test_a_preset_no_longer_matches_once_its_precision_changes(panel):
    choose(panel.preset_combo, BOOK)
    choose(panel.precision_combo, "float64")
    assert panel.preset_combo.currentData() == "Custom"
    choose(panel.precision_combo, "float32")
    assert panel.preset_combo.currentData() == BOOK


@pytest.mark.parametrize(("field", "spin"), [("learning_rate", "learning_rate_spin"),
                                             ("weight_init_std", "weight_init_std_spin")])
def test_the_panels_ranges_are_the_cores(panel, field, spin):
    from desktop_nn.core.training import LIMITS

    box = getattr(panel, spin)
    assert (box.minimum(), box.maximum()) == LIMITS[field]
    for value in LIMITS[field]:  # a model trained on the command line shows what it used
        panel.set_config(TrainConfig(**{field: value}))
        assert getattr(panel.config(), field) == value


def test_rates_are_shown_with_four_decimals_or_as_many_as_they_need(panel):
    box = panel.learning_rate_spin
    assert box.textFromValue(0.1) == "0.1000"
    assert box.textFromValue(0.00015) == "0.00015"
    assert box.textFromValue(1e-6) == "0.000001"
    assert box.valueFromText("0.000025") == pytest.approx(2.5e-5)
    assert box.textFromValue(1000.0) == "1000.0000"  # no group separator, as Qt's own box


@pytest.mark.parametrize("seed", [0, 2**31 - 1, 2**31, 3_141_592_653, 2**32 - 1])
def test_every_seed_the_core_takes_round_trips_through_the_panel(panel, seed):
    """A run with a drawn seed (up to 2**32 - 1, as the command line takes) can be repeated
    from its settings: the box once stopped at 2**31 - 1 and changed such a seed silently."""
    panel.set_config(TrainConfig(seed=seed))
    assert panel.config().seed == seed and isinstance(panel.config().seed, int)
    assert panel.seed_spin.text() == str(seed)


def test_a_seed_typed_in_the_box_is_taken_whole(panel, qtbot):
    from PySide6.QtCore import Qt

    panel.seed_spin.selectAll()
    qtbot.keyClicks(panel.seed_spin, "4294967295")
    qtbot.keyClick(panel.seed_spin, Qt.Key.Key_Return)
    assert panel.config().seed == 4_294_967_295
    panel.seed_spin.selectAll()
    qtbot.keyClicks(panel.seed_spin, "4294967296")  # one too many: the box does not take it
    qtbot.keyClick(panel.seed_spin, Qt.Key.Key_Return)
    assert panel.config().seed <= 4_294_967_295
    panel.seed_spin.setValue(panel.seed_spin.minimum())
    assert panel.seed_spin.text() == "random" and panel.config().seed is None
