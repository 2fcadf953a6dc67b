"""Qt's own command-line options (``-platform xcb``, ``-style fusion``...) for the window.

``desktop-nn`` hands these to ``QApplication``, which reads them, when the command opens the
window (no command, a lesson file, ``open FILE``); our own parser never sees them.
"""

from __future__ import annotations

#: Options of QGuiApplication and QApplication (Qt 6) that take a value, as ``-name value``
#: or ``-name=value``.
WITH_VALUE = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qmljsdebugger",
    "qwindowgeometry", "qwindowicon", "qwindowtitle", "session", "style", "stylesheet",
    "display", "geometry",
})
#: Options of Qt that stand alone.
FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync"})


def split_qt_options(argv: list[str]) -> tuple[list[str], list[str]]:
    """``argv`` without Qt's options, and those options (with their values) in order.

    Qt's options have one dash; ours have two, so the two never clash.
    """
    ours: list[str] = []
    qt: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        name, equals, _ = arg[1:].partition("=")
        is_single_dash = arg.startswith("-") and not arg.startswith("--")
        if is_single_dash and name in WITH_VALUE:
            takes_next = not equals and index + 1 < len(argv)
            qt.extend(argv[index:index + 2] if takes_next else [arg])
            index += 2 if takes_next else 1
            continue
        if is_single_dash and not equals and name in FLAGS:
            qt.append(arg)
        else:
            ours.append(arg)
        index += 1
    return ours, qt
