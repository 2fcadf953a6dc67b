"""File → Export view… and Edit → Copy picture: the current tab's main view as a picture."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from desktop_nn.gui.common.messages import show_message

#: The PNG choices of the export dialog: image pixels per on-screen pixel (None: the screen's).
PNG_SCALES: tuple[float | None, ...] = (None, 2.0, 4.0)


def main_view_of(tab: QWidget) -> QWidget:
    """The widget a tab exports: its ``main_view()`` (the tab contract), else the whole tab."""
    main_view = getattr(tab, "main_view", None)
    if main_view is not None:
        try:
            return main_view()
        except NotImplementedError:
            pass
    return tab


class ViewPictures(QObject):
    """Export view… (File: a PNG or an SVG file) and Copy picture (Edit) of the current tab.

    ``window`` is a main window with ``tabs`` and ``show_status(message)``.
    """

    def __init__(self, window: QMainWindow, file_menu: QMenu, edit_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.export_action = QAction(self.tr("Export &view…"), window)
        self.export_action.setObjectName("exportViewAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Alt+E"))
        self.export_action.setToolTip(self.tr(
            "Save the current tab's main view as a PNG image or an SVG drawing"))
        self.export_action.triggered.connect(self.export_dialog)
        self.copy_action = QAction(self.tr("&Copy picture"), window)
        self.copy_action.setObjectName("copyPictureAction")
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setToolTip(self.tr(
            "Put the current tab's main view on the clipboard as a picture"))
        self.copy_action.triggered.connect(self.copy_picture)
        file_menu.addAction(self.export_action)
        edit_menu.addAction(self.copy_action)

    def current_view(self) -> QWidget:
        """The current tab's main view."""
        return main_view_of(self.window.tabs.currentWidget())

    def _filters(self) -> list[str]:
        return [
            self.tr("PNG image at the screen's resolution") + " (*.png)",
            self.tr("PNG image at twice the resolution") + " (*.png)",
            self.tr("PNG image at four times the resolution") + " (*.png)",
            self.tr("SVG drawing with its text") + " (*.svg)",
        ]

    @Slot()
    def export_dialog(self) -> None:
        filters = self._filters()
        name = getattr(self.window.tabs.currentWidget(), "tab_key", "") or "view"
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export view"), f"{name}.png", ";;".join(filters))
        if not path:
            return
        index = filters.index(chosen) if chosen in filters else 0
        if not Path(path).suffix:
            path += ".svg" if index == len(PNG_SCALES) else ".png"
        self.export_to(path, PNG_SCALES[index] if index < len(PNG_SCALES) else None)

    def export_to(self, path: str | os.PathLike, scale: float | None = None) -> Path | None:
        """Write the current tab's main view to ``path`` (.png at ``scale``, or .svg).

        ``scale`` is the PNG's pixels per on-screen pixel (None: the screen's resolution).
        Returns the file written, or None after telling the user why nothing was written.
        """
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            self._warn(self.tr("Unknown format"),
                       self.tr("A view can be exported as .png or .svg."))
            return None
        from desktop_nn.gui.common.pictures import export_view  # imports pyqtgraph: when used

        try:
            export_view(self.current_view(), target, scale)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            self._warn(self.tr("Could not export the view"),
                       self.tr("The picture was not written; an existing file keeps its "
                               "contents.") + "\n\n" + f"{target}: {reason}")
            return None
        self.window.show_status(self.tr("View written to {path}").format(path=target))
        return target

    @Slot()
    def copy_picture(self) -> bool:
        """Put the current tab's main view on the clipboard as an image."""
        from desktop_nn.gui.common.pictures import copy_view

        try:
            copy_view(self.current_view())
        except (OSError, ValueError) as exc:
            self._warn(self.tr("Could not copy the picture"), str(exc))
            return False
        self.window.show_status(self.tr("Picture of the view copied to the clipboard"))
        return True

    def _warn(self, title: str, text: str) -> None:
        show_message(self.window, title, text, name="warningMessage")
