"""Fuzzing the three doors where outside input comes in: IDX files, model files, expressions.

Thousands of generated cases each (derandomised, so that CI is repeatable); the only outcomes
allowed are a result or the module's own clear error. Counts are in docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import gzip
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_nn.core.model_io import ModelFileError, load_model, save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig
from desktop_nn.data.idx import IdxError, parse_idx, read_idx
from desktop_nn.graph import GraphEvaluationError
from desktop_nn.graph.expression import ExpressionError, build_graph


def fuzz(examples: int):
    """Hypothesis settings for ``examples`` repeatable cases."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def idx_header(type_code: int, dims: list[int]) -> bytes:
    return bytes([0, 0, type_code, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims)


@fuzz(3000)
@given(
    type_code=st.sampled_from([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0x07, 0xFF]),
    dims=st.lists(st.integers(0, 70_000), min_size=0, max_size=4),
    payload=st.binary(max_size=600),
    cut=st.integers(-8, 8),
)
def test_idx_reader_takes_structured_garbage(type_code, dims, payload, cut):
    data = idx_header(type_code, dims) + payload
    data = data[:cut] if cut < 0 else data + b"\0" * cut
    try:
        array = parse_idx(data, "fuzz.idx")
    except IdxError as exc:
        assert "fuzz.idx" in str(exc)
    else:
        assert array.shape == tuple(dims)


@fuzz(2000)
@given(st.binary(max_size=400), st.booleans())
def test_idx_files_of_random_bytes(tmp_path_factory, raw, compress):
    path = tmp_path_factory.mktemp("idx") / "random.gz"
    path.write_bytes(gzip.compress(raw) if compress else raw)
    with contextlib.suppress(IdxError):
        read_idx(path)


def _valid_model_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.npz"
        save_model(path, TwoLayerNet(784, 3, 10, seed=1), TrainConfig(hidden_size=3))
        return path.read_bytes()


VALID_MODEL = _valid_model_bytes()


@fuzz(1500)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID_MODEL) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, len(VALID_MODEL)),
)
def test_model_loader_takes_damaged_files(tmp_path_factory, flips, keep):
    data = bytearray(VALID_MODEL)
    for offset, value in flips:
        data[offset] = value
    path = tmp_path_factory.mktemp("model") / "damaged.npz"
    path.write_bytes(bytes(data[:keep]))
    try:
        loaded = load_model(path)
    except ModelFileError as exc:
        assert "damaged.npz" in str(exc)
    else:  # a flip inside the weights can leave a valid model
        for value in loaded.network.params.values():
            assert np.all(np.isfinite(value))


@fuzz(500)
@given(
    st.dictionaries(
        st.sampled_from(["W1.npy", "b1.npy", "W2.npy", "b2.npy", "config.npy", "meta.npy",
                         "extra.npy", "W1", "../evil.npy"]),
        st.binary(max_size=300),
        max_size=7,
    )
)
def test_model_loader_takes_random_archives(tmp_path_factory, members):
    path = tmp_path_factory.mktemp("zip") / "random.npz"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    try:
        load_model(path)
    except ModelFileError as exc:
        assert "random.npz" in str(exc)


EXPRESSION_ALPHABET = st.sampled_from(
    [
        *"abcxyz0123456789.+-*/()  ,_eE[]{}'\"=<>!&|^%~@:;#\\\t\n",
        *("exp", "log", "exp(", "log(", "**", "//", "lambda", "__import__", "os", "1e308"),
        *("×", "÷", "−", "é", "\u200b", "\x00"),
    ]
)


@fuzz(3000)
@given(st.lists(EXPRESSION_ALPHABET, max_size=40).map("".join))
def test_expression_parser_takes_anything(text):
    try:
        graph = build_graph(text)
    except ExpressionError as exc:
        assert str(exc)
        return
    try:
        graph.forward()
        graph.backward()
    except GraphEvaluationError as exc:
        assert str(exc)
