"""View → Zoom in, Zoom out, Actual size, Presentation mode (full screen, larger text)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_nn.gui.common.lazy_page import LazyTabs
from desktop_nn.gui.common.zoom import (
    ACTUAL_SIZE,
    MAX_ZOOM,
    MIN_ZOOM,
    Zoom,
    step_up,
)

#: The settings key of the zoom level, in percent.
ZOOM_KEY = "view/zoom"
#: Presentation mode shows the texts at least this large (or one step above the zoom).
PRESENTATION_ZOOM = 150


def saved_zoom(settings: QSettings) -> int:
    """The saved zoom level; 100 when none is saved or it is not a level from 50 to 300."""
    value = settings.value(ZOOM_KEY)
    try:
        percent = int(str(value))
    except ValueError:
        return ACTUAL_SIZE
    return percent if MIN_ZOOM <= percent <= MAX_ZOOM else ACTUAL_SIZE


class Presentation(QObject):
    """The zoom of a window's texts, kept in its settings, and its presentation mode.

    ``window`` is a main window with ``tabs`` (a LazyTabs of tabs honouring the tab
    contract), ``settings`` and ``show_status(message)``.
    """

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.zoom = Zoom(self)
        self._before_presentation: tuple[int, Qt.WindowState] | None = None
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), self.zoom_in, "zoomInAction",
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), self.zoom_out, "zoomOutAction",
            [QKeySequence(QKeySequence.StandardKey.ZoomOut)])
        self.zoom_reset_action = self._action(
            self.tr("&Actual size"), self.reset_zoom, "zoomResetAction", [QKeySequence("Ctrl+0")])
        self.presentation_action = self._action(
            self.tr("&Presentation mode"), self.set_presentation_mode, "presentationAction",
            [QKeySequence("F11")])
        self.presentation_action.setCheckable(True)
        self.presentation_action.setToolTip(self.tr(
            "Full screen with larger text, for a projector; Esc leaves it"))
        self.leave_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.leave_key.setObjectName("leavePresentationKey")
        self.leave_key.setEnabled(False)
        self.leave_key.activated.connect(lambda: self.set_presentation_mode(False))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.presentation_action)
        self._apply(self.zoom.set_percent(saved_zoom(window.settings)))
        self.zoom.changed.connect(self._on_zoom_changed)

    def _action(self, text: str, slot, name: str, keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        return action

    # -- zoom --------------------------------------------------------------------------------
    def percent(self) -> int:
        return self.zoom.percent()

    def set_zoom_percent(self, percent: int) -> int:
        """Scale every text of the window to ``percent`` (50–300); return the level set."""
        return self.zoom.set_percent(percent)

    @Slot()
    def zoom_in(self) -> int:
        return self.zoom.zoom_in()

    @Slot()
    def zoom_out(self) -> int:
        return self.zoom.zoom_out()

    @Slot()
    def reset_zoom(self) -> int:
        return self.zoom.reset()

    @Slot(int)
    def _on_zoom_changed(self, percent: int) -> None:
        self._apply(percent)
        if self._before_presentation is None:  # presentation's zoom is not kept
            self.window.settings.setValue(ZOOM_KEY, percent)
        self.window.show_status(self.tr("Zoom: {percent}%").format(percent=percent))

    def _apply(self, percent: int) -> None:
        """Let the tabs scale what they draw themselves; enable the steps that remain."""
        tabs: LazyTabs = self.window.tabs
        for index in range(tabs.count()):
            # The page: a tab not built yet is zoomed when it is built.
            set_zoom = getattr(tabs.page(index), "set_zoom", None)
            if set_zoom is not None:
                set_zoom(percent / 100.0)
        self.zoom_in_action.setEnabled(percent < MAX_ZOOM)
        self.zoom_out_action.setEnabled(percent > MIN_ZOOM)

    # -- presentation mode -------------------------------------------------------------------
    def in_presentation(self) -> bool:
        return self._before_presentation is not None

    @Slot(bool)
    def set_presentation_mode(self, on: bool) -> None:
        """Full screen with texts at least 150% (``on``), or back to the window as it was."""
        if on == self.in_presentation():
            self.presentation_action.setChecked(on)
            return
        window = self.window
        if on:
            self._before_presentation = (self.percent(), window.windowState())
            window.showFullScreen()
            self.zoom.set_percent(max(PRESENTATION_ZOOM, step_up(self.percent())))
        else:
            percent, state = self._before_presentation
            self._before_presentation = None
            window.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
            self.zoom.set_percent(percent)
        self.leave_key.setEnabled(on)
        self.presentation_action.setChecked(on)
