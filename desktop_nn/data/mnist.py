"""``load_mnist`` as in the book, over the bundled MNIST, a folder of your own, or a download.

Where the four IDX files come from:

* ``data_dir`` when given (any folder holding them under their MNIST names);
* otherwise MNIST is the copy shipped in ``resources/mnist/``;
* Fashion-MNIST (and MNIST, if the bundled copy is missing) comes from the download folder in
  the user's cache, filled by :mod:`desktop_nn.data.download`.

Decoding 47 MB of gzip takes a noticeable moment, so each decoded array is kept in the cache
(:mod:`desktop_nn.data.cache`), checked whenever it is read, and rebuilt when the source changes
or the entry is damaged.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_nn.data import cache
from desktop_nn.data.datasets import DATASETS, NUM_CLASSES
from desktop_nn.data.idx import DataError, IdxError, read_idx
from desktop_nn.fileio import user_cache_dir
from desktop_nn.resources import resource_path

log = logging.getLogger("desktop_nn.data")
Notify = Callable[[str], None]

FILE_NAMES = {
    "train_img": "train-images-idx3-ubyte.gz",
    "train_label": "train-labels-idx1-ubyte.gz",
    "test_img": "t10k-images-idx3-ubyte.gz",
    "test_label": "t10k-labels-idx1-ubyte.gz",
}
IMAGE_SHAPE = (28, 28)

#: SHA-256 of the *uncompressed* MNIST IDX bytes (the canonical data; the .gz wrappers vary).
MNIST_IDX_SHA256 = {
    "train_img": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train_label": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "test_img": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "test_label": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}


@dataclass(frozen=True)
class RawDataset:
    """The four arrays as stored: images (N, 28, 28) uint8, labels (N,) uint8 in 0..9."""

    train_img: np.ndarray
    train_label: np.ndarray
    test_img: np.ndarray
    test_label: np.ndarray


def bundled_mnist_dir() -> Path:
    """The folder of the MNIST copy shipped with the application."""
    return resource_path("mnist")


def download_dir(dataset: str) -> Path:
    """The folder where downloaded copies of ``dataset`` are kept."""
    return user_cache_dir() / "downloads" / dataset


def has_files(folder: Path) -> bool:
    """True if ``folder`` holds all four IDX files under their MNIST names."""
    return all((folder / name).is_file() for name in FILE_NAMES.values())


def dataset_dir(dataset: str = "mnist", data_dir: str | os.PathLike | None = None) -> Path:
    """Return the folder the four files of ``dataset`` are read from.

    Raises
    ------
    DataError
        If ``data_dir`` lacks a file, or the dataset is neither bundled nor downloaded.
    """
    if dataset not in DATASETS:
        raise DataError(f"dataset={dataset!r} is not known: use one of {list(DATASETS)}")
    if data_dir is not None:
        folder = Path(data_dir)
        if not folder.is_dir():
            raise DataError(f"{folder}: no such folder")
        missing = [n for n in FILE_NAMES.values() if not (folder / n).exists()]
        if missing:
            raise DataError(f"{folder}: missing {', '.join(missing)}")
        return folder
    candidates = [download_dir(dataset)]
    if dataset == "mnist":
        with contextlib.suppress(FileNotFoundError):
            candidates.insert(0, bundled_mnist_dir())
    for folder in candidates:
        if has_files(folder):
            return folder
    raise DataError(
        f"{dataset} is not available yet: download it first "
        f"(desktop-nn download {dataset}, or the Dataset menu in the window)"
    )


def _read_cached(
    source: Path, key: str, verify_sha256: str | None, notify: Notify
) -> np.ndarray:
    """Return the decoded array of ``source``, from the cache when a valid entry is there."""
    cache.remove_leftovers(key)
    entry = cache.find_entry(source, key)
    if entry is not None:
        try:
            return cache.read_entry(entry)
        except cache.CacheEntryError as exc:
            notify(f"the cached copy of {source.name} was damaged ({exc}) and was rebuilt")
    array = read_idx(source)
    if verify_sha256 is not None:
        actual = hashlib.sha256(_idx_bytes(array)).hexdigest()
        if actual != verify_sha256:
            raise IdxError(
                f"{source.name}: the data does not match MNIST's published checksum; the file "
                "is damaged or not MNIST (reinstall desktop_nn, or pass --data-dir)"
            )
    cache.store(source, key, array)
    return array


def _idx_bytes(array: np.ndarray) -> bytes:
    """Rebuild the uncompressed IDX bytes of a uint8 array (to check MNIST's checksums)."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(d).to_bytes(4, "big") for d in array.shape
    )
    return header + np.ascontiguousarray(array).tobytes()


def load_raw(
    dataset: str = "mnist",
    data_dir: str | os.PathLike | None = None,
    *,
    notify: Notify | None = None,
) -> RawDataset:
    """Load the four arrays of ``dataset`` as stored (uint8), checking they fit together.

    ``notify(message)`` hears of a damaged cache entry that was rebuilt (by default a warning
    of the ``desktop_nn.data`` logger, which the command line prints as one line).

    Raises
    ------
    DataError
        With a message naming the file and what is wrong with it.
    """
    folder = dataset_dir(dataset, data_dir)
    verify = dataset == "mnist" and data_dir is None and folder == _bundled_or_none()
    arrays = {
        key: _read_cached(folder / name, key, MNIST_IDX_SHA256[key] if verify else None,
                          notify or log.warning)
        for key, name in FILE_NAMES.items()
    }
    for split in ("train", "test"):
        images, labels = arrays[f"{split}_img"], arrays[f"{split}_label"]
        img_name, label_name = FILE_NAMES[f"{split}_img"], FILE_NAMES[f"{split}_label"]
        if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE or images.dtype != np.uint8:
            raise IdxError(
                f"{img_name}: expected uint8 images of 28x28, got shape {images.shape} "
                f"and type {images.dtype}"
            )
        if labels.ndim != 1 or labels.dtype != np.uint8:
            raise IdxError(
                f"{label_name}: expected a vector of uint8 labels, got shape {labels.shape} "
                f"and type {labels.dtype}"
            )
        if len(images) != len(labels):
            raise IdxError(
                f"{img_name} holds {len(images):,} images but {label_name} holds "
                f"{len(labels):,} labels"
            )
        if len(labels) and labels.max() >= NUM_CLASSES:
            raise IdxError(f"{label_name}: label {int(labels.max())} is outside 0..9")
        if len(labels) == 0:
            raise IdxError(f"{img_name}: holds no images")
    return RawDataset(**arrays)


def _bundled_or_none() -> Path | None:
    try:
        return bundled_mnist_dir()
    except FileNotFoundError:
        return None


def _change_one_hot_label(labels: np.ndarray) -> np.ndarray:
    """Return one-hot rows (N, 10) float64 for class indices (N,), as the book does."""
    one_hot = np.zeros((labels.size, NUM_CLASSES))
    one_hot[np.arange(labels.size), labels] = 1
    return one_hot


def load_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    *,
    dataset: str = "mnist",
    data_dir: str | os.PathLike | None = None,
    notify: Notify | None = None,
):
    """Load MNIST as the book's ``dataset.mnist.load_mnist`` does.

    Parameters
    ----------
    normalize : bool, default True
        Scale pixels to float32 in [0, 1]; otherwise keep uint8 0..255.
    flatten : bool, default True
        Images as rows of 784; otherwise (N, 1, 28, 28).
    one_hot_label : bool, default False
        Labels as one-hot rows (N, 10); otherwise class indices (N,) uint8.
    dataset : {"mnist", "fashion-mnist"}, keyword-only
    data_dir : path, optional, keyword-only
        A folder holding the four IDX files under their MNIST names.
    notify : callable, optional, keyword-only
        Told, in one line, about a damaged cache entry that was rebuilt.

    Returns
    -------
    (x_train, t_train), (x_test, t_test)
        60,000 and 10,000 samples for MNIST.
    """
    raw = load_raw(dataset, data_dir, notify=notify)

    def images(array: np.ndarray) -> np.ndarray:
        if normalize:
            array = array.astype(np.float32)
            array /= 255.0
        return array.reshape(len(array), -1) if flatten else array.reshape(len(array), 1, 28, 28)

    def labels(array: np.ndarray) -> np.ndarray:
        return _change_one_hot_label(array) if one_hot_label else array

    return (
        (images(raw.train_img), labels(raw.train_label)),
        (images(raw.test_img), labels(raw.test_label)),
    )
