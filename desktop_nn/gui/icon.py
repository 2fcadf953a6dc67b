"""The application's icon (a two-layer network), drawn as SVG so it is crisp at any size."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop_nn.resources import resource_path


def app_icon() -> QIcon:
    """The desktop_nn icon; an empty icon if the file is missing (the window still works)."""
    return QIcon(str(resource_path("icons", "desktop-nn.svg")))
