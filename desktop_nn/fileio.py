"""Atomic file writes: a file is either complete at its final name or not there at all.

The data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target in one step (``os.replace``). If anything fails on the way, the temporary file is removed
and the old target, if any, is untouched.

A temporary file is private (mode 0600); before the rename it gets the mode any program gives a
new file (0666 less the umask), or keeps the mode of the file it replaces.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
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
        os.chmod(tmp_name, final_mode(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_save(path: str | os.PathLike, write: Callable[[str], object]) -> None:
    """Call ``write(temporary_name)`` and move that file to ``path`` only if it succeeded.

    For writers that take a file name rather than an open file (Qt's image and SVG writers).
    An empty result counts as a failure.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix,
                                    dir=target.parent)
    os.close(fd)
    try:
        write(tmp_name)
        if not os.path.getsize(tmp_name):
            raise OSError(f"nothing was written to {target.name}")
        os.chmod(tmp_name, final_mode(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def final_mode(target: Path) -> int:
    """The permission bits ``target`` gets: those of the file it replaces, if there is one,
    else those of a new file (0666 less the process's umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


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
