"""A numerical-gradient run: the estimate before it starts, and the progress inside an
iteration that can take minutes."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox

from desktop_nn.core import timing, training_stream

CLOCK = re.compile(r"\d+:\d\d")


def test_the_numerical_estimate_reads_as_hours_and_days(window, monkeypatch):
    asked = []
    monkeypatch.setattr(timing, "numerical_gradient_seconds",
                        lambda network, x, t, clock=None: 39.71)  # a slow machine
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text: asked.append(text) or
                        QMessageBox.StandardButton.No)
    tab = window.training_tab
    tab.confirm_slow_runs = True
    tab.panel.gradient_combo.setCurrentIndex(tab.panel.gradient_combo.findData("numerical"))
    assert not tab.start()
    assert "about 40 seconds per iteration" in asked[0]
    assert "10,000 iterations would take about 110 hours (4.6 days)" in asked[0]
    assert not CLOCK.search(asked[0])


def test_a_numerical_gradient_iteration_shows_its_progress(window, qtbot, monkeypatch):
    monkeypatch.setattr(training_stream, "ELEMENT_PROGRESS_INTERVAL", 0.0)
    tab = window.training_tab
    panel = tab.panel
    panel.gradient_combo.setCurrentIndex(panel.gradient_combo.findData("numerical"))
    panel.hidden_size_spin.setValue(10)
    panel.batch_size_spin.setValue(10)
    panel.train_size_spin.setValue(1000)
    panel.iters_spin.setValue(50)
    reports = []
    assert tab.start()
    tab.controller.element_progress.connect(
        lambda report: reports.append((report.done, report.total)))
    bar = tab.progress_bar
    # The bar counts thousandths of an iteration: the first report of a few elements of 7,960
    # reads "the next one 0% done" with the bar still at 0, so both are waited for.
    qtbot.waitUntil(lambda: "the next one" in bar.text() and bar.value() > 0, timeout=60_000)
    assert bar.maximum() == 50 * 1000
    assert 0 < bar.value() < bar.maximum()
    assert "per iteration" in tab.speed_label.text() or "it/s" in tab.speed_label.text()
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.stop()
    assert any(0 < done < total for done, total in reports)
    assert not CLOCK.search(tab.speed_label.text())
