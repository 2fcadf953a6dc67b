"""Read ``.npy`` arrays and ``.npz`` archives without trusting them.

``np.load`` believes what a file says: a header's size is allocated before the data is
read, the zip layer's own exceptions (encrypted members, unknown compression) escape as they
are, and whatever a zip's directory lists is parsed. This reader checks every claim against a
limit the caller sets before anything is allocated, reads exactly the bytes a header declares,
and reports every fault as one :class:`ArrayFileError`:

* the archive: at most :data:`MAX_MEMBERS` entries in a directory of bounded size, each one an
  ``.npy`` file, listed once, not encrypted and compressed with a method Python has;
* each header: format 1.0 or 2.0, no Python objects, a size in bytes within the limit;
* the data: exactly the declared bytes (neither fewer nor more), converted to the machine's
  byte order.

Nothing here is ever unpickled. The messages do not name the file: the caller adds that.
"""

from __future__ import annotations

import math
import struct
import zipfile
from dataclasses import dataclass
from typing import IO, BinaryIO

import numpy as np

from desktop_nn.fileio import read_up_to

#: Entries an archive may list (a model has six).
MAX_MEMBERS = 16
#: Bytes the zip directory may take (a few hundred for a model).
MAX_DIRECTORY_BYTES = 64 * 1024
#: Compression methods read, by their number in the zip format.
COMPRESSION_NAMES = {
    zipfile.ZIP_STORED: "stored",
    zipfile.ZIP_DEFLATED: "deflate",
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "lzma",
}
_HEADER_READERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}
_END_OF_DIRECTORY = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_MAX_COMMENT = 0xFFFF


class ArrayFileError(ValueError):
    """An array file or archive cannot be read; the message says why (not which file)."""


@dataclass(frozen=True)
class ArrayHeader:
    """What a ``.npy`` header declares, checked for objects but not yet for size."""

    shape: tuple[int, ...]
    dtype: np.dtype
    fortran_order: bool

    @property
    def count(self) -> int:
        """Elements declared (a Python int: never overflows)."""
        return math.prod(self.shape)

    @property
    def nbytes(self) -> int:
        """Bytes of data declared."""
        return self.count * self.dtype.itemsize


def read_header(stream: IO[bytes]) -> ArrayHeader:
    """Read the magic string and header of a ``.npy`` stream, leaving it at the data.

    Raises
    ------
    ArrayFileError
        Not a ``.npy`` stream, an unsupported format version, a malformed header, or an
        array of Python objects.
    """
    try:
        version = np.lib.format.read_magic(stream)
    except ValueError:
        raise ArrayFileError("not a NumPy array (wrong magic string)") from None
    if version not in _HEADER_READERS:
        raise ArrayFileError(f"uses the unsupported .npy format {version[0]}.{version[1]}")
    try:
        shape, fortran_order, dtype = _HEADER_READERS[version](stream)
    except Exception as exc:  # NumPy's parser raises ValueError, SyntaxError, TokenError...
        raise ArrayFileError(f"has a malformed array header ({first_line(exc)})") from None
    if dtype.hasobject:
        raise ArrayFileError("holds Python objects, which are never loaded")
    return ArrayHeader(tuple(int(s) for s in shape), dtype, bool(fortran_order))


def check_size(header: ArrayHeader, max_bytes: int) -> None:
    """Refuse a header whose data would take more than ``max_bytes`` (or elements)."""
    if header.count > max_bytes or header.nbytes > max_bytes:
        raise ArrayFileError(
            f"is implausibly large (shape {header.shape} of {header.dtype.str}: "
            f"{header.nbytes:,} bytes; at most {max_bytes:,})"
        )


def read_data(stream: IO[bytes], header: ArrayHeader, max_bytes: int) -> np.ndarray:
    """Read the data the header declares, and nothing after it, into a native-order array.

    Nothing is allocated before :func:`check_size`, and then only as the data arrives: a
    stream that stops early costs no more than what it held.

    Raises
    ------
    ArrayFileError
        Too large, cut short, or followed by more data than the header declares.
    """
    check_size(header, max_bytes)
    data = read_up_to(stream, header.nbytes)
    if len(data) < header.nbytes:
        raise ArrayFileError(
            f"is cut short ({len(data):,} of the {header.nbytes:,} bytes its header declares)"
        )
    if stream.read(1):
        raise ArrayFileError(f"holds more data than its header declares ({header.nbytes:,} bytes)")
    try:
        return _as_array(data, header)
    except (ValueError, TypeError) as exc:  # e.g. more dimensions than NumPy has
        raise ArrayFileError(f"cannot be made into an array ({first_line(exc)})") from None


def _as_array(data: bytearray, header: ArrayHeader) -> np.ndarray:
    """View ``data`` as the declared array (no copy), in the machine's byte order."""
    if data:
        flat = np.frombuffer(data, dtype=header.dtype, count=header.count)
    else:
        flat = np.empty(header.count, dtype=header.dtype)
    if not header.dtype.isnative:
        flat = flat.byteswap(inplace=True).view(header.dtype.newbyteorder("="))
    if header.fortran_order:
        return flat.reshape(header.shape[::-1]).T
    return flat.reshape(header.shape)


class NpzArchive:
    """The members of an ``.npz`` archive, checked before any member is read.

    Parameters
    ----------
    handle : binary file, seekable
        Stays open for as long as the archive is used.
    size : int
        The file's size in bytes.

    Attributes
    ----------
    keys : list of str
        The arrays' names (member names without ``.npy``), in archive order.
    """

    def __init__(self, handle: BinaryIO, size: int) -> None:
        _check_directory(handle, size)
        handle.seek(0)
        try:
            self.zip = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, EOFError, ValueError, struct.error) as exc:
            raise ArrayFileError(f"not a valid .npz file (damaged or cut short: {exc})") from None
        self._members = _check_members(self.zip.infolist())
        self.keys = list(self._members)

    def header(self, key: str) -> ArrayHeader:
        """The header of array ``key`` (read from its member's first bytes only)."""
        with self._open(key) as member:
            return read_header(member)

    def read(self, key: str, max_bytes: int) -> np.ndarray:
        """Array ``key``, read within ``max_bytes``; see :func:`read_data`."""
        with self._open(key) as member:
            return read_data(member, read_header(member), max_bytes)

    def _open(self, key: str) -> IO[bytes]:
        return self.zip.open(self._members[key])

    def close(self) -> None:
        self.zip.close()


def _check_directory(handle: BinaryIO, size: int) -> None:
    """Refuse an archive whose directory lists too many entries, before zipfile parses it."""
    tail_size = min(size, _END_OF_DIRECTORY.size + _MAX_COMMENT)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    start = tail.rfind(_END_SIGNATURE)
    if start < 0 or len(tail) - start < _END_OF_DIRECTORY.size:
        raise ArrayFileError("not a valid .npz file (no zip directory: damaged or cut short)")
    fields = _END_OF_DIRECTORY.unpack_from(tail, start)
    entries, directory_bytes = fields[4], fields[5]
    if entries > MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise ArrayFileError(
            f"its zip directory lists {entries:,} entries in {directory_bytes:,} bytes; an "
            f"archive of arrays has at most {MAX_MEMBERS}"
        )


def _check_members(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise ArrayFileError(f"holds {len(infos):,} entries; at most {MAX_MEMBERS}")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if not name.endswith(".npy"):
            raise ArrayFileError(f"holds {name!r}, which is not an array (.npy)")
        key = name[: -len(".npy")]
        if key in members:
            raise ArrayFileError(f"lists {name!r} twice")
        if info.flag_bits & 0x1:
            raise ArrayFileError(f"{key} is encrypted; model files are never encrypted")
        if info.compress_type not in COMPRESSION_NAMES:
            raise ArrayFileError(
                f"{key} is compressed with method {info.compress_type}, which cannot be read "
                f"(readable: {', '.join(COMPRESSION_NAMES.values())})"
            )
        members[key] = info
    return members


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, at most 200 characters (for one-line reports)."""
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
