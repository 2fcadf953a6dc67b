"""Lessons: a prepared situation of the window in a small JSON file, to hand to a class.

Qt-free: :mod:`~desktop_nn.lessons.format` reads, checks and writes the files;
:mod:`~desktop_nn.lessons.shipped` finds the lessons shipped in ``resources/lessons/``. The
window puts a lesson's state into its tabs through the tab contract.
"""

from desktop_nn.lessons.format import (
    FORMAT,
    LANGUAGES,
    VERSION,
    Lesson,
    LessonError,
    NewerLessonError,
    parse_lesson,
    read_lesson,
    write_lesson,
)
from desktop_nn.lessons.shipped import shipped_lessons

__all__ = [
    "FORMAT",
    "LANGUAGES",
    "VERSION",
    "Lesson",
    "LessonError",
    "NewerLessonError",
    "parse_lesson",
    "read_lesson",
    "shipped_lessons",
    "write_lesson",
]
