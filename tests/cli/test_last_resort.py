"""The command line's outer edge: the last-resort handler, stdout that cannot be written,
numeric options bounded by the window's limits, empty paths."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_nn.cli import graph as graph_command
from desktop_nn.cli import main
from tests import hostile_files as hostile


def one_error_line(err: str, command: str) -> str:
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"desktop-nn {command}: "), lines[0]
    return lines[0]


def run_process(*args, **popen):
    """Run ``python -m desktop_nn`` as the user would; return (exit code, stderr)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **popen.pop("env", {})}
    process = subprocess.Popen([sys.executable, "-m", "desktop_nn", *args],
                               stderr=subprocess.PIPE, env=env, text=True, **popen)
    _, err = process.communicate(timeout=120)
    return process.returncode, err


# --- the last resort -----------------------------------------------------------------------


def broken_run(args):
    raise RuntimeError("something nobody foresaw\nsecond line")


def test_an_unexpected_exception_is_one_line_and_exit_1(capsys, monkeypatch):
    monkeypatch.setattr(graph_command, "run", broken_run)
    monkeypatch.delenv("DESKTOP_NN_DEBUG", raising=False)
    assert main(["graph", "apple"]) == 1
    line = one_error_line(capsys.readouterr().err, "graph")
    assert "RuntimeError: something nobody foresaw" in line and "DESKTOP_NN_DEBUG=1" in line


def test_the_traceback_is_shown_with_desktop_nn_debug(capsys, monkeypatch):
    monkeypatch.setattr(graph_command, "run", broken_run)
    monkeypatch.setenv("DESKTOP_NN_DEBUG", "1")
    assert main(["graph", "apple"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "broken_run" in err
    assert err.strip().splitlines()[-1].startswith("desktop-nn graph: internal error:")


def test_memory_errors_are_one_line_too(capsys, monkeypatch):
    def exhausted(args):
        raise MemoryError("Unable to allocate 584. GiB")

    monkeypatch.setattr(graph_command, "run", exhausted)
    assert main(["graph", "apple"]) == 1
    assert "MemoryError" in one_error_line(capsys.readouterr().err, "graph")


# --- stdout that cannot be written ---------------------------------------------------------


def test_a_full_stdout_ends_with_one_line():
    with open("/dev/full", "w") as full:
        code, err = run_process("graph", "apple", stdout=full)
    assert code == 1
    assert "cannot write the output (No space left on device)" in one_error_line(err, "graph")


def test_a_closed_pipe_ends_quietly():
    # The reader is gone before anything is written, as after `| head -1` of a long output.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        code, err = run_process("graph", "apple-orange", stdout=write_end)
    finally:
        os.close(write_end)
    assert code == 1
    assert err == ""


def test_a_closed_stdout_ends_quietly():
    code, err = run_process("graph", "apple", stdout=subprocess.DEVNULL,
                            preexec_fn=lambda: os.close(1))
    assert code == 0
    assert err == ""


# --- numeric options within the window's limits -------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["gradcheck", "--hidden-size", "100000000"],
         "--hidden-size 100000000 is out of range: it must be in [1, 4096]"),
        (["gradcheck", "--samples", "1001"], "--samples 1001 is out of range"),
        (["gradcheck", "--seed", "4294967295"],
         "--seed 4294967295 is out of range: it must be in [0, 2147483647]"),
        (["train", "--hidden-size", "100000000"], "hidden_size=100000000 is out of range"),
        (["graph", "--expr", "x", "--set", "x=1e300"], "--set x 1e+300 is out of range"),
    ],
)
def test_numbers_beyond_the_windows_limits_are_refused(capsys, args, fragment):
    assert main(args) == 1
    assert fragment in one_error_line(capsys.readouterr().err, args[0])


@pytest.mark.parametrize("value", ["1e10", "3601", "1e308"])
def test_download_timeout_has_an_upper_bound(capsys, value, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["download", "mnist", "--dest", str(tmp_path), "--timeout", value])
    assert info.value.code == 2
    assert "at most 3600 seconds" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_huge_integer_is_refused_in_one_short_line(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--iters", "9" * 5000])
    err = capsys.readouterr().err
    line = err.strip().splitlines()[-1]
    assert "is not a whole number" in line and len(line) < 200


# --- empty paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["train", "--save-model", ""],
        ["train", "--history-csv", ""],
        ["train", "--data-dir", ""],
        ["gradcheck", "--data-dir", ""],
        ["evaluate", "--model", ""],
        ["evaluate", "--model", "m.npz", "--data-dir", ""],
        ["predict", "--model", "", "digit.png"],
        ["predict", "--model", "m.npz", ""],
        ["download", "mnist", "--dest", ""],
        ["runs", "export", ""],
        ["runs", "export", "runs.csv", "--summary", ""],
        ["train", "--save-model", "a\0b.npz"],
    ],
)
def test_empty_paths_are_usage_errors(capsys, args):
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "an empty path is not a file name" in err or "NUL character" in err


# --- hostile model files through --model ---------------------------------------------------


@pytest.mark.parametrize("case", sorted(hostile.HOSTILE_MODELS))
@pytest.mark.parametrize("command", ["evaluate", "predict"])
def test_hostile_models_are_one_line_on_the_command_line(capfd, tmp_path, case, command):
    path = hostile.HOSTILE_MODELS[case](tmp_path / f"{case}.npz")
    args = [command, "--model", str(path)] + (["digit.png"] if command == "predict" else [])
    assert main(args) == 1
    line = one_error_line(capfd.readouterr().err, command)
    assert f"{case}.npz" in line and "RuntimeWarning" not in line
