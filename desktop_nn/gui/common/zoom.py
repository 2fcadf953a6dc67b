"""The window's zoom: every text scaled from 50% to 300% of the system's font size.

The zoom sets the application font to the system size times the level; every widget that takes
the application font follows by itself. What draws its own text at a size derived from that font
(a label set 1.5 times larger, a plot's axes) keeps its proportion with :func:`follow_font`, or
listens to the font change itself (see :func:`desktop_nn.gui.common.plot_style.apply_fonts`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

#: The levels Zoom in and Zoom out step through, in percent.
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
ACTUAL_SIZE = 100

#: The application font's size before any zoom: (size, True for points or False for pixels).
_base_size: tuple[float, bool] | None = None


def clamp_percent(percent: int) -> int:
    """``percent`` within [MIN_ZOOM, MAX_ZOOM]."""
    return min(max(int(percent), MIN_ZOOM), MAX_ZOOM)


def step_up(percent: int) -> int:
    """The next level above ``percent`` (the highest stays)."""
    return next((step for step in ZOOM_STEPS if step > percent), MAX_ZOOM)


def step_down(percent: int) -> int:
    """The next level below ``percent`` (the lowest stays)."""
    return next((step for step in reversed(ZOOM_STEPS) if step < percent), MIN_ZOOM)


def base_size() -> tuple[float, bool]:
    """The application font's unzoomed size, recorded the first time it is asked for."""
    global _base_size
    if _base_size is None:
        font = QGuiApplication.font()
        points = font.pointSizeF()
        _base_size = (points, True) if points > 0 else (float(font.pixelSize()), False)
    return _base_size


def scaled_font(font: QFont, factor: float) -> QFont:
    """A copy of ``font`` at the unzoomed application size times ``factor``."""
    size, in_points = base_size()
    result = QFont(font)
    if in_points:
        result.setPointSizeF(size * factor)
    else:
        result.setPixelSize(max(1, round(size * factor)))
    return result


def font_points(font: QFont) -> float:
    """A font's size in points (pixel-sized fonts converted at 96 dots per inch)."""
    points = font.pointSizeF()
    return points if points > 0 else font.pixelSize() * 72.0 / 96.0


class Zoom(QObject):
    """The zoom level of the application's texts, in percent.

    Signals
    -------
    changed(int)
        The new level, after the application font has changed.
    """

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        base_size()
        self._percent = ACTUAL_SIZE

    def percent(self) -> int:
        return self._percent

    def factor(self) -> float:
        return self._percent / 100.0

    def set_percent(self, percent: int) -> int:
        """Scale every text to ``percent`` (clamped to 50–300); return the level set."""
        self._percent = clamp_percent(percent)
        QApplication.setFont(scaled_font(QApplication.font(), self.factor()))
        font_hub().font_scaled.emit()
        self.changed.emit(self._percent)
        return self._percent

    def zoom_in(self) -> int:
        return self.set_percent(step_up(self._percent))

    def zoom_out(self) -> int:
        return self.set_percent(step_down(self._percent))

    def reset(self) -> int:
        return self.set_percent(ACTUAL_SIZE)


class _FontHub(QObject):
    """Tells every :func:`follow_font` widget that the zoom changed the application font."""

    font_scaled = Signal()


_hub: _FontHub | None = None


def font_hub() -> _FontHub:
    global _hub
    if _hub is None:
        _hub = _FontHub()
    return _hub


class _FontFollower(QObject):
    """Keeps a widget's font ``relative`` times the application font as the latter changes."""

    def __init__(self, widget: QWidget, relative: float, bold: bool | None) -> None:
        super().__init__(widget)
        self.relative = relative
        self.bold = bold
        widget.installEventFilter(self)
        font_hub().font_scaled.connect(self._on_font_scaled)
        self.apply(widget)

    def _on_font_scaled(self) -> None:
        widget = self.parent()
        if isinstance(widget, QWidget):
            self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        font = QFont(widget.font())
        font.setPointSizeF(font_points(QGuiApplication.font()) * self.relative)
        if self.bold is not None:
            font.setBold(self.bold)
        widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def follow_font(widget: QWidget, relative: float = 1.0, *, bold: bool | None = None) -> None:
    """Give ``widget`` a font ``relative`` times the application font's size, for good.

    A widget whose font size was set explicitly no longer follows the application font; this
    keeps its proportion when the zoom changes.
    """
    _FontFollower(widget, relative, bold)
