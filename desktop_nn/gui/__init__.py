"""The PySide6 + pyqtgraph window: thin views over :mod:`desktop_nn.core` objects."""

from __future__ import annotations

__all__ = ["MainWindow"]


def __getattr__(name: str):
    # Imported lazily so that ``import desktop_nn.gui`` stays cheap until a window is needed.
    if name == "MainWindow":
        from desktop_nn.gui.main_window import MainWindow

        return MainWindow
    raise AttributeError(name)
