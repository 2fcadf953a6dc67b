"""Atomic file writes: a file is either complete at its final name or not there at all.

The data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target in one step (``os.replace``). If anything fails on the way, the temporary file is removed
and the old target, if any, is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", **open_kwargs) -> Iterator[IO]:
    """Open a temporary file beside ``path`` for writing; rename it to ``path`` on success.

    Parameters
    ----------
    path : path-like
        The final file name. Its folder must exist.
    mode : {"wb", "w"}
    **open_kwargs
        Passed to :func:`open` (for example ``encoding="utf-8", newline=""``).

    Yields
    ------
    file object
        Write everything to it; the rename happens when the ``with`` block ends normally.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write supports modes 'w' and 'wb', not {mode!r}")
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder, not a file")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **open_kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def user_cache_dir() -> Path:
    """Return the folder for desktop_nn's cache (decoded datasets, downloads).

    ``DESKTOP_NN_CACHE_DIR`` overrides it (the tests point it at a temporary folder); otherwise
    ``$XDG_CACHE_HOME/desktop_nn``, ``%LOCALAPPDATA%\\desktop_nn`` or ``~/.cache/desktop_nn``.
    """
    override = os.environ.get("DESKTOP_NN_CACHE_DIR")
    if override:
        return Path(override)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "desktop_nn"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "desktop_nn"
