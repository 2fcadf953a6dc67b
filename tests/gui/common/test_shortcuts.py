"""Keyboard commands: they survive a button's change of text and work wherever the focus is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop_nn.gui.common.shortcuts import window_command_keys
from tests.gui.messages import last_message

#: The keys the README and the menus promise.
DOCUMENTED_KEYS = ("Ctrl+O", "Ctrl+S", "Ctrl+E", "Ctrl+Shift+E", "F1", "F5", "F6",
                   "F10", "Shift+F5", "Ctrl+Shift+R", "Ctrl+L", "Ctrl+Shift+N", "F7", "F8", "F9",
                   "Ctrl+0", "Ctrl++", "Ctrl+-", "F11", "Ctrl+Alt+E", "Ctrl+Shift+C")


class ClaimingField(QLineEdit):
    """A text field that claims every key for editing, as Linux line edits claim Ctrl+E,
    Ctrl+K, Ctrl+U, ... (the X11 key scheme, which the offscreen platform does not use)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)


def long_run(tab) -> None:
    """Settings for a run that goes on until it is stopped (2,000 images)."""
    tab.panel.train_size_spin.setValue(2000)
    tab.panel.iters_spin.setValue(1_000_000)
    tab.panel.seed_spin.setValue(0)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def override_accepted(widget: QWidget, key: str) -> bool:
    """Whether the focused ``widget`` keeps ``key`` from the shortcuts (Qt's first question)."""
    combination = QKeySequence(key)[0]
    event = QKeyEvent(QEvent.Type.ShortcutOverride, combination.key(),
                      combination.keyboardModifiers())
    event.ignore()
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_f6_pauses_resumes_and_pauses_again(window, qtbot):
    tab = window.training_tab
    long_run(tab)
    activate(qtbot, window)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        with qtbot.waitSignal(window.state.training_state_changed, timeout=10_000):
            tab.start()
        for expected in [(True, "Resume"), (False, "Pause"), (True, "Resume")]:
            qtbot.keyClick(window, Qt.Key.Key_F6)
            qtbot.waitUntil(lambda e=expected: (tab.is_paused, tab.pause_button.text())
                            == e, timeout=5_000)
        tab.panel.learning_rate_spin.setFocus()  # a text field has the focus: F6 still works
        qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.panel.learning_rate_spin)
        qtbot.keyClick(tab.panel.learning_rate_spin, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: not tab.is_paused, timeout=5_000)
        qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)  # Stop


def test_every_documented_key_is_a_command_of_the_window(window):
    keys = window_command_keys(window)
    assert set(DOCUMENTED_KEYS) <= keys


def test_ctrl_e_exports_while_a_text_field_that_claims_it_has_the_focus(window, qtbot):
    field = ClaimingField()
    window.training_tab.panel.layout().addWidget(field)
    activate(qtbot, window)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    triggered = []
    window.export_csv_action.triggered.connect(lambda: triggered.append(True))
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True]
    assert last_message(window, "warningMessage")[0] == "No history to export"
    for key in window_command_keys(window):
        assert not override_accepted(field, key), key
    for key in ("Ctrl+Z", "Ctrl+A", "Delete", "Backspace", "Ctrl+K"):  # editing keys stay
        assert override_accepted(field, key), key


@pytest.mark.parametrize("tab_name", ["training_tab", "graph_tab", "gradcheck_tab",
                                      "evaluate_tab", "inside_tab", "draw_tab"])
def test_no_widget_of_a_tab_keeps_a_command_key(window, qtbot, tab_name):
    tab = getattr(window, tab_name)
    window.tabs.setCurrentWidget(tab)
    activate(qtbot, window)
    keys = window_command_keys(window)
    focusable = [widget for widget in tab.findChildren(QWidget)
                 if widget.isVisible() and widget.isEnabled()
                 and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                 and widget.focusProxy() is None]
    assert focusable
    kept, checked = [], 0
    for widget in focusable:
        widget.setFocus()
        QApplication.processEvents()
        if QApplication.focusWidget() is not widget:
            continue  # scrolled out of sight or refusing the focus
        checked += 1
        kept += [f"{type(widget).__name__} {widget.objectName()}: {key}" for key in keys
                 if override_accepted(widget, key)]
    assert checked >= len(focusable) // 2
    assert not kept


def test_graph_keys_step_while_the_expression_field_has_the_focus(window, qtbot):
    tab = window.graph_tab
    window.tabs.setCurrentWidget(tab)
    activate(qtbot, window)
    tab.expression_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.expression_edit)
    qtbot.keyClick(tab.expression_edit, Qt.Key.Key_F7)
    assert tab.graph.position == 1
    qtbot.keyClick(tab.expression_edit, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert tab.graph.position == 1  # Fit all changes the view only


def test_fit_all_keeps_its_mnemonic_and_leaves_ctrl_0_to_the_window(window):
    from desktop_nn.gui.common.shortcuts import command_keys_of

    button = window.graph_tab.fit_button
    assert button.shortcut() == QKeySequence("Alt+A")
    assert command_keys_of(button) == []  # Ctrl+0 is View → Actual size
    assert QKeySequence("Ctrl+0") in window.presentation.zoom_reset_action.shortcuts()
