"""The Inside tab: W1 tiles and hidden-activation histograms, refreshed live but sparingly."""

from __future__ import annotations

import weakref

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QToolTip, QWidget

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.inside.tab import (
    ACTIVATION_BATCH,
    NO_MODEL_TEXT,
    REFRESH_BUDGET,
    REFRESH_HZ,
    InsideTab,
    share_percent,
)
from desktop_nn.gui.inside.tile_maths import grid_shape, normalised_tiles
from tests.fake_clock import FakeClock


@pytest.fixture
def state(qtbot, mnist):
    state = AppState()
    state.data, state.dataset_name = mnist, "mnist"
    return state


#: Each watched tab's count of ``refreshed`` signals.
_REFRESHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def refreshes(tab: InsideTab) -> int:
    """How often ``tab`` has said ``refreshed`` since this test first asked (the fixtures ask
    as soon as the tab exists)."""
    if tab not in _REFRESHES:
        counter = _REFRESHES[tab] = [0]
        tab.refreshed.connect(lambda: counter.__setitem__(0, counter[0] + 1))
    return _REFRESHES[tab][0]


@pytest.fixture
def tab(qtbot, state):
    tab = InsideTab(state)
    refreshes(tab)
    qtbot.addWidget(tab)
    tab.resize(1300, 720)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def mnemonic_keys(texts) -> list[str]:
    """The Alt+letter keys of texts with an ampersand (&& is a literal one)."""
    keys = []
    for text in texts:
        position = text.replace("&&", "").find("&")
        if position >= 0:
            keys.append(text.replace("&&", "")[position + 1].lower())
    return keys


def set_network(state, hidden=50, activation="relu", seed=0, **changes) -> TwoLayerNet:
    network = TwoLayerNet(784, hidden, 10, "he", activation=activation, seed=seed,
                          dtype=np.float32)
    for key, value in changes.items():
        network.params[key][...] = value
    state.set_model(network, TrainConfig(hidden_size=hidden, activation=activation))
    return network


def refreshed(tab, qtbot, before: int) -> None:
    qtbot.waitUntil(lambda: refreshes(tab) > before, timeout=30_000)


def show_network(tab, qtbot, hidden=50, **options) -> TwoLayerNet:
    """Make a network the current model and wait until the tab has drawn it."""
    before = refreshes(tab)
    network = set_network(tab.state, hidden, **options)
    refreshed(tab, qtbot, before)
    return network


def test_without_a_model_it_says_so(tab, qtbot):
    qtbot.waitUntil(lambda: refreshes(tab) >= 1, timeout=30_000)
    assert tab.findChild(QWidget, "weightTilesView") is tab.tiles_view
    assert tab.tiles_view.tile_count() == 0
    assert tab.tiles_view.canvas.message == NO_MODEL_TEXT
    assert tab.common_scale_check.toolTip()


@pytest.mark.parametrize("hidden", [50, 7, 300])
def test_one_tile_per_hidden_unit(tab, qtbot, hidden):
    network = show_network(tab, qtbot, hidden)
    view = tab.tiles_view
    assert view.tile_count() == hidden
    canvas = view.canvas
    assert canvas.columns * canvas.rows >= hidden > canvas.columns * (canvas.rows - 1)
    # Every tile is inside the view's width, and each is its column of W1, scaled.
    assert canvas.tile_rect(hidden - 1).right() <= view.viewport().width()
    np.testing.assert_allclose(view.tiles()[3], normalised_tiles(network.params["W1"])[3])
    column = network.params["W1"][:, 3].reshape(28, 28)
    assert np.argmax(view.tiles()[3]) == np.argmax(column)
    # Hovering names the unit under the mouse.
    centre = canvas.tile_rect(hidden - 1).center()
    assert canvas.unit_at(centre) == hidden - 1
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, centre,
                                              canvas.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=30_000)
    assert QToolTip.text().startswith(f"Hidden unit {hidden - 1}: weights from ")
    QToolTip.hideText()


def test_fifty_units_fill_the_space_and_many_units_scroll():
    columns, rows, scale = grid_shape(50, 800, 600)
    assert columns * rows >= 50 and scale > 2  # tiles well over 56 pixels
    columns, rows, scale = grid_shape(4096, 800, 600)
    assert scale == 1.0 and columns == 800 // 29 and rows * 29 > 600  # scrolls


def test_tiles_change_after_training_steps(tab, qtbot, mnist):
    network = show_network(tab, qtbot, 50)
    before_tiles = tab.tiles_view.tiles().copy()
    before_activations = tab.activations.copy()
    x, t = mnist[0][0][:100], mnist[0][1][:100]
    trained = TwoLayerNet(784, 50, 10, "he", seed=0, dtype=np.float32)
    trained.set_params(network.params)
    for _ in range(20):
        grads = trained.gradient(x, t)
        for key in grads:
            trained.params[key] -= 0.5 * grads[key]
    count = refreshes(tab)
    tab.state.update_params(trained.copy_params())  # as a training run's snapshot arrives
    refreshed(tab, qtbot, count)
    assert not np.allclose(tab.tiles_view.tiles(), before_tiles)
    assert not np.allclose(tab.activations, before_activations)


def test_histograms_have_data(tab, qtbot):
    network = show_network(tab, qtbot, 50)
    assert tab.activations.shape == (ACTIVATION_BATCH, 50)
    edges, counts = tab.histogram_curve.getData()
    positive = int(np.sum(tab.activations > 0))
    assert len(edges) == len(counts) + 1
    assert counts.sum() == positive > 0
    heights = tab.activity_bars.opts["height"]
    assert len(heights) == 50
    np.testing.assert_allclose(heights, (tab.activations > 0).mean(axis=0))
    zero_share = 1 - positive / tab.activations.size
    assert f"Zero outputs: {100 * zero_share:.0f}%" in tab.stats_label.text()
    del network


def test_dead_units_are_counted(tab, qtbot):
    bias = np.zeros(50, dtype=np.float32)
    bias[:12] = -1000.0  # twelve units that never respond
    show_network(tab, qtbot, 50, b1=bias)
    assert "Dead units (zero for all 500 images): 12 of 50" in tab.stats_label.text()
    assert len(tab.dead_marks.data) == 12
    show_network(tab, qtbot, 50, b1=np.full(50, -1000.0))  # lr 100's quiet divergence
    assert "All 50 units are dead" in tab.stats_label.text()


def test_sigmoid_outputs(tab, qtbot):
    show_network(tab, qtbot, 20, activation="sigmoid")
    edges, counts = tab.histogram_curve.getData()
    assert edges[0] == 0 and edges[-1] == 1
    assert counts.sum() == ACTIVATION_BATCH * 20
    assert "Saturated" in tab.stats_label.text()


def test_clicking_a_tile_describes_the_unit(tab, qtbot):
    network = show_network(tab, qtbot, 50)
    canvas = tab.tiles_view.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.tile_rect(17).center())
    assert tab.selected_unit == 17
    favourite = int(np.argmax(network.params["W2"][17]))
    assert tab.unit_label.text().startswith(f"Unit 17: votes most for class {favourite}")
    assert canvas.unit_at(QPoint(-5, -5)) is None


def test_a_unit_that_responds_to_one_image_is_neither_dead_nor_at_0_percent(tab, qtbot):
    network = show_network(tab, qtbot, 50)
    weights = network.params["W1"].copy()
    biases = network.params["b1"].copy()
    pre = tab._batch.astype(np.float32) @ weights[:, 3]
    top, second = np.sort(pre)[-2:][::-1]
    biases[3] = -(top + second) / 2  # unit 3 switches on for the single strongest image
    before = refreshes(tab)
    set_network(tab.state, 50, W1=weights, b1=biases)
    refreshed(tab, qtbot, before)
    assert int(np.sum(tab.activations[:, 3] > 0)) == 1
    tab.select_unit(3)
    assert "responds to <1% of the batch's images" in tab.unit_label.text()
    dead = int(np.sum(~(tab.activations > 0).any(axis=0)))
    assert f"Dead units (zero for all {ACTIVATION_BATCH} images): {dead} of 50" in \
        tab.stats_label.text()


@pytest.mark.parametrize(("count", "text"), [(0, "0"), (1, "<1"), (2, "<1"), (3, "1"),
                                             (250, "50"), (497, "99"), (498, ">99"),
                                             (499, ">99"), (500, "100")])
def test_shares_round_to_0_or_100_only_when_they_are(count, text):
    assert share_percent(count, 500) == text


def test_common_scale_makes_weak_units_pale(tab, qtbot):
    weights = np.random.default_rng(0).normal(size=(784, 50)).astype(np.float32)
    weights[:, 0] *= 0.01  # one weak unit
    show_network(tab, qtbot, 50, W1=weights)
    assert np.abs(tab.tiles_view.tiles()[0]).max() == pytest.approx(1.0)
    tab.findChild(QCheckBox, "commonScaleCheck").setChecked(True)
    assert np.abs(tab.tiles_view.tiles()[0]).max() < 0.05
    assert np.abs(tab.tiles_view.tiles()).max() == pytest.approx(1.0)


@pytest.fixture
def clocked(qtbot, state):
    """An Inside tab whose throttle reads a FakeClock, with a network already drawn."""
    clock = FakeClock()
    tab = InsideTab(state, clock=clock)
    refreshes(tab)
    qtbot.addWidget(tab)
    tab.resize(1300, 720)
    tab.show()
    qtbot.waitExposed(tab)
    network = show_network(tab, qtbot, 50)
    return tab, clock, network


def test_a_flood_of_snapshots_gives_one_refresh_a_throttle_interval_later(clocked, qtbot):
    tab, clock, network = clocked
    count = refreshes(tab)
    # A training run sends a few snapshots a second; fifty at once must not redraw fifty times.
    for _ in range(50):
        tab.state.update_params(network.params)
    assert refreshes(tab) == count
    assert tab.refresh_timer.isActive()
    assert tab.refresh_timer.interval() == round(1000 / REFRESH_HZ)  # the clock stood still
    clock.advance(1 / REFRESH_HZ)
    refreshed(tab, qtbot, count)
    assert refreshes(tab) == count + 1
    assert not tab.refresh_timer.isActive()  # nothing left to draw: no second refresh
    # The next snapshot waits only for what is left of the interval since that refresh.
    clock.advance(0.1)
    tab.state.update_params(network.params)
    assert tab.refresh_timer.interval() == round(1000 * (1 / REFRESH_HZ - 0.1))


def test_slow_redraws_are_spaced_further(clocked, qtbot, monkeypatch):
    tab, clock, network = clocked
    redraw = tab._redraw

    def slow_redraw():
        clock.advance(0.1)  # a redraw of a thousand units can take this long
        redraw()

    monkeypatch.setattr(tab, "_redraw", slow_redraw)
    count = refreshes(tab)
    tab.refresh()
    assert refreshes(tab) == count + 1
    # At most REFRESH_BUDGET of the GUI thread's time goes to redrawing.
    assert tab.refresh_interval == pytest.approx(0.1 / REFRESH_BUDGET)
    tab.state.update_params(network.params)  # right after the slow redraw ended
    assert tab.refresh_timer.interval() == round(1000 * (0.1 / REFRESH_BUDGET - 0.1))


def test_a_hidden_tab_only_notes_snapshots_and_refreshes_once_when_shown(clocked, qtbot):
    tab, clock, network = clocked
    qtbot.waitUntil(lambda: not tab.refresh_timer.isActive(), timeout=30_000)
    tab.hide()
    count = refreshes(tab)
    clock.advance(60)
    for _ in range(20):
        tab.state.update_params(network.params)
    # Nothing scheduled, so nothing can be drawn while hidden; the view is only marked stale.
    assert not tab.refresh_timer.isActive()
    assert refreshes(tab) == count and tab._dirty
    tab.show()
    refreshed(tab, qtbot, count)
    assert refreshes(tab) == count + 1
    assert not tab.refresh_timer.isActive() and not tab._dirty


def test_it_follows_a_training_run_in_the_window(window, qtbot):
    tab = window.inside_tab
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "&Inside"
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
    panel = window.training_tab.panel
    panel.train_size_spin.setValue(2000)
    panel.iters_spin.setValue(400)
    panel.learning_rate_spin.setValue(0.5)
    panel.seed_spin.setValue(0)
    panel.hidden_size_spin.setValue(40)
    snapshots = []
    window.state.params_updated.connect(lambda: snapshots.append(window.state.network))
    count = refreshes(tab)
    with qtbot.waitSignal(window.training_tab.run_ended, timeout=60_000):
        window.training_tab.start()
        qtbot.waitUntil(lambda: refreshes(tab) > count, timeout=30_000)
        early_tiles = tab.tiles_view.tiles().copy()
    # The last snapshot arrived before run_ended: its refresh is scheduled or done.
    qtbot.waitUntil(lambda: not tab.refresh_timer.isActive() and not tab._dirty,
                    timeout=30_000)
    assert snapshots  # the run streamed weights into the window's network
    assert tab.tiles_view.tile_count() == 40
    assert not np.allclose(tab.tiles_view.tiles(), early_tiles)
    network = window.state.network
    np.testing.assert_allclose(tab.tiles_view.tiles(), normalised_tiles(network.params["W1"]))
    assert tab.histogram_curve.getData()[1].sum() > 0
