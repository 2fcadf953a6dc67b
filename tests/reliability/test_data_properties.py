"""Property tests of the data doors: IDX files of any header and gzip framing, and cache
entries with any damage.

IDX: the result is the array the header declares, exactly when the bytes match it, else one
``IdxError`` naming the file; memory never exceeds what the header declares (plus a margin),
however far the gzip members would expand. Cache: whatever happened to an entry, the data
returned equals the source, a damaged entry is reported once and rebuilt, and nothing is
left behind.
"""

from __future__ import annotations

import gzip
import itertools
import math
import struct

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_nn.data.idx import IDX_TYPES, MAX_ELEMENTS, IdxError, read_idx
from desktop_nn.data.mnist import FILE_NAMES, load_mnist
from tests.contract import assert_one_message, listing, quick, traced_peak
from tests.data.test_mnist import make_dataset
from tests.hostile_files import npy_with_header

#: 16 MB of zeros as one gzip member (about 16 KB): appended, it makes a file a bomb.
BOMB_MEMBER = gzip.compress(bytes(16 * 2**20), compresslevel=9)
MARGIN = 4 * 2**20


def expected_array(data: bytes) -> np.ndarray | None:
    """An independent decoding of uncompressed IDX ``data``; None where it must be refused."""
    if len(data) < 4 or data[:2] != b"\0\0" or data[2] not in IDX_TYPES or data[3] == 0:
        return None
    ndim = data[3]
    if len(data) < 4 + 4 * ndim:
        return None
    dims = struct.unpack(f">{ndim}I", data[4 : 4 + 4 * ndim])
    if math.prod(max(d, 1) for d in dims) > MAX_ELEMENTS:
        return None
    dtype = IDX_TYPES[data[2]]
    if len(data) != 4 + 4 * ndim + math.prod(dims) * dtype.itemsize:
        return None
    return np.frombuffer(data, dtype, offset=4 + 4 * ndim).reshape(dims)


def declared_bytes(data: bytes) -> int:
    if len(data) < 4 or data[2] not in IDX_TYPES:
        return 0
    ndim = data[3]
    dims = struct.unpack(f">{ndim}I", data[4 : 4 + 4 * ndim].ljust(4 * ndim, b"\0"))
    return min(math.prod(dims) * IDX_TYPES[data[2]].itemsize, MAX_ELEMENTS * 8)


@st.composite
def idx_contents(draw) -> bytes:
    """Uncompressed IDX bytes: consistent ones, or any header with any payload."""
    type_code = draw(st.sampled_from([*IDX_TYPES, 0x00, 0x07, 0xFF]))
    if draw(st.booleans()):
        dims = draw(st.lists(st.integers(0, 12), min_size=1, max_size=3))
        itemsize = IDX_TYPES.get(type_code, np.dtype(np.uint8)).itemsize
        payload = draw(st.binary(min_size=math.prod(dims) * itemsize,
                                 max_size=math.prod(dims) * itemsize))
    else:
        dims = draw(st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 70_000), max_size=4))
        payload = draw(st.binary(max_size=300))
    header = bytes([0, 0, type_code, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims)
    data = header + payload
    cut = draw(st.integers(-6, 6))
    return data[:cut] if cut < 0 else data + bytes(cut)


@st.composite
def framings(draw, data: bytes) -> tuple[bytes, bool]:
    """``data`` as a file: raw, or gzip in several members, maybe a bomb, maybe damaged.

    Returns the file's bytes and whether its framing is intact.
    """
    if draw(st.booleans()):
        return data, True
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=4)))
    members = [gzip.compress(data[a:b], compresslevel=draw(st.sampled_from([1, 6, 9])))
               for a, b in itertools.pairwise([0, *cuts, len(data)])]
    framed = b"".join(members) + BOMB_MEMBER * draw(st.integers(0, 3))
    damage = draw(st.sampled_from(["none", "none", "cut", "flip", "garbage", "zeros"]))
    if damage == "cut":
        return framed[: draw(st.integers(2, len(framed)))], False
    if damage == "flip":
        offset = draw(st.integers(2, len(framed) - 1))
        return framed[:offset] + bytes([framed[offset] ^ 0x5A]) + framed[offset + 1 :], False
    if damage == "garbage":
        return framed + draw(st.binary(min_size=1, max_size=20)), False
    if damage == "zeros":
        return framed + bytes(draw(st.integers(1, 30))), False
    return framed, True


@quick(250)
@given(st.data())
def test_any_idx_file_gives_its_array_or_one_message(tmp_path_factory, data):
    content = data.draw(idx_contents())
    raw, intact = data.draw(framings(content))
    bomb = raw.count(BOMB_MEMBER) > 0
    folder = tmp_path_factory.mktemp("idx")
    path = folder / "images-idx3-ubyte.gz"
    path.write_bytes(raw)
    before = listing(folder)
    expected = None if bomb else expected_array(content)
    with traced_peak() as peak:
        try:
            array = read_idx(path)
        except IdxError as exc:
            assert_one_message(exc, "images-idx3-ubyte.gz")
            assert expected is None or not intact
        else:
            assert expected is not None
            assert array.dtype.isnative and array.flags.writeable
            np.testing.assert_array_equal(array, expected)
    assert peak.bytes < 1.25 * declared_bytes(content) + MARGIN
    assert listing(folder) == before


# --- cache entries ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    return folder, make_dataset(folder)


@st.composite
def damages(draw):
    """A way to damage one entry: flips, a cut, appended bytes, or another header."""
    kind = draw(st.sampled_from(["flips", "cut", "append", "header", "empty"]))
    if kind == "flips":
        return kind, draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                   min_size=1, max_size=4))
    if kind == "cut":
        return kind, draw(st.integers(0, 10**6))
    if kind == "append":
        return kind, draw(st.binary(min_size=1, max_size=64))
    if kind == "header":
        descr = draw(st.sampled_from(["|u1", "<f8", ">u2", "|V1000000", "|O", "<U3"]))
        shape = draw(st.sampled_from([(12, 28, 28), (600_000_000, 28, 28), (12,), (5, 28, 28),
                                      (10**15,), (), (1,) * 40, (12, 28, 28, 1, -1)]))
        return kind, (descr, shape)
    return kind, None


def damaged(content: bytes, damage) -> bytes:
    kind, detail = damage
    if kind == "flips":
        data = bytearray(content)
        for offset, value in detail:
            data[offset % len(data)] = value
        return bytes(data)
    if kind == "cut":
        return content[: detail % len(content)]
    if kind == "append":
        return content + detail
    if kind == "header":
        body = content[content.index(b"\n") + 1 :]
        return npy_with_header(*detail, body)
    return b""


@quick(120)
@given(key=st.sampled_from(sorted(FILE_NAMES)), damage=damages())
def test_any_damaged_cache_entry_is_rebuilt(small_dataset, cache_dir, key, damage):
    folder, arrays = small_dataset
    load_mnist(data_dir=folder)  # fills this example's cache
    (entry,) = (cache_dir / "decoded").glob(f"{key}-*.npy")
    original = entry.read_bytes()
    entry.write_bytes(damaged(original, damage))
    changed = entry.read_bytes() != original
    notices: list[str] = []
    with traced_peak() as peak:
        (x_train, t_train), (x_test, t_test) = load_mnist(
            normalize=False, flatten=False, data_dir=folder, notify=notices.append)
    for name, value in (("train_img", x_train), ("train_label", t_train),
                        ("test_img", x_test), ("test_label", t_test)):
        np.testing.assert_array_equal(value.reshape(arrays[name].shape), arrays[name])
    assert len(notices) <= 1 and (notices == [] or changed)
    if notices:
        assert notices[0].startswith(f"the cached copy of {FILE_NAMES[key]} was damaged")
        assert "\n" not in notices[0]
    assert peak.bytes < MARGIN
    again: list[str] = []
    load_mnist(data_dir=folder, notify=again.append)
    assert again == []
    names = sorted(p.name for p in (cache_dir / "decoded").iterdir())
    assert len(names) == 4 and not any(n.startswith(".") for n in names)
    for path in (cache_dir / "decoded").iterdir():
        path.unlink()
