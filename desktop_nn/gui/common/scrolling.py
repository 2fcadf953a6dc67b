"""A column of controls that scrolls up and down when the window is too short for it.

At a large zoom on a small screen a column of settings may need more height than the window
has; squeezed, Qt overlaps its rows and cuts its texts. In a vertical scroll area it keeps its
natural height and a scroll bar appears instead. The column is as wide as its contents need
at the current zoom (never narrower than ``min_width``), so that nothing is cut sideways.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget

from desktop_nn.gui.common.zoom import refit_on_font_change


def _fit_width(scroll: QScrollArea, content: QWidget, min_width: int) -> None:
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    needed = content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth()
    scroll.setFixedWidth(max(needed, min_width))


def vertical_scroll(content: QWidget, name: str, min_width: int | None = 0) -> QScrollArea:
    """``content`` in a frameless area that scrolls vertically, as wide as it needs.

    Parameters
    ----------
    content : QWidget
        The column; it takes the area's whole width and at least its own height.
    name : str
        The area's objectName.
    min_width : int or None
        The narrowest the column is, in pixels; None leaves the width to the layout (for
        text that wraps at any width).
    """
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if min_width is not None:
        _fit_width(scroll, content, min_width)
        refit_on_font_change(content, lambda: _fit_width(scroll, content, min_width))
    return scroll
