"""What the window told the user: the message boxes it has open, read as a user reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox, QWidget


def message_boxes(widget: QWidget, name: str) -> list[QMessageBox]:
    """The open message boxes called ``name`` over ``widget`` (or its children), oldest
    first."""
    return [box for box in widget.findChildren(QMessageBox)
            if box.objectName() == name and box.isVisible()]


def last_message(widget: QWidget, name: str) -> tuple[str, str] | None:
    """(title, text) of the newest open box called ``name``, or None."""
    boxes = message_boxes(widget, name)
    return (boxes[-1].windowTitle(), boxes[-1].text()) if boxes else None


def close_messages(widget: QWidget, name: str) -> None:
    """Press OK on every open box called ``name`` (each deletes itself)."""
    for box in message_boxes(widget, name):
        box.accept()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
