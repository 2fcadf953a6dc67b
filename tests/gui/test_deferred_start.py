"""The window shown before its tabs are built: ``desktop-nn`` paints the shell first, builds
each tab when it is first needed (shown, read, or in idle time) and loads MNIST after that."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop_nn.gui.tab_pages import TAB_KEYS, DeferredBuild
from desktop_nn.resources import resource_path
from tests.gui.presentation.test_zoom import settle, text_sizes
from tests.gui.test_desktop_citizen import mnemonic
from tests.gui.test_teardown import unexpected_stderr

SCRIPT = Path(__file__).with_name("startup_app.py")
ROOT = Path(__file__).resolve().parents[2]
LESSON = "02-apples-and-oranges.json"


def launch(ending: str, tmp_path) -> tuple[list, str]:
    """Run desktop-nn as from a terminal; its JSON lines and its stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "DESKTOP_NN_CACHE_DIR": str(tmp_path / "cache"),
           "DESKTOP_NN_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, str(SCRIPT), ending], capture_output=True,
                            text=True, env=env, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not unexpected_stderr(result.stderr), result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "left running: 0", result.stdout
    return [json.loads(line) for line in lines[:-1]], result.stderr


def test_desktop_nn_paints_its_window_before_pyqtgraph_and_the_tabs(tmp_path):
    (first_paint, finished), _ = launch("finish", tmp_path)
    assert first_paint == {"pyqtgraph": False, "numpy": False, "built": [], "loading": False}
    assert finished["built"] == list(TAB_KEYS)
    assert finished["data"] is True
    assert finished["size"] == [1360, 820]
    # NumPy came after the first paint, and BLAS was still limited to one thread.
    assert finished["blas_threads"] and set(finished["blas_threads"]) == {1}


def test_closing_while_tabs_wait_and_mnist_loads_ends_cleanly(tmp_path):
    (first_paint, closing), _ = launch("close", tmp_path)
    assert first_paint["built"] == []
    assert closing["loading"] is True
    assert len(closing["closing with pending"]) == len(TAB_KEYS) - 1
    # Its settings were saved as by the close button, without building the Training tab.
    assert (tmp_path / "config" / "desktop_nn" / "desktop_nn.ini").is_file()


def deferred_window(qtbot, size=(1360, 820), *, monkeypatch=None):
    """A window as ``desktop-nn`` makes it, at ``size``. With ``monkeypatch``, no tab is built
    in idle time (only when shown or read)."""
    from desktop_nn.gui import MainWindow

    if monkeypatch is not None:
        monkeypatch.setattr(DeferredBuild, "build_next", lambda self: None)
    window = MainWindow(defer_tabs=True)
    qtbot.addWidget(window)
    window.resize(*size)
    return window


def show(window, qtbot) -> None:
    window.show()
    qtbot.waitUntil(lambda: window.build.started, timeout=10_000)


def close(window, qtbot) -> None:
    window.finish_building()  # its data starts loading: wait for it, then close
    qtbot.waitUntil(lambda: window.state.data is not None, timeout=30_000)
    window.close()


def built(window) -> list[str]:
    return [page.tab_key for page in window.tabs.pages() if page.is_built()]


def test_no_tab_is_built_before_the_first_paint(qtbot):
    window = deferred_window(qtbot)
    assert built(window) == []
    assert window.tabs.count() == len(TAB_KEYS) and window.tabs.currentIndex() == 0
    assert not window.state.is_loading and window.state.data is None
    show(window, qtbot)
    qtbot.waitUntil(lambda: window.tabs.pending() == [], timeout=30_000)
    assert window.state.is_loading or window.state.data is not None
    close(window, qtbot)


def test_every_tab_builds_when_reached_by_its_alt_letter(qtbot, monkeypatch):
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    show(window, qtbot)
    window.activateWindow()
    for index in reversed(range(window.tabs.count())):  # the first tab is shown already
        page = window.tabs.page(index)
        QTest.keyClick(window, mnemonic(window.tabs.tabText(index)),
                       Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda i=index: window.tabs.currentIndex() == i, timeout=5_000)
        assert page.is_built()
        assert page.built_content().isVisible()
        assert window.tabs.currentWidget() is page.built_content()
    close(window, qtbot)


def test_every_tab_builds_when_its_tab_is_clicked(qtbot, monkeypatch):
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    show(window, qtbot)
    bar = window.tabs.tabBar()
    for index in reversed(range(window.tabs.count())):
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert window.tabs.currentIndex() == index
        content = window.tabs.page(index).built_content()
        assert content is not None and content.isVisible()
        assert content.tab_key == TAB_KEYS[index]
    close(window, qtbot)


def test_reading_a_tab_attribute_builds_that_tab_only(qtbot, monkeypatch):
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    tab = window.inside_tab
    assert built(window) == ["inside"]
    assert window.tabs.indexOf(tab) == TAB_KEYS.index("inside")
    assert window.inside_tab is tab
    window.finish_building()
    assert built(window) == list(TAB_KEYS)
    close(window, qtbot)


def test_a_zoom_set_before_the_tabs_are_built_is_in_force_once_they_are(qtbot, monkeypatch):
    from desktop_nn.gui import MainWindow

    window = deferred_window(qtbot, monkeypatch=monkeypatch)  # at 100%, nothing built
    eager = MainWindow()
    qtbot.addWidget(eager)
    eager.set_zoom_percent(200)
    settle()
    expected = text_sizes(eager)
    close(eager, qtbot)
    assert built(window) == []
    assert window.set_zoom_percent(200) == 200
    window.finish_building()
    settle()
    assert window.graph_tab.view.text_zoom == 2.0
    assert text_sizes(window) == pytest.approx(expected, rel=0.02)
    window.set_zoom_percent(100)
    close(window, qtbot)


def test_a_lesson_opened_before_the_tabs_are_built_is_in_force(qtbot, monkeypatch):
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    assert window.open_lesson_from(resource_path("lessons", LESSON))
    show(window, qtbot)
    assert window.tabs.currentWidget() is window.graph_tab
    assert window.graph_tab.lesson_state()["preset"] == "apple_orange"
    hidden = window.findChild(QWidget, "graphExpressionEdit")
    assert hidden is not None and not hidden.isVisible()
    close(window, qtbot)


@pytest.mark.parametrize("size", [(1024, 768), (1360, 820)])
def test_building_the_tabs_late_never_changes_the_window_size(qtbot, monkeypatch, size):
    window = deferred_window(qtbot, size, monkeypatch=monkeypatch)
    show(window, qtbot)
    assert window.size().toTuple() == size
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
        assert window.tabs.page(index).is_built()
        assert window.size().toTuple() == size, TAB_KEYS[index]
    close(window, qtbot)


def names(window: QWidget) -> list[str]:
    return sorted(child.objectName() for child in window.findChildren(QWidget)
                  if child.objectName())


def test_the_deferred_window_once_built_is_the_eager_one(qtbot, monkeypatch):
    from desktop_nn.gui import MainWindow

    eager = MainWindow()
    qtbot.addWidget(eager)
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    window.finish_building()
    assert names(window) == names(eager)
    assert window.size() == eager.size()
    assert window.training_tab.config() == eager.training_tab.config()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        [eager.tabs.tabText(i) for i in range(eager.tabs.count())]
    for one in (eager, window):
        close(one, qtbot)


def test_the_idle_build_goes_one_tab_a_turn(qtbot, monkeypatch):
    turns = []
    original = DeferredBuild.build_next

    def counted(self):
        before = len(self.tabs.pending())
        original(self)
        turns.append(before - len(self.tabs.pending()))

    monkeypatch.setattr(DeferredBuild, "build_next", counted)
    window = deferred_window(qtbot)
    show(window, qtbot)
    qtbot.waitUntil(lambda: not window.tabs.pending(), timeout=30_000)
    # The Training tab is built once the window is painted; then the data starts loading and
    # the other tabs follow, one a turn.
    assert turns == [0] + [1] * (len(TAB_KEYS) - 1)
    close(window, qtbot)


def enabled_buttons(window) -> dict[str, bool]:
    """Every named button of every tab: enabled or not."""
    from PySide6.QtWidgets import QAbstractButton

    return {button.objectName(): button.isEnabled()
            for index in range(window.tabs.count())
            for button in window.tabs.widget(index).findChildren(QAbstractButton)
            if button.objectName()}


def test_a_tab_built_after_the_data_and_a_model_came_shows_them(qtbot, monkeypatch):
    from desktop_nn.gui import MainWindow

    eager = MainWindow()
    qtbot.addWidget(eager)
    window = deferred_window(qtbot, monkeypatch=monkeypatch)
    show(window, qtbot)
    window.build._after_first()  # the data starts loading, as in the idle build's first turn
    for one in (eager, window):
        qtbot.waitUntil(lambda w=one: w.state.data is not None, timeout=30_000)
        one.training_tab.reset_weights()  # a model, before the other tabs exist
    assert built(window) == ["training"]
    window.finish_building()
    for one in (eager, window):
        qtbot.waitUntil(lambda w=one: not w.inside_tab.refresh_timer.isActive(), timeout=10_000)
    assert enabled_buttons(window) == enabled_buttons(eager)
    for one in (eager, window):
        one.close()
