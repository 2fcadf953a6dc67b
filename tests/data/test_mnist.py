"""load_mnist as in the book, over the bundled MNIST; the decoded cache; data_dir errors."""

from __future__ import annotations

import gzip
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.data import mnist as mnist_module
from desktop_nn.data.idx import DataError, IdxError
from desktop_nn.data.mnist import FILE_NAMES, bundled_mnist_dir, dataset_dir, load_mnist

# Published MNIST label counts, digits 0 to 9.
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def idx_gz(array: np.ndarray) -> bytes:
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(
        f">{array.ndim}I", *array.shape
    )
    return gzip.compress(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def make_dataset(folder: Path, n_train=12, n_test=5, seed=0, **overrides) -> dict:
    """Write four small valid IDX files (or the arrays in ``overrides``) into ``folder``."""
    rng = np.random.default_rng(seed)
    arrays = {
        "train_img": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train_label": rng.integers(0, 10, n_train, dtype=np.uint8),
        "test_img": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "test_label": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    arrays.update(overrides)
    folder.mkdir(parents=True, exist_ok=True)
    for key, name in FILE_NAMES.items():
        (folder / name).write_bytes(idx_gz(arrays[key]))
    return arrays


# --- the bundled data ----------------------------------------------------------------------


def test_book_defaults(mnist):
    (x_train, t_train), (x_test, t_test) = mnist
    assert x_train.shape == (60000, 784) and x_test.shape == (10000, 784)
    assert t_train.shape == (60000,) and t_test.shape == (10000,)
    assert x_train.dtype == np.float32 and x_test.dtype == np.float32
    assert x_train.min() == 0.0 and x_train.max() == 1.0
    assert x_test.min() == 0.0 and x_test.max() == 1.0
    assert np.issubdtype(t_train.dtype, np.integer)
    assert t_train[0] == 5 and t_test[0] == 7


def test_label_counts(mnist):
    (_, t_train), (_, t_test) = mnist
    assert np.bincount(t_train, minlength=10).tolist() == TRAIN_COUNTS
    assert np.bincount(t_test, minlength=10).tolist() == TEST_COUNTS


def test_raw_images_unflattened_one_hot(mnist):
    (x_train, t_train), (x_test, t_test) = load_mnist(
        normalize=False, flatten=False, one_hot_label=True
    )
    assert x_train.shape == (60000, 1, 28, 28) and x_test.shape == (10000, 1, 28, 28)
    assert x_train.dtype == np.uint8
    assert x_train.min() == 0 and x_train.max() == 255
    assert t_train.shape == (60000, 10) and t_test.shape == (10000, 10)
    for labels in (t_train, t_test):
        assert set(np.unique(labels)) == {0.0, 1.0}
        np.testing.assert_array_equal(labels.sum(axis=1), 1)
    # The same data as the book's defaults, only presented differently.
    (x_norm, t_index), (_, t_test_index) = mnist
    np.testing.assert_array_equal(t_train.argmax(axis=1), t_index)
    np.testing.assert_array_equal(t_test.argmax(axis=1), t_test_index)
    np.testing.assert_array_equal(x_train.reshape(60000, 784)[:500] / np.float32(255),
                                  x_norm[:500])


def test_flatten_false_normalized():
    (x_train, _), _ = load_mnist(flatten=False)
    assert x_train.shape == (60000, 1, 28, 28)
    assert x_train.dtype == np.float32 and x_train.max() == 1.0


# --- the decoded cache ---------------------------------------------------------------------


def test_second_load_reads_the_cache(cache_dir, monkeypatch):
    first = load_mnist()
    cached = sorted(p.name.split("-")[0] for p in (cache_dir / "decoded").glob("*.npy"))
    assert cached == ["test_img", "test_label", "train_img", "train_label"]

    def no_decoding(path):
        raise AssertionError(f"decoded {path} again instead of reading the cache")

    monkeypatch.setattr(mnist_module, "read_idx", no_decoding)
    second = load_mnist()
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])


def test_cache_rebuilt_when_the_source_changes(tmp_path, cache_dir):
    data_dir = tmp_path / "mnist"
    data_dir.mkdir()
    for name in FILE_NAMES.values():
        shutil.copy(bundled_mnist_dir() / name, data_dir / name)
    (_, t_train), (x_test, t_test) = load_mnist(data_dir=data_dir)
    np.testing.assert_array_equal(np.bincount(t_test), TEST_COUNTS)

    # Replace the test labels with a different valid file: every label shifted by one.
    new_labels = (t_test.astype(np.uint8) + 1) % 10
    (data_dir / FILE_NAMES["test_label"]).write_bytes(idx_gz(new_labels))
    (_, t_train2), (x_test2, t_test2) = load_mnist(data_dir=data_dir)
    np.testing.assert_array_equal(t_test2, new_labels)
    np.testing.assert_array_equal(t_train2, t_train)
    np.testing.assert_array_equal(x_test2, x_test)
    # The stale entry was replaced, not kept beside the new one.
    assert len(list((cache_dir / "decoded").glob("test_label-*.npy"))) == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "pickle"])
def test_damaged_cache_is_ignored_and_rebuilt(tmp_path, cache_dir, damage):
    arrays = make_dataset(tmp_path / "data")
    load_mnist(data_dir=tmp_path / "data")
    entries = sorted((cache_dir / "decoded").glob("*.npy"))
    assert len(entries) == 4
    for entry in entries:
        content = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x93NUMPY garbage" * 10)
        elif damage == "truncated":
            entry.write_bytes(content[: len(content) // 2])
        elif damage == "empty":
            entry.write_bytes(b"")
        else:  # a pickle stream: must never be unpickled
            entry.write_bytes(b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x05.")
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=False, data_dir=tmp_path / "data")
    np.testing.assert_array_equal(x_train.reshape(-1, 28, 28), arrays["train_img"])
    np.testing.assert_array_equal(t_train, arrays["train_label"])
    np.testing.assert_array_equal(x_test.reshape(-1, 28, 28), arrays["test_img"])
    np.testing.assert_array_equal(t_test, arrays["test_label"])
    for entry in entries:  # rewritten whole
        assert np.load(entry, allow_pickle=False).size > 0


def test_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("DESKTOP_NN_CACHE_DIR", str(blocker))
    arrays = make_dataset(tmp_path / "data")
    (_, t_train), _ = load_mnist(data_dir=tmp_path / "data")
    np.testing.assert_array_equal(t_train, arrays["train_label"])


def test_small_dataset_from_data_dir(tmp_path, cache_dir):
    arrays = make_dataset(tmp_path / "data", n_train=7, n_test=3)
    (x_train, t_train), (x_test, _) = load_mnist(data_dir=tmp_path / "data",
                                                 one_hot_label=True)
    assert x_train.shape == (7, 784) and x_test.shape == (3, 784)
    np.testing.assert_allclose(x_train, arrays["train_img"].reshape(7, 784) / 255, rtol=1e-6)
    np.testing.assert_array_equal(t_train.argmax(axis=1), arrays["train_label"])


# --- errors --------------------------------------------------------------------------------


def test_data_dir_missing(tmp_path):
    with pytest.raises(DataError, match="no such folder") as info:
        load_mnist(data_dir=tmp_path / "nowhere")
    assert "nowhere" in str(info.value)


def test_data_dir_missing_a_file(tmp_path):
    make_dataset(tmp_path / "data")
    (tmp_path / "data" / FILE_NAMES["test_label"]).unlink()
    with pytest.raises(DataError) as info:
        load_mnist(data_dir=tmp_path / "data")
    message = str(info.value)
    assert "t10k-labels-idx1-ubyte.gz" in message and "missing" in message
    assert "train-images" not in message


def test_images_and_labels_differ_in_number(tmp_path, cache_dir):
    make_dataset(tmp_path / "data", train_label=np.zeros(11, dtype=np.uint8))
    with pytest.raises(IdxError) as info:
        load_mnist(data_dir=tmp_path / "data")
    message = str(info.value)
    assert "train-images-idx3-ubyte.gz holds 12 images" in message
    assert "train-labels-idx1-ubyte.gz holds 11 labels" in message


def test_label_out_of_range(tmp_path, cache_dir):
    make_dataset(tmp_path / "data", test_label=np.array([0, 1, 10, 2, 3], dtype=np.uint8))
    with pytest.raises(IdxError, match=r"label 10 is outside 0\.\.9") as info:
        load_mnist(data_dir=tmp_path / "data")
    assert "t10k-labels-idx1-ubyte.gz" in str(info.value)


def test_images_of_the_wrong_size(tmp_path, cache_dir):
    make_dataset(tmp_path / "data", test_img=np.zeros((5, 28, 27), dtype=np.uint8))
    with pytest.raises(IdxError, match="28x28") as info:
        load_mnist(data_dir=tmp_path / "data")
    assert "t10k-images-idx3-ubyte.gz" in str(info.value)


def test_empty_dataset(tmp_path, cache_dir):
    make_dataset(tmp_path / "data", n_test=0)
    with pytest.raises(IdxError, match="no images"):
        load_mnist(data_dir=tmp_path / "data")


def test_damaged_file_in_data_dir(tmp_path, cache_dir):
    make_dataset(tmp_path / "data")
    path = tmp_path / "data" / FILE_NAMES["train_img"]
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IdxError, match=r"train-images-idx3-ubyte\.gz"):
        load_mnist(data_dir=tmp_path / "data")


def test_fashion_mnist_not_downloaded(cache_dir):
    with pytest.raises(DataError) as info:
        load_mnist(dataset="fashion-mnist")
    message = str(info.value)
    assert "fashion-mnist" in message
    assert "desktop-nn download fashion-mnist" in message


def test_fashion_mnist_from_the_download_folder(cache_dir):
    arrays = make_dataset(cache_dir / "downloads" / "fashion-mnist", seed=3)
    assert dataset_dir("fashion-mnist") == cache_dir / "downloads" / "fashion-mnist"
    (_, t_train), _ = load_mnist(dataset="fashion-mnist")
    np.testing.assert_array_equal(t_train, arrays["train_label"])


def test_unknown_dataset():
    with pytest.raises(DataError, match="cifar"):
        load_mnist(dataset="cifar")


def test_bundled_copy_is_checked_against_mnist_checksums(cache_dir, monkeypatch):
    fake = dict(mnist_module.MNIST_IDX_SHA256, train_label="0" * 64)
    monkeypatch.setattr(mnist_module, "MNIST_IDX_SHA256", fake)
    with pytest.raises(IdxError, match="checksum") as info:
        load_mnist()
    assert "train-labels-idx1-ubyte.gz" in str(info.value)


# --- the cache under damage (issue 11): checked on every read, rebuilt, and said so --------


def cache_entry(cache_dir: Path, key: str) -> Path:
    (entry,) = (cache_dir / "decoded").glob(f"{key}-*.npy")
    return entry


def test_a_flipped_label_in_the_cache_is_caught_and_rebuilt(cache_dir):
    (_, t_train), _ = load_mnist()
    entry = cache_entry(cache_dir, "train_label")
    data = bytearray(entry.read_bytes())
    data[-1] = (data[-1] + 1) % 10  # still a valid label: only a checksum can tell
    entry.write_bytes(bytes(data))
    notices = []
    (_, t_again), _ = load_mnist(notify=notices.append)
    np.testing.assert_array_equal(t_again, t_train)
    assert np.bincount(t_again, minlength=10).tolist() == TRAIN_COUNTS
    assert len(notices) == 1
    assert "train-labels-idx1-ubyte.gz" in notices[0] and "damaged" in notices[0]
    assert "checksum" in notices[0]
    # Rebuilt: the next load reads a valid entry and says nothing.
    load_mnist(notify=notices.append)
    assert len(notices) == 1


def test_a_cache_header_claiming_600_million_images_allocates_nothing(tmp_path, cache_dir):
    import tracemalloc

    arrays = make_dataset(tmp_path / "data")
    load_mnist(data_dir=tmp_path / "data")
    entry = cache_entry(cache_dir, "train_img")
    content = entry.read_bytes()
    # The header is padded with spaces: room to claim 600 million images in place.
    header_end = content.index(b"\n") + 1
    header = content[:header_end].replace(b"(12, 28, 28)", b"(600000000, 28, 28)")
    header = header[: header_end - 1] + b"\n"
    assert header.endswith(b" \n") and b"(600000000, 28, 28)" in header
    entry.write_bytes(header + content[header_end:])
    notices = []
    tracemalloc.start()
    try:
        (x_train, _), _ = load_mnist(normalize=False, data_dir=tmp_path / "data",
                                     notify=notices.append)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    np.testing.assert_array_equal(x_train.reshape(-1, 28, 28), arrays["train_img"])
    assert peak < 2**20
    assert len(notices) == 1 and "train-images-idx3-ubyte.gz" in notices[0]
    assert "declares" in notices[0]


def test_leftovers_of_an_interrupted_cache_write_are_removed(tmp_path, cache_dir):
    make_dataset(tmp_path / "data")
    folder = cache_dir / "decoded"
    folder.mkdir(parents=True)
    leftovers = [folder / ".train_img-0123456789abcdef-ffff.npy.a1b2c3d4.part",
                 folder / ".test_label-0123456789abcdef-ffff.npy.x9y8z7w6.part"]
    for leftover in leftovers:
        leftover.write_bytes(b"\x93NUMPY half of a write")
    load_mnist(data_dir=tmp_path / "data")
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == [
        "test_img", "test_label", "train_img", "train_label"]
    assert not any(p.name.endswith(".part") for p in folder.iterdir())


def test_the_command_line_says_the_cache_was_rebuilt_in_one_line(tmp_path, cache_dir, capsys):
    from desktop_nn.cli import main

    make_dataset(tmp_path / "data")
    load_mnist(data_dir=tmp_path / "data")
    entry = cache_entry(cache_dir, "test_label")
    entry.write_bytes(entry.read_bytes()[:-1] + b"\x09")
    code = main(["train", "--iters", "2", "--seed", "0", "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 0
    (line,) = err.strip().splitlines()
    assert line.startswith("desktop-nn train: note: the cached copy of t10k-labels-idx1-ubyte.gz")
