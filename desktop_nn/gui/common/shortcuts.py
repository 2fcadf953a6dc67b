"""Command keys that survive a button's change of text and work whatever widget has the focus.

Two Qt behaviours get in the way of a window's keyboard commands:

- ``QAbstractButton.setText()`` replaces the button's shortcut with the mnemonic of the new
  text, so a Pause button whose text becomes "Resume" loses its F6. A command key made with
  :func:`add_command_key` lives in a ``QShortcut`` of its own and clicks the button, whatever
  the button says and in whatever language.
- A focused text field may claim a key for editing before any shortcut sees it (on Linux a line
  edit takes Ctrl+E, Ctrl+K, Ctrl+U, ... for the Emacs-style moves). :class:`ShortcutGuard`
  watches the focused widget of one window and lets that window's command keys through to the
  shortcut, so a menu key or a run key works wherever the focus is. Keys that are not the
  window's commands (Ctrl+Z, Delete, ...) stay with the text field.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

#: Marks a QShortcut as one of the window's commands (editing keys are not marked).
COMMAND_PROPERTY = "desktopNnCommand"


def key_text(key: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """The key as the platform writes it ("Ctrl+E", "F6"), for tooltips."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def add_command_key(button: QAbstractButton, key: str | QKeySequence.StandardKey) -> QShortcut:
    """Make ``key`` click ``button`` while the button is shown and enabled.

    The key is kept in a ``QShortcut`` owned by the button, not in the button's own shortcut,
    so changing the button's text (Pause/Resume, another language) keeps it, and the mnemonic
    of the text (Alt+letter) works as well.
    """
    shortcut = QShortcut(QKeySequence(key), button)
    shortcut.setObjectName(f"{button.objectName() or 'button'}Key")
    shortcut.setProperty(COMMAND_PROPERTY, True)
    shortcut.activated.connect(button.click)
    return shortcut


def command_keys_of(widget: QWidget) -> list[QKeySequence]:
    """The command keys :func:`add_command_key` gave ``widget`` and its children."""
    sequences: list[QKeySequence] = []
    for shortcut in widget.findChildren(QShortcut):
        if shortcut.property(COMMAND_PROPERTY):
            sequences += shortcut.keys()
    return sequences


def _portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def pressed_key(event: QKeyEvent) -> str:
    """The key combination of ``event`` in portable text ("Ctrl+E"), keypad or not."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return _portable(QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key()))))


def window_command_keys(window: QWidget) -> set[str]:
    """Every key of the window's actions and command shortcuts, in portable text."""
    keys = {_portable(key) for action in window.findChildren(QAction)
            for key in action.shortcuts()}
    keys |= {_portable(key) for key in command_keys_of(window)}
    keys.discard("")
    return keys


class ShortcutGuard(QObject):
    """Gives ``window``'s command keys priority over the focused widget's own use of them.

    Qt asks the focused widget first (a ``ShortcutOverride`` event) whether it wants a key; a
    widget that accepts keeps the key from every shortcut. The guard filters the events of
    the focused widget of its window only, and answers for it when the key is a command of
    the window, so the key goes on to the shortcut.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutGuard")
        self._window = window
        self._watched: QWidget | None = None
        self.keys: set[str] = set()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self._on_focus_changed(None, QApplication.focusWidget())

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        watched, self._watched = self._watched, None
        if watched is not None and shiboken6.isValid(watched):
            watched.removeEventFilter(self)
        if new is None or not shiboken6.isValid(self._window):
            return
        if new is self._window or self._window.isAncestorOf(new):
            self.keys = window_command_keys(self._window)
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and pressed_key(event) in self.keys:
            event.ignore()
            return True  # the widget never sees it: the key goes on to the shortcut
        return False
