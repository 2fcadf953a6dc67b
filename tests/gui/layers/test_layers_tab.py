"""The Layer graph tab, driven as a learner would (pytest-qt, offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsView,
    QPushButton,
    QSpinBox,
    QTextBrowser,
)

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.graph import Phase, explain_backward, explain_forward, network_graph, simple_graph
from desktop_nn.graph.layer_kinds import LAYER_KINDS
from desktop_nn.gui.layers.detail import number
from desktop_nn.gui.layers.tab import LayersTab

NAMED_WIDGETS = {
    "layerGraphView": QGraphicsView,
    "layerNetCombo": QComboBox,
    "layerSamplesSpin": QSpinBox,
    "layerForwardStepButton": QPushButton,
    "layerBackwardStepButton": QPushButton,
    "layerStepBackButton": QPushButton,
    "layerRunAllButton": QPushButton,
    "layerDetailPanel": QTextBrowser,
}
#: simpleNet with the book's W (section 4.4.2): dW to three decimals, as the issue prints it.
BOOK_DW = ["0.219", "0.144", "-0.363", "0.329", "0.215", "-0.544"]


@pytest.fixture
def tab(qtbot):
    widget = LayersTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def mnist_tab(tab):
    tab.chooser.net_combo.setCurrentIndex(tab.chooser.net_combo.findData("fresh"))
    assert tab.graph.name == "TwoLayerNet" and tab.graph.batch_size == 3
    return tab


def click_scene(qtbot, tab: LayersTab, point: QPointF) -> None:
    view = tab.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(point))


def click_cell(qtbot, tab: LayersTab, array: str, part: str, index: tuple[int, ...]) -> None:
    item = tab.scene.array_item(array, part)
    tab.view.centerOn(item.mapToScene(item.cell_rect(index).center()))
    tab.view.auto_fit = False
    tab.view.scale(4 / tab.view.zoom, 4 / tab.view.zoom)  # cells of MNIST are small
    tab.view.centerOn(item.mapToScene(item.cell_rect(index).center()))
    click_scene(qtbot, tab, item.mapToScene(item.cell_rect(index).center()))


def test_the_named_widgets_have_tooltips(tab):
    for name, kind in NAMED_WIDGETS.items():
        widget = tab.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
        assert widget.toolTip().strip(), f"{name} has no tooltip"
    samples = tab.findChild(QSpinBox, "layerSamplesSpin")
    assert (samples.minimum(), samples.maximum(), samples.value()) == (1, 100, 3)
    assert tab.main_view() is tab.view and tab.tab_key == "layers"


def test_simple_net_shows_the_books_numbers_after_the_backward_pass(tab):
    assert tab.graph.name == "simpleNet"
    scene = tab.scene
    assert scene.array_item("L", "value").texts() == []  # not computed yet
    assert scene.array_item("W", "value").texts() == ["0.474", "0.998", "0.847",
                                                       "0.856", "0.0356", "0.694"]
    tab.run_all()
    assert scene.array_item("L", "value").texts() == ["0.928"]
    assert scene.array_item("W", "grad").texts() == BOOK_DW
    assert scene.array_item("L", "grad").texts() == ["1"]
    assert "L = 0.9280683" in tab.stepper.step_label.text()


def test_buttons_step_forward_backward_and_back(tab):
    stepper, graph = tab.stepper, tab.graph
    assert stepper.forward_button.isEnabled() and not stepper.backward_button.isEnabled()
    stepper.forward_button.click()
    assert graph.position == 1 and graph.active == "MatMul"
    assert tab.scene.array_item("z", "value").values is not None
    assert tab.scene.array_item("L", "value").values is None
    stepper.forward_button.click()
    assert graph.forward_done and not stepper.forward_button.isEnabled()
    stepper.backward_button.click()
    assert graph.grad("z") is not None and graph.grad("W") is None
    stepper.backward_button.click()  # the last backward step ends the pass
    assert graph.phase is Phase.DONE and not stepper.backward_button.isEnabled()
    stepper.step_back_button.click()
    assert graph.grad("W") is None and graph.grad("z") is not None
    stepper.run_all_button.click()
    assert graph.phase is Phase.DONE and not stepper.run_all_button.isEnabled()
    tab.stepper.reset_button.click()
    assert graph.position == 0 and tab.scene.array_item("z", "value").values is None


def test_the_keys_step_the_graph(qtbot, tab):
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: tab.graph.position == 1, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: tab.graph.forward_done, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: tab.graph.position == 3, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: tab.graph.position == 2, timeout=30_000)


def test_clicking_a_layer_shows_its_rule_with_this_batchs_numbers(qtbot, mnist_tab):
    tab = mnist_tab
    tab.run_all()
    box = tab.scene.boxes["Affine2"]
    click_scene(qtbot, tab, box.mapToScene(QPointF(box.size[0] / 2, box.size[1] / 2)))
    assert tab.selection == ("layer", "Affine2") and box.selected
    text = tab.detail_panel.toPlainText()
    assert LAYER_KINDS["affine"].rule in text
    assert "W2: 50×10" in text and "a2: N×10" in text
    grad = np.asarray(tab.graph.grad("W2"))
    index = np.unravel_index(np.argmax(np.abs(grad)), grad.shape)
    expected = explain_backward(tab.graph, "dW2", index)
    assert expected.element in text
    assert number(expected.value) in text and number(expected.numerical) in text


def test_clicking_a_heat_map_cell_explains_the_element(qtbot, mnist_tab):
    tab = mnist_tab
    tab.run_all()
    click_cell(qtbot, tab, "W1", "grad", (300, 7))
    assert tab.selection == ("cell", "W1", "grad", (300, 7))
    expected = explain_backward(tab.graph, "dW1", (300, 7))
    text = tab.detail_panel.toPlainText()
    assert "dW1[300, 7] = Σₙ X[n, 300]·da1[n, 7]" in text
    assert f"Sum of {expected.terms.count} terms" in text
    assert number(expected.terms.total) in text and number(expected.numerical) in text
    assert "gives 784×50: the shape of W1" in text


def test_a_value_cell_explains_the_forward_sum(qtbot, mnist_tab):
    tab = mnist_tab
    tab.forward_step()
    click_cell(qtbot, tab, "a1", "value", (1, 20))
    expected = explain_forward(tab.graph, "a1", (1, 20))
    text = tab.detail_panel.toPlainText()
    assert expected.element in text and "Sum of 784 terms" in text
    assert "the other 776 terms" in text and number(expected.value) in text


@pytest.mark.parametrize(("grad", "index", "words"), [
    ("da1", (0, 3), "units pass their gradient"),
    ("da2", (2, 4), "(y − t) / N"),
    ("db1", (5,), "summed over the batch axis"),
])
def test_each_layers_rule_is_worded(mnist_tab, grad, index, words):
    tab = mnist_tab
    tab.run_all()
    array = tab.graph.array_of_grad(grad).name
    tab.select_cell(array, "grad", index)
    text = tab.detail_panel.toPlainText()
    expected = explain_backward(tab.graph, grad, index)
    assert words in text and expected.element in text
    assert number(expected.value) in text and number(expected.numerical) in text


def test_sigmoid_shows_dout_times_y_one_minus_y(tab):
    x, t = np.eye(784)[:2], np.array([3, 5])
    graph = network_graph(TwoLayerNet(784, 5, 10, activation="sigmoid", seed=1), x, t)
    tab.set_graph(graph)
    tab.run_all()
    tab.select_cell("a1", "grad", (1, 2))
    expected = explain_backward(graph, "da1", (1, 2))
    text = tab.detail_panel.toPlainText()
    assert "dout·y(1 − y)" in text and number(expected.local) in text


def test_a_cell_not_computed_yet_says_so(tab):
    tab.select_cell("W", "grad", (0, 0))
    assert "Not computed yet" in tab.detail_panel.toPlainText()
    tab.run_all()
    assert "0.9 · " not in tab.detail_panel.toPlainText()
    assert "x[0]·dz[0]" in tab.detail_panel.toPlainText()


# --- simpleNet's inputs ---------------------------------------------------------------------

def enter(qtbot, tab: LayersTab, name: str, text: str) -> None:
    field = tab.inputs.fields[name]
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_editing_w_recomputes_like_the_core(qtbot, tab):
    tab.run_all()
    enter(qtbot, tab, "W", "1, 0, 0; 0, 1, 0")
    expected = simple_graph()
    expected.set_input("W", np.array([[1.0, 0, 0], [0, 1.0, 0]]))
    expected.run_all()
    assert tab.graph.phase is Phase.DONE
    assert tab.scene.array_item("L", "value").texts() == [number(expected.loss)[:5]]
    np.testing.assert_array_equal(tab.graph.grad("W"), expected.grad("W"))
    assert not tab.error_label.isVisible()


def test_editing_t_as_a_class(qtbot, tab):
    enter(qtbot, tab, "t", "0")
    assert tab.graph.value("t").tolist() == [1.0, 0.0, 0.0]
    assert tab.inputs.fields["t"].text() == "1, 0, 0"


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("x", "0.6, oops", "is not a list of numbers"),
    ("x", "1, 2, 3", "must have shape (2,)"),
    ("t", "0, 1, 1", "must be one-hot"),
    ("W", "1.7e308, 1.7e308, 1.7e308; 1.7e308, 1.7e308, 1.7e308", "too large for a float"),
])
def test_a_bad_input_is_refused_and_the_old_value_kept(qtbot, tab, name, text, reason):
    tab.run_all()
    before = np.array(tab.graph.value(name))
    enter(qtbot, tab, name, text)
    assert tab.error_label.isVisible()
    assert "refused; the old value is kept" in tab.error_label.text()
    assert reason in tab.error_label.text()
    np.testing.assert_array_equal(tab.graph.value(name), before)
    assert tab.graph.phase is Phase.DONE
    assert tab.scene.array_item("L", "value").texts() == ["0.928"]
    assert tab.inputs.fields[name].text() != text


# --- lesson state ---------------------------------------------------------------------------

def test_the_lesson_state_round_trips(tab):
    tab.set_input("x", "1, 0")
    tab.run_all()
    state = tab.lesson_state()
    assert state == {"net": "simple", "samples": 3, "seed": 0, "pass": "backward",
                     "x": [1.0, 0.0], "t": [0, 0, 1],
                     "W": tab.graph.value("W").tolist()}
    tab.reset()
    tab.set_input("x", "0.6, 0.9")
    tab.apply_lesson_state(state)
    assert tab.lesson_state() == state


def test_a_lesson_can_open_mnist_stepped_forward(tab):
    tab.apply_lesson_state({"net": "mnist", "samples": 5, "seed": 4, "pass": "forward"})
    assert tab.graph.batch_size == 5 and tab.graph.forward_done
    assert tab.graph.grad("W1") is None
    expected = TwoLayerNet(784, 50, 10, seed=4)
    np.testing.assert_array_equal(tab.graph.value("W1"), expected.params["W1"])
    assert tab.chooser.net() == "fresh" and tab.lesson_state()["pass"] == "forward"


@pytest.mark.parametrize(("state", "message"), [
    ({"colour": 1}, "unknown setting(s): colour"),
    ({"net": "cnn"}, "net must be one of"),
    ({"samples": 0}, "samples must be between 1 and 100"),
    ({"net": "mnist", "x": [1, 2]}, "x apply to the simple network only"),
    ({"t": [0, 1, 1]}, "t must be one-hot"),
    ({"W": [[1, 2, 3]]}, "W must be two rows"),
    ({"W": [[1.7e308] * 3] * 2, "pass": "forward"}, "too large for a float"),
])
def test_a_bad_lesson_state_changes_nothing(tab, state, message):
    from desktop_nn.gui.common.tab_contract import LessonStateError

    tab.run_all()
    before = tab.lesson_state()
    with pytest.raises(LessonStateError, match=None) as caught:
        tab.apply_lesson_state(state)
    assert message in str(caught.value)
    assert tab.lesson_state() == before


def test_hideable_controls_are_named(tab):
    controls = tab.hideable_controls()
    for name in ("layerNetCombo", "layerSamplesSpin", "layerForwardStepButton",
                 "layerDetailPanel", "layerInputW"):
        assert controls[name].objectName() == name
