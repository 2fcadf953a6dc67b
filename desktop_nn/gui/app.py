"""Start the application: ``desktop-nn`` with no arguments."""

from __future__ import annotations

import sys


def run_gui(argv: list[str] | None = None) -> int:
    """Create the QApplication and the main window; return the exit code of the event loop."""
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
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("desktop_nn")
    app.setDesktopFileName("desktop-nn")  # matches resources/desktop-nn.desktop
    app.setWindowIcon(app_icon())

    from desktop_nn.gui.interrupt import CloseOnSignal
    from desktop_nn.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    interrupt = CloseOnSignal(window.close)
    interrupt.install()
    try:
        code = app.exec()
    finally:
        interrupt.uninstall()
    return interrupt.exit_code if interrupt.exit_code is not None else code
