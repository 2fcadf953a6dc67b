"""The window's lessons: File → Open lesson… / Save lesson…, Help → Lessons, the side panel.

The controller finds the tabs in the window's tab widget by their keys (:class:`TabsByKey`)
and works on the window only through ``show_status(message)``, the attribute ``language``,
and, when the window has them, ``zoom_percent()`` / ``set_zoom_percent(int)``. A lesson that
cannot be opened is one message, and the window stays exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QTabWidget

from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.lessons.panel import LessonPanel
from desktop_nn.gui.lessons.save_dialog import SaveLessonDialog
from desktop_nn.gui.lessons.session import OpenLesson, apply_states, check_fits
from desktop_nn.gui.lessons.tabs import TabsByKey
from desktop_nn.lessons import Lesson, LessonError, read_lesson, shipped_lessons, write_lesson
from desktop_nn.lessons.format import CONTEXT, ZOOM_RANGE, lesson_from_states

#: Room the dock's separator and margins take beside the tabs (pixels).
PANEL_MARGIN = 16


class LessonController(QObject):
    """Opens, shows, closes and saves lessons in ``window`` (see the module's docstring)."""

    def __init__(self, window: QMainWindow, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = TabsByKey(tabs)
        self.current: OpenLesson | None = None
        #: A lesson's zoom kept for a window without a zoom yet.
        self.zoom: int | None = None
        self.panel = LessonPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.panel.close_requested.connect(self.close_lesson)
        window.installEventFilter(self)
        self.open_action = QAction(self.tr("&Open lesson…"), window)
        self.open_action.setObjectName("openLessonAction")
        self.open_action.triggered.connect(self.open_dialog)
        self.save_action = QAction(self.tr("Save l&esson…"), window)
        self.save_action.setObjectName("saveLessonAction")
        self.save_action.triggered.connect(self.save_dialog)

    # -- opening ------------------------------------------------------------------------------
    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open lesson"), "",
                                              self.tr("Lessons") + " (*.json)")
        if path:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open the lesson in ``path``; on any problem say why and change nothing."""
        try:
            lesson = read_lesson(path)
        except LessonError as exc:
            self._refuse(Path(path).name, in_language(exc))
            return False
        return self.open_lesson(lesson, Path(path).name)

    def open_lesson(self, lesson: Lesson, name: str = "") -> bool:
        """Put the window in ``lesson``'s state (all of it, or nothing)."""
        window = self.window
        tabs = self.tabs.all()
        try:
            controls = check_fits(lesson, tabs)
            apply_states(lesson, tabs, self.tabs.title)
        except LessonError as exc:
            self._refuse(name or lesson.title_in(window.language), in_language(exc))
            return False
        if self.current is not None:
            self.current.restore()
        self.current = OpenLesson(lesson)
        self.current.hide(controls)
        if lesson.zoom is not None:
            self.apply_zoom(lesson.zoom)
        if lesson.tab is not None:
            self.tabs.show(lesson.tab)
        self.panel.show_lesson(lesson, window.language)
        self.place_panel()
        self.panel.show()
        window.show_status(self.tr("Lesson opened: {title}").format(
            title=lesson.title_in(window.language)))
        return True

    def place_panel(self) -> None:
        """Beside the tabs when the window is wide enough for both, else below them."""
        area = self.chosen_area()
        if area is None:
            return
        if self.window.dockWidgetArea(self.panel) != area:
            self.window.addDockWidget(area, self.panel)
        self.panel.arrange(area)

    def chosen_area(self) -> Qt.DockWidgetArea | None:
        """Where the panel goes at the window's width (None: it floats where it was put)."""
        if self.panel.isFloating():
            return None
        window = self.window
        needed = (window.centralWidget().minimumSizeHint().width()
                  + self.panel.column_width() + PANEL_MARGIN)
        return Qt.DockWidgetArea.RightDockWidgetArea if window.width() >= needed \
            else Qt.DockWidgetArea.BottomDockWidgetArea

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Choose the panel's place again when the window with an open lesson is resized."""
        if (watched is self.window and event.type() == QEvent.Type.Resize
                and self.current is not None):
            area = self.chosen_area()
            if area is not None and area != self.window.dockWidgetArea(self.panel):
                self.place_panel()
        return False

    def apply_zoom(self, percent: int) -> None:
        """The lesson's zoom, when the window has one (kept in :attr:`zoom` either way)."""
        self.zoom = percent
        set_zoom = getattr(self.window, "set_zoom_percent", None)
        if callable(set_zoom):
            set_zoom(percent)

    def _refuse(self, name: str, detail: str) -> None:
        show_message(self.window, self.tr("Could not open the lesson"),
                     self.tr("The lesson {name} was not opened; the window is unchanged.").format(
                         name=name) + "\n\n" + detail, name="lessonMessage")

    @Slot()
    def close_lesson(self) -> None:
        """Close the open lesson: its hidden controls come back; the settings stay."""
        if self.current is not None:
            self.current.restore()
            self.current = None
        self.panel.hide()

    # -- saving -------------------------------------------------------------------------------
    @Slot()
    def save_dialog(self) -> None:
        dialog = SaveLessonDialog(self.window, self.current.lesson if self.current else None,
                                  self.window.language)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save lesson"),
                                              "lesson.json", self.tr("Lessons") + " (*.json)")
        if path:
            self.save_to(path, dialog.titles(), dialog.instructions())

    def save_to(self, path: str | os.PathLike, titles: dict[str, str],
                instructions: dict[str, str] | None = None) -> bool:
        """Write the window's current state as a lesson (atomically)."""
        window = self.window
        tabs = self.tabs.all()
        states = {key: state for key, tab in tabs.items() if (state := tab.lesson_state())}
        lesson = lesson_from_states(
            titles, states, tab=self.tabs.current(), zoom=self.current_zoom(),
            instructions=instructions,
            hide=self.current.lesson.hide if self.current is not None else ())
        try:
            write_lesson(path, lesson)
        except (LessonError, OSError) as exc:
            detail = in_language(exc) if isinstance(exc, LessonError) else \
                f"{path}: {exc.strerror or exc}"
            show_message(window, self.tr("Could not save the lesson"),
                         self.tr("The lesson was not saved; an existing file keeps its "
                                 "contents.") + "\n\n" + detail, name="lessonMessage")
            return False
        window.show_status(self.tr("Lesson saved to {path}").format(path=path))
        return True

    def current_zoom(self) -> int | None:
        zoom_percent = getattr(self.window, "zoom_percent", None)
        percent = zoom_percent() if callable(zoom_percent) else self.zoom
        if percent is None:
            return None
        return min(max(int(percent), ZOOM_RANGE[0]), ZOOM_RANGE[1])

    # -- the shipped lessons ------------------------------------------------------------------
    def shipped_menu(self, parent: QMenu) -> QMenu:
        """Help → Lessons: the shipped lessons by their titles, each opening its lesson."""
        menu = parent.addMenu(self.tr("&Lessons"))
        menu.setObjectName("lessonsMenu")
        try:
            lessons = shipped_lessons()
        except (LessonError, OSError):
            lessons = []
        for index, (path, lesson) in enumerate(lessons, 1):
            action = menu.addAction(f"&{index} {lesson.title_in(self.window.language)}")
            action.setObjectName(f"lessonAction_{path.stem}")
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        menu.setEnabled(bool(lessons))
        return menu


def in_language(error: LessonError) -> str:
    """What ``error`` says, in the window's language (a text of the system's, such as why a
    file could not be read, stays as the system wrote it)."""
    if error.template is None:
        return str(error)
    return QCoreApplication.translate(CONTEXT, error.template).format(**error.params)
