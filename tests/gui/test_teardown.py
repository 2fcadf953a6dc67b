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
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support_http import StallingServer

SCRIPT = Path(__file__).with_name("teardown_app.py")
ROOT = Path(__file__).resolve().parents[2]
#: Every thread kind the window starts, all at work in the "all" situation.
ALL_THREADS = "running: DataLoadThread DownloadThread GradientCheckThread TrainingThread"
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
    expected = ALL_THREADS if situation == "all" else "running: DataLoadThread"
    assert expected in out.splitlines(), out
    assert "left running: 0" in out.splitlines(), out
    assert not unexpected_stderr(err), err
