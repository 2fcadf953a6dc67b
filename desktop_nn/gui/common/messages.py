"""Message boxes that do not block: every tab and the window tell of problems the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_message(parent: QWidget, title: str, text: str, *, name: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """Open a message box over ``parent`` and return at once (the box closes itself).

    Parameters
    ----------
    parent : QWidget
        The box is its child (window-modal over its window) until the user closes it.
    title, text : str
        Already in the window's language; details from the core may follow in English.
    name : str
        The box's object name, for automation ("trainingMessage", "warningMessage"...).
    icon : QMessageBox.Icon
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName(name)
    box.open()
    return box
