"""Model files (.npz + JSON config, never pickle): round trips, atomic writes, and one clear
ModelFileError for every way a file can be wrong."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.core.model_io import (
    ModelFileError,
    check_compatible,
    load_model,
    save_model,
)
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig
from tests import hostile_files as hostile


def small_model(dtype=np.float64, hidden=5, seed=0):
    net = TwoLayerNet(784, hidden, 10, seed=seed, dtype=dtype, weight_init_std=0.1)
    net.params["b1"][...] = np.linspace(-0.1, 0.1, hidden)  # not all zeros
    config = TrainConfig(hidden_size=hidden, seed=seed, dtype=np.dtype(dtype).name,
                         learning_rate=0.5, weight_init_std=0.1)
    return net, config


def valid_arrays(hidden=5):
    net, config = small_model(hidden=hidden)
    return {**net.copy_params(), "config": np.array(json.dumps(config.to_dict()))}


def write_npz(path: Path, arrays: dict) -> Path:
    np.savez(path, **arrays)
    return path


def load_error(path) -> str:
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    return str(info.value)


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_save_load_round_trip(tmp_path, mnist_small, dtype):
    net, config = small_model(dtype)
    path = tmp_path / "model.npz"
    save_model(path, net, config, meta={"iterations": 123, "final_test_acc": 0.5})
    loaded = load_model(path)
    assert loaded.config == config
    assert loaded.meta["iterations"] == 123
    assert loaded.meta["final_test_acc"] == 0.5
    for key, value in net.params.items():
        assert loaded.network.params[key].dtype == np.dtype(dtype)
        np.testing.assert_array_equal(loaded.network.params[key], value)
    _, (x_test, t_test) = mnist_small
    np.testing.assert_array_equal(loaded.network.predict(x_test), net.predict(x_test))
    assert loaded.network.accuracy(x_test, t_test) == net.accuracy(x_test, t_test)
    # The loaded layers use the loaded params (in-place updates reach them).
    loaded.network.params["b2"] += 1.0
    np.testing.assert_allclose(loaded.network.predict(x_test[:2]),
                               net.predict(x_test[:2]) + 1.0, rtol=1e-5)


def test_round_trip_sigmoid_and_named_init(tmp_path):
    net = TwoLayerNet(784, 7, 10, activation="sigmoid", seed=1)
    config = TrainConfig(hidden_size=7, activation="sigmoid", weight_init_std="xavier",
                         optimizer="adam", seed=1, dtype="float64")
    save_model(tmp_path / "m.npz", net, config)
    loaded = load_model(tmp_path / "m.npz")
    assert loaded.config == config
    assert "Sigmoid1" in loaded.network.layers
    x = np.random.default_rng(0).random((3, 784))
    np.testing.assert_array_equal(loaded.network.predict(x), net.predict(x))


def test_saved_file_is_a_plain_npz_without_pickles(tmp_path):
    net, config = small_model()
    path = tmp_path / "m.npz"
    save_model(path, net, config)
    with np.load(path, allow_pickle=False) as archive:
        assert set(archive.files) == {"W1", "b1", "W2", "b2", "config", "meta"}
        assert json.loads(str(archive["config"])) == config.to_dict()
        assert json.loads(str(archive["meta"]))["format"] == "desktop-nn-model"


def test_save_overwrites_and_leaves_no_temp_files(tmp_path):
    net, config = small_model()
    path = tmp_path / "m.npz"
    save_model(path, net, config)
    net.params["W1"] += 1.0
    save_model(path, net, config)
    np.testing.assert_array_equal(load_model(path).network.params["W1"], net.params["W1"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]


# --- atomic saving -------------------------------------------------------------------------


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    net, config = small_model()
    path = tmp_path / "m.npz"
    save_model(path, net, config)
    old = path.read_bytes()

    def failing_savez(file, *args, **kwargs):
        file.write(b"PK\x03\x04 half a zip")  # some bytes reach the disk, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", failing_savez)
    net.params["W1"] += 1.0
    with pytest.raises(ModelFileError, match="No space left on device") as info:
        save_model(path, net, config)
    assert "m.npz" in str(info.value)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]


def test_save_into_read_only_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder is still writable "
                    "(test_failed_save_keeps_the_old_file covers the failure path)")
    folder = tmp_path / "ro"
    folder.mkdir()
    net, config = small_model()
    save_model(folder / "m.npz", net, config)
    old = (folder / "m.npz").read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(ModelFileError, match="could not save"):
            save_model(folder / "m.npz", net, config)
    finally:
        folder.chmod(0o755)
    assert (folder / "m.npz").read_bytes() == old
    assert sorted(p.name for p in folder.iterdir()) == ["m.npz"]


def test_save_into_missing_folder_or_onto_a_folder(tmp_path):
    net, config = small_model()
    with pytest.raises(ModelFileError, match="could not save"):
        save_model(tmp_path / "missing" / "m.npz", net, config)
    (tmp_path / "folder.npz").mkdir()
    with pytest.raises(ModelFileError, match="folder"):
        save_model(tmp_path / "folder.npz", net, config)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.npz"]


# --- loading errors ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    assert "file not found" in load_error(tmp_path / "nothing.npz")


def test_folder(tmp_path):
    (tmp_path / "dir.npz").mkdir()
    assert "folder" in load_error(tmp_path / "dir.npz")


def test_truncated_file(tmp_path):
    net, config = small_model()
    path = tmp_path / "m.npz"
    save_model(path, net, config)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    message = load_error(path)
    assert "m.npz" in message and "not a valid .npz" in message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.npz"
    path.write_bytes(b"")
    assert "empty.npz" in load_error(path)


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.npz"
    path.write_bytes(np.random.default_rng(0).bytes(4096))
    message = load_error(path)
    assert "noise.npz" in message and "not a valid .npz" in message


def test_npy_instead_of_npz(tmp_path):
    path = tmp_path / "array.npz"
    with path.open("wb") as handle:
        np.save(handle, np.arange(3.0))
    message = load_error(path)
    assert "array.npz" in message and "not a valid .npz" in message


def test_zip_member_damaged(tmp_path):
    net, config = small_model()
    path = tmp_path / "m.npz"
    save_model(path, net, config)
    data = bytearray(path.read_bytes())
    offset = data.index(b"W1.npy") + 200  # inside W1's stored (uncompressed) data
    data[offset : offset + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    assert "m.npz" in load_error(path)


def test_missing_key(tmp_path):
    arrays = valid_arrays()
    del arrays["b2"]
    message = load_error(write_npz(tmp_path / "m.npz", arrays))
    assert "missing b2" in message


def test_missing_config(tmp_path):
    arrays = valid_arrays()
    del arrays["config"]
    assert "missing config" in load_error(write_npz(tmp_path / "m.npz", arrays))


def test_extra_key(tmp_path):
    arrays = {**valid_arrays(), "W3": np.zeros((10, 10))}
    assert "unexpected entries W3" in load_error(write_npz(tmp_path / "m.npz", arrays))


def test_wrong_shapes(tmp_path):
    arrays = valid_arrays()
    arrays["W1"] = arrays["W1"].ravel()
    assert "wrong shapes" in load_error(write_npz(tmp_path / "m.npz", arrays))


def test_shapes_do_not_fit_together(tmp_path):
    arrays = valid_arrays()
    arrays["b1"] = np.zeros(6)
    assert "do not fit together" in load_error(write_npz(tmp_path / "m.npz", arrays))
    arrays = valid_arrays()
    arrays["W2"] = np.zeros((4, 10))
    assert "do not fit together" in load_error(write_npz(tmp_path / "m2.npz", arrays))


def test_integer_weights(tmp_path):
    arrays = valid_arrays()
    arrays["W2"] = np.zeros((5, 10), dtype=np.int64)
    message = load_error(write_npz(tmp_path / "m.npz", arrays))
    assert "W2" in message and "int64" in message and "float32 or float64" in message


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_weights(tmp_path, bad):
    arrays = valid_arrays()
    arrays["W1"][3, 2] = bad
    message = load_error(write_npz(tmp_path / "m.npz", arrays))
    assert "W1" in message and "NaN or infinite" in message


class SideEffect:
    """Unpickling an instance of this runs os.mkdir(marker): proof that pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (str(self.marker),)


def test_object_array_is_refused_without_unpickling(tmp_path):
    # First make sure the trap works: loading it *with* pickle runs the side effect.
    probe_marker = tmp_path / "probe-marker"
    probe = {**valid_arrays(), "W1": np.array([SideEffect(probe_marker)], dtype=object)}
    write_npz(tmp_path / "probe.npz", probe)
    with np.load(tmp_path / "probe.npz", allow_pickle=True) as archive:
        archive["W1"]
    assert probe_marker.exists()

    marker = tmp_path / "marker"
    for key in ("W1", "config"):
        arrays = {**valid_arrays(), key: np.array([SideEffect(marker)], dtype=object)}
        path = write_npz(tmp_path / f"evil-{key}.npz", arrays)
        message = load_error(path)
        assert "Python objects" in message
        assert not marker.exists()


def test_config_not_json(tmp_path):
    arrays = {**valid_arrays(), "config": np.array("{hidden_size: 5")}
    assert "config is not valid JSON" in load_error(write_npz(tmp_path / "m.npz", arrays))


@pytest.mark.parametrize(
    "config",
    [np.array("[1, 2]"), np.array(5), np.array(["{}", "{}"])],
    ids=["json-list", "number", "text-array"],
)
def test_config_of_the_wrong_kind(tmp_path, config):
    arrays = {**valid_arrays(), "config": config}
    assert "config must be a JSON" in load_error(write_npz(tmp_path / "m.npz", arrays))


def test_config_with_invalid_values(tmp_path):
    values = {**TrainConfig(hidden_size=5).to_dict(), "learning_rate": -1}
    arrays = {**valid_arrays(), "config": np.array(json.dumps(values))}
    message = load_error(write_npz(tmp_path / "m.npz", arrays))
    assert "invalid config" in message and "learning_rate=-1" in message
    values = {**TrainConfig(hidden_size=5).to_dict(), "momentum": 0.9}
    arrays = {**valid_arrays(), "config": np.array(json.dumps(values))}
    assert "momentum" in load_error(write_npz(tmp_path / "m2.npz", arrays))


def test_config_not_matching_the_arrays(tmp_path):
    arrays = valid_arrays(hidden=50)
    arrays["config"] = np.array(json.dumps(TrainConfig(hidden_size=99).to_dict()))
    message = load_error(write_npz(tmp_path / "m.npz", arrays))
    assert "hidden_size=99" in message and "50 hidden units" in message


def test_meta_not_json(tmp_path):
    arrays = {**valid_arrays(), "meta": np.array("not json")}
    assert "meta is not valid JSON" in load_error(write_npz(tmp_path / "m.npz", arrays))


def _npy_header_only(shape) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": "<f8", "fortran_order": False, "shape": shape}
    )
    return buffer.getvalue()


def test_absurd_array_size_is_refused_before_allocating(tmp_path):
    net, config = small_model()
    good = tmp_path / "good.npz"
    save_model(good, net, config)
    path = tmp_path / "huge.npz"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "W1.npy":
                data = _npy_header_only((10**12,)) + b"\0" * 64
            target.writestr(name, data)
    message = load_error(path)
    assert "huge.npz" in message and "implausibly large" in message


# --- hostile files (issue 11): every fault is one ModelFileError naming the file --------


def one_line_error(path) -> str:
    message = load_error(path)
    assert Path(path).name in message and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("deep-json", "config is not valid JSON (nested too deeply)"),
        ("huge-int", "config is not valid JSON (a number has more digits"),
        ("encrypted", "is encrypted"),
        ("deflate64", "compressed with method 9"),
        ("huge-itemsize", "W1 has type void16000000000"),
        ("huge-subarray", "W1 has type void"),
        ("float32-overflow", "so large that the network's values could reach"),
    ],
)
def test_hostile_model_files_give_one_message(tmp_path, case, expected):
    path = hostile.HOSTILE_MODELS[case](tmp_path / f"{case}.npz")
    before = path.read_bytes()
    assert expected in one_line_error(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_huge_item_size_is_refused_from_the_header_in_bytes(tmp_path):
    # A float type, 3,920 elements: small in elements, 8 GB in bytes. Refused by size.
    path = hostile.model_with(
        tmp_path / "m.npz", W1=hostile.npy_with_header("<f8", (1_000_000_000,), b"\0" * 64)
    )
    message = one_line_error(path)
    assert "W1 is implausibly large" in message and "8,000,000,000 bytes" in message
    config_path = hostile.model_with(
        tmp_path / "c.npz", config=hostile.npy_with_header("<U500000000", ())
    )
    assert "config is implausibly large" in one_line_error(config_path)


def test_huge_sizes_are_refused_before_any_allocation(tmp_path):
    import tracemalloc

    paths = [hostile.huge_itemsize(tmp_path / "a.npz"),
             hostile.model_with(tmp_path / "b.npz",
                                W1=hostile.npy_with_header("<f4", (784, 5_000_000)))]
    tracemalloc.start()
    try:
        for path in paths:
            one_line_error(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20


def test_big_endian_floats_are_accepted_and_converted(tmp_path):
    path = hostile.big_endian(tmp_path / "be.npz")
    loaded = load_model(path)
    network = hostile.good_network()
    for key, value in network.params.items():
        assert loaded.network.params[key].dtype.isnative
        np.testing.assert_array_equal(loaded.network.params[key], value)
    x = np.linspace(0, 1, 784 * 2).reshape(2, 784)
    np.testing.assert_array_equal(loaded.network.predict(x), network.predict(x))


def test_fortran_ordered_weights_load_as_the_same_matrix(tmp_path):
    network = hostile.good_network()
    W1 = np.asfortranarray(network.params["W1"])
    path = hostile.model_with(tmp_path / "f.npz", W1=hostile.npy(W1))
    np.testing.assert_array_equal(load_model(path).network.params["W1"], network.params["W1"])


def test_float32_overflow_is_refused_without_warnings(tmp_path):
    # pytest turns warnings into errors: a RuntimeWarning would fail this test.
    path = hostile.float32_overflow(tmp_path / "big.npz")
    assert "float32" in one_line_error(path)


def test_large_but_computable_weights_still_load(tmp_path):
    network = hostile.good_network(np.float32)
    network.params["W2"][...] = np.float32(1e6)
    path = tmp_path / "large.npz"
    save_model(path, network, hostile.good_config())
    assert load_model(path).network.params["W2"][0, 0] == np.float32(1e6)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ({"W1": b"not an array"}, "W1 not a NumPy array"),
        ({"W1": hostile.npy_with_header("<f8", (784, 5))}, "W1 is cut short"),
        ({"b2": hostile.npy(np.zeros(10)) + b"more"}, "b2 holds more data than its header"),
        ({"W1": b"\x93NUMPY\x03\x00" + b"\0" * 60}, "W1 uses the unsupported .npy format 3.0"),
        ({"W1": hostile.npy_with_header("<f8", "not a shape")}, "W1 has a malformed array header"),
    ],
)
def test_damaged_members_name_the_entry(tmp_path, members, expected):
    path = hostile.model_with(tmp_path / "m.npz", **members)
    assert expected in one_line_error(path)


def test_archive_tricks_are_refused(tmp_path):
    members = hostile.good_members()
    too_many = {**members, **{f"x{i}.npy": b"" for i in range(20)}}
    assert "at most 16" in one_line_error(hostile.write_zip(tmp_path / "many.npz", too_many))
    not_array = {**members, "readme.txt": b"hello"}
    assert "'readme.txt', which is not an array" in one_line_error(
        hostile.write_zip(tmp_path / "txt.npz", not_array))
    path = hostile.write_zip(tmp_path / "twice.npz", members)
    with zipfile.ZipFile(path, "a") as archive, pytest.warns(UserWarning, match="Duplicate"):
        archive.writestr("b2.npy", members["b2.npy"])
    assert "lists 'b2.npy' twice" in one_line_error(path)


def test_compressed_models_load(tmp_path):
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        path = hostile.write_zip(tmp_path / f"{method}.npz", hostile.good_members(), method)
        assert load_model(path).network.hidden_size == hostile.HIDDEN


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    assert "not a regular file" in load_error(fifo)


# --- check_compatible ----------------------------------------------------------------------


def test_check_compatible():
    check_compatible(TwoLayerNet(784, 5, 10))
    check_compatible(TwoLayerNet(20, 5, 3), input_size=20, output_size=3)
    with pytest.raises(ModelFileError, match="100 inputs"):
        check_compatible(TwoLayerNet(100, 5, 10))
    with pytest.raises(ModelFileError, match="5 classes"):
        check_compatible(TwoLayerNet(784, 5, 5))
