"""Qt's own options (``-platform xcb``, ``-style fusion``) reach the window's QApplication."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_nn.cli import main
from desktop_nn.cli.qt_options import split_qt_options
from desktop_nn.lessons.shipped import lessons_dir


@pytest.fixture
def windows(monkeypatch):
    """Stands in for the window: records the (Qt arguments, lesson) of each run_gui call."""
    import desktop_nn.gui.app

    opened = []

    def run_gui(argv=None, lesson=None):
        opened.append((list(argv or [])[1:], lesson))
        return 0

    monkeypatch.setattr(desktop_nn.gui.app, "run_gui", run_gui)
    return opened


def test_qt_options_are_told_apart_from_ours():
    argv = ["-platform", "xcb", "--flag", "-style=fusion", "lesson.json", "-reverse",
            "-geometry", "800x600+0+0", "-x"]
    assert split_qt_options(argv) == (
        ["--flag", "lesson.json", "-x"],
        ["-platform", "xcb", "-style=fusion", "-reverse", "-geometry", "800x600+0+0"])
    assert split_qt_options(["-platform"]) == ([], ["-platform"])  # Qt says what is missing
    assert split_qt_options(["--platform", "xcb"]) == (["--platform", "xcb"], [])


def test_the_window_gets_qt_options(windows):
    assert main(["-platform", "xcb"]) == 0
    assert main(["-style", "fusion", "-reverse"]) == 0
    assert windows == [(["-platform", "xcb"], None), (["-style", "fusion", "-reverse"], None)]


@pytest.mark.parametrize("argv", [
    ["open", "{lesson}", "-platform", "xcb"],
    ["-platform", "xcb", "open", "{lesson}"],
    ["-platform=xcb", "{lesson}"],
])
def test_a_lesson_opens_with_qt_options(windows, argv):
    lesson = str(lessons_dir() / "01-apples.json")
    assert main([word.format(lesson=lesson) for word in argv]) == 0
    platform = ["-platform=xcb"] if "-platform=xcb" in argv else ["-platform", "xcb"]
    assert windows == [(platform, os.path.abspath(lesson))]


def test_headless_commands_still_refuse_them(windows, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "-platform", "xcb"])
    assert exit_info.value.code == 2 and windows == []
    assert "unrecognized arguments: -platform xcb" in capsys.readouterr().err


def test_qapplication_takes_every_option_we_pass_it():
    """Each option we set apart is one Qt reads: QApplication leaves none of them behind."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop_nn.cli.qt_options import split_qt_options\n"
        "ours, qt = split_qt_options(sys.argv[1:])\n"
        "app = QApplication(['desktop-nn', *qt])\n"
        "print(app.platformName(), app.arguments()[1:], ours)\n"
    )
    options = ["-platform", "offscreen", "-style", "fusion", "-reverse", "-qwindowtitle", "T",
               "-stylesheet=/dev/null", "-widgetcount", "-session", "s1", "--ours"]
    result = subprocess.run([sys.executable, "-c", code, *options], capture_output=True,
                            text=True, timeout=120, check=True)
    assert result.stdout.splitlines()[0] == "offscreen [] ['--ours']"
