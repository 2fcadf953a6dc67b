"""Property tests of the model-file door: archives made of arbitrary members, headers and JSON.

Whatever the archive holds, ``load_model`` returns a model or raises one ``ModelFileError``
naming the file, on one line, within bounded memory, and leaves the file and its folder as
they were. (The cases of issue 11 are in tests/core/test_model_io.py.)
"""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from desktop_nn.core.model_io import MAX_PARAM_BYTES, ModelFileError, load_model
from tests import hostile_files as hostile
from tests.contract import assert_one_message, listing, quick, traced_peak

GOOD = hostile.good_members()
#: What a hostile file may make the loader hold at once: the parameters' limit, twice over
#: (the array and the network built from it), and a margin for the interpreter.
MEMORY_BOUND = 2 * MAX_PARAM_BYTES + 8 * 2**20

DESCRS = st.sampled_from([
    "<f8", ">f8", "<f4", ">f4", "<f2", "<i8", "|u1", "|b1", "<c16", "|O", "<U4", ">U8",
    "|V2000000000", "<U500000000", ("<f8", (10**9,)), [("a", "<f8")], "|S0", "<M8[s]",
])
SHAPES = st.one_of(
    st.tuples(st.integers(0, 10**12)),
    st.tuples(st.sampled_from([784, 5, 10, 0, 1, 10**9]), st.sampled_from([5, 10, 0, 1, 10**6])),
    st.just(()),
    st.just((1,) * 40),
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)),
    st.lists(st.integers(0, 3), max_size=6).map(tuple),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=10,
)
CONFIG_KEYS = st.sampled_from([*sorted(hostile.good_config().to_dict()), "momentum", ""])


@st.composite
def json_texts(draw) -> str:
    """Config texts: valid ones with odd values, deep nesting, long numbers, or junk."""
    kind = draw(st.sampled_from(["config", "deep", "digits", "any"]))
    if kind == "config":
        values = hostile.good_config().to_dict()
        values.update(draw(st.dictionaries(CONFIG_KEYS, JSON_VALUES, max_size=3)))
        return json.dumps(values)
    if kind == "deep":
        depth = draw(st.integers(1, 200_000))
        opener = draw(st.sampled_from(["[", '{"a":']))
        return opener * depth + "1" + ("]" if opener == "[" else "}") * depth
    if kind == "digits":
        return '{"iters": ' + "9" * draw(st.integers(1, 20_000)) + "}"
    return draw(st.text(max_size=50))


@st.composite
def member_bytes(draw, name: str) -> bytes:
    """One member: the good one, cut or padded, one with an arbitrary header, or noise."""
    kind = draw(st.sampled_from(["good", "cut", "header", "json", "noise", "big-endian"]))
    good = GOOD.get(name, GOOD["b2.npy"])
    if kind == "good":
        return good
    if kind == "cut":
        return good[: draw(st.integers(0, len(good)))] + draw(st.binary(max_size=16))
    if kind == "header":
        return hostile.npy_with_header(draw(DESCRS), draw(SHAPES), draw(st.binary(max_size=64)),
                                       draw(st.booleans()))
    if kind == "json":
        return hostile.json_text(draw(json_texts()))
    if kind == "big-endian":
        array = np.load(io.BytesIO(good), allow_pickle=False)
        return hostile.npy(array.astype(array.dtype.newbyteorder(">")))
    return draw(st.binary(max_size=200))


NAMES = st.sampled_from(["W1.npy", "b1.npy", "W2.npy", "b2.npy", "config.npy", "meta.npy",
                         "extra.npy", "W1", "../evil.npy"])


@st.composite
def archives(draw) -> bytes:
    """A whole file: a set of members, each possibly hostile, then zip-level damage."""
    names = draw(st.sets(NAMES, max_size=8)) | draw(
        st.sets(st.sampled_from(sorted(GOOD)), min_size=0, max_size=5))
    members = {name: draw(member_bytes(name)) for name in sorted(names)}
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    patch = draw(st.sampled_from(["none", "flags", "method", "cut", "flip"]))
    if patch == "flags":
        data = hostile.patch_members(data, flags=draw(st.sampled_from([0x1, 0x40, 0x20, 0x8])))
    elif patch == "method":
        data = hostile.patch_members(data, method=draw(st.sampled_from([1, 6, 9, 12, 14, 99])))
    elif patch == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif patch == "flip" and data:
        offset = draw(st.integers(0, len(data) - 1))
        data = data[:offset] + bytes([draw(st.integers(0, 255))]) + data[offset + 1:]
    return data


@quick(150)
@given(data=archives())
def test_any_archive_gives_a_model_or_one_message(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("model")
    path = folder / "hostile.npz"
    path.write_bytes(data)
    before = listing(folder)
    with traced_peak() as peak:
        try:
            loaded = load_model(path)
        except ModelFileError as exc:
            assert_one_message(exc, "hostile.npz")
        else:
            for value in loaded.network.params.values():
                assert value.dtype.isnative and np.all(np.isfinite(value))
    assert peak.bytes < MEMORY_BOUND
    assert listing(folder) == before


@quick(150)
@given(text=json_texts())
def test_any_config_text_gives_a_model_or_one_message(tmp_path_factory, text):
    path = hostile.model_with(tmp_path_factory.mktemp("config") / "config.npz",
                              config=hostile.json_text(text))
    try:
        loaded = load_model(path)
    except ModelFileError as exc:
        assert_one_message(exc, "config.npz")
    else:
        assert loaded.config.hidden_size == hostile.HIDDEN
