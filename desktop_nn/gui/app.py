"""Start the application: ``desktop-nn`` with no arguments."""

from __future__ import annotations

import os
import sys


def run_gui(argv: list[str] | None = None, lesson: str | None = None) -> int:
    """Create the QApplication and the main window; return the exit code of the event loop.

    ``lesson``: the path of a lesson to open in the window (``desktop-nn open FILE``).

    Exits with 1 and one line on stderr, before Qt starts, when Qt would pick its X11 (xcb)
    platform plugin and the system lacks libraries that the plugin needs.
    """
    qt_argv = argv if argv is not None else sys.argv[:1]
    if not _application_exists():
        from desktop_nn.gui.platform_libraries import xcb_problem

        problem = xcb_problem(qt_argv, os.environ, sys.platform)
        if problem:
            print(problem, file=sys.stderr)
            return 1
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop_nn.gui.icon import app_icon
    from desktop_nn.gui.settings import APPLICATION, ORGANIZATION

    # Fractional scale factors (150 %) as they are, for crisp text and lines on high-DPI screens
    # (only possible before the application exists).
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(qt_argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("desktop_nn")
    app.setDesktopFileName("desktop-nn")  # matches resources/desktop-nn.desktop
    app.setWindowIcon(app_icon())

    from desktop_nn.gui.interrupt import CloseOnSignal
    from desktop_nn.gui.main_window import MainWindow

    # The tabs and the data come after the first paint: the window is there at once.
    window = MainWindow(defer_tabs=True)
    window.show()
    if lesson is not None:
        window.open_lesson_from(lesson)
    # Not window.close: after "Restart now" (another language) a new window stands in its place.
    interrupt = CloseOnSignal(close_main_windows)
    interrupt.install()
    try:
        code = app.exec()
    finally:
        interrupt.uninstall()
    return interrupt.exit_code if interrupt.exit_code is not None else code


def close_main_windows() -> None:
    """Close every open main window as its close button does (threads stop, settings stay)."""
    from PySide6.QtWidgets import QApplication

    from desktop_nn.gui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            widget.close()


def _application_exists() -> bool:
    """True if a Qt application was made already (its platform plugin is loaded)."""
    if "PySide6.QtCore" not in sys.modules:
        return False
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is not None
