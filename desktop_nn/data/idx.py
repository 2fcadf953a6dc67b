"""Reader for the IDX format of MNIST, strict about what it accepts.

Layout: a big-endian 32-bit magic number ``0x0000TTDD`` (TT the element type, DD the number of
dimensions), one big-endian 32-bit size per dimension, then the elements, row-major. Files may
be gzip-compressed, in one member or many. Every way a file can be wrong gets a message naming
the file and the fault.
"""

from __future__ import annotations

import gzip
import io
import math
import os
import struct
import zlib
from pathlib import Path
from typing import IO, BinaryIO

import numpy as np

from desktop_nn.fileio import open_regular_file, read_problem, read_up_to

#: IDX type codes and the big-endian dtypes they stand for.
IDX_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
#: Refuse files claiming more than this many elements (a corrupt header must not allocate 16 GB).
MAX_ELEMENTS = 1 << 31
GZIP_MAGIC = b"\x1f\x8b"


class DataError(ValueError):
    """A dataset cannot be used; the message says which file and why."""


class IdxError(DataError):
    """An IDX file is missing, unreadable or malformed; the message says which and why."""


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file, gzip-compressed or not, into an array of the declared shape.

    The file is decompressed as a stream: the header is read and checked first, then exactly
    the bytes it declares, then one more to tell a file that is too long. A gzip file of many
    members that would expand to gigabytes is never expanded beyond what the header declares.

    Returns
    -------
    ndarray
        Shape as declared in the header; native byte order.

    Raises
    ------
    IdxError
        If the file is missing, a folder, not a regular file, unreadable, empty, a damaged
        gzip stream, or malformed IDX data (see :func:`read_idx_stream`).
    """
    path = Path(path)
    name = path.name
    try:
        handle = open_regular_file(path)
    except OSError as exc:
        raise IdxError(f"{path}: {read_problem(exc)}") from None
    with handle:
        try:
            return _read_file(handle, path, name)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise IdxError(
                f"{name}: the gzip data is damaged or cut short ({exc}); download it again"
            ) from None
        except OSError as exc:
            raise IdxError(f"{path}: {read_problem(exc)}") from None
        except IdxError:
            raise
        except Exception as exc:  # the last resort of this door: any other fault of the file
            raise IdxError(f"{name}: cannot be read as IDX data ({type(exc).__name__})") from None


def _read_file(handle: BinaryIO, path: Path, name: str) -> np.ndarray:
    if os.fstat(handle.fileno()).st_size == 0:
        raise IdxError(f"{path}: the file is empty")
    compressed = handle.read(2) == GZIP_MAGIC
    handle.seek(0)
    if not compressed:
        return read_idx_stream(handle, name)
    with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
        return read_idx_stream(stream, name)


def read_idx_header(stream: IO[bytes], name: str = "IDX data") -> tuple[np.dtype, tuple]:
    """Read and check the header at the start of ``stream``, leaving it at the data.

    Returns
    -------
    dtype : numpy dtype
        The elements' big-endian type.
    dims : tuple of int
        The declared shape.
    """
    magic = read_up_to(stream, 4)
    if len(magic) < 4:
        raise IdxError(f"{name}: too short for an IDX header ({len(magic)} bytes)")
    zero, type_code, ndim = struct.unpack(">HBB", magic)
    if zero == 0 and type_code not in IDX_TYPES:
        raise IdxError(
            f"{name}: unknown IDX element type 0x{type_code:02x} in the magic number "
            f"0x{int.from_bytes(magic, 'big'):08x} (known: 0x08 unsigned bytes, 0x09, 0x0b, "
            "0x0c, 0x0d, 0x0e)"
        )
    if zero != 0:
        raise IdxError(
            f"{name}: wrong magic number 0x{int.from_bytes(magic, 'big'):08x}; "
            "not an IDX file (MNIST images start with 0x00000803, labels with 0x00000801)"
        )
    if ndim == 0:
        raise IdxError(f"{name}: the header declares 0 dimensions")
    sizes = read_up_to(stream, 4 * ndim)
    if len(sizes) < 4 * ndim:
        raise IdxError(f"{name}: the header is cut short (declares {ndim} dimensions)")
    dims = struct.unpack(f">{ndim}I", sizes)
    extent = math.prod(max(dim, 1) for dim in dims)  # (0, 10**6, 10**6) is no more plausible
    if extent > MAX_ELEMENTS:
        raise IdxError(f"{name}: declares {dims}, far too large to be a real dataset")
    return IDX_TYPES[type_code], dims


def read_idx_stream(stream: IO[bytes], name: str = "IDX data") -> np.ndarray:
    """Decode the IDX data ``stream`` holds (uncompressed) into an array.

    The header is checked before anything is allocated; then the declared bytes are read, and
    nothing more than one byte beyond them (to tell a file that is too long).

    Parameters
    ----------
    stream : binary file object
    name : str
        Used in error messages (usually the file name).

    Returns
    -------
    ndarray
        Shape as declared in the header; native byte order.
    """
    dtype, dims = read_idx_header(stream, name)
    header_size = 4 + 4 * len(dims)
    count = math.prod(dims)
    expected = header_size + count * dtype.itemsize
    data = read_up_to(stream, count * dtype.itemsize)
    too_long = len(data) == count * dtype.itemsize and stream.read(1)
    if len(data) < count * dtype.itemsize or too_long:
        held = f"{header_size + len(data):,} bytes" if not too_long else "more"
        raise IdxError(
            f"{name}: declares shape {tuple(dims)} ({expected:,} bytes with the header) but "
            f"holds {held}; the file is {'too long' if too_long else 'cut short'}"
        )
    array = np.frombuffer(data, dtype=dtype, count=count) if count else np.empty(0, dtype)
    if not dtype.isnative:
        array = array.byteswap(inplace=True).view(dtype.newbyteorder("="))
    return array.reshape(dims)


def parse_idx(data: bytes, name: str = "IDX data") -> np.ndarray:
    """Decode uncompressed IDX bytes; see :func:`read_idx_stream`."""
    return read_idx_stream(io.BytesIO(data), name)
