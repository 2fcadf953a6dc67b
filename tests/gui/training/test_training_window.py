"""The training window, driven as a user would (pytest-qt, offscreen, real MNIST)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
)

from desktop_nn.core.model_io import load_model
from tests.gui.messages import answer, last_message

NAMED_WIDGETS = {
    "startButton": QPushButton,
    "pauseButton": QPushButton,
    "stepButton": QPushButton,
    "stopButton": QPushButton,
    "resetButton": QPushButton,
    "hiddenSizeSpin": QSpinBox,
    "learningRateSpin": QDoubleSpinBox,
    "batchSizeSpin": QSpinBox,
    "itersSpin": QSpinBox,
    "weightInitStdSpin": QDoubleSpinBox,
    "activationCombo": QComboBox,
    "optimizerCombo": QComboBox,
    "seedSpin": QDoubleSpinBox,  # whole numbers up to 2**32 - 1 (WholeNumberSpinBox)
    "progressBar": QProgressBar,
    "lossPlot": pg.PlotWidget,
    "accuracyPlot": pg.PlotWidget,
}


def configure(tab, *, iters, train_size=2000, batch=100, lr=0.1, seed=0, hidden=50):
    panel = tab.panel
    panel.train_size_spin.setValue(train_size)
    panel.batch_size_spin.setValue(batch)
    panel.iters_spin.setValue(iters)
    panel.learning_rate_spin.setValue(lr)
    panel.seed_spin.setValue(seed)
    panel.hidden_size_spin.setValue(hidden)


def test_widgets_have_their_automation_names(window):
    for name, kind in NAMED_WIDGETS.items():
        widget = window.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
    assert window.findChild(object, "samplePreview") is not None


def test_every_control_explains_itself(window):
    panel = window.training_tab.panel
    controls = [w for kind in (QSpinBox, QDoubleSpinBox, QComboBox)
                for w in panel.findChildren(kind)]
    assert len(controls) >= 14
    for widget in controls:
        assert widget.toolTip().strip(), f"{widget.objectName()} has no tooltip"
    for button in window.training_tab.findChildren(QPushButton):
        assert button.toolTip().strip(), f"{button.objectName()} has no tooltip"


def test_a_short_run_fills_the_curves(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=100)  # 2000 images / batch 100: an epoch every 20 iterations
    with qtbot.waitSignal(tab.run_ended, timeout=60_000) as ended:
        qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    assert tab.loss_plot.buffer.count == 100
    x, y = tab.loss_plot.raw_curve.getData()
    assert len(x) == 100 and np.all(np.isfinite(y))
    assert tab.accuracy_plot.epochs == [0, 1, 2, 3, 4]
    assert len(tab.accuracy_plot.test_curve.getData()[0]) == 5
    assert tab.progress_bar.maximum() == 100 and tab.progress_bar.value() == 100
    assert window.state.training_state == "finished"
    assert "Finished 100 iterations" in window.statusBar().currentMessage()
    assert tab.accuracy_plot.test[-1] > 0.5  # it learned something from 2000 images
    assert tab.start_button.isEnabled() and not tab.stop_button.isEnabled()
    assert window.state.network is not None
    assert window.training_tab.preview.current_prediction() is not None
    # An ended run has no time left: its speed and its duration, nothing "remaining".
    speed = tab.speed_label.text()
    assert "it/s" in speed and "took" in speed and "remaining" not in speed
    took = speed.split("took ")[1]
    assert f"in {took}" in window.statusBar().currentMessage()  # the same duration


def test_a_stopped_run_says_no_time_remains(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=1_000_000)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000) as ended:
        tab.start()
        qtbot.waitUntil(lambda: tab.progress.iterations_done > 0, timeout=30_000)
        tab.stop()
    assert ended.args == ["stopped"]
    assert "took" in tab.speed_label.text() and "remaining" not in tab.speed_label.text()


def test_pause_step_and_resume(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=100_000)
    with qtbot.waitSignal(window.state.training_state_changed, timeout=10_000):
        tab.start()
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 30, timeout=30_000)
    run = tab.controller
    # paused_changed(True) comes each time the run starts waiting: after Pause and after
    # every Step. The run sends what it has before it waits, so nothing is still to come.
    with qtbot.waitSignal(run.paused_changed, timeout=30_000,
                          check_params_cb=lambda paused: paused):
        qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    assert tab.pause_button.text() == "Resume"
    assert tab.step_button.isEnabled()
    done = run.trainer.iteration
    assert tab.loss_plot.buffer.count == done  # everything reported before waiting
    qtbot.waitUntil(lambda: tab.progress_bar.value() == done, timeout=30_000)
    for expected in (done + 1, done + 2):
        with qtbot.waitSignal(run.paused_changed, timeout=30_000,
                              check_params_cb=lambda paused: paused):
            qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
        assert run.trainer.iteration == expected  # a step is one iteration, no more
        assert tab.loss_plot.buffer.count == expected
        qtbot.waitUntil(lambda e=expected: tab.progress_bar.value() == e, timeout=30_000)
    qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    assert tab.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: tab.progress_bar.value() > done + 20, timeout=30_000)
    with qtbot.waitSignal(tab.run_ended, timeout=30_000) as ended:
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["stopped"]


def test_step_from_idle_starts_a_paused_run(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=1000)
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.progress_bar.value() == 1, timeout=10_000)
    assert tab.is_running and tab.is_paused
    assert tab.pause_button.text() == "Resume"
    with qtbot.waitSignal(tab.run_ended, timeout=30_000):
        tab.stop()


def test_stop_mid_run_keeps_what_was_learned(window, qtbot, tmp_path):
    tab = window.training_tab
    configure(tab, iters=1_000_000)
    tab.start()
    qtbot.waitUntil(lambda: tab.progress_bar.value() >= 50, timeout=30_000)
    with qtbot.waitSignal(tab.run_ended, timeout=10_000) as ended:
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["stopped"]
    assert not tab.is_running
    assert window.state.training_state == "stopped"
    assert tab.panel.hidden_size_spin.isEnabled()  # unlocked again
    assert tab.progress_bar.value() == tab.controller.last_trainer.iteration
    assert window.export_history_to(tmp_path / "partial.csv")
    rows = (tmp_path / "partial.csv").read_text().splitlines()
    assert len(rows) == tab.controller.last_trainer.iteration + 1


def test_structure_locked_while_running_learning_rate_live(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=1_000_000)
    tab.start()
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=30_000)
    assert not tab.panel.hidden_size_spin.isEnabled()
    assert not tab.panel.batch_size_spin.isEnabled()
    assert tab.panel.learning_rate_spin.isEnabled()
    tab.panel.learning_rate_spin.setValue(0.05)
    trainer = tab.controller.trainer
    qtbot.waitUntil(lambda: trainer.optimizer.lr == pytest.approx(0.05), timeout=10_000)
    with qtbot.waitSignal(tab.run_ended, timeout=10_000):
        tab.stop()


def test_closing_the_window_mid_run_stops_cleanly(qtbot, capfd):
    from desktop_nn.gui import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
    configure(main.training_tab, iters=1_000_000)
    main.training_tab.start()
    qtbot.waitUntil(lambda: main.training_tab.progress_bar.value() > 10, timeout=30_000)
    worker = main.training_tab.controller.worker
    main.close()
    assert not worker.is_running()
    assert not main.training_tab.is_running
    assert "Destroyed while thread" not in capfd.readouterr().err


def test_a_diverging_learning_rate_is_stopped_and_explained(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=5000, lr=100.0)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000) as ended:
        tab.start()
    assert ended.args == ["diverged"]
    assert "learning rate" in window.statusBar().currentMessage().lower()
    title, text = last_message(tab, "trainingMessage")
    assert title == "Training diverged"
    assert "learning rate (100)" in text
    assert tab.start_button.isEnabled()


def test_a_corrupt_model_file_is_refused_and_the_window_keeps_working(window, qtbot, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip file")
    assert window.load_model_from(bad) is False
    title, text = last_message(window, "warningMessage")
    assert title == "Could not load the model" and "broken.npz" in text
    configure(window.training_tab, iters=20)
    with qtbot.waitSignal(window.training_tab.run_ended, timeout=60_000) as ended:
        window.training_tab.start()
    assert ended.args == ["finished"]


def test_model_save_and_load_round_trip(window, qtbot, tmp_path):
    tab = window.training_tab
    configure(tab, iters=40, hidden=30)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    path = tmp_path / "model.npz"
    assert window.save_model_to(path)
    saved = load_model(path)
    assert saved.config.hidden_size == 30
    for key, value in window.state.network.params.items():
        np.testing.assert_array_equal(saved.network.params[key], value)
    tab.panel.hidden_size_spin.setValue(80)
    assert window.load_model_from(path)
    assert tab.panel.hidden_size_spin.value() == 30
    assert window.state.network.hidden_size == 30


def test_exports_write_complete_files(window, qtbot, tmp_path):
    tab = window.training_tab
    configure(tab, iters=60)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    csv_path = tmp_path / "history.csv"
    assert window.export_history_to(csv_path)
    rows = csv_path.read_text().splitlines()
    assert rows[0] == "run,seed,iteration,loss,train_acc,test_acc,learning_rate"
    assert len(rows) == 61
    png = window.export_plots_to(tmp_path / "curves.png")
    svg = window.export_plots_to(tmp_path / "curves.svg")
    assert [p.name for p in png] == ["curves-loss.png", "curves-accuracy.png"]
    assert png[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg[1].read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["history.csv", "curves-loss.png", "curves-accuracy.png", "curves-loss.svg",
         "curves-accuracy.svg"]
    )


def test_earlier_runs_stay_as_overlays_until_cleared(window, qtbot):
    tab = window.training_tab
    for lr in (0.1, 0.2):
        configure(tab, iters=30, lr=lr)
        with qtbot.waitSignal(tab.run_ended, timeout=60_000):
            tab.start()
    configure(tab, iters=30, lr=0.3)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    assert len(tab.loss_plot.overlays) == 2
    names = [item.name() for item in tab.loss_plot.overlays]
    assert "lr 0.1" in names[0] and "lr 0.2" in names[1]
    qtbot.mouseClick(tab.findChild(QPushButton, "clearRunsButton"), Qt.MouseButton.LeftButton)
    answer(tab, "clearRunsQuestion", QMessageBox.StandardButton.Yes)
    assert tab.loss_plot.overlays == [] and tab.accuracy_plot.overlays == []
    assert tab.loss_plot.buffer.count == 30  # the current run stays


def test_presets_fill_in_the_book_configurations(window):
    panel = window.training_tab.panel
    panel.preset_combo.setCurrentText("Hidden 100, lr 0.5")
    assert panel.hidden_size_spin.value() == 100
    assert panel.learning_rate_spin.value() == pytest.approx(0.5)
    assert panel.iters_spin.value() == 10_000 and panel.batch_size_spin.value() == 100
    panel.preset_combo.setCurrentText("Book ch.5 (hidden 50, lr 0.1)")
    assert panel.hidden_size_spin.value() == 50
    assert panel.learning_rate_spin.value() == pytest.approx(0.1)
    panel.hidden_size_spin.setValue(51)
    assert panel.preset_combo.currentText() == "Custom"
    assert panel.preset_combo.currentData() == "Custom"


class BracketTranslator(QTranslator):
    """A stand-in language: every text that goes through tr()/translate() comes out in brackets."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"⟦{source_text}⟧"

    def isEmpty(self):
        return False


#: Names of code and data that stay as they are in every language.
UNTRANSLATED = {"ReLU", "Sigmoid", "He", "Xavier", "SGD", "Momentum", "AdaGrad", "Adam"}


def test_every_text_of_the_training_tab_goes_through_the_translator(qapp, qtbot):
    from desktop_nn.gui import MainWindow

    translator = BracketTranslator()
    qapp.installTranslator(translator)
    try:
        main = MainWindow()
        qtbot.addWidget(main)
        main.show()
        qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
        qtbot.waitUntil(lambda: "images ready" in main.statusBar().currentMessage(),
                        timeout=10_000)
        tab = main.training_tab
        texts = [w.text() for kind in (QLabel, QPushButton, QCheckBox)
                 for w in tab.findChildren(kind) if w.text()]
        texts += [box.title() for box in tab.findChildren(QGroupBox)]
        texts += [w.toolTip() for w in tab.findChildren(object) if hasattr(w, "toolTip")
                  and w.toolTip() and w.objectName() != "speedLabel"]
        texts += [combo.itemText(i) for combo in tab.findChildren(QComboBox)
                  for i in range(combo.count()) if combo.itemText(i) not in UNTRANSLATED]
        texts += [tab.progress_bar.format(), tab.panel.seed_spin.specialValueText(),
                  tab.preview.caption.text(), main.statusBar().currentMessage(),
                  main.windowTitle()]
        texts += [main.tabs.tabText(i) for i in range(main.tabs.count())]
        texts += [action.text() for action in main.menuBar().actions()]
        for plot in (tab.loss_plot, tab.accuracy_plot):
            item = plot.getPlotItem()
            texts += [item.getAxis(side).labelText for side in ("left", "bottom")]
            texts += [label.text for _sample, label in plot.legend.items]
        assert len(texts) > 60
        missed = [text for text in texts if not text.startswith("⟦")]
        assert not missed, missed
        assert "⟦<p>Book: Koki Saito, {title}" not in main.about_text()  # formatted
        assert "Deep Learning from Scratch" in main.about_text()

        # The presets are found by their English keys whatever the items say.
        panel = tab.panel
        panel.preset_combo.setCurrentIndex(panel.preset_combo.findData("Hidden 100, lr 0.5"))
        assert panel.preset_combo.currentText() == "⟦Hidden 100, lr 0.5⟧"
        assert panel.hidden_size_spin.value() == 100
        assert panel.learning_rate_spin.value() == pytest.approx(0.5)
        panel.hidden_size_spin.setValue(51)
        assert panel.preset_combo.currentData() == "Custom"
        panel.hidden_size_spin.setValue(100)
        assert panel.preset_combo.currentData() == "Hidden 100, lr 0.5"
        main.close()
    finally:
        qapp.removeTranslator(translator)


def test_settings_survive_a_restart(qtbot):
    from desktop_nn.gui import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.training_tab.panel.hidden_size_spin.setValue(77)
    first.training_tab.panel.learning_rate_spin.setValue(0.25)
    first.training_tab.panel.optimizer_combo.setCurrentIndex(
        first.training_tab.panel.optimizer_combo.findData("adam"))
    first.training_tab.findChild(QSlider, "smoothingSlider").setValue(123)
    first.show()
    first.resize(first.minimumSizeHint().width(), 555)  # the offscreen screen is 800x600
    expected = first.size().height()
    assert expected != 820  # not the default size
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    config = second.training_tab.panel.config()
    assert config.hidden_size == 77
    assert config.learning_rate == pytest.approx(0.25)
    assert config.optimizer == "adam"
    assert second.training_tab.findChild(QSlider, "smoothingSlider").value() == 123
    assert second.size().height() == expected
    second.close()


def test_reset_weights_gives_a_fresh_untrained_network(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=50)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    trained = window.state.network.params["W1"].copy()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    fresh = window.state.network.params["W1"]
    assert not np.array_equal(trained, fresh)
    assert abs(float(fresh.std()) - 0.01) < 0.001
    assert tab.loss_plot.buffer.count == 0


def test_about_box_credits_the_book_and_mnist(window):
    text = window.about_text()
    for needle in ("Deep Learning from Scratch", "LeCun", "Cortes", "Burges", "CC BY-SA 3.0",
                   "NumPy", "PySide6", "pyqtgraph", "Qt"):
        assert needle in text
