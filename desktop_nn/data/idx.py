"""Reader for the IDX format of MNIST, strict about what it accepts.

Layout: a big-endian 32-bit magic number ``0x0000TTDD`` (TT the element type, DD the number of
dimensions), one big-endian 32-bit size per dimension, then the elements, row-major. Files may
be gzip-compressed. Every way a file can be wrong gets a message naming the file and the fault.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path

import numpy as np

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


class DataError(ValueError):
    """A dataset cannot be used; the message says which file and why."""


class IdxError(DataError):
    """An IDX file is missing, unreadable or malformed; the message says which and why."""


def read_idx_bytes(path: str | os.PathLike) -> bytes:
    """Return the uncompressed bytes of an IDX file (gzip-compressed or not).

    Raises
    ------
    IdxError
        If the file is missing, a folder, unreadable, empty, or a damaged gzip stream.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise IdxError(f"{path}: file not found")
    if path.is_dir():
        raise IdxError(f"{path}: is a folder, expected an IDX file")
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise IdxError(f"{path}: no permission to read it") from None
    except OSError as exc:
        raise IdxError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise IdxError(f"{path}: the file is empty")
    if raw[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(raw)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            raise IdxError(
                f"{name}: the gzip data is damaged or cut short ({exc}); download it again"
            ) from None
    return raw


def parse_idx(data: bytes, name: str = "IDX data") -> np.ndarray:
    """Decode uncompressed IDX bytes into an array of the declared shape and type.

    Parameters
    ----------
    data : bytes
    name : str
        Used in error messages (usually the file name).

    Returns
    -------
    ndarray
        Shape as declared in the header; native byte order.
    """
    if len(data) < 4:
        raise IdxError(f"{name}: too short for an IDX header ({len(data)} bytes)")
    zero, type_code, ndim = struct.unpack(">HBB", data[:4])
    if zero == 0 and type_code not in IDX_TYPES:
        raise IdxError(
            f"{name}: unknown IDX element type 0x{type_code:02x} in the magic number "
            f"0x{int.from_bytes(data[:4], 'big'):08x} (known: 0x08 unsigned bytes, 0x09, 0x0b, "
            "0x0c, 0x0d, 0x0e)"
        )
    if zero != 0:
        raise IdxError(
            f"{name}: wrong magic number 0x{int.from_bytes(data[:4], 'big'):08x}; "
            "not an IDX file (MNIST images start with 0x00000803, labels with 0x00000801)"
        )
    if ndim == 0:
        raise IdxError(f"{name}: the header declares 0 dimensions")
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise IdxError(f"{name}: the header is cut short (declares {ndim} dimensions)")
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = IDX_TYPES[type_code]
    count = 1
    extent = 1  # the product ignoring zero sizes: (0, 10**6, 10**6) is no more plausible
    for dim in dims:
        count *= dim
        extent *= max(dim, 1)
    if extent > MAX_ELEMENTS:
        raise IdxError(f"{name}: declares {dims}, far too large to be a real dataset")
    expected = header_size + count * dtype.itemsize
    if len(data) != expected:
        raise IdxError(
            f"{name}: declares shape {tuple(dims)} ({expected:,} bytes with the header) but "
            f"holds {len(data):,} bytes; the file is "
            f"{'cut short' if len(data) < expected else 'too long'}"
        )
    array = np.frombuffer(data, dtype=dtype, count=count, offset=header_size)
    return array.reshape(dims).astype(dtype.newbyteorder("="), copy=True)


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (optionally gzip-compressed) into an array; see :func:`parse_idx`."""
    return parse_idx(read_idx_bytes(path), Path(path).name)
