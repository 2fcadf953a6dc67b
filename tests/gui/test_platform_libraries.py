"""Before Qt starts: does the xcb plugin's libraries load, and which packages bring them?

Pure logic, no X server: the library loader is injected. test_x11_window.py runs the real
window on Xvfb.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_nn.gui.platform_libraries import (
    DEBIAN_PACKAGES,
    explain,
    missing_libraries,
    needed_libraries,
    system_libraries,
    uses_xcb,
    xcb_plugin,
    xcb_problem,
)

#: The C and C++ runtime: present wherever Python itself runs.
RUNTIME = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "libgcc_s.so.1",
           "libstdc++.so.6", "ld-linux-x86-64.so.2"}
X11 = {"DISPLAY": ":0"}
ROOT = Path(__file__).resolve().parents[2]


def loader_missing(*absent: str, because: dict[str, str] | None = None):
    """A stand-in for ctypes.CDLL: ``absent`` libraries fail, as do those whose dependency
    (``because[name]``) is absent, with dlopen's own wording."""
    because = because or {}

    def load(name: str) -> None:
        culprit = name if name in absent else because.get(name)
        if culprit:
            raise OSError(f"{culprit}: cannot open shared object file: No such file or directory")

    return load


@pytest.mark.parametrize(
    ("argv", "environ", "system", "expected"),
    [
        (["desktop-nn"], {"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        (["desktop-nn"], {"QT_QPA_PLATFORM": "xcb:nograb", **X11}, "linux", True),
        (["desktop-nn"], {"QT_QPA_PLATFORM": "offscreen", **X11}, "linux", False),
        (["desktop-nn"], {"QT_QPA_PLATFORM": "wayland;xcb", **X11}, "linux", False),
        (["desktop-nn"], X11, "linux", True),  # Qt's own choice on an X11 desktop
        (["desktop-nn"], {**X11, "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        (["desktop-nn"], {}, "linux", False),  # no display at all: not xcb's problem
        (["desktop-nn"], X11, "darwin", False),
        (["desktop-nn", "-platform", "xcb"], {"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        (["desktop-nn", "-platform", "offscreen"], {"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        (["desktop-nn", "--platform=xcb"], {}, "linux", True),
    ],
)
def test_when_qt_picks_xcb(argv, environ, system, expected):
    assert uses_xcb(argv, environ, system) is expected


def test_missing_libraries_are_named_even_when_a_dependency_is_missing():
    load = loader_missing("libxcb-icccm.so.4", "libxcb-util.so.1",
                          because={"libxcb-image.so.0": "libxcb-util.so.1"})
    names = ["libxcb.so.1", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-util.so.1"]
    assert missing_libraries(names, load) == ["libxcb-icccm.so.4", "libxcb-util.so.1"]


def test_an_unexpected_loader_message_names_the_library_itself():
    def load(name):
        raise OSError("something else went wrong")

    assert missing_libraries(["libxcb-cursor.so.0"], load) == ["libxcb-cursor.so.0"]


def test_the_explanation_is_one_line_with_the_debian_packages():
    line = explain(["libxcb-keysyms.so.1", "libxcb-icccm.so.4", "libxcb-cursor.so.0"])
    assert "\n" not in line
    assert "libxcb-keysyms.so.1, libxcb-icccm.so.4, libxcb-cursor.so.0" in line
    assert line.count("sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1") == 1
    assert explain(["libunheard.so.9"]).endswith("libunheard.so.9, missing here (README: Run it)")


def test_the_plugin_is_found_without_importing_qt_and_its_libraries_are_read():
    plugin = xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    direct = needed_libraries(plugin)
    assert "libQt6XcbQpa.so.6" in direct and "libxcb.so.1" in direct
    libraries = system_libraries(plugin)
    assert not [name for name in libraries if name.startswith("libQt6")]  # shipped by PySide6
    # Read through the shipped Qt libraries too: libxcb-cursor comes from libQt6XcbQpa.
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= set(libraries)
    # Every one of them can be explained, whichever PySide6 release this is.
    assert set(libraries) - RUNTIME <= set(DEBIAN_PACKAGES)


def test_not_an_elf_file_needs_nothing(tmp_path):
    text = tmp_path / "libnot.so"
    text.write_text("#!/bin/sh\n")
    assert needed_libraries(text) == []


def test_the_problem_is_reported_only_for_xcb_and_only_when_something_is_missing():
    plugin = xcb_plugin()
    everything = loader_missing()
    lacking = loader_missing("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    xcb = {"QT_QPA_PLATFORM": "xcb"}
    assert xcb_problem(["d"], xcb, "linux", plugin, everything) is None
    assert xcb_problem(["d"], {"QT_QPA_PLATFORM": "offscreen"}, "linux", plugin, lacking) is None
    line = xcb_problem(["d"], xcb, "linux", plugin, lacking)
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in line
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in line


def test_desktop_nn_says_so_in_one_line_and_exits_1_before_qt_starts(tmp_path):
    script = (
        "import sys\n"
        "import desktop_nn.gui.platform_libraries as libraries\n"
        "absent = ('libxcb-icccm.so.4', 'libxcb-keysyms.so.1')\n"
        "libraries.missing_libraries = lambda names, load=None: list(absent)\n"
        "from desktop_nn.cli import main\n"
        "code = main([])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'Qt was started'\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=":99",
               XDG_CONFIG_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in lines[0]
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in lines[0]
