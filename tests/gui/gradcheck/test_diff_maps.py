"""The gradient check's heat maps of |numerical − backprop|, one per parameter."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from desktop_nn.core.gradient import gradient_check
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.graph import training_batch
from desktop_nn.gui.gradcheck.diff_maps import DiffMapsBox
from desktop_nn.gui.gradcheck.texts import format_sci


@pytest.fixture(scope="module")
def result():
    x, t = training_batch(2)
    return gradient_check(TwoLayerNet(784, 5, 10, seed=2), x, t), x


@pytest.fixture
def box(qtbot, result):
    widget = DiffMapsBox()
    qtbot.addWidget(widget)
    widget.resize(360, 320)
    widget.show()
    widget.show_result(result[0])
    return widget


def test_each_map_shows_its_parameters_differences(box, result):
    check, _ = result
    for name in ("W1", "b1", "W2", "b2"):
        view = box.maps[name]
        np.testing.assert_array_equal(view.values, check.abs_diff[name])
        np.testing.assert_array_equal(
            check.abs_diff[name], np.abs(check.numerical[name] - check.backprop[name]))
        assert box.labels[name].text() == f"{name}: 0 to {format_sci(check.abs_diff[name].max())}"
    assert box.maps["W1"].layout_of.tile_axis == 1  # one 28×28 tile per hidden unit
    assert box.maps["W1"].layout_of.tiles == 5


def test_a_pixel_black_in_every_image_is_white_in_w1s_tiles(box, result):
    check, x = result
    view = box.maps["W1"]
    pixel = int(np.flatnonzero(np.all(x == 0, axis=0))[0])  # a corner of the images
    assert np.all(check.abs_diff["W1"][pixel] == 0)
    x0, y0 = view.layout_of.position_of((pixel, 3))
    assert view._image.pixelColor(x0, y0).name() == "#ffffff"


def test_hovering_names_the_element(box, result):
    check, _ = result
    view = box.maps["W2"]
    rect = view.picture_rect()
    width, height = view.layout_of.size
    point = QPointF(rect.left() + rect.width() * 7.5 / width,
                    rect.top() + rect.height() * 2.5 / height)
    assert view.index_at(point) == (2, 7)
    assert view.element_text((2, 7)) == f"W2[2, 7] = {check.abs_diff['W2'][2, 7]:.3g}"
    assert view.index_at(QPointF(-5, -5)) is None


def test_the_window_draws_the_maps_after_a_check(window, qtbot):
    tab = window.gradcheck_tab
    tab.samples_spin.setValue(2)
    tab.hidden_spin.setValue(5)
    assert tab.diff_maps.maps["W1"].values is None
    with qtbot.waitSignal(tab.check_ended, timeout=60_000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(tab.diff_maps.maps["b2"].values, tab.result.abs_diff["b2"])
    assert tab.diff_maps.maps["W1"].values.shape == (784, 5)
