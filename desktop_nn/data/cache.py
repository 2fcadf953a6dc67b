"""The decoded cache: each IDX file's array kept as ``.npy``, and checked every time it is read.

Decoding 47 MB of gzip takes a noticeable moment, so each decoded array is written to the
user's cache folder. An entry is named ``<key>-<source>-<checksum>.npy``: ``<source>`` is a
digest of the source file's path, size and modification time (a changed source makes a new
entry), ``<checksum>`` a BLAKE2b digest of the array's type, shape and bytes, written with
the entry in one atomic step.

Nothing in the cache is trusted: :func:`read_entry` refuses an entry whose header declares
more or fewer bytes than the file holds (before allocating), that is cut short or too long,
or whose contents do not match its checksum. The caller then decodes the source again and
replaces the entry. Temporary files left by an interrupted write are removed.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
from pathlib import Path

import numpy as np

from desktop_nn.fileio import PART_SUFFIX, atomic_write, open_regular_file, user_cache_dir
from desktop_nn.npy_reader import ArrayFileError, read_data, read_header

FORMAT = "2"
_CHECKSUM_BYTES = 16


class CacheEntryError(ValueError):
    """A cache entry cannot be used; the message says why (it is then rebuilt)."""


def cache_folder() -> Path:
    """Where decoded arrays are kept."""
    return user_cache_dir() / "decoded"


def entry_prefix(source: Path, key: str) -> str:
    """The start of the names of ``source``'s entries: ``<key>-<source digest>-``."""
    stat = source.stat()
    identity = f"{FORMAT}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    return f"{key}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}-"


def checksum(array: np.ndarray) -> str:
    """The digest written into an entry's name: the array's type, shape and bytes."""
    digest = hashlib.blake2b(digest_size=_CHECKSUM_BYTES)
    digest.update(f"{array.dtype.str}|{array.shape}|".encode())
    digest.update(np.ascontiguousarray(array).data)
    return digest.hexdigest()


def find_entry(source: Path, key: str) -> Path | None:
    """The cache entry of ``source``'s current version, if there is one."""
    matches = sorted(cache_folder().glob(f"{glob.escape(entry_prefix(source, key))}*.npy"))
    return matches[-1] if matches else None


def read_entry(entry: Path) -> np.ndarray:
    """Read a cache entry, checking its size against its header and its checksum.

    Raises
    ------
    CacheEntryError
        Unreadable, malformed, of a size its header does not declare, or not matching its
        checksum. The entry is left in place (the caller replaces it).
    """
    expected = entry.stem.rpartition("-")[2]
    try:
        with open_regular_file(entry) as stream:
            size = os.fstat(stream.fileno()).st_size
            header = read_header(stream)
            held = size - stream.tell()
            if header.nbytes != held:
                raise CacheEntryError(
                    f"its header declares {header.nbytes:,} bytes of data but it holds {held:,}"
                )
            array = read_data(stream, header, max_bytes=held)
    except CacheEntryError:
        raise
    except ArrayFileError as exc:
        raise CacheEntryError(str(exc)) from None
    except OSError as exc:
        raise CacheEntryError(f"it cannot be read ({exc.strerror or exc})") from None
    except Exception as exc:  # whatever else is wrong with it, the entry is rebuilt
        raise CacheEntryError(f"it cannot be read ({type(exc).__name__})") from None
    if checksum(array) != expected:
        raise CacheEntryError("its contents do not match its checksum")
    return array


def store(source: Path, key: str, array: np.ndarray) -> None:
    """Write ``array`` as the entry of ``source``; drop older entries of ``key``.

    A cache that cannot be written is skipped: the data was decoded and is returned anyway.
    """
    folder = cache_folder()
    target = folder / f"{entry_prefix(source, key)}{checksum(array)}.npy"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        discard_entries(key, keep=target)
        with atomic_write(target) as handle:
            np.save(handle, array, allow_pickle=False)
    except OSError:
        pass


def discard_entries(key: str, keep: Path | None = None) -> None:
    """Delete every entry of ``key`` but ``keep``."""
    for stale in cache_folder().glob(f"{glob.escape(key)}-*.npy"):
        if stale != keep:
            with contextlib.suppress(OSError):
                stale.unlink()


def remove_leftovers(key: str) -> int:
    """Delete what interrupted writes of ``key``'s entries left behind; return how many."""
    removed = 0
    for leftover in cache_folder().glob(f".{glob.escape(key)}-*{PART_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
