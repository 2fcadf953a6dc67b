"""The window's tabs: how each is built and wired to the window, and when.

Every tab is a :class:`~desktop_nn.gui.common.lazy_page.LazyPage` from the start; its content
is made by one of :class:`TabFactories`' methods the first time it is shown or read (as
``window.graph_tab``: a :class:`TabAttribute`). :class:`DeferredBuild` builds what is left after
the window's first paint, one tab an event-loop turn, so that the window appears before the
heavy parts (pyqtgraph, the plots, the scenes) are imported and made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QWidget

from desktop_nn.gui.common.lazy_page import LazyTabs

if TYPE_CHECKING:
    from desktop_nn.gui.main_window import MainWindow

#: The tabs' keys in the order of the tab bar (their titles are the window's).
TAB_KEYS = ("training", "graph", "layers", "gradcheck", "evaluate", "inside", "draw",
            "chapter4")


class TabAttribute:
    """The window's attribute for a tab (``window.graph_tab``): the tab, built when first read."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, window: MainWindow | None, owner: type | None = None):
        if window is None:
            return self
        return window.tabs.page_for_key(self.key).content()


class TabFactories:
    """Make each tab of ``window`` and connect it to the window (one method a tab key)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def maker(self, key: str) -> Callable[[], QWidget]:
        """What builds the tab of ``key``: BLAS limited first (before any NumPy work), then
        the tab."""
        def make() -> QWidget:
            from desktop_nn.core.blas import limit_blas_threads_for_process

            limit_blas_threads_for_process()
            return getattr(self, key)()

        return make

    def _status_of(self, tab: QWidget) -> QWidget:
        tab.status.connect(lambda message: self.window.show_status(message, owner=tab))
        return tab

    def training(self) -> QWidget:
        from desktop_nn.gui.training.tab import TrainingTab

        window = self.window
        tab = self._status_of(TrainingTab(window.state))
        tab.config_changed.connect(window.schedule_settings_save)
        tab.dataset_chosen.connect(window.on_dataset_chosen)
        tab.iteration_opened.connect(window.open_in_layers)
        window.restore_training_settings(tab)
        return tab

    def graph(self) -> QWidget:
        from desktop_nn.gui.graph.tab import GraphTab

        return self._status_of(GraphTab(self.window.state))

    def layers(self) -> QWidget:
        from desktop_nn.gui.layers.tab import LayersTab

        return self._status_of(LayersTab(self.window.state))

    def gradcheck(self) -> QWidget:
        from desktop_nn.gui.gradcheck.tab import GradientCheckTab

        return GradientCheckTab(self.window.state)

    def evaluate(self) -> QWidget:
        from desktop_nn.gui.evaluate.tab import EvaluateTab

        return EvaluateTab(self.window.state, load_model=self.window.load_model_from)

    def inside(self) -> QWidget:
        from desktop_nn.gui.inside.tab import InsideTab

        return InsideTab(self.window.state)

    def draw(self) -> QWidget:
        from desktop_nn.gui.draw.tab import DrawTab

        return DrawTab(self.window.state)

    def chapter4(self) -> QWidget:
        from desktop_nn.gui.chapter4.tab import Chapter4Tab

        return Chapter4Tab(self.window.state)


class DeferredBuild(QObject):
    """Build ``tabs``' pages after ``window``'s first paint, one an event-loop turn.

    Until the first paint no page is built, not even the one shown. Then the page shown is
    built, ``after_first()`` is called in the next turn, and the other pages follow in idle
    time, one a turn. :meth:`stop` ends it (the window is closing).
    """

    #: Start anyway if no paint came by then (a window that is never exposed), milliseconds.
    FALLBACK_MS = 2000

    def __init__(self, window: QWidget, tabs: LazyTabs,
                 after_first: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.window, self.tabs = window, tabs
        self._after_first = after_first
        self.started = False
        tabs.set_held(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.build_next)
        self.fallback = QTimer(self)
        self.fallback.setSingleShot(True)
        self.fallback.timeout.connect(self.start)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and not self.started:
            if event.type() == QEvent.Type.Show:
                self.fallback.start(self.FALLBACK_MS)
            elif event.type() == QEvent.Type.Paint:
                # After this paint has been drawn: the timer fires in a later turn.
                QTimer.singleShot(0, self, self.start)
        return False

    @Slot()
    def start(self) -> None:
        """Allow pages to build when shown, and build the rest in idle time."""
        if self.started:
            return
        self.started = True
        self.fallback.stop()
        self.window.removeEventFilter(self)
        self.tabs.set_held(False)  # the page shown is built now
        self.window.repaint()  # and painted before the next turn's work
        self.timer.start(0)

    @Slot()
    def build_next(self) -> None:
        """One turn's work: ``after_first()`` in the first turn, then one page a turn."""
        if self._after_first is not None:
            after, self._after_first = self._after_first, None
            after()
        elif pending := self.tabs.pending():
            pending[0].content()
        if self.tabs.pending():
            self.timer.start(0)

    def stop(self) -> None:
        """Build nothing more (the window closes)."""
        self.started = True
        self.fallback.stop()
        self.timer.stop()
        self.window.removeEventFilter(self)

    def finish(self) -> None:
        """Build every page left now."""
        self.start()
        self.timer.stop()
        for page in self.tabs.pending():
            page.content()
        if self._after_first is not None:
            after, self._after_first = self._after_first, None
            after()
