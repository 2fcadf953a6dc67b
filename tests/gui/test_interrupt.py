"""Ctrl+C and SIGTERM reach the window through a socket that wakes Qt's event loop.

Here the socket is fed by hand (as the C signal handler does); test_teardown.py sends real
signals to a real desktop-nn.
"""

from __future__ import annotations

import signal

import pytest

from desktop_nn.gui.interrupt import CloseOnSignal, exit_code_for


@pytest.fixture
def routed(qtbot):
    """A CloseOnSignal installed in this process, recording what it does."""
    done: list[str] = []
    interrupt = CloseOnSignal(lambda: done.append("close"), end=lambda: done.append("end"))
    interrupt.install()
    yield interrupt, done
    interrupt.uninstall()


def test_exit_codes_follow_the_shells_convention():
    assert exit_code_for(signal.SIGINT) == 130
    assert exit_code_for(signal.SIGTERM) == 143


def test_a_signal_number_in_the_socket_closes_the_window_once(routed, qtbot):
    interrupt, done = routed
    assert interrupt.exit_code is None
    interrupt._writer.send(bytes([signal.SIGINT, signal.SIGTERM]))
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert done == ["close", "end"]  # the second signal changes nothing
    assert interrupt.received == signal.SIGINT and interrupt.exit_code == 130


def test_other_signals_in_the_socket_are_ignored(routed, qtbot):
    interrupt, done = routed
    interrupt._writer.send(bytes([signal.SIGCHLD, signal.SIGTERM]))
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert interrupt.received == signal.SIGTERM and interrupt.exit_code == 143


@pytest.fixture
def as_from_a_terminal():
    """Python's own Ctrl+C handler, even when the tests run in the background (a
    non-interactive shell starts them with SIGINT ignored)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_installing_routes_the_signals_and_uninstalling_gives_them_back(qtbot,
                                                                        as_from_a_terminal):
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    interrupt = CloseOnSignal(lambda: None, end=lambda: None)
    interrupt.install()
    try:
        # Python's part does nothing (no KeyboardInterrupt); the wakeup socket does the work.
        for signum in before:
            assert signal.getsignal(signum) not in (before[signum], signal.default_int_handler)
        assert signal.set_wakeup_fd(-1) == interrupt._writer.fileno()
        signal.set_wakeup_fd(interrupt._writer.fileno())
    finally:
        interrupt.uninstall()
    assert {s: signal.getsignal(s) for s in before} == before
    assert signal.set_wakeup_fd(-1) == -1


def test_a_signal_ignored_by_whoever_started_us_stays_ignored(qtbot):
    # A non-interactive shell starts "desktop-nn &" with SIGINT ignored: Ctrl+C in that
    # terminal is meant for the script, not for the window.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        interrupt = CloseOnSignal(lambda: None, end=lambda: None)
        interrupt.install()
        try:
            assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # still routed
        finally:
            interrupt.uninstall()
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
