"""Putting a lesson into the window, all or nothing, and taking its hidden controls back.

The window gives the session its tabs by their keys (``lesson_tabs()``), a way to show one
(``show_tab(key)``) and, once it has a zoom, ``zoom_percent()`` / ``set_zoom_percent(int)``.
Opening a lesson checks everything the window can check before it changes anything: the tabs it
names exist here, the controls it hides exist; then every tab's state is applied, and if one tab
refuses its part, the tabs already changed get their previous state back. Only then are
controls hidden, the zoom set, the tab shown and the side panel opened.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop_nn.gui.common.tab_contract import CONTEXT, LessonStateError, TabContract
from desktop_nn.lessons import Lesson, LessonError
from desktop_nn.translatable import QT_TRANSLATE_NOOP


def set_control_visible(widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget``, with its label when it is a row of a form."""
    parent = widget.parentWidget()
    form = parent.layout() if parent is not None else None
    if isinstance(form, QFormLayout):
        row, _role = form.getWidgetPosition(widget)
        if row >= 0:
            form.setRowVisible(row, visible)
            return
    widget.setVisible(visible)
    if parent is not None:  # the label that names it ("Expression:")
        for label in parent.findChildren(QLabel):
            if label.buddy() is widget:
                label.setVisible(visible)


class OpenLesson:
    """What an open lesson changed that closing it undoes: the controls it hid."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.hidden: list[QWidget] = []

    def hide(self, controls: Mapping[str, QWidget]) -> None:
        for name in self.lesson.hide:
            widget = controls[name]
            if not widget.isHidden():
                set_control_visible(widget, False)
                self.hidden.append(widget)

    def restore(self) -> None:
        for widget in self.hidden:
            set_control_visible(widget, True)
        self.hidden.clear()


def hideable_controls(tabs: Mapping[str, TabContract]) -> dict[str, QWidget]:
    """Every control a lesson may hide, in every tab, by objectName."""
    controls: dict[str, QWidget] = {}
    for tab in tabs.values():
        controls.update(tab.hideable_controls())
    return controls


def check_fits(lesson: Lesson, tabs: Mapping[str, TabContract]) -> dict[str, QWidget]:
    """Refuse a lesson naming a tab or a control this window lacks; return the controls."""
    wanted = [*lesson.tabs, *([lesson.tab] if lesson.tab else [])]
    missing = sorted({key for key in wanted if key not in tabs})
    if missing:
        raise LessonError(translated(QT_TRANSLATE_NOOP(
            "LessonState", "this version of desktop_nn has no {tabs} tab; the lesson needs it"),
            tabs=", ".join(missing)))
    controls = hideable_controls(tabs)
    unknown = [name for name in lesson.hide if name not in controls]
    if unknown:
        raise LessonError(translated(QT_TRANSLATE_NOOP(
            "LessonState", "hide: no control named {names} can be hidden"),
            names=", ".join(unknown)))
    return controls


def translated(text: str, **values: object) -> str:
    """``text`` (marked in the context "LessonState") in the window's language, filled in."""
    return QCoreApplication.translate(CONTEXT, text).format(**values)


def apply_states(lesson: Lesson, tabs: Mapping[str, TabContract],
                 names: Callable[[str], str] = str) -> None:
    """Apply each tab's part of ``lesson``; if one refuses, put the others back and raise.

    Raises
    ------
    LessonError
        Naming the tab (``names(key)``: its title) and why it refused.
    """
    before = {key: tabs[key].lesson_state() for key in lesson.tabs}
    applied: list[str] = []
    for key, state in lesson.tabs.items():
        try:
            tabs[key].apply_lesson_state(state)
        except LessonStateError as exc:
            for done in reversed(applied):
                with contextlib.suppress(LessonStateError):
                    tabs[done].apply_lesson_state(before[done])
            raise LessonError(f"{names(key)}: {exc}") from None
        applied.append(key)
