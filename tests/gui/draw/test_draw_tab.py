"""The Draw tab: strokes with the mouse, Clear, pen width, and real MNIST digits on the canvas."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QSlider

from desktop_nn.core.blas import blas_threads
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.draw.canvas import CANVAS_SIZE, DEFAULT_PEN_WIDTH
from desktop_nn.gui.draw.tab import EMPTY_HINT, NO_MODEL_HINT, UPDATE_HZ, DrawTab
from desktop_nn.image_files import save_grey
from tests.gui.messages import last_message

#: Test images painted onto the canvas: the first of each of five classes (all different).
DIGIT_INDICES = (0, 1, 2, 3, 4)


def mnemonic_keys(texts) -> list[str]:
    """The Alt+letter keys of texts with an ampersand (&& is a literal one)."""
    keys = []
    for text in texts:
        position = text.replace("&&", "").find("&")
        if position >= 0:
            keys.append(text.replace("&&", "")[position + 1].lower())
    return keys


@pytest.fixture(scope="module")
def trained(mnist):
    """Parameters and config of a network trained briefly (2,000 iterations, ~93% accuracy)."""
    config = TrainConfig(iters=2000, seed=0)
    trainer = Trainer(config, mnist)
    with blas_threads():
        for _ in range(config.iters):
            trainer.train_step()
    return trainer.network.copy_params(), trainer.config


def network_from(params) -> TwoLayerNet:
    network = TwoLayerNet(784, params["W1"].shape[1], 10, dtype=params["W1"].dtype, seed=0)
    network.set_params(params)
    return network


@pytest.fixture
def state(qtbot, mnist):
    state = AppState()
    state.data, state.dataset_name = mnist, "mnist"
    return state


@pytest.fixture
def tab(qtbot, state):
    tab = DrawTab(state)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def model_tab(tab, trained):
    params, config = trained
    tab.state.set_model(network_from(params), config)
    return tab


def drag(qtbot, canvas, points) -> None:
    """Press, move through ``points`` (image pixels) and release, as a mouse would."""
    widget_points = [canvas.widget_point(QPointF(*p)).toPoint() for p in points]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=widget_points[0])
    for point in widget_points[1:]:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=widget_points[-1])


def one_stroke(qtbot, canvas) -> None:
    """A '1': one vertical stroke down the middle."""
    drag(qtbot, canvas, [(140, y) for y in range(50, 231, 10)])


def enlarged(digit: np.ndarray) -> np.ndarray:
    """A 28x28 MNIST digit as a 280x280 bitmap (each pixel a 10x10 block)."""
    return np.kron(digit.reshape(28, 28), np.ones((10, 10)))


def test_names_tooltips_and_defaults(tab):
    assert tab.findChild(object, "drawCanvas") is tab.canvas
    assert tab.findChild(QPushButton, "drawClearButton") is tab.clear_button
    assert tab.findChild(object, "drawPredictionView") is tab.prediction_view
    for widget in (*tab.findChildren(QPushButton), *tab.findChildren(QSlider), tab.canvas):
        assert widget.toolTip().strip(), f"{widget.objectName()} has no tooltip"
    assert tab.pen_slider.value() == DEFAULT_PEN_WIDTH
    assert tab.canvas.width() >= CANVAS_SIZE and tab.canvas.height() >= CANVAS_SIZE
    assert tab.prediction_view.prediction() is None


def test_strokes_make_ink_and_a_prediction(model_tab, qtbot):
    canvas = model_tab.canvas
    assert canvas.is_empty() and canvas.pixels().max() == 0
    one_stroke(qtbot, canvas)
    ink = canvas.pixels()
    assert not canvas.is_empty()
    assert ink.max() == pytest.approx(1.0)
    assert ink[50:230, 130:150].mean() > 0.9  # the stroke's core is solid white
    assert ink[:, :100].max() == 0  # and nothing far from it
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() is not None, timeout=30_000)
    assert model_tab.prediction_view.prediction() == 1
    seen = model_tab.network_input
    assert seen.shape == (28, 28) and seen.max() > 0.9
    probabilities = model_tab.prediction_view.probabilities
    assert probabilities.sum() == pytest.approx(1.0)
    assert "sure" in model_tab.prediction_view.hint()


def test_clear_empties_the_canvas_and_asks_for_a_digit(model_tab, qtbot):
    one_stroke(qtbot, model_tab.canvas)
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() is not None, timeout=30_000)
    qtbot.mouseClick(model_tab.clear_button, Qt.MouseButton.LeftButton)
    assert model_tab.canvas.is_empty() and model_tab.canvas.pixels().max() == 0
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() is None, timeout=30_000)
    assert model_tab.prediction_view.hint() == EMPTY_HINT
    assert model_tab.network_input is None
    assert not model_tab.clear_button.isEnabled()
    # Undo brings the stroke back, and its reading.
    qtbot.mouseClick(model_tab.undo_button, Qt.MouseButton.LeftButton)
    assert not model_tab.canvas.is_empty()
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() == 1, timeout=30_000)


def test_the_delete_key_clears(model_tab, qtbot):
    one_stroke(qtbot, model_tab.canvas)
    model_tab.activateWindow()
    model_tab.canvas.setFocus()
    qtbot.keyClick(model_tab.canvas, Qt.Key.Key_Delete)
    assert model_tab.canvas.is_empty()


def test_without_a_model_it_says_to_train_first(tab, qtbot):
    assert NO_MODEL_HINT in tab.prediction_view.hint()
    one_stroke(qtbot, tab.canvas)
    qtbot.waitUntil(lambda: tab.network_input is not None, timeout=30_000)
    assert tab.prediction_view.hint() == NO_MODEL_HINT
    assert tab.prediction_view.prediction() is None


def test_real_mnist_bitmaps_on_the_canvas_are_recognised(model_tab, mnist, qtbot):
    x_test, t_test = mnist[1]
    correct = 0
    for index in DIGIT_INDICES:
        model_tab.canvas.set_image(enlarged(x_test[index]))
        model_tab.update_prediction()
        # What the network sees is the test image itself, give or take the canvas's rounding.
        assert np.abs(model_tab.network_input - x_test[index].reshape(28, 28)).mean() < 0.02
        correct += model_tab.prediction_view.prediction() == int(t_test[index])
    assert correct >= 4
    assert len({int(t_test[i]) for i in DIGIT_INDICES}) == 5


def test_pen_width_changes_the_strokes(tab, qtbot):
    thickness = {}
    for width in (8, 40):
        tab.canvas.clear()
        tab.pen_slider.setValue(width)
        assert tab.pen_value.text() == f"{width} px"
        drag(qtbot, tab.canvas, [(60, 140), (220, 140)])
        row_profile = tab.canvas.pixels()[:, 140]
        thickness[width] = float(row_profile.sum())
    assert thickness[8] == pytest.approx(8, abs=2)
    assert thickness[40] == pytest.approx(40, abs=2)


def test_a_pen_draws_and_its_pressure_sets_the_width(tab, qtbot):
    canvas = tab.canvas
    device = QPointingDevice.primaryPointingDevice()

    def pen(kind, x, y, pressure):
        point = canvas.widget_point(QPointF(x, y))
        event = QTabletEvent(kind, device, point, canvas.mapToGlobal(point), pressure, 0, 0, 0,
                             0, 0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton)
        QApplication.sendEvent(canvas, event)
        assert event.isAccepted()

    widths = []
    for row, pressure in ((80, 0.1), (200, 1.0)):
        pen(QEvent.Type.TabletPress, 40, row, pressure)
        for x in range(50, 241, 10):
            pen(QEvent.Type.TabletMove, x, row, pressure)
        pen(QEvent.Type.TabletRelease, 240, row, pressure)
        widths.append(float(canvas.pixels()[:, 140][row - 40 : row + 40].sum()))
    light, firm = widths
    assert light == pytest.approx(DEFAULT_PEN_WIDTH * 0.68, abs=2)
    assert firm == pytest.approx(DEFAULT_PEN_WIDTH * 1.4, abs=2)
    assert canvas.can_undo()


def test_updates_are_throttled_while_drawing(model_tab, qtbot):
    canvas = model_tab.canvas
    canvas.begin_stroke(QPointF(140, 40))
    model_tab.update_prediction()
    before = model_tab.update_count
    segments = 0
    timer_ms = 1000 / UPDATE_HZ
    # Two hundred segments in one burst: at most one reading follows, after the interval.
    for y in range(40, 240):
        canvas.continue_stroke(QPointF(140, y))
        segments += 1
    canvas.end_stroke()
    assert model_tab.update_count == before
    assert model_tab.update_timer.isActive()
    assert model_tab.update_timer.interval() == round(timer_ms)
    qtbot.waitUntil(lambda: model_tab.update_count == before + 1, timeout=30_000)
    # Only the timer reads the canvas, and it is not running again: no second reading follows.
    assert not model_tab.update_timer.isActive()
    assert model_tab.update_count == before + 1
    assert model_tab.prediction_view.prediction() == 1
    assert segments == 200


def test_the_reading_follows_a_new_model(model_tab, qtbot, trained):
    model_tab.canvas.set_image(enlarged(np.eye(28)))  # a diagonal stroke
    model_tab.update_prediction()
    first = model_tab.prediction_view.probabilities.copy()
    params = {key: value.copy() for key, value in trained[0].items()}
    params["b2"] += np.arange(10, dtype=params["b2"].dtype) * 5  # favour class 9
    model_tab.state.set_model(network_from(params), trained[1])
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() == 9, timeout=30_000)
    assert not np.allclose(model_tab.prediction_view.probabilities, first)


def test_a_picture_file_goes_onto_the_canvas(model_tab, mnist, tmp_path, qtbot):
    x_test, t_test = mnist[1]
    paper = tmp_path / "digit.png"
    save_grey(paper, 1.0 - np.kron(x_test[1].reshape(28, 28), np.ones((6, 6))))  # dark on white
    assert model_tab.open_picture(str(paper))
    qtbot.waitUntil(lambda: model_tab.prediction_view.prediction() is not None, timeout=30_000)
    assert model_tab.prediction_view.prediction() == int(t_test[1])

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture at all")
    assert not model_tab.open_picture(str(broken))
    assert last_message(model_tab, "drawMessage")[0] == "Cannot open the picture"
    blank = tmp_path / "blank.png"
    save_grey(blank, np.ones((40, 40)))
    assert not model_tab.open_picture(str(blank))
    assert last_message(model_tab, "drawMessage")[0] == "No digit found"
    assert model_tab.prediction_view.prediction() == int(t_test[1])  # the drawing is kept


def test_the_window_has_the_tab(window, qtbot):
    tab = window.draw_tab
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "&Draw"
    window.tabs.setCurrentWidget(tab)
    window_keys = mnemonic_keys(
        [window.tabs.tabText(i) for i in range(window.tabs.count())]
        + [action.text() for action in window.menuBar().actions()])
    own_keys = mnemonic_keys(w.text() for w in (*tab.findChildren(QPushButton),
                                                *tab.findChildren(QCheckBox),
                                                *tab.findChildren(QLabel)))
    # Alt+letter of a control must neither select a tab, open a menu nor reach two controls.
    assert own_keys and len(own_keys) == len(set(own_keys)), own_keys
    assert not set(own_keys) & set(window_keys), (own_keys, window_keys)
    with qtbot.waitSignal(window.training_tab.run_ended, timeout=60_000):
        panel = window.training_tab.panel
        panel.train_size_spin.setValue(2000)
        panel.iters_spin.setValue(60)
        panel.seed_spin.setValue(0)
        window.training_tab.start()
    sample = tab.draw_test_sample()
    assert sample is not None and not tab.canvas.is_empty()
    qtbot.waitUntil(lambda: tab.prediction_view.prediction() is not None, timeout=30_000)
