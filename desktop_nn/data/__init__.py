"""Datasets: the IDX reader, the bundled MNIST, a verified downloader and a decoded cache.

Nothing in this package imports Qt.
"""

from desktop_nn.data.idx import IdxError, read_idx
from desktop_nn.data.mnist import DataError, load_mnist

__all__ = ["DataError", "IdxError", "load_mnist", "read_idx"]
