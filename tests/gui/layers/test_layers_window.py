"""The Layer graph tab in the window: its place, its keys, and a paused training iteration."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_nn.graph import Phase


def configure(tab, *, iters, batch):
    panel = tab.panel
    panel.train_size_spin.setValue(2000)
    panel.batch_size_spin.setValue(batch)
    panel.iters_spin.setValue(iters)
    panel.seed_spin.setValue(3)
    panel.hidden_size_spin.setValue(20)


def test_the_tab_sits_next_to_the_computation_graph(window):
    tabs = window.tabs
    index = tabs.indexOf(window.layers_tab)
    assert index == tabs.indexOf(window.graph_tab) + 1
    assert tabs.tabText(index) == "Layer graph (ch. &5)"


def test_the_stepping_keys_step_only_the_tab_shown(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30_000)
    layers, graph = window.layers_tab, window.graph_tab
    window.tabs.setCurrentWidget(layers)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: layers.graph.position == 1, timeout=30_000)
    assert graph.graph.position == 0
    window.tabs.setCurrentWidget(graph)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: graph.graph.position == 1, timeout=30_000)
    assert layers.graph.position == 1
    window.tabs.setCurrentWidget(layers)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: layers.graph.position == 0, timeout=30_000)
    assert graph.graph.position == 1


def test_a_paused_iteration_opens_its_exact_batch(window, qtbot):
    training = window.training_tab
    button = window.findChild(QPushButton, "openIterationInLayersButton")
    assert button is training.open_layers_button and "(Ctrl+Shift+Y)" in button.toolTip()
    assert not button.isEnabled()
    configure(training, iters=1000, batch=120)
    with qtbot.waitSignal(training.controller.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        qtbot.mouseClick(training.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    x_batch, t_batch = training.controller.trainer.last_batch()
    assert len(x_batch) == 120
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30_000)
    layers = window.layers_tab
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # as a click on the button
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is layers, timeout=30_000)
    graph = layers.graph
    assert graph.batch_size == 100 and layers.from_iteration
    np.testing.assert_array_equal(graph.value("X"), x_batch[:100].astype(np.float64))
    np.testing.assert_array_equal(graph.value("t").argmax(axis=1), t_batch[:100])
    np.testing.assert_array_equal(graph.value("W1"), window.state.network.params["W1"])
    assert layers.chooser.net() == "current" and layers.chooser.samples_spin.value() == 100
    assert "batch in the layer graph: 100 images" in window.statusBar().currentMessage()
    layers.run_all()
    assert graph.phase is Phase.DONE
    with qtbot.waitSignal(training.run_ended, timeout=30_000):
        training.stop()
    assert not button.isEnabled()


def test_the_current_model_follows_the_training_tab(window, qtbot):
    layers = window.layers_tab
    combo = layers.chooser.net_combo
    combo.setCurrentIndex(combo.findData("current"))
    assert "no model yet" in layers.error_label.text() or layers.graph.name == "TwoLayerNet"
    training = window.training_tab
    training.reset_weights()  # a model from the panel's settings
    window.tabs.setCurrentWidget(training)
    window.tabs.setCurrentWidget(layers)
    assert layers.graph.name == "TwoLayerNet"
    np.testing.assert_array_equal(layers.graph.value("W1"),
                                  window.state.network.params["W1"])


def test_mnemonics_do_not_clash_with_the_tabs_and_menus(window):
    from PySide6.QtWidgets import QLabel

    def letter(text: str) -> str | None:
        index = text.replace("&&", "").find("&")
        return text.replace("&&", "")[index + 1].lower() if index >= 0 else None

    tab = window.layers_tab
    window.tabs.setCurrentWidget(tab)
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [action.text() for action in window.menuBar().actions()]
    texts += [w.text() for w in tab.findChildren(QPushButton) if w.isVisible()]
    texts += [w.text() for w in tab.findChildren(QLabel) if w.buddy() is not None]
    letters = [c for c in map(letter, texts) if c]
    assert len(letters) >= 18
    assert len(letters) == len(set(letters)), sorted(letters)
