"""Durations as people write them, and a numerical-gradient run that shows it is moving."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMessageBox

import desktop_nn.gui.threads as threads_module
from desktop_nn.core import timing
from desktop_nn.gui import i18n
from desktop_nn.gui.common.durations import about, measured

CLOCK = re.compile(r"\d+:\d\d")


@pytest.mark.parametrize(("seconds", "text"), [
    (0.3, "less than a second"), (1.2, "about a second"), (40.4, "about 40 seconds"),
    (61, "about a minute"), (90, "about 2 minutes"), (3590, "about an hour"),
    (5400, "about 1.5 hours"), (12 * 3600 + 100, "about 12 hours"),
    (397_109, "about 110 hours (4.6 days)"), (float("inf"), "unknown"),
])
def test_estimates(seconds, text):
    assert about(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (0.04, "0.0 s"), (5.23, "5.2 s"), (42.4, "42 s"), (125, "2 min 05 s"),
    (3725, "1 h 02 min"), (397_109, "110 h 18 min"),
])
def test_measured_times(seconds, text):
    assert measured(seconds) == text


@pytest.mark.parametrize("language", ["zh_CN", "ja_JP"])
def test_durations_are_translated(qapp, language):
    try:
        assert i18n.install_translators(language) == language
        for text in (about(397_109), about(90), measured(125), measured(3725)):
            assert not text.isascii(), text
        assert "110" in about(397_109) and "4.6" in about(397_109)
    finally:
        i18n.install_translators("en")


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
    monkeypatch.setattr(threads_module, "ELEMENT_PROGRESS_INTERVAL", 0.0)
    tab = window.training_tab
    panel = tab.panel
    panel.gradient_combo.setCurrentIndex(panel.gradient_combo.findData("numerical"))
    panel.hidden_size_spin.setValue(10)
    panel.batch_size_spin.setValue(10)
    panel.train_size_spin.setValue(1000)
    panel.iters_spin.setValue(50)
    reports = []
    assert tab.start()
    tab.thread.element_progress.connect(lambda done, total, _s: reports.append((done, total)))
    qtbot.waitUntil(lambda: "the next one" in tab.progress_bar.text(), timeout=60_000)
    assert tab.progress_bar.maximum() == 50 * 1000
    assert 0 < tab.progress_bar.value() < tab.progress_bar.maximum()
    assert "per iteration" in tab.speed_label.text() or "it/s" in tab.speed_label.text()
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.stop()
    assert any(0 < done < total for done, total in reports)
    assert not CLOCK.search(tab.speed_label.text())
