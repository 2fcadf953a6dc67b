"""Files in and out: atomic writes, and reads that only ever open a plain file.

Writes go to a temporary file in the same folder, are flushed to disk, then renamed over the
target in one step (``os.replace``). If anything fails on the way, the temporary file is removed
and the old target, if any, is untouched. The temporary name stays within the file system's
limit on name length even when the target's own name is at that limit.

Reads open the file first and look at what they opened: a named pipe would block the reader
forever and a device never ends, so anything but a regular file is refused.

A temporary file is private (mode 0600); before the rename it gets the mode any program gives a
new file (0666 less the umask), or keeps the mode of the file it replaces.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

#: Suffix of every temporary file (what an interrupted write leaves behind ends with it).
PART_SUFFIX = ".part"
#: The longest file name, in bytes, most file systems accept (ext4, XFS, Btrfs, APFS, NTFS).
NAME_MAX = 255
#: Characters ``tempfile.mkstemp`` puts between the prefix and the suffix.
_RANDOM_PART = 8
#: Bytes read at a time by :func:`read_up_to`.
READ_CHUNK = 1 << 20


class NotARegularFileError(OSError):
    """The path names a pipe, a socket or a device, not a file with an end."""


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
    check_replaceable(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=PART_SUFFIX, dir=target.parent
    )
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
    check_replaceable(target)
    suffix = target.suffix if len(os.fsencode(target.suffix)) <= 16 else ""
    fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(target, suffix), suffix=suffix,
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


def check_replaceable(target: Path) -> None:
    """Refuse to replace a folder, a device, a pipe or a socket with a file.

    Renaming over ``/dev/null`` would succeed for root, and replace the device.
    """
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
    if target.exists() and not target.is_file():
        raise NotARegularFileError(
            errno.EINVAL, "is not a regular file (a pipe, a socket or a device)", str(target)
        )


def temporary_prefix(target: Path, suffix: str = PART_SUFFIX) -> str:
    """The start of the temporary names used while writing ``target``: ``.<name>.``.

    The name is shortened (on a character boundary) so that prefix, random part and
    ``suffix`` together fit in :data:`NAME_MAX` bytes of the file system's encoding: a
    legal name of 255 bytes still gets a legal temporary name.
    """
    name = target.name
    room = NAME_MAX - 2 - _RANDOM_PART - len(os.fsencode(suffix))
    encoded = os.fsencode(name)
    if len(encoded) > room:  # cut, dropping a character split in two (and undecodable bytes)
        name = encoded[:room].decode("utf-8", "ignore")
    return f".{name}."


def remove_leftovers(target: Path) -> int:
    """Delete the temporary files an interrupted write of ``target`` left; return how many."""
    removed = 0
    for leftover in target.parent.glob(f"{glob.escape(temporary_prefix(target))}*{PART_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def open_regular_file(path: str | os.PathLike) -> BinaryIO:
    """Open ``path`` for reading in binary mode, refusing anything but a regular file.

    The file is opened without blocking (a named pipe with no writer would otherwise wait
    forever) and checked after opening, so nothing can be swapped in between.

    Raises
    ------
    FileNotFoundError, IsADirectoryError, PermissionError, NotARegularFileError
        Or another ``OSError``; :func:`read_problem` words any of them for a message.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(errno.EINVAL, "not a regular file", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_problem(exc: OSError) -> str:
    """Words for why a file could not be read, to follow its name in a message."""
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "no permission to read it"
    if isinstance(exc, NotARegularFileError):
        return "is not a regular file (a pipe, a socket or a device)"
    return f"cannot be read ({exc.strerror or exc})"


def read_up_to(stream: IO[bytes], size: int) -> bytearray:
    """Read ``size`` bytes from ``stream``, fewer only if it ends first.

    The result grows a chunk at a time with what actually arrives: a header that claims
    gigabytes costs nothing until the data is there, and nothing beyond ``size`` is ever
    requested, so a stream that would decompress to gigabytes stops where the caller said.
    ``np.frombuffer`` views the result without a copy.
    """
    data = bytearray()
    while len(data) < size:
        chunk = stream.read(min(size - len(data), READ_CHUNK))
        if not chunk:
            break
        data += chunk
    return data


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


def user_data_dir() -> Path:
    """Return the folder for what desktop_nn keeps of the user's work (the kept runs).

    ``DESKTOP_NN_DATA_DIR`` overrides it (the tests point it at a temporary folder); otherwise
    ``$XDG_DATA_HOME/desktop_nn`` (``~/.local/share/desktop_nn``) on Linux and other Unix
    systems, ``~/Library/Application Support/desktop_nn`` on macOS and
    ``%APPDATA%\\desktop_nn`` on Windows. Unlike the cache, nothing here can be rebuilt.
    """
    override = os.environ.get("DESKTOP_NN_DATA_DIR")
    if override:
        return Path(override)
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "desktop_nn"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "desktop_nn"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "desktop_nn"
