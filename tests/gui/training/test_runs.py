"""The runs on screen: legends, Reset, learning-rate changes, seeds and the history export."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_nn.core.model_io import load_model
from tests.gui.messages import last_message


def configure(tab, *, iters, seed=0, lr=0.1):
    panel = tab.panel
    panel.train_size_spin.setValue(2000)
    panel.iters_spin.setValue(iters)
    panel.learning_rate_spin.setValue(lr)
    panel.seed_spin.setValue(seed)


def train(tab, qtbot, **settings) -> None:
    configure(tab, **settings)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()


def legend_texts(plot) -> list[str]:
    return [label.text for _sample, label in plot.legend.items]


def read_rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_reset_after_a_run_keeps_its_curves_its_legend_and_its_history(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot, iters=30)
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.loss_plot.buffer.count == 0
    assert [item.name() for item in tab.loss_plot.overlays] == ["run 1: lr 0.1, hidden 50, SGD"]
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1, hidden 50, SGD"]
    assert legend_texts(tab.accuracy_plot) == ["run 1 train", "run 1 test"]
    assert window.export_history_to(tmp_path / "h.csv")
    rows = read_rows(tmp_path / "h.csv")
    assert len(rows) == 30 and {row["run"] for row in rows} == {"1"}

    train(tab, qtbot, iters=20)  # the next run is run 2, listed once
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1, hidden 50, SGD",
                                           "run 2: lr 0.1, hidden 50, SGD"]


def test_every_run_on_screen_is_exported_with_its_number_and_seed(window, qtbot, tmp_path):
    tab = window.training_tab
    for seed, iters in ((3, 20), (4, 30), (5, 25)):
        train(tab, qtbot, iters=iters, seed=seed)
    assert window.export_history_to(tmp_path / "all.csv")
    rows = read_rows(tmp_path / "all.csv")
    counts = {}
    for row in rows:
        counts[(row["run"], row["seed"])] = counts.get((row["run"], row["seed"]), 0) + 1
    assert counts == {("1", "3"): 20, ("2", "4"): 30, ("3", "5"): 25}
    assert "runs 1, 2, 3" in window.statusBar().currentMessage()

    # The faded curves go, and with them their histories.
    tab.findChild(QPushButton, "clearRunsButton").click()
    assert window.export_history_to(tmp_path / "last.csv")
    assert {row["run"] for row in read_rows(tmp_path / "last.csv")} == {"3"}


def test_no_history_before_any_run_has_ended(window, tmp_path):
    assert not window.export_history_to(tmp_path / "h.csv")
    assert last_message(window, "warningMessage")[0] == "No history to export"
    assert not (tmp_path / "h.csv").exists()


def test_a_learning_rate_changed_during_a_run_is_marked_everywhere(window, qtbot, tmp_path):
    tab = window.training_tab
    configure(tab, iters=1000, seed=2)
    with qtbot.waitSignal(window.state.training_state_changed, timeout=10_000):
        tab.step()  # a paused run that does iteration 0
    qtbot.waitUntil(lambda: tab.progress_bar.value() == 1, timeout=10_000)
    with qtbot.waitSignal(tab.learning_rate_timer.timeout, timeout=5_000):
        tab.panel.learning_rate_spin.setValue(0.05)
    tab.step()
    qtbot.waitUntil(lambda: len(tab.loss_plot.markers) == 1, timeout=10_000)
    marker = tab.loss_plot.markers[0]
    assert marker.value() == 1 and marker.label.toPlainText() == "lr 0.05"
    assert legend_texts(tab.loss_plot) == ["run 1: lr 0.1 → 0.05, hidden 50, SGD"]
    tab.step()
    qtbot.waitUntil(lambda: tab.progress_bar.value() == 3, timeout=10_000)
    with qtbot.waitSignal(tab.run_ended, timeout=30_000):
        tab.stop()

    assert window.export_history_to(tmp_path / "h.csv")
    rates = [(row["iteration"], row["learning_rate"]) for row in read_rows(tmp_path / "h.csv")]
    assert rates == [("0", "0.1"), ("1", "0.05"), ("2", "0.05")]
    assert window.save_model_to(tmp_path / "m.npz")
    assert load_model(tmp_path / "m.npz").meta["learning_rates"] == [[0, 0.1], [1, 0.05]]

    tab.reset_weights()  # the faded run keeps its marker
    assert tab.loss_plot.markers == []
    assert [len(m) for m in tab.loss_plot._overlay_markers.values()] == [1]
    tab.findChild(QPushButton, "clearRunsButton").click()
    assert tab.loss_plot._overlay_markers == {}


@pytest.mark.parametrize("seed", [0, 12345])
def test_the_seed_is_saved_with_the_model_and_shown_when_it_is_loaded(window, qtbot, tmp_path,
                                                                      seed):
    tab = window.training_tab
    train(tab, qtbot, iters=10, seed=seed)
    path = tmp_path / "model.npz"
    assert window.save_model_to(path)
    assert load_model(path).config.seed == seed
    assert window.load_model_from(path)
    assert f"seed {seed}" in window.statusBar().currentMessage()
    assert tab.panel.seed_spin.value() == seed


def test_a_tabs_status_message_leaves_with_its_tab(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot, iters=10)
    assert window.statusBar().currentMessage().startswith("Finished 10 iterations")
    window.tabs.setCurrentWidget(window.graph_tab)
    assert window.statusBar().currentMessage() == ""
    window.graph_tab.forward_step()
    window.graph_tab.load_preset("apple")  # the graph tab's own message
    assert window.statusBar().currentMessage() != ""
    window.tabs.setCurrentWidget(window.evaluate_tab)
    assert window.statusBar().currentMessage() == ""
    assert window.save_model_to(tmp_path / "m.npz")  # the window's own message stays
    window.tabs.setCurrentWidget(window.training_tab)
    assert window.statusBar().currentMessage().startswith("Model saved to")
