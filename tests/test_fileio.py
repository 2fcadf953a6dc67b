"""Atomic writes with names at the file system's limit, leftovers, and reads of plain files."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.core.model_io import load_model, save_model
from desktop_nn.fileio import (
    NAME_MAX,
    atomic_write,
    open_regular_file,
    remove_leftovers,
    temporary_prefix,
    user_data_dir,
)
from tests.hostile_files import good_config, good_network

#: Names of 250 and 255 bytes: ASCII, and Chinese (3 bytes a character in UTF-8).
LONG_NAMES = ["m" * 246 + ".npz", "m" * 251 + ".npz", "模" * 82 + ".npz", "模型" * 41 + "m.npz"]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["250", "255", "cjk-250", "cjk-251"])
def test_a_model_saves_under_a_name_at_the_length_limit(tmp_path, name):
    assert len(os.fsencode(name)) <= NAME_MAX
    path = tmp_path / name
    network = good_network()
    save_model(path, network, good_config())
    np.testing.assert_array_equal(load_model(path).network.params["W1"], network.params["W1"])
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["250", "255", "cjk-250", "cjk-251"])
def test_temporary_names_fit_and_leftovers_are_found(tmp_path, name):
    target = tmp_path / name
    for suffix in (".part", ".png", ".svg"):
        prefix = temporary_prefix(target, suffix)
        assert len(os.fsencode(prefix)) + 8 + len(suffix) <= NAME_MAX
        prefix.encode("utf-8")  # never half a character
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write(b"half")
        leftover = next(tmp_path.iterdir())  # as if the process were killed here
        os.link(leftover, tmp_path / (leftover.name[:-13] + "killed00.part"))
        raise RuntimeError("interrupted")
    assert remove_leftovers(target) == 1
    assert list(tmp_path.iterdir()) == []


def test_an_export_saves_under_a_name_at_the_length_limit(tmp_path):
    from desktop_nn.fileio import atomic_save

    path = tmp_path / ("h" * 246 + ".png")
    atomic_save(path, lambda tmp: Path(tmp).write_bytes(b"\x89PNG picture"))
    assert path.read_bytes() == b"\x89PNG picture"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_command_line_saves_under_a_name_at_the_length_limit(tmp_path, capsys):
    from desktop_nn.cli import main

    path = tmp_path / ("t" * 246 + ".npz")
    code = main(["train", "--iters", "2", "--train-size", "100", "--seed", "0",
                 "--save-model", str(path)])
    assert code == 0, capsys.readouterr().err
    assert load_model(path).config.iters == 2


def test_open_regular_file_refuses_what_never_ends(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        open_regular_file(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        open_regular_file("/dev/zero")
    with pytest.raises(IsADirectoryError):
        open_regular_file(tmp_path)
    (tmp_path / "plain").write_bytes(b"data")
    with open_regular_file(tmp_path / "plain") as handle:
        assert handle.read() == b"data"


def test_a_device_or_pipe_is_never_replaced_by_a_save(tmp_path):
    # As root, renaming over /dev/null would succeed and replace the device: a named pipe
    # stands in for it here.
    import stat

    from desktop_nn.core.history_csv import HistoryRun, write_history_csv
    from desktop_nn.core.model_io import ModelFileError
    from desktop_nn.core.training import History
    from desktop_nn.fileio import atomic_save

    fifo = tmp_path / "device"
    os.mkfifo(fifo)
    with pytest.raises(ModelFileError, match="not a regular file"):
        save_model(fifo, good_network(), good_config())
    with pytest.raises(OSError, match="not a regular file"):
        write_history_csv(fifo, [HistoryRun(1, 0, History(1, 0.1))])
    with pytest.raises(OSError, match="not a regular file"):
        atomic_save(fifo, lambda tmp: Path(tmp).write_bytes(b"png"))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["device"]


def test_the_data_folder_follows_the_override_then_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("DESKTOP_NN_DATA_DIR", str(tmp_path / "override"))
    assert user_data_dir() == tmp_path / "override"
    monkeypatch.delenv("DESKTOP_NN_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "desktop_nn"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_data_dir() == tmp_path / "home" / ".local" / "share" / "desktop_nn"


def test_the_suite_keeps_runs_in_a_temporary_folder():
    assert "desktop_nn_tests_" in str(user_data_dir())
