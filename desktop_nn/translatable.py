"""Texts the window translates, marked in Qt-free code.

Qt's translation tools (``pyside6-lupdate``) find strings by the name of the call around them,
``QT_TRANSLATE_NOOP(context, text)``, in whatever file they scan. This function has that name
and returns the text unchanged, so the core, the data and the graph packages can hold the one
wording of a text the window shows in its language, without importing Qt: the window passes the
text to ``QCoreApplication.translate(context, text)``. ``scripts/translations.py`` scans every
module that imports this marker.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for Qt's translation tools (in ``context``); return it as is."""
    return text
