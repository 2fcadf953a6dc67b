"""Geometric checks of a laid-out widget tree: texts and controls that do not fit, overlaps.

A text clips when its widget is smaller than the text needs (its size hint, or for wrapped
text the height its width calls for), or when an ancestor cuts the widget off. Two visible
siblings that share pixels overlap. Widgets inside a scroll area may be cut by its viewport:
that is what scrolling is for.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QWidget,
)

from desktop_nn.gui.common.widgets import StatusLabel

#: The widgets whose text must show in full.
TEXT_WIDGETS = (QLabel, QAbstractButton, QAbstractSpinBox, QComboBox, StatusLabel, QGroupBox)
#: Pixels of rounding a layout may take from a size hint.
SLACK = 1
#: Pixels a group box's title keeps from either side of the box (the Fusion style's 4, and
#: room to spare).
GROUP_TITLE_MARGIN = 4


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    """True when ``widget`` sits in a QScrollArea below ``top``."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def inside_scrolled_view(widget: QWidget, top: QWidget) -> bool:
    """True when ``widget`` belongs to a view that scrolls its content (a table, a scene...)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def wrapped_height(widget: QWidget, text: str, width: int) -> int:
    flags = int(Qt.TextFlag.TextWordWrap)
    return widget.fontMetrics().boundingRect(QRect(0, 0, max(width, 1), 100_000), flags,
                                             text).height()


def text_shortfall(widget: QWidget) -> str | None:
    """Why the widget's text or control does not fit its geometry, or None when it fits."""
    width, height = widget.width(), widget.height()
    if isinstance(widget, StatusLabel):
        if widget.lines == 1:
            return None  # one line elides by design
        needed = wrapped_height(widget, widget.text(), width) + 4
        return None if needed <= height + SLACK else f"text needs {needed} px high, has {height}"
    if isinstance(widget, QGroupBox):
        title = widget.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = widget.fontMetrics().horizontalAdvance(title) + 2 * GROUP_TITLE_MARGIN
        return None if needed <= width + SLACK else f"title needs {needed} px, has {width}"
    if isinstance(widget, QLabel) and widget.wordWrap():
        if not widget.text():
            return None
        needed = widget.heightForWidth(width)
        return None if needed <= height + SLACK else f"text needs {needed} px high, has {height}"
    hint = widget.minimumSizeHint() if isinstance(widget, QComboBox) else widget.sizeHint()
    if isinstance(widget, QLabel) and not widget.text():
        return None  # a picture or an empty label
    if isinstance(widget, QPushButton):  # narrower than the style's usual button is fine
        margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        hint.setWidth(widget.fontMetrics().horizontalAdvance(text) + 2 * margin
                      + (widget.iconSize().width() if not widget.icon().isNull() else 0))
    if hint.width() > width + SLACK or hint.height() > height + SLACK:
        return f"needs {hint.width()}x{hint.height()}, has {width}x{height}"
    return None


def cut_by_ancestor(widget: QWidget, top: QWidget) -> str | None:
    """The first ancestor (up to ``top``) that hides part of ``widget``, or None."""
    rect = QRect(widget.rect())
    child, parent = widget, widget.parentWidget()
    while child is not top and parent is not None:
        rect.translate(child.pos())
        if isinstance(parent.parentWidget(), QScrollArea):
            return None  # a scroll area's viewport shows part of its content at a time
        if not parent.rect().contains(rect):
            return f"cut by {type(parent).__name__} {parent.objectName()!r}"
        child, parent = parent, parent.parentWidget()
    return None


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {str(text)[:40]!r}"


def clipped_texts(top: QWidget) -> list[str]:
    """Every visible text widget below ``top`` that its geometry or an ancestor cuts."""
    problems = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, TEXT_WIDGETS) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget.parentWidget(), QLineEdit):
            continue  # the line edit's own clear button
        if inside_scrolled_view(widget, top) or in_scroll_area(widget, top):
            continue
        reason = text_shortfall(widget) or cut_by_ancestor(widget, top)
        if reason:
            problems.append(f"{describe(widget)}: {reason}")
    return problems


def cut_sideways(top: QWidget) -> list[str]:
    """Every visible scroll area below ``top`` that never scrolls sideways yet shows its
    contents narrower than they can be."""
    problems = []
    for area in top.findChildren(QScrollArea):
        content = area.widget()
        if (not area.isVisibleTo(top) or content is None
                or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
            continue
        needed = content.minimumSizeHint().width()
        if needed > area.viewport().width() + SLACK:
            problems.append(f"{describe(area)}: contents need {needed} px, "
                            f"shows {area.viewport().width()}")
    return problems


def overlapping_siblings(top: QWidget) -> list[str]:
    """Every pair of visible sibling widgets below ``top`` whose geometries intersect."""
    problems = []
    for parent in [top, *top.findChildren(QWidget)]:
        if not parent.isVisibleTo(top) or inside_scrolled_view(parent, top):
            continue
        if isinstance(parent, QAbstractScrollArea):
            continue  # its viewport, bars and corner are arranged by the view itself
        children = [child for child in parent.children()
                    if isinstance(child, QWidget) and not child.isWindow()
                    and child.isVisibleTo(top)]
        for first, second in combinations(children, 2):
            if first.geometry().intersects(second.geometry()):
                problems.append(f"{describe(first)} overlaps {describe(second)}")
    return problems
