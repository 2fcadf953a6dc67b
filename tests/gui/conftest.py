"""Fixtures for the window tests: private settings, no leaked threads, a loaded window."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QSettings, QThread

_started_threads: list[weakref.ref] = []
_original_start = QThread.start


def _tracking_start(self, *args, **kwargs):
    _started_threads.append(weakref.ref(self))
    return _original_start(self, *args, **kwargs)


QThread.start = _tracking_start


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Point QSettings at a folder of this test's own (never the user's real settings)."""
    folder = tmp_path / "settings"
    folder.mkdir()
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """A data folder of this test's own: the runs one window keeps never reach the next test."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("DESKTOP_NN_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    """Fail a test that leaves a QThread or a Python thread running behind it."""
    python_threads = set(threading.enumerate())
    _started_threads.clear()
    yield
    qapp.processEvents()
    running = [
        type(thread).__name__
        for ref in _started_threads
        if (thread := ref()) is not None and thread.isRunning()
    ]
    for ref in _started_threads:
        thread = ref()
        if thread is not None and thread.isRunning():
            thread.wait(30_000)
    # Threads started by Qt appear as threading._DummyThread, which never report themselves
    # dead; the QThread check above covers them.
    leftover = [
        t.name
        for t in set(threading.enumerate()) - python_threads
        if t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    gc.collect()
    assert not running, f"QThreads still running after the test: {running}"
    assert not leftover, f"Python threads still running after the test: {leftover}"


@pytest.fixture
def window(qtbot):
    """A MainWindow with the bundled MNIST loaded; closed (and its threads joined) at the end."""
    from desktop_nn.gui import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
    main.training_tab.confirm_slow_runs = False
    yield main
    main.close()
