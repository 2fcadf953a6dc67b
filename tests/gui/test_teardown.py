"""Every thread the window started ends on every teardown path, in a process of its own.

Each test runs tests/gui/teardown_app.py, which sets up a window with background threads at
work and ends it one way: closed, deleted, the application quit, the interpreter left with the
window open, or desktop-nn sent Ctrl+C or SIGTERM. The process must exit with the expected
status, report no thread left running, and print nothing on stderr but Qt's harmless notices.
A QThread object destroyed while its thread runs aborts the process with status 134.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.support_http import StallingServer

SCRIPT = Path(__file__).with_name("teardown_app.py")
ROOT = Path(__file__).resolve().parents[2]
#: Every thread kind the window starts, all at work in the "all" situation.
ALL_THREADS = "running: data-load download gradient-check training"
#: What Qt may say on stderr without anything being wrong: the offscreen platform cannot pass
#: size hints on to a window system.
HARMLESS_NOTICES = (re.compile(r"This plugin does not support propagateSizeHints\(\)"),)
#: Guards against a hang only (a run takes a few seconds).
TIMEOUT = 120


def unexpected_stderr(err: str) -> list[str]:
    return [line for line in err.splitlines()
            if line.strip() and not any(n.fullmatch(line.strip()) for n in HARMLESS_NOTICES)]


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """The subprocess's environment: offscreen, private settings and cache."""
    environment = dict(os.environ)
    environment.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                       DESKTOP_NN_CACHE_DIR=str(tmp_path / "cache"), PYTHONUNBUFFERED="1",
                       PYTHONPATH=str(ROOT))
    return environment


def start(situation: str, ending: str, env: dict[str, str], mirror: str = "") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(SCRIPT), situation, ending, mirror],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)


def read_until(process: subprocess.Popen, marker: str, timeout: float = TIMEOUT) -> str:
    """Read the process's stdout until a line equal to ``marker``; return what was read."""
    seen = b""
    fd = process.stdout.fileno()
    while marker.encode() + b"\n" not in seen:
        ready, _, _ = select.select([fd], [], [], timeout)
        chunk = os.read(fd, 4096) if ready else b""
        if not chunk:
            process.kill()
            _, err = process.communicate()
            pytest.fail(f"no {marker!r} line; stdout {seen.decode()!r}, stderr {err.decode()!r}")
        seen += chunk
    return seen.decode()


def finish(process: subprocess.Popen, before: str = "") -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, before + out.decode(), err.decode()


@pytest.mark.parametrize(
    ("situation", "ending"),
    [
        ("loading", "exit"),  # the script of the report: MainWindow(), show(), end of script
        ("all", "close"),
        ("all", "delete"),
        ("all", "quit"),
        ("all", "exit"),
    ],
)
def test_every_thread_ends_whatever_the_order_of_teardown(env, situation, ending):
    with StallingServer() as server:
        code, out, err = finish(start(situation, ending, env, server.url))
    assert code == 0, err
    expected = ALL_THREADS if situation == "all" else "running: data-load"
    assert expected in out.splitlines(), out
    assert "left running: 0" in out.splitlines(), out
    assert not unexpected_stderr(err), err


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_closes_the_window_as_its_close_button_does(env, tmp_path, signum, status):
    with StallingServer() as server:
        process = start("all", "signal", env, server.url)
        before = read_until(process, "ready")
        assert ALL_THREADS in before.splitlines(), before
        process.send_signal(signum)
        code, out, err = finish(process, before)
    assert code == status, err
    assert "left running: 0" in out.splitlines(), out
    assert not unexpected_stderr(err), err
    # Closed as by its button: the settings of the run (hidden size 77) were saved.
    settings = QSettings(str(tmp_path / "config" / "desktop_nn" / "desktop_nn.ini"),
                         QSettings.Format.IniFormat)
    assert '"hidden_size": 77' in str(settings.value("training/config"))
