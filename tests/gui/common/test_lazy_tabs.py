"""Tab pages built when first shown, when asked for, or after the window's first paint."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTabWidget

from desktop_nn.gui.common.lazy_tabs import LazyTabs


@pytest.fixture
def tabs(qtbot):
    widget = QTabWidget()
    qtbot.addWidget(widget)
    return widget


def counting_factory(built: list[str], name: str):
    def build() -> QLabel:
        built.append(name)
        label = QLabel(name)
        label.setObjectName(f"{name}Page")
        return label

    return build


def lazy_pages(tabs: QTabWidget, names: list[str]) -> tuple[LazyTabs, list[str]]:
    built: list[str] = []
    lazy = LazyTabs(tabs)
    tabs.addTab(QLabel("first"), "&First")
    for name in names:
        lazy.add(name, f"&{name.title()}", counting_factory(built, name))
    return lazy, built


def test_a_page_is_built_once_when_asked_for_in_its_place(tabs):
    lazy, built = lazy_pages(tabs, ["graph", "draw"])
    changes = []
    tabs.currentChanged.connect(changes.append)
    assert built == [] and lazy.pending == ["graph", "draw"]
    page = lazy.page("draw")
    assert lazy.page("draw") is page and built == ["draw"]
    assert tabs.indexOf(page) == 2 and tabs.tabText(2) == "&Draw"
    assert tabs.currentIndex() == 0 and changes == []  # swapping the page chose nothing
    assert lazy.pending == ["graph"] and tabs.count() == 3


def test_choosing_a_tab_shows_its_real_page(tabs):
    lazy, built = lazy_pages(tabs, ["graph", "draw"])
    seen = []
    tabs.currentChanged.connect(lambda index: seen.append(tabs.widget(index)))
    tabs.setCurrentIndex(1)
    assert built == ["graph"]
    assert seen == [lazy.page("graph")] and tabs.currentWidget() is lazy.page("graph")


def test_after_the_first_paint_every_page_is_built_one_per_turn(qtbot, tabs):
    lazy, built = lazy_pages(tabs, ["graph", "draw", "inside"])
    tabs.show()
    qtbot.waitUntil(lambda: not lazy.pending, timeout=10_000)
    assert built == ["graph", "draw", "inside"]
    assert tabs.findChild(QLabel, "insidePage") is lazy.page("inside")
    assert tabs.currentIndex() == 0 and tabs.count() == 4


def test_the_window_appears_before_its_hidden_tabs_are_built(qtbot, isolated_settings):
    from desktop_nn.gui import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    hidden = ["graph", "gradcheck", "evaluate", "inside", "draw"]
    assert main.lazy_tabs.pending == hidden
    assert main.tabs.currentWidget() is main.training_tab
    main.show()
    qtbot.waitUntil(lambda: not main.lazy_tabs.pending, timeout=30_000)
    titles = [main.tabs.tabText(i) for i in range(main.tabs.count())]
    assert [main.tabs.widget(i) for i in range(1, 6)] == [
        main.graph_tab, main.gradcheck_tab, main.evaluate_tab, main.inside_tab, main.draw_tab]
    assert len(set(titles)) == 6
    main.close()


def test_the_saved_tab_is_built_at_once_and_shown(qtbot, isolated_settings):
    from desktop_nn.gui import MainWindow
    from desktop_nn.gui.settings import app_settings

    settings = app_settings()
    settings.setValue("window/tab", 3)
    settings.sync()
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.lazy_tabs.pending == ["graph", "gradcheck", "inside", "draw"]
    assert main.tabs.currentWidget() is main.evaluate_tab
    main.close()
