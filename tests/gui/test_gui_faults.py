"""The window under faults: disk errors, bad data, odd settings, closing in the middle of work.

Every case must end with one clear message, the window still working, and nothing the user
had overwritten or half-written.
"""

from __future__ import annotations

import errno
import os
import threading

import numpy as np
import pytest

from desktop_nn.core import model_io
from desktop_nn.data.download import download_dir
from tests.gui.messages import last_message
from tests.support_http import StallingServer


def configure(tab, **values):
    config = tab.panel.config().replace(**{"train_size": 2000, "seed": 0, **values})
    tab.panel.set_config(config)


def train(window, qtbot, **values):
    configure(window.training_tab, **values)
    with qtbot.waitSignal(window.training_tab.run_ended, timeout=60_000) as ended:
        window.training_tab.start()
    return ended.args[0]


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_saving_a_model_on_a_full_disk_keeps_the_old_file(window, qtbot, tmp_path, monkeypatch):
    tmp_path = tmp_path / "models"
    tmp_path.mkdir()
    assert train(window, qtbot, iters=20) == "finished"
    path = tmp_path / "model.npz"
    assert window.save_model_to(path)
    before = path.read_bytes()
    assert train(window, qtbot, iters=40) == "finished"

    def half_written(handle, **arrays):
        handle.write(b"PK\x03\x04 the first bytes of an archive")
        disk_full()

    monkeypatch.setattr(model_io.np, "savez", half_written)
    assert window.save_model_to(path) is False
    title, text = last_message(window, "warningMessage")
    assert title == "Could not save the model" and "No space left" in text
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["model.npz"]


def test_exports_on_a_full_disk_leave_the_old_files_intact(window, qtbot, tmp_path, monkeypatch):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    assert train(window, qtbot, iters=20) == "finished"
    csv_path = tmp_path / "history.csv"
    csv_path.write_text("precious\n")
    png_path = tmp_path / "plots-loss.png"
    png_path.write_bytes(b"old picture")
    monkeypatch.setattr(os, "fsync", disk_full)
    assert window.export_history_to(csv_path) is False
    assert "No space left" in last_message(window, "warningMessage")[1]
    monkeypatch.undo()
    monkeypatch.setattr(os, "replace", disk_full)
    assert window.export_plots_to(tmp_path / "plots.png") == []
    assert csv_path.read_text() == "precious\n"
    assert png_path.read_bytes() == b"old picture"
    assert files_in(tmp_path) == ["history.csv", "plots-loss.png"]


def test_models_of_the_wrong_shape_are_refused(window, qtbot, tmp_path):
    from desktop_nn.core.network import TwoLayerNet
    from desktop_nn.core.training import TrainConfig

    path = tmp_path / "tiny.npz"
    model_io.save_model(path, TwoLayerNet(20, 5, 3, seed=0), TrainConfig(hidden_size=5))
    assert window.load_model_from(path) is False
    assert "20 inputs" in last_message(window, "warningMessage")[1]
    nan_path = tmp_path / "nan.npz"
    net = TwoLayerNet(784, 5, 10, seed=0)
    net.params["W2"][0, 0] = np.nan
    model_io.save_model(nan_path, net, TrainConfig(hidden_size=5))
    assert window.load_model_from(nan_path) is False
    assert "NaN" in last_message(window, "warningMessage")[1]
    assert train(window, qtbot, iters=10) == "finished"  # the window still works


def test_a_damaged_download_is_reported_and_mnist_stays(cache_dir, window, qtbot):
    folder = download_dir("fashion-mnist")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        (folder / name).write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    combo = window.training_tab.panel.dataset_combo
    with qtbot.waitSignal(window.state.data_failed, timeout=30_000) as failed:
        combo.setCurrentIndex(combo.findData("fashion-mnist"))
    assert "damaged" in failed.args[0]
    assert window.state.dataset_name == "mnist" and window.state.data is not None
    qtbot.waitUntil(lambda: last_message(window.training_tab, "trainingMessage") is not None,
                    timeout=30_000)
    assert last_message(window.training_tab, "trainingMessage")[0] == "Cannot load the data"


@pytest.mark.parametrize(
    ("values", "outcome"),
    [
        ({"train_size": 1, "iters": 5}, "finished"),
        ({"hidden_size": 1, "iters": 30}, "finished"),
        ({"iters": 1}, "finished"),
        ({"train_size": 50, "batch_size": 100, "iters": 10}, "finished"),  # with replacement
    ],
)
def test_edge_settings_train(window, qtbot, values, outcome):
    assert train(window, qtbot, **values) == outcome
    assert window.training_tab.progress_bar.value() == values["iters"]


def test_a_batch_larger_than_the_shuffled_set_is_explained(window, qtbot):
    configure(window.training_tab, train_size=50, batch_size=100, iters=10, sampling="shuffle")
    assert window.training_tab.start() is False
    title, text = last_message(window.training_tab, "trainingMessage")
    assert title == "Cannot start training" and "batch_size=100" in text
    assert window.training_tab.start_button.isEnabled()


def test_closing_the_window_during_a_download_is_prompt_and_clean(cache_dir, qtbot):
    from desktop_nn.gui import MainWindow

    with StallingServer() as server:
        main = MainWindow()
        qtbot.addWidget(main)
        main.show()
        qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
        # The read would wait an hour and the server never answers: closing can only end the
        # download by cancelling it. A watchdog lets the server go after a minute, so that a
        # broken cancel fails this test instead of hanging it.
        dialog = main.start_download("fashion-mnist", mirrors=[server.url], timeout=3600)
        qtbot.waitUntil(lambda: server.requests > 0, timeout=30_000)
        watchdog = threading.Timer(60, server.released.set)
        watchdog.start()
        main.close()
        watchdog.cancel()
        watchdog.join()
        assert not server.released.is_set(), "closing waited for the server, not the cancel"
        assert not dialog.worker.is_running()
    folder = download_dir("fashion-mnist")
    assert not folder.exists() or files_in(folder) == []
