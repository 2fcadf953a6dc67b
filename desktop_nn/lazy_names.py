"""A package's public names, imported from their modules when first used (PEP 562).

``desktop_nn.core`` and ``desktop_nn.data`` offer their names at the package's top
(``from desktop_nn.core import TwoLayerNet``) without importing every module, and NumPy, when
only a small module of theirs is needed (the window's first paint imports none of them).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_names(package: str, where: Mapping[str, str]) -> tuple[Callable[[str], object],
                                                                   Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``, whose name ``n`` lives in
    its module ``where[n]``; a name is imported on first use and kept in the package."""

    def get(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def names() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(where))

    return get, names
