"""desktop-nn on a real X server: Qt's xcb plugin loads, the window appears and closes cleanly.

The rest of the suite renders offscreen; this test starts its own Xvfb, launches desktop-nn
with QT_QPA_PLATFORM=xcb as a user's desktop would, waits for the main window to be mapped,
and quits it from the keyboard (File > Quit, Ctrl+Q). CI installs Xvfb, xdotool and the
libraries the README lists; without Xvfb the test is skipped.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

XVFB = shutil.which("Xvfb")
#: Guards against a hang only: the window appears within seconds.
TIMEOUT = 120
#: What Qt may print on stderr without anything being wrong: the runtime folder notice when
#: XDG_RUNTIME_DIR is not set (CI runs as root without a login session).
HARMLESS_NOTICES = (
    re.compile(r"QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-\w+'"),
)

pytestmark = pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (Debian: xvfb)")


def desktop_nn_command() -> list[str]:
    """The installed console script, as a user runs it (python -m as a fallback)."""
    script = Path(sys.executable).with_name("desktop-nn")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_nn"]


@pytest.fixture
def x_display():
    """A fresh Xvfb; yields its DISPLAY once it accepts connections (it says so on a pipe)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], TIMEOUT)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        assert number.isdigit(), f"Xvfb did not start: {server.stderr.read1().decode()!r}"
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.communicate(timeout=TIMEOUT)


def wait_for_window(app: subprocess.Popen, env: dict[str, str]) -> str:
    """The id of the app's first visible window, once it is mapped."""
    xdotool = shutil.which("xdotool")
    assert xdotool, "xdotool is not installed (Debian: xdotool)"
    search = subprocess.Popen([xdotool, "search", "--sync", "--onlyvisible", "--pid",
                               str(app.pid)], env=env, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + TIMEOUT  # a guard against hanging, not a measurement
    while search.poll() is None and app.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if search.poll() is None:
        search.kill()
        search.communicate()
        app.kill()
        _, err = app.communicate()
        pytest.fail(f"no window appeared (desktop-nn exit status {app.returncode}): {err}")
    return search.communicate()[0].split()[0]


def test_the_window_opens_and_closes_on_an_x_server(x_display, tmp_path):
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen(desktop_nn_command(), env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        window = wait_for_window(app, env)
        # As a user quits: the keyboard focus on the window, then File > Quit's Ctrl+Q.
        subprocess.run([shutil.which("xdotool"), "windowfocus", "--sync", window,
                        "key", "--clearmodifiers", "ctrl+q"], env=env, check=True,
                       timeout=TIMEOUT)
        _, err = app.communicate(timeout=TIMEOUT)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    unexpected = [line for line in err.splitlines()
                  if line.strip() and not any(n.fullmatch(line) for n in HARMLESS_NOTICES)]
    assert not unexpected, err
    assert (tmp_path / "config" / "desktop_nn" / "desktop_nn.ini").is_file()  # closed, saved
