"""The lesson file: its format, strict and bounded reading, and atomic writing.

A lesson is a small UTF-8 JSON object::

    {"format": "desktop-nn-lesson", "version": 1,
     "title": {"en": "...", "zh_CN": "...", "ja_JP": "..."},
     "instructions": {"en": "...", "zh_CN": "...", "ja_JP": "..."},
     "tab": "graph", "zoom": 150, "hide": ["graphExpressionEdit"],
     "tabs": {"graph": {"preset": "apple"}, "training": {"learning_rate": 0.1}}}

``format``, ``version`` and an English ``title`` are required; the rest is optional. ``tabs``
holds each tab's lesson state as plain JSON data; this module checks that it is JSON data of a
known tab, the tab itself checks its content. Reading never trusts the file: it is opened only
if it is a regular file, read up to :data:`MAX_BYTES`, parsed as JSON without NaN, infinities
or repeated keys, at most :data:`MAX_DEPTH` levels deep, and every field's type and range is
checked. A lesson of a newer format is refused with its own message (:class:`NewerLessonError`).
Nothing but JSON is ever parsed (no pickle, no code).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_nn.fileio import atomic_write, open_regular_file, read_problem, read_up_to
from desktop_nn.translatable import QT_TRANSLATE_NOOP

FORMAT = "desktop-nn-lesson"
VERSION = 1
#: The languages a lesson's texts are written in; English is required, the others fall back
#: to it.
LANGUAGES = ("en", "zh_CN", "ja_JP")
#: The tabs a lesson may name (a window may not have them all: it refuses what it lacks).
TAB_KEYS = ("training", "graph", "chapter4", "layers", "gradcheck", "evaluate", "inside", "draw")
MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
TITLE_LENGTH = 200
INSTRUCTIONS_LENGTH = 5000
ZOOM_RANGE = (50, 300)
MAX_HIDDEN = 200
OBJECT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
KEYS = ("format", "version", "title", "instructions", "tab", "zoom", "hide", "tabs")


#: The translation context of the messages below (the window shows them in its language).
CONTEXT = "LessonFile"


class LessonError(ValueError):
    """A file is not a lesson this version can open; the message says why, for the user.

    Parameters
    ----------
    message : str
        The message, in English.
    template : str, optional
        The message before ``params`` were put in, marked for translation in ``CONTEXT`` (the
        window shows it in its language); None for a message that is not translated (a text
        of the system's, or one already translated).
    **params
        The values put into ``template``.
    """

    def __init__(self, message: str, template: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.template = template
        self.params = params


class NewerLessonError(LessonError):
    """The lesson was written by a newer desktop_nn, in a format this version does not know."""


def problem(template: str, error: type[LessonError] = LessonError,
            **params: object) -> LessonError:
    """A :class:`LessonError` (or ``error``) saying ``template`` with ``params`` put in."""
    return error(template.format(**params), template, **params)


@dataclass(frozen=True)
class Lesson:
    """A lesson's contents (see the module's docstring for the file)."""

    title: dict[str, str]
    instructions: dict[str, str] = field(default_factory=dict)
    tab: str | None = None
    zoom: int | None = None
    hide: tuple[str, ...] = ()
    tabs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        """The title in ``language`` ("zh_CN", "ja_JP"; English if it has none in it)."""
        return self.title.get(language) or self.title["en"]

    def instructions_in(self, language: str) -> str:
        return self.instructions.get(language) or self.instructions.get("en", "")

    def to_json(self) -> dict[str, Any]:
        """The lesson as the JSON object of its file."""
        data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "title": self.title}
        if self.instructions:
            data["instructions"] = self.instructions
        if self.tab is not None:
            data["tab"] = self.tab
        if self.zoom is not None:
            data["zoom"] = self.zoom
        if self.hide:
            data["hide"] = list(self.hide)
        data["tabs"] = self.tabs
        return data


# -- reading ---------------------------------------------------------------------------------
def read_lesson(path: str | os.PathLike) -> Lesson:
    """Read and check the lesson in ``path``.

    Raises
    ------
    LessonError
        The file cannot be read or is not a lesson (:class:`NewerLessonError`: a newer one).
    """
    try:
        with open_regular_file(path) as stream:
            raw = read_up_to(stream, MAX_BYTES + 1)
    except OSError as exc:
        raise LessonError(read_problem(exc)) from None
    if len(raw) > MAX_BYTES:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "larger than {size} KB: not a lesson"), size=MAX_BYTES // 1024)
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "not a lesson: the file is not UTF-8 text")) from None
    return parse_lesson(loads(text))


def loads(text: str) -> Any:
    """Parse JSON strictly: no NaN or infinities, no repeated keys, bounded nesting."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant,
                          object_pairs_hook=_unique_keys)
    except RecursionError:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "not a lesson: nested more than {limit} levels deep"),
                      limit=MAX_DEPTH) from None
    except json.JSONDecodeError as exc:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "not a lesson: not valid JSON ({reason}, line {line}, column {column})"),
                      reason=exc.msg, line=exc.lineno, column=exc.colno) from None
    check_depth(data)
    return data


def _refuse_constant(name: str) -> None:
    raise problem(QT_TRANSLATE_NOOP(
        "LessonFile", "not a lesson: {name} is not a number a lesson may hold"), name=name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise problem(QT_TRANSLATE_NOOP(
                "LessonFile", "not a lesson: the key {key} appears twice"), key=repr(key))
        result[key] = value
    return result


def check_depth(data: Any, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON data nested more than ``limit`` levels deep (without recursion)."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                raise problem(QT_TRANSLATE_NOOP(
                    "LessonFile", "not a lesson: nested more than {limit} levels deep"),
                    limit=limit)
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)


def parse_lesson(data: Any) -> Lesson:
    """The :class:`Lesson` that JSON ``data`` describes; :class:`LessonError` if it is not
    one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", 'not a desktop_nn lesson (its "format" is not "{format}")'),
                      format=FORMAT)
    _check_version(data.get("version"))
    unknown = sorted(key for key in data if key not in KEYS)
    if unknown:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "unknown entries in the lesson: {keys}"), keys=", ".join(unknown))
    if "title" not in data:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "the lesson has no title"))
    return Lesson(
        title=_texts(data["title"], "title", TITLE_LENGTH, required=True),
        instructions=_texts(data.get("instructions", {}), "instructions", INSTRUCTIONS_LENGTH),
        tab=_tab(data["tab"], "tab") if "tab" in data else None,
        zoom=_zoom(data["zoom"]) if "zoom" in data else None,
        hide=_hide(data.get("hide", [])),
        tabs=_tabs(data.get("tabs", {})),
    )


def _check_version(version: Any) -> None:
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "the lesson's version is not a whole number of at least 1"))
    if version > VERSION:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "this lesson was made by a newer desktop_nn (lesson format {version}; "
                        "this version reads format {known}): update desktop_nn to open it"),
                      NewerLessonError, version=version, known=VERSION)


def _texts(value: Any, name: str, max_length: int, *, required: bool = False) -> dict[str, str]:
    if not isinstance(value, dict):
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "{name} must map languages ({languages}) to texts"), name=name,
                      languages=", ".join(LANGUAGES))
    for language, text in value.items():
        if language not in LANGUAGES:
            raise problem(QT_TRANSLATE_NOOP(
                "LessonFile", "{name}: unknown language {language} (use {languages})"), name=name,
                          language=repr(language), languages=", ".join(LANGUAGES))
        if not isinstance(text, str) or len(text) > max_length:
            raise problem(QT_TRANSLATE_NOOP(
                "LessonFile", "{name} in {language} must be a text of at most {length} characters"),
                          name=name, language=language, length=max_length)
    if required and not (isinstance(value.get("en"), str) and value["en"].strip()):
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "the lesson's {name} has no English text"), name=name)
    return dict(value)


def _tab(value: Any, name: str) -> str:
    if not isinstance(value, str) or value not in TAB_KEYS:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "{name}: unknown tab {value} (use one of {tabs})"), name=name,
                      value=repr(value), tabs=", ".join(TAB_KEYS))
    return value


def _zoom(value: Any) -> int:
    low, high = ZOOM_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "zoom must be a whole percentage from {low} to {high}"), low=low,
                      high=high)
    return value


def _hide(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_HIDDEN:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "hide must be a list of at most {count} control names"),
                      count=MAX_HIDDEN)
    for name in value:
        if not isinstance(name, str) or not OBJECT_NAME.fullmatch(name):
            raise problem(QT_TRANSLATE_NOOP(
                "LessonFile", "hide: {name} is not a control's name"), name=repr(name))
    return tuple(value)


def _tabs(value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "tabs must map tab names to their settings"))
    for key, state in value.items():
        _tab(key, "tabs")
        if not isinstance(state, dict):
            raise problem(QT_TRANSLATE_NOOP(
                "LessonFile", "tabs: the settings of {key} are not a set of named values"),
                          key=repr(key))
    return {key: dict(state) for key, state in value.items()}


# -- writing ---------------------------------------------------------------------------------
def dumps(lesson: Lesson) -> str:
    """The text of ``lesson``'s file (checked: what is written can be read back)."""
    data = lesson.to_json()
    try:
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise problem(QT_TRANSLATE_NOOP(
            "LessonFile", "the lesson holds what JSON cannot: {reason}"), reason=exc) from None
    parse_lesson(loads(text))
    return text


def write_lesson(path: str | os.PathLike, lesson: Lesson) -> None:
    """Write ``lesson`` to ``path`` atomically: the file appears complete or not at all.

    Raises
    ------
    LessonError
        ``lesson`` holds what a lesson file may not (nothing is written).
    OSError
        The file could not be written (an existing file keeps its contents).
    """
    text = dumps(lesson)
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def lesson_from_states(title: Mapping[str, str], states: Mapping[str, dict[str, Any]], *,
                       tab: str | None = None, zoom: int | None = None,
                       instructions: Mapping[str, str] | None = None,
                       hide: tuple[str, ...] = ()) -> Lesson:
    """A :class:`Lesson` of the tabs' current states (what *Save lesson* writes)."""
    return Lesson(title=dict(title), instructions=dict(instructions or {}), tab=tab, zoom=zoom,
                  hide=tuple(hide), tabs={key: dict(state) for key, state in states.items()})
