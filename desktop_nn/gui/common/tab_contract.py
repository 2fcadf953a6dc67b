"""What every tab offers the window: its main view, its lesson state, the controls a lesson hides.

The window's shell (menus, lessons, exports, zoom) works through this small contract and never
reaches into a tab's widgets:

- :meth:`TabContract.main_view` is the widget that *Export view* and *Copy picture* draw: a
  graphics view (a pyqtgraph plot, a graph scene's view), a table, or any widget.
- :meth:`TabContract.lesson_state` returns the tab's settings a lesson keeps, as plain JSON data
  (dicts, lists, strings, numbers, booleans); :meth:`TabContract.apply_lesson_state` puts such
  data back. It validates everything first and raises :class:`LessonStateError` with a message
  for the user, in the window's language (:func:`refusal`), before it changes anything, so that
  a damaged lesson changes nothing.
- :meth:`TabContract.hideable_controls` names the controls a lesson may hide, by objectName.
- :meth:`TabContract.set_zoom` scales what the tab draws itself (plot axes, graph labels) when the
  window's zoom changes; widgets that take the application font follow it on their own.

A tab derives from its Qt widget class first and from :class:`TabContract` second::

    class LayersTab(QWidget, TabContract):
        tab_key = "layers"
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_nn.translatable import QT_TRANSLATE_NOOP

#: The JSON form of a tab's lesson state.
LessonState = dict[str, Any]
#: The translation context of the messages that refuse a lesson's state.
CONTEXT = "LessonState"


class LessonStateError(ValueError):
    """A lesson's state for a tab cannot be applied; the message says why, for the user."""


def refusal(text: str, **values: object) -> LessonStateError:
    """The error saying ``text`` in the window's language, its placeholders filled.

    ``text`` is marked ``QT_TRANSLATE_NOOP("LessonState", "...")`` where it is written, so that
    the translation tools find it; the names of a lesson file's keys stay as they are.
    """
    return LessonStateError(QCoreApplication.translate(CONTEXT, text).format(**values))


class TabContract:
    """The methods the window's shell calls on every tab (see the module's docstring)."""

    #: The tab's stable name in lesson files ("training", "graph", "layers", ...).
    tab_key: str = ""

    def main_view(self) -> QWidget:
        """The widget that Export view and Copy picture draw."""
        raise NotImplementedError(f"{type(self).__name__} has no main view")

    def lesson_state(self) -> LessonState:
        """The tab's settings a lesson keeps, as JSON data (an empty dict when it keeps none)."""
        return {}

    def apply_lesson_state(self, state: Mapping[str, Any]) -> None:
        """Put the tab in ``state`` (from :meth:`lesson_state`); validate everything first.

        Raises
        ------
        LessonStateError
            Something in ``state`` is missing, of the wrong type or out of range; the tab is
            unchanged.
        """
        check_keys(state, allowed=())

    def hideable_controls(self) -> dict[str, QWidget]:
        """The controls a lesson may hide, by their objectName."""
        return {}

    def set_zoom(self, factor: float) -> None:
        """Scale the texts the tab draws itself by ``factor`` (1.0 is actual size)."""


def check_keys(state: Mapping[str, Any], allowed: Sequence[str]) -> None:
    """Refuse a state that is not a mapping or names a key the tab does not know."""
    if not isinstance(state, Mapping):
        raise refusal(QT_TRANSLATE_NOOP("LessonState",
                                        "the tab's settings are not a set of named values"))
    unknown = sorted(str(key) for key in state if key not in allowed)
    if unknown:
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "unknown setting(s): {names}"),
                      names=", ".join(unknown))


def read_number(
    state: Mapping[str, Any], key: str, low: float, high: float, *, integer: bool = False
) -> float | int:
    """``state[key]`` as a finite number in [low, high] (an int when ``integer``)."""
    value = state.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be a number"), key=key)
    if integer and not (isinstance(value, int) or float(value).is_integer()):
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be a whole number"), key=key)
    if not math.isfinite(value) or not low <= value <= high:
        raise refusal(QT_TRANSLATE_NOOP("LessonState",
                                        "{key} must be between {low:g} and {high:g}"),
                      key=key, low=low, high=high)
    return int(value) if integer else float(value)


def read_choice(state: Mapping[str, Any], key: str, choices: Sequence[str]) -> str:
    """``state[key]`` as one of ``choices``."""
    value = state.get(key)
    if not isinstance(value, str) or value not in choices:
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be one of: {choices}"), key=key,
                      choices=", ".join(choices))
    return value


def read_text(state: Mapping[str, Any], key: str, max_length: int = 1000) -> str:
    """``state[key]`` as a string of at most ``max_length`` characters."""
    value = state.get(key)
    if not isinstance(value, str):
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be text"), key=key)
    if len(value) > max_length:
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} is longer than {length} characters"),
                      key=key, length=max_length)
    return value


def read_flag(state: Mapping[str, Any], key: str) -> bool:
    """``state[key]`` as true or false."""
    value = state.get(key)
    if not isinstance(value, bool):
        raise refusal(QT_TRANSLATE_NOOP("LessonState", "{key} must be true or false"), key=key)
    return value
