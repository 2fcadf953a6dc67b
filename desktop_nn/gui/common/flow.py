"""A row of controls that wraps onto further rows when the window is too narrow for it.

A row of buttons laid out by a QHBoxLayout is as wide as all its buttons together: at a large
zoom or in a wide language that can exceed a small screen, and the whole window grows past
it. :class:`FlowLayout` places its items left to right and starts a new row where the next
one would not fit, asking for the height its rows need at the width it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapped into rows, each row's items centred vertically."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All the items on one row."""
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self._spacing * max(len(self._visible()) - 1, 0)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The widest single item: narrower than that, something would be cut."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); return the height the rows take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        x = area.x()
        for item in self._visible():
            width = item.sizeHint().width()
            if rows[-1] and x + width > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append(item)
            x += width + self._spacing
        y = area.y()
        for row in rows:
            sizes = [_size_within(item, area.width()) for item in row]
            height = max((size.height() for size in sizes), default=0)
            x = area.x()
            for item, size in zip(row, sizes, strict=True):
                if move:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()


def _size_within(item: QLayoutItem, width: int) -> QSize:
    """The item's preferred size, no wider than ``width`` (wrapped text then grows taller)."""
    hint = item.sizeHint()
    width = min(hint.width(), width)
    if item.hasHeightForWidth():
        return QSize(width, max(hint.height(), item.heightForWidth(width)))
    return QSize(width, hint.height())
