"""``desktop-nn open FILE`` and ``desktop-nn FILE``: the lesson is checked before any window."""

from __future__ import annotations

import json
import os

import pytest

from desktop_nn.cli import main
from desktop_nn.lessons import FORMAT
from desktop_nn.lessons.shipped import lessons_dir


@pytest.fixture
def windows(monkeypatch):
    """Stands in for the window: records the lesson each run_gui call was given."""
    import desktop_nn.gui.app

    opened = []

    def run_gui(argv=None, lesson=None):
        opened.append(lesson)
        return 0

    monkeypatch.setattr(desktop_nn.gui.app, "run_gui", run_gui)
    return opened


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_open_starts_the_window_with_the_lesson(capsys, windows):
    path = str(lessons_dir() / "01-apples.json")
    assert run(capsys, "open", path) == (0, "", "")
    assert windows == [os.path.abspath(path)]


def test_a_lesson_file_alone_opens_it(capsys, windows, tmp_path, monkeypatch):
    path = tmp_path / "lesson"  # no .json: an existing file is enough
    path.write_bytes((lessons_dir() / "03-sigmoid.json").read_bytes())
    assert run(capsys, str(path))[0] == 0
    monkeypatch.chdir(lessons_dir())
    assert run(capsys, "02-apples-and-oranges.json")[0] == 0
    assert windows == [str(path), str(lessons_dir() / "02-apples-and-oranges.json")]


def bad_files(tmp_path) -> dict[str, str]:
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": FORMAT, "version": 9, "title": {"en": "x"}}))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "desktop-nn-lesson", "version": 1, "title": {"en"')
    folder = tmp_path / "folder.json"
    folder.mkdir()
    return {"missing": str(tmp_path / "missing.json"), "newer": str(newer),
            "broken": str(broken), "folder": str(folder)}


@pytest.mark.parametrize(("case", "words"), [
    ("missing", "file not found"), ("newer", "newer desktop_nn"),
    ("broken", "not valid JSON"), ("folder", "is a folder")])
@pytest.mark.parametrize("form", ["open FILE", "FILE"])
def test_a_bad_lesson_is_one_line_and_exit_code_2_before_any_window(
        capsys, windows, tmp_path, case, words, form):
    path = bad_files(tmp_path)[case]
    argv = ["open", path] if form == "open FILE" else [path]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and windows == []
    assert err.count("\n") == 1 and err.startswith(f"desktop-nn open: error: {path}: ")
    assert words in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_fifo_is_refused_without_waiting(capsys, windows, tmp_path):
    fifo = tmp_path / "lesson.json"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "open", str(fifo))
    assert code == 2 and "not a regular file" in err and windows == []


def test_a_command_name_is_never_taken_for_a_file(capsys, windows, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "graph").write_text("not a lesson")
    _code, _out, err = run(capsys, "graph")  # the subcommand, not the file
    assert windows == [] and "desktop-nn open" not in err


def test_the_command_is_listed(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "open" in capsys.readouterr().out
