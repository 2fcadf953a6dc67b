"""Tab pages built after the window has appeared: launching does not wait for hidden pages.

A :class:`LazyTabs` puts an empty page in the tab bar for each page it is given, with the page's
title, and builds the real page in its place, keeping its position and title:

* when its tab is chosen (the placeholder is never what the user sees);
* when code asks for it (:meth:`LazyTabs.page`);
* otherwise one page per turn of the event loop once the window has painted itself, so that
  a moment after launching every widget exists and can be found by its name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    """Pages of ``tabs`` made by factories, each called once, in the order described above.

    Parameters
    ----------
    tabs : QTabWidget
        Must not yet have emitted ``currentChanged`` for a lazy page: create this object
        before connecting other slots to that signal, so that they see the real page.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._pending: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._built: dict[str, QWidget] = {}
        self._painted = False
        tabs.currentChanged.connect(self._on_current_changed)
        tabs.installEventFilter(self)

    def add(self, name: str, title: str, build: Callable[[], QWidget]) -> None:
        """Add a tab titled ``title`` whose page ``build()`` makes later."""
        placeholder = QWidget()
        self._tabs.addTab(placeholder, title)
        self._pending[name] = (placeholder, build)

    def page(self, name: str) -> QWidget:
        """The page ``name``, built now if it was not yet."""
        if name not in self._built:
            self._build(name)
        return self._built[name]

    @property
    def pending(self) -> list[str]:
        """The names of the pages not built yet, in the order they were added."""
        return list(self._pending)

    def _build(self, name: str) -> None:
        placeholder, build = self._pending.pop(name)
        page = build()
        self._built[name] = page
        tabs = self._tabs
        index = tabs.indexOf(placeholder)
        current = tabs.currentIndex()
        blocked = tabs.blockSignals(True)  # the same tab stays chosen: nothing to announce
        try:
            title = tabs.tabText(index)
            tabs.removeTab(index)
            tabs.insertTab(index, page, title)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        shown = self._tabs.widget(index)
        for name, (placeholder, _build) in list(self._pending.items()):
            if placeholder is shown:
                self._build(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tabs and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._tabs.removeEventFilter(self)  # the first paint is the only one that matters
            QTimer.singleShot(0, self, self._build_next)
        return False

    @Slot()
    def _build_next(self) -> None:
        """Build the first pending page; come back for the next on the next turn."""
        if self._pending:
            self._build(next(iter(self._pending)))
        if self._pending:
            QTimer.singleShot(0, self, self._build_next)
