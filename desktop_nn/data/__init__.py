"""Datasets: the IDX reader, the bundled MNIST, a verified downloader and a decoded cache.

Nothing in this package imports Qt. The names below are imported when first used, so that
importing a small module of the package (``desktop_nn.data.datasets``) does not import NumPy.
"""

from __future__ import annotations

from desktop_nn.lazy_names import lazy_names

#: Each public name and the module that defines it.
_WHERE = {"DataError": "mnist", "IdxError": "idx", "load_mnist": "mnist", "read_idx": "idx"}

__all__ = ["DataError", "IdxError", "load_mnist", "read_idx"]

__getattr__, __dir__ = lazy_names(__name__, _WHERE)
