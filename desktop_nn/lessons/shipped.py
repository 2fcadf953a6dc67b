"""The lessons shipped with desktop_nn, in ``resources/lessons/`` (in the wheel too)."""

from __future__ import annotations

from pathlib import Path

from desktop_nn.lessons.format import Lesson, read_lesson
from desktop_nn.resources import resource_path


def lessons_dir() -> Path:
    """The folder of the shipped lessons."""
    return resource_path("lessons")


def shipped_lessons() -> list[tuple[Path, Lesson]]:
    """Every shipped lesson with its file, in the order of their file names (``01-...``).

    Raises
    ------
    LessonError
        A shipped file is not a valid lesson (a damaged installation).
    """
    return [(path, read_lesson(path)) for path in sorted(lessons_dir().glob("*.json"))]
