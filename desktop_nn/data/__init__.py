"""Datasets: the IDX reader, the bundled MNIST, a verified downloader and a decoded cache.

Nothing in this package imports Qt. The names below are imported when first used, so that
importing a small module of the package (``desktop_nn.data.datasets``) does not import NumPy.
"""

from __future__ import annotations

import importlib

#: Each public name and the module that defines it.
_WHERE = {"DataError": "mnist", "IdxError": "idx", "load_mnist": "mnist", "read_idx": "idx"}

__all__ = ["DataError", "IdxError", "load_mnist", "read_idx"]


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
