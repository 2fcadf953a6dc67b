"""Atomic writes: complete or absent, and with the permissions of an ordinary new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.core.history_csv import HistoryRun, write_history_csv
from desktop_nn.core.model_io import save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import History, TrainConfig
from desktop_nn.fileio import atomic_save, atomic_write, current_umask
from desktop_nn.image_files import save_grey


@pytest.fixture(params=[0o022, 0o027, 0o002])
def umask(request):
    """Run the test under this umask (restored afterwards)."""
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_umask_is_read_without_changing_it(umask):
    assert current_umask() == umask
    assert current_umask() == umask


def test_a_new_file_gets_0666_less_the_umask(tmp_path, umask):
    with atomic_write(tmp_path / "a.bin") as handle:
        handle.write(b"data")
    atomic_save(tmp_path / "b.png", lambda name: Path(name).write_bytes(b"png"))
    assert mode(tmp_path / "a.bin") == 0o666 & ~umask
    assert mode(tmp_path / "b.png") == 0o666 & ~umask


def test_every_kind_of_saved_file_gets_the_ordinary_mode(tmp_path, umask):
    network = TwoLayerNet(784, 5, 10, seed=0)
    save_model(tmp_path / "model.npz", network, TrainConfig(hidden_size=5, seed=0))
    history = History(2, 0.1)
    history.add_loss(1.0)
    write_history_csv(tmp_path / "history.csv", [HistoryRun(1, 0, history)])
    save_grey(tmp_path / "digit.png", np.zeros((28, 28)))
    for name in ("model.npz", "history.csv", "digit.png"):
        assert mode(tmp_path / name) == 0o666 & ~umask, name


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    target = tmp_path / "kept.csv"
    target.write_text("old")
    os.chmod(target, 0o640)
    with atomic_write(target, "w") as handle:
        handle.write("new")
    assert target.read_text() == "new" and mode(target) == 0o640


def test_a_failed_save_leaves_nothing_behind(tmp_path):
    def fail(name):
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_save(tmp_path / "x.svg", fail)
    with pytest.raises(OSError, match="nothing was written"):
        atomic_save(tmp_path / "y.svg", lambda name: None)
    assert list(tmp_path.iterdir()) == []
