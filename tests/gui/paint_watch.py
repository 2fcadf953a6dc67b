"""A watcher of a widget's paint events, for the tests of what a change repaints."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect


class PaintWatch(QObject):
    """Records each paint event of the widget it watches (keep a reference while watching).

    Attributes
    ----------
    rects : list of QRect
        The bounding rectangle of each region the widget was asked to paint, in order.
    """

    def __init__(self, widget) -> None:
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    @property
    def count(self) -> int:
        """How many paint events the widget has had since the watch began."""
        return len(self.rects)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())
        return False
