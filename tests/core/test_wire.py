"""Messages to and from the training process: every kind of value travels exactly, and a
damaged or foreign message is refused with WireError (no pickle, no code run)."""

from __future__ import annotations

import io
import json
import math
import struct

import numpy as np
import pytest

from desktop_nn.core.events import DivergedEvent, EpochEvent, FinishedEvent
from desktop_nn.core.run_state import RunState
from desktop_nn.core.training_stream import ElementProgress, MetricsBatch
from desktop_nn.core.wire import WireError, decode, encode, read_message, write_message


def same(a, b) -> bool:
    """Equal values, arrays compared by dtype, shape and bits, NaN equal to NaN."""
    if isinstance(a, np.ndarray):
        return (isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
                and a.tobytes() == b.tobytes())
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, dict):
        return type(b) is dict and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return (type(a) is type(b) and len(a) == len(b)
                and all(same(x, y) for x, y in zip(a, b, strict=True)))
    if hasattr(a, "__dataclass_fields__"):
        return type(a) is type(b) and same(vars(a), vars(b))
    return type(a) is type(b) and a == b


def a_batch() -> MetricsBatch:
    rng = np.random.default_rng(0)
    return MetricsBatch(
        first_iteration=12, losses=np.array([2.3, np.nan, np.inf, -0.0]),
        epochs=[EpochEvent(1, 600, 0.9, 0.91)], iterations_done=16, active_seconds=0.25,
        params={"W1": rng.standard_normal((784, 50)).astype(np.float32),
                "b1": np.zeros(50, np.float32), "W2": rng.standard_normal((50, 10)),
                "b2": np.zeros(10)},
        learning_rates=[(12, 0.05)])


@pytest.mark.parametrize("value", [
    None, True, 0, -2**40, 1.5, math.inf, -math.inf, "学习率", [1, [2, 3]], (0, 0.1),
    {"a": (1, 2), "b": [None]}, np.arange(6, dtype=np.int64).reshape(2, 3),
    np.zeros((0, 784), np.float32), np.array(3.5), np.array([True, False]),
    FinishedEvent(10, 1.5, 0.9, 0.8), DivergedEvent(3, math.nan, "NaN", "non-finite", 100.0),
    ElementProgress(10, 7960, 0.5),
])
def test_each_kind_of_value_travels_exactly(value):
    assert same(decode(encode(value)), value)


def test_a_batch_and_a_run_state_travel_exactly_and_nan_stays_nan():
    batch = a_batch()
    state = RunState(iteration=16, last_batch_indices=np.arange(100), losses=np.ones(16),
                     train_acc=[0.1], test_acc=[0.2], epoch_iterations=[0],
                     learning_rates=[(0, 0.1), (12, 0.05)], params=batch.params,
                     diverged=None, batch=batch)
    back = decode(encode(("progress", state)))
    assert same(back, ("progress", state))
    assert np.isnan(back[1].batch.losses[1])


def test_framed_messages_follow_each_other_on_a_stream_and_the_end_is_eof():
    stream = io.BytesIO()
    write_message(stream, ("run", {"paused": False}))
    write_message(stream, ("step", None))
    stream.seek(0)
    assert read_message(stream) == ("run", {"paused": False})
    assert read_message(stream) == ("step", None)
    with pytest.raises(EOFError):
        read_message(stream)


def test_a_stream_cut_inside_a_message_is_damaged_not_the_end():
    stream = io.BytesIO()
    write_message(stream, ("lr", 0.5))
    data = stream.getvalue()
    for cut in (3, len(data) - 1):
        with pytest.raises(WireError, match="damaged"):
            read_message(io.BytesIO(data[:cut]))


def message(head: object, tail: bytes = b"") -> bytes:
    text = json.dumps(head).encode()
    return struct.pack("<I", len(text)) + text + tail


@pytest.mark.parametrize("data", [
    b"", b"\x05\x00\x00\x00{", message({"o": "Popen", "f": {}}),
    message({"o": "FinishedEvent", "f": {"nonsense": 1}}),
    message({"a": "object", "s": [1]}, b"\0" * 8), message({"a": "float64", "s": [2]}, b"\0" * 8),
    message({"a": "float64", "s": [-1]}), message({"x": 1}), message(1, b"extra"),
])
def test_a_damaged_or_foreign_message_is_refused(data):
    with pytest.raises(WireError):
        decode(data)


@pytest.mark.parametrize("value", [object(), {1: 2}, np.array(["text"]),
                                   np.array([object()])])
def test_what_cannot_travel_is_refused_when_sent(value):
    with pytest.raises(WireError, match="cannot send"):
        encode(value)
