"""Start the application: ``desktop-nn`` with no arguments."""

from __future__ import annotations

import sys


def run_gui(argv: list[str] | None = None) -> int:
    """Create the QApplication and the main window; return the exit code of the event loop."""
    from PySide6.QtWidgets import QApplication

    from desktop_nn.gui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("desktop_nn")

    from desktop_nn.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
