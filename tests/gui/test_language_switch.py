"""Changing the language: "Restart now" replaces the window by one in the new language."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QPushButton, QSlider

from desktop_nn.gui import i18n
from desktop_nn.gui.language_switch import current_windows
from desktop_nn.gui.settings import app_settings


@pytest.fixture
def english(qtbot):
    from desktop_nn.gui import MainWindow

    i18n.choose_language(app_settings(), "en")
    window = MainWindow()  # closed (and deleted) by the restart, or here
    window.show()
    qtbot.waitUntil(lambda: window.state.data is not None, timeout=30_000)
    yield window
    if shiboken6.isValid(window):
        window.close()
    for successor in current_windows():
        successor.close()
    QLocale.setDefault(QLocale("en_US"))
    i18n.install_translators("en")


def restart_in(window, language: str):
    window.language_actions[language].trigger()
    question = window.language_question
    restart_button = question.findChild(QPushButton, "restartNowButton")
    assert restart_button is not None
    restart_button.click()
    return current_windows()[-1]


@pytest.mark.parametrize(("language", "training"), [("ja_JP", "学習"), ("zh_CN", "训练")])
def test_restart_now_speaks_the_new_language_and_keeps_the_settings(english, qtbot, language,
                                                                   training):
    old = english
    old.training_tab.panel.hidden_size_spin.setValue(77)
    old.training_tab.findChild(QSlider, "smoothingSlider").setValue(123)
    old.tabs.setCurrentWidget(old.graph_tab)
    old.resize(old.minimumSizeHint().width(), 555)  # the offscreen screen is 800x600
    new = restart_in(old, language)
    qtbot.addWidget(new)
    assert new is not old and new.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # closed and deleted
    assert new.language == language
    assert training in new.tabs.tabText(0)
    assert not new.training_tab.start_button.text().isascii()
    assert new.training_tab.panel.config().hidden_size == 77
    assert new.training_tab.findChild(QSlider, "smoothingSlider").value() == 123
    assert new.tabs.currentWidget() is new.graph_tab
    assert new.height() == max(555, new.minimumSizeHint().height())  # as it was, or taller
    assert new.graph_tab.scene.vertices["tax"].text_item.text() != "tax"  # the book's label
    qtbot.waitUntil(lambda: new.state.data is not None, timeout=30_000)


def test_restart_stops_a_training_run_first(english, qtbot):
    tab = english.training_tab
    tab.panel.train_size_spin.setValue(2000)
    tab.panel.iters_spin.setValue(1_000_000)
    with qtbot.waitSignal(english.state.training_state_changed, timeout=10_000):
        assert tab.start()
    worker = tab.controller.worker
    new = restart_in(english, "ja_JP")
    qtbot.addWidget(new)
    assert not worker.is_running()  # joined before the old window went
    assert not new.training_tab.is_running and new.state.training_state == "idle"


def test_later_keeps_the_window(english):
    english.language_actions["ja_JP"].trigger()
    english.language_question.findChild(QPushButton, "restartLaterButton").click()
    assert current_windows() == [] and english.isVisible()
    assert english.language == "en"
    assert QApplication.activeModalWidget() is None


def test_ctrl_c_after_a_restart_closes_the_new_window(english, qtbot):
    from desktop_nn.gui.app import close_main_windows

    new = restart_in(english, "zh_CN")
    qtbot.addWidget(new)
    assert not shiboken6.isValid(english) or not english.isVisible()
    close_main_windows()  # what Ctrl+C and SIGTERM call
    assert not new.isVisible()
    assert new.state.training_state == "idle"
