"""The IDX reader: the real bundled files, and one specific IdxError per kind of bad file."""

from __future__ import annotations

import contextlib
import gzip
import itertools
import os
import struct
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_nn.data import idx as idx_module
from desktop_nn.data.idx import DataError, IdxError, parse_idx, read_idx
from desktop_nn.resources import resource_path

TYPE_CODES = {np.uint8: 0x08, np.int8: 0x09, ">i2": 0x0B, ">i4": 0x0C, ">f4": 0x0D, ">f8": 0x0E}


def idx_bytes(array: np.ndarray, type_code: int = 0x08) -> bytes:
    """Encode ``array`` as IDX (big-endian header, big-endian elements)."""
    header = struct.pack(">HBB", 0, type_code, array.ndim)
    header += struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array).tobytes()


def write(path: Path, data: bytes, compress: bool = True) -> Path:
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def idx_error(path) -> str:
    with pytest.raises(IdxError) as info:
        read_idx(path)
    return str(info.value)


# --- the real files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "magic", "shape"),
    [
        ("train-images-idx3-ubyte.gz", 0x00000803, (60000, 28, 28)),
        ("train-labels-idx1-ubyte.gz", 0x00000801, (60000,)),
        ("t10k-images-idx3-ubyte.gz", 0x00000803, (10000, 28, 28)),
        ("t10k-labels-idx1-ubyte.gz", 0x00000801, (10000,)),
    ],
)
def test_real_bundled_files(name, magic, shape):
    path = resource_path("mnist", name)
    raw = gzip.decompress(path.read_bytes())
    assert int.from_bytes(raw[:4], "big") == magic
    array = parse_idx(raw, name)
    assert array.shape == shape
    assert array.dtype == np.uint8
    if len(shape) == 1:
        assert array.min() == 0 and array.max() == 9
    else:
        assert array.min() == 0 and array.max() == 255
    assert array.flags.writeable and array.flags.c_contiguous


def test_first_training_label_is_five():
    # The famous first MNIST digit is a 5; the test set starts with a 7.
    assert read_idx(resource_path("mnist", "train-labels-idx1-ubyte.gz"))[0] == 5
    assert read_idx(resource_path("mnist", "t10k-labels-idx1-ubyte.gz"))[0] == 7


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", list(TYPE_CODES), ids=str)
@pytest.mark.parametrize("compress", [True, False], ids=["gz", "raw"])
def test_round_trip_every_type(tmp_path, dtype, compress):
    values = (np.arange(24).reshape(2, 3, 4) - 7).astype(dtype)
    if np.dtype(dtype).kind == "u":
        values = np.arange(24, dtype=np.uint8).reshape(2, 3, 4) * 10
    path = write(tmp_path / "x.idx", idx_bytes(values, TYPE_CODES[dtype]), compress)
    array = read_idx(path)
    assert array.shape == (2, 3, 4)
    assert array.dtype.isnative
    assert array.dtype == np.dtype(dtype).newbyteorder("=")
    np.testing.assert_array_equal(array, values)


def test_idx_error_is_a_data_error():
    assert issubclass(IdxError, DataError)
    assert issubclass(IdxError, ValueError)


# --- bad files -----------------------------------------------------------------------------


LABELS = np.array([3, 1, 4, 1, 5, 9, 2, 6], dtype=np.uint8)


def test_missing_file(tmp_path):
    message = idx_error(tmp_path / "nope.gz")
    assert "nope.gz" in message and "file not found" in message


def test_directory(tmp_path):
    (tmp_path / "labels.gz").mkdir()
    message = idx_error(tmp_path / "labels.gz")
    assert "labels.gz" in message and "folder" in message


def test_empty_file(tmp_path):
    message = idx_error(write(tmp_path / "empty.gz", b"", compress=False))
    assert "empty.gz" in message and "empty" in message


def test_truncated_gzip(tmp_path):
    data = gzip.compress(idx_bytes(np.arange(2000, dtype=np.uint32).astype(np.uint8)))
    path = write(tmp_path / "cut.gz", data[: len(data) // 2], compress=False)
    message = idx_error(path)
    assert "cut.gz" in message and "gzip data is damaged or cut short" in message


def test_corrupt_gzip_body(tmp_path):
    rng = np.random.default_rng(0)
    data = bytearray(gzip.compress(idx_bytes(rng.integers(0, 256, 5000, dtype=np.uint8))))
    middle = len(data) // 2
    data[middle : middle + 32] = bytes(32)
    message = idx_error(write(tmp_path / "bad.gz", bytes(data), compress=False))
    assert "bad.gz" in message and "gzip data is damaged" in message


def test_gzip_crc_mismatch(tmp_path):
    data = bytearray(gzip.compress(idx_bytes(LABELS)))
    data[-8] ^= 0xFF  # the CRC-32 of the trailer
    message = idx_error(write(tmp_path / "crc.gz", bytes(data), compress=False))
    assert "crc.gz" in message and "damaged" in message


def test_wrong_magic(tmp_path):
    data = b"\x1f\x00" + idx_bytes(LABELS)[2:]
    message = idx_error(write(tmp_path / "magic.gz", data))
    assert "magic.gz" in message and "wrong magic number 0x1f000801" in message
    assert "not an IDX file" in message


def test_not_idx_at_all(tmp_path):
    message = idx_error(write(tmp_path / "text.gz", b"hello, world\n"))
    assert "wrong magic number" in message


def test_unknown_type_code(tmp_path):
    data = idx_bytes(LABELS, type_code=0x0A)  # 0x0A is not an IDX type
    message = idx_error(write(tmp_path / "type.gz", data))
    assert "type.gz" in message and "0x00000a01" in message


def test_too_short_for_a_header(tmp_path):
    message = idx_error(write(tmp_path / "tiny.gz", b"\x00\x00"))
    assert "too short for an IDX header (2 bytes)" in message


def test_header_cut_short(tmp_path):
    data = struct.pack(">HBB", 0, 0x08, 3) + struct.pack(">I", 60000)
    message = idx_error(write(tmp_path / "head.gz", data))
    assert "header is cut short" in message and "3 dimensions" in message


def test_zero_dimensions(tmp_path):
    message = idx_error(write(tmp_path / "zero.gz", struct.pack(">HBB", 0, 0x08, 0)))
    assert "0 dimensions" in message


def test_data_too_short(tmp_path):
    data = idx_bytes(LABELS)[:-3]
    message = idx_error(write(tmp_path / "short.gz", data))
    assert "short.gz" in message and "(8,)" in message
    assert "holds 13 bytes" in message and "cut short" in message


def test_data_too_long(tmp_path):
    data = idx_bytes(LABELS) + b"\x00\x01"
    message = idx_error(write(tmp_path / "long.gz", data))
    assert "long.gz" in message and "too long" in message


def test_dimensions_not_matching_the_data(tmp_path):
    images = np.zeros((3, 28, 28), dtype=np.uint8)
    data = bytearray(idx_bytes(images))
    data[4:8] = struct.pack(">I", 4)  # claims 4 images, holds 3
    message = idx_error(write(tmp_path / "images.gz", bytes(data)))
    assert "(4, 28, 28)" in message and "cut short" in message


def test_absurd_sizes_are_refused_without_allocating(tmp_path):
    # 65535**3 bytes would be 281 TB; 2**31 - 1 bytes (2 GB) is allowed but does not fit.
    for dims, fragment in (
        ((65535, 65535, 65535), "far too large"),
        ((2**32 - 1, 2**32 - 1), "far too large"),
        ((2**31 - 1,), "cut short"),
    ):
        data = struct.pack(">HBB", 0, 0x08, len(dims)) + struct.pack(f">{len(dims)}I", *dims)
        data += bytes(100)
        tracemalloc.start()
        try:
            with pytest.raises(IdxError, match=fragment):
                parse_idx(data, "huge")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 1_000_000, dims


def test_no_read_permission(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading "
                    "(test_read_permission_error_is_reported covers the message)")
    path = write(tmp_path / "secret.gz", idx_bytes(LABELS))
    path.chmod(0o000)
    try:
        message = idx_error(path)
    finally:
        path.chmod(0o644)
    assert "secret.gz" in message and "no permission" in message


def test_read_permission_error_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.gz", idx_bytes(LABELS))

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(idx_module, "open_regular_file", refuse)
    message = idx_error(path)
    assert "secret.gz" in message and "no permission to read it" in message


def test_other_read_errors_are_reported(tmp_path, monkeypatch):
    path = write(tmp_path / "disk.gz", idx_bytes(LABELS))

    class FailingDisk:
        def __init__(self, path):
            self.file = open(path, "rb")  # noqa: SIM115 (closed by __exit__)

        def __getattr__(self, name):
            return getattr(self.file, name)

        def read(self, size=-1):
            if self.file.tell() > 20:  # the header read, then the disk fails
                raise OSError(5, "Input/output error")
            return self.file.read(min(size, 21) if size >= 0 else 21)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

    monkeypatch.setattr(idx_module, "open_regular_file", FailingDisk)
    message = idx_error(path)
    assert "disk.gz" in message and "Input/output error" in message


def test_uncompressed_file_is_accepted(tmp_path):
    path = write(tmp_path / "labels-idx1-ubyte", idx_bytes(LABELS), compress=False)
    np.testing.assert_array_equal(read_idx(path), LABELS)


# --- fuzzing -------------------------------------------------------------------------------

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def check_parse(data: bytes) -> None:
    try:
        array = parse_idx(data, "fuzz")
    except IdxError as exc:
        assert str(exc).startswith("fuzz: ")
    else:
        assert isinstance(array, np.ndarray)
        assert array.ndim == data[3]
        assert array.dtype.isnative


@FUZZ
@given(st.binary(max_size=200))
def test_parse_arbitrary_bytes(data):
    check_parse(data)


@FUZZ
@given(
    type_code=st.sampled_from([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0x0A, 0xFF]),
    dims=st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 6), min_size=0, max_size=5),
    payload=st.binary(max_size=300),
    zero=st.sampled_from([0, 0, 0, 1, 0x1F8B]),
)
def test_parse_plausible_headers(type_code, dims, payload, zero):
    header = struct.pack(">HBB", zero, type_code, len(dims))
    header += struct.pack(f">{len(dims)}I", *dims)
    check_parse(header + payload)


@FUZZ
@given(st.binary(max_size=200))
def test_read_arbitrary_gzip_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.gz"
    path.write_bytes(b"\x1f\x8b" + data)
    with contextlib.suppress(IdxError):  # any other exception fails the test
        read_idx(path)


def test_unknown_element_type_is_named():
    data = bytes([0, 0, 0x07, 1]) + (3).to_bytes(4, "big") + b"abc"
    with pytest.raises(IdxError, match="unknown IDX element type 0x07"):
        parse_idx(data, "odd.idx")


def test_an_empty_shape_with_absurd_other_sizes_is_refused():
    data = bytes([0, 0, 0x08, 3]) + b"".join(d.to_bytes(4, "big") for d in (0, 10**6, 10**6))
    with pytest.raises(IdxError, match="far too large"):
        parse_idx(data, "odd.idx")


# --- streaming (issue 11): the header first, then no more than it declares -----------------


def gzip_members(data: bytes, cuts: list[int]) -> bytes:
    """``data`` as a gzip file of several members, split at ``cuts``."""
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(data)), len(data)]
    return b"".join(gzip.compress(data[a:b]) for a, b in itertools.pairwise(bounds))


def test_a_gzip_file_of_many_members_is_read_whole(tmp_path):
    values = np.arange(3 * 28 * 28, dtype=np.uint32).astype(np.uint8).reshape(3, 28, 28)
    data = idx_bytes(values)
    path = write(tmp_path / "multi.gz", gzip_members(data, [1, 6, 9, 100, 1000]), compress=False)
    np.testing.assert_array_equal(read_idx(path), values)


def test_a_gzip_bomb_is_not_expanded_beyond_the_declared_size(tmp_path):
    # 8 labels declared, then 200 members of 8 MB of zeros each: 1.6 GB if expanded.
    bomb_member = gzip.compress(bytes(8 * 2**20), compresslevel=9)
    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(idx_bytes(LABELS)) + bomb_member * 200)
    assert path.stat().st_size < 2**21
    tracemalloc.start()
    try:
        message = idx_error(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "bomb.gz" in message and "too long" in message
    assert peak < 2**20


def test_a_bomb_declaring_a_large_size_allocates_only_what_arrives(tmp_path):
    # The header declares 47 MB of images; the stream holds 2 MB, then ends.
    header = struct.pack(">HBB", 0, 0x08, 3) + struct.pack(">3I", 60000, 28, 28)
    path = write(tmp_path / "short.gz", header + bytes(2 * 2**20))
    tracemalloc.start()
    try:
        message = idx_error(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "cut short" in message and "2,097,168 bytes" in message
    assert peak < 8 * 2**20


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "train-labels-idx1-ubyte.gz"
    os.mkfifo(fifo)
    assert "not a regular file" in idx_error(fifo)
