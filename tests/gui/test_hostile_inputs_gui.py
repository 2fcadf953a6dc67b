"""The window's doors for outside input (issue 11): hostile model files, pictures, settings and
cache entries each give one dialog or message, never a traceback, and change nothing."""

from __future__ import annotations

import os

import numpy as np

from tests import hostile_files as hostile
from tests.gui.messages import close_messages, last_message
from tests.test_image_files import nested_use_svg


def test_hostile_models_give_a_dialog_in_both_load_commands(window, tmp_path, capfd):
    network = window.state.network
    for case, build in sorted(hostile.HOSTILE_MODELS.items()):
        path = build(tmp_path / f"{case}.npz")
        assert window.load_model_from(path) is False
        title, text = last_message(window, "warningMessage")
        assert title == "Could not load the model" and f"{case}.npz" in text
        close_messages(window, "warningMessage")
        assert window.evaluate_tab.load_model_from(path) is False
        assert last_message(window, "warningMessage")[0] == "Could not load the model"
        assert window.state.network is network
        err = capfd.readouterr().err
        assert "Traceback" not in err and "Warning" not in err, (case, err)


def test_a_big_endian_model_loads_in_the_window(window, tmp_path):
    assert window.load_model_from(hostile.big_endian(tmp_path / "be.npz"))
    params = window.state.network.params
    np.testing.assert_array_equal(params["W1"], hostile.good_network().params["W1"])


def test_open_picture_refuses_a_vector_drawing(window, tmp_path, capfd):
    path = tmp_path / "digit.svg"
    path.write_text(nested_use_svg())
    assert window.draw_tab.open_picture(str(path)) is False
    title, text = last_message(window.draw_tab, "drawMessage")
    assert title == "Cannot open the picture" and "a vector drawing (SVG)" in text
    assert "Traceback" not in capfd.readouterr().err


def test_open_picture_refuses_a_named_pipe(window, tmp_path):
    fifo = tmp_path / "digit.png"
    os.mkfifo(fifo)
    assert window.draw_tab.open_picture(str(fifo)) is False
    assert "not a regular file" in last_message(window.draw_tab, "drawMessage")[1]


# --- settings -------------------------------------------------------------------------------


def write_settings(folder, text: str) -> None:
    ini = folder / "desktop_nn" / "desktop_nn.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(text, encoding="utf-8")


HOSTILE_SETTINGS = """\
[General]
window\\geometry=@ByteArray(not a geometry at all)

[plots]
smoothing=abc
log_scale=maybe

[training]
config="[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["

[ui]
language=zh_CN, ja_JP
"""


def test_wrong_settings_are_ignored_and_the_window_starts(isolated_settings, qtbot):
    from desktop_nn.gui import MainWindow
    from desktop_nn.gui.settings import app_settings

    write_settings(isolated_settings, HOSTILE_SETTINGS)
    assert app_settings().value("plots/smoothing") == "abc"  # the file is read as written
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.training_tab.plot_settings() == (50, False)
    assert main.training_tab.panel.config().hidden_size == 50
    assert main.language == "en"
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
    main.close()


def test_out_of_range_settings_fall_back_to_the_defaults(isolated_settings, qtbot):
    from desktop_nn.gui import MainWindow

    write_settings(isolated_settings, "[plots]\nsmoothing=100000\nlog_scale=true\n"
                                      "[training]\nconfig=\"{\\\"hidden_size\\\": 100000}\"\n")
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.training_tab.plot_settings() == (50, True)  # the valid value is kept
    assert main.training_tab.panel.config().hidden_size == 50
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
    main.close()


# --- the cache ------------------------------------------------------------------------------


def test_a_rebuilt_cache_entry_is_reported_in_the_status_bar(cache_dir, qtbot):
    from desktop_nn.data import load_mnist
    from desktop_nn.gui import MainWindow

    load_mnist()
    (entry,) = (cache_dir / "decoded").glob("test_label-*.npy")
    data = bytearray(entry.read_bytes())
    data[-1] = (data[-1] + 1) % 10
    entry.write_bytes(bytes(data))
    main = MainWindow()
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=60_000)
    message = main.statusBar().currentMessage()
    assert "the cached copy of t10k-labels-idx1-ubyte.gz was damaged" in message
    assert np.bincount(main.state.data[1][1], minlength=10)[7] == 1028
    main.close()
