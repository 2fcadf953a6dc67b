"""Tabs whose content is built the first time it is needed.

A :class:`LazyPage` stands in a tab widget for a tab from the start (so the tab bar, its
titles, mnemonics and shortcuts exist at once) and builds the real tab into itself the first
time it is shown or asked for. :class:`LazyTabs` is a tab widget of such pages that answers
``widget``, ``currentWidget``, ``indexOf`` and ``setCurrentWidget`` with the real tabs, so that
the rest of the window never sees the placeholders.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyPage(QWidget):
    """A tab's place: builds ``factory()`` into itself when first shown or asked for.

    Signals
    -------
    built(QWidget)
        The content was just built (and put in the page).
    """

    built = Signal(QWidget)

    def __init__(self, key: str, factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab_key = key
        self.setObjectName(f"{key}Page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._factory: Callable[[], QWidget] | None = factory
        self._content: QWidget | None = None
        self._zoom: float | None = None
        #: While True, being shown does not build the content (the window's first paint).
        self.held = False

    def is_built(self) -> bool:
        return self._content is not None

    def built_content(self) -> QWidget | None:
        """The content if it was built already, else None (never builds)."""
        return self._content

    def content(self) -> QWidget:
        """The tab's content, built now if it was not yet."""
        if self._content is None:
            factory, self._factory = self._factory, None
            if factory is None:
                raise RuntimeError(f"the {self.tab_key} tab is being built already")
            content = factory()
            self._content = content
            self.layout().addWidget(content)
            if self.isVisible():  # added to a page on screen (being shown): show it too
                content.show()
            if self._zoom is not None:
                content.set_zoom(self._zoom)
            self.built.emit(content)
        return self._content

    def set_zoom(self, factor: float) -> None:
        """Zoom the content, now or once it is built."""
        self._zoom = factor
        if self._content is not None:
            self._content.set_zoom(factor)

    def showEvent(self, event) -> None:
        if not self.held:
            self.content()
        super().showEvent(event)


class LazyTabs(QTabWidget):
    """A tab widget of :class:`LazyPage` s that answers with the pages' real tabs."""

    def add_page(self, key: str, title: str, factory: Callable[[], QWidget]) -> LazyPage:
        """Add a tab whose content ``factory()`` makes when it is first needed."""
        page = LazyPage(key, factory)
        self.addTab(page, title)
        return page

    def page(self, index: int) -> QWidget | None:
        """The page at ``index`` as it is (a :class:`LazyPage` is not built by this)."""
        return super().widget(index)

    def pages(self) -> list[LazyPage]:
        return [p for i in range(self.count()) if isinstance(p := self.page(i), LazyPage)]

    def page_for_key(self, key: str) -> LazyPage:
        for page in self.pages():
            if page.tab_key == key:
                return page
        raise KeyError(key)

    def pending(self) -> list[LazyPage]:
        """The pages not built yet, the current one first."""
        current = self.page(self.currentIndex())
        waiting = [p for p in self.pages() if not p.is_built()]
        return sorted(waiting, key=lambda page: page is not current)

    def built_tabs(self) -> list[QWidget]:
        """The contents built so far, in tab order (none is built by this)."""
        return [c for p in self.pages() if (c := p.built_content()) is not None]

    def set_held(self, held: bool) -> None:
        """Hold (True) or allow (False) building a page because it is shown; when allowed,
        the page shown meanwhile is built now."""
        for page in self.pages():
            page.held = held
            if not held and page.isVisible():
                page.content()

    def widget(self, index: int) -> QWidget | None:
        page = self.page(index)
        return page.content() if isinstance(page, LazyPage) else page

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget | None) -> int:
        for index in range(self.count()):
            page = self.page(index)
            if page is widget or (isinstance(page, LazyPage) and widget is not None
                                  and page.built_content() is widget):
                return index
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
