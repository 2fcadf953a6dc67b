"""Messages between the window and its training process, without pickle.

A message is a tree of None, bools, ints, floats (NaN and infinities included), strings, lists,
tuples, dicts with string keys, NumPy arrays of numbers, and instances of the few types named in
:data:`TYPES` (the events and batches a run reports). :func:`encode` turns it into bytes: a JSON
description in which every array is replaced by its dtype, shape and place, followed by the
arrays' raw bytes. :func:`decode` builds only what the JSON describes and only the listed
types: a damaged or hostile message raises :class:`WireError`, never runs code.

On a pipe, each message is framed by its length (8 bytes, little-endian):
:func:`write_message` and :func:`read_message`.
"""

from __future__ import annotations

import dataclasses
import json
import struct
from typing import Any, BinaryIO

import numpy as np

from desktop_nn.core.events import DivergedEvent, EpochEvent, FinishedEvent, IterationEvent
from desktop_nn.core.run_state import RunState
from desktop_nn.core.training_stream import ElementProgress, MetricsBatch

#: The types a message may hold besides plain values, by the name they travel under.
TYPES: dict[str, type] = {
    "EpochEvent": EpochEvent,
    "FinishedEvent": FinishedEvent,
    "DivergedEvent": DivergedEvent,
    "IterationEvent": IterationEvent,
    "ElementProgress": ElementProgress,
    "MetricsBatch": MetricsBatch,
    "RunState": RunState,
}
#: Array element types a message may carry.
DTYPES = frozenset({"bool", "uint8", "int32", "int64", "float32", "float64"})
#: The frame's length prefix.
_LENGTH = struct.Struct("<Q")
#: The JSON description's length, at the start of a message.
_HEAD = struct.Struct("<I")


class WireError(ValueError):
    """A message could not be encoded or decoded (wrong type, damaged bytes)."""


def encode(message: Any) -> bytes:
    """The bytes of ``message`` (see the module's docstring)."""
    arrays: list[np.ndarray] = []
    head = json.dumps(_describe(message, arrays), separators=(",", ":")).encode()
    return b"".join([_HEAD.pack(len(head)), head, *(a.tobytes() for a in arrays)])


def decode(data: bytes | memoryview) -> Any:
    """The message ``data`` holds; :class:`WireError` if it is not a valid message."""
    view = memoryview(data)
    try:
        (size,) = _HEAD.unpack_from(view)
        tree = json.loads(bytes(view[_HEAD.size:_HEAD.size + size]))
    except (struct.error, ValueError, UnicodeDecodeError) as error:
        raise WireError(f"damaged message: {error}") from None
    reader = _ArrayReader(view, _HEAD.size + size)
    value = _build(tree, reader)
    if reader.offset != len(view):
        raise WireError("damaged message: bytes left over")
    return value


def write_message(stream: BinaryIO, message: Any) -> None:
    """Write ``message`` to ``stream`` framed by its length, and flush."""
    data = encode(message)
    view, written = memoryview(_LENGTH.pack(len(data)) + data), 0
    while written < len(view):  # (an unbuffered stream may write a part)
        written += stream.write(view[written:]) or 0
    stream.flush()


def read_message(stream: BinaryIO) -> Any:
    """The next message on ``stream``; ``EOFError`` when the stream ends between messages,
    :class:`WireError` when it ends inside one or the message is damaged."""
    prefix = stream.read(_LENGTH.size)
    if not prefix:
        raise EOFError("the stream ended")
    if len(prefix) != _LENGTH.size:
        raise WireError("damaged message: the stream ended inside a length")
    (size,) = _LENGTH.unpack(prefix)
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        count = stream.readinto(view[got:])
        if not count:
            raise WireError("damaged message: the stream ended inside a message")
        got += count
    return decode(buffer)


# -- encoding ---------------------------------------------------------------------------------
def _describe(value: Any, arrays: list[np.ndarray]) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, np.ndarray):
        return _describe_array(value, arrays)
    name = type(value).__name__
    if TYPES.get(name) is type(value):
        return {"o": name, "f": {key: _describe(item, arrays)
                                 for key, item in _fields(value).items()}}
    if isinstance(value, tuple):
        return {"t": [_describe(item, arrays) for item in value]}
    if isinstance(value, list):
        return [_describe(item, arrays) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {"d": {key: _describe(item, arrays) for key, item in value.items()}}
    raise WireError(f"cannot send a {name}")


def _describe_array(array: np.ndarray, arrays: list[np.ndarray]) -> dict:
    if array.dtype.name not in DTYPES:
        raise WireError(f"cannot send an array of {array.dtype}")
    if not array.flags.c_contiguous:
        array = array.copy(order="C")  # (ascontiguousarray would make a 0-d array 1-d)
    if array.dtype.byteorder == ">":
        array = array.astype(array.dtype.newbyteorder("<"))
    arrays.append(array)
    return {"a": array.dtype.name, "s": list(array.shape)}


def _fields(value: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return value._asdict()


# -- decoding ---------------------------------------------------------------------------------
class _ArrayReader:
    """Takes the arrays' bytes after the description, in order."""

    def __init__(self, view: memoryview, offset: int) -> None:
        self.view, self.offset = view, offset

    def take(self, dtype_name: Any, shape: Any) -> np.ndarray:
        if dtype_name not in DTYPES or not isinstance(shape, list) \
                or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0
                           for n in shape):
            raise WireError("damaged message: a bad array description")
        dtype = np.dtype(dtype_name).newbyteorder("<")
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        end = self.offset + count * dtype.itemsize
        if end > len(self.view):
            raise WireError("damaged message: an array runs past the end")
        array = np.frombuffer(self.view[self.offset:end], dtype=dtype).reshape(shape)
        self.offset = end
        return array.astype(dtype.newbyteorder("="), copy=True)


def _build(tree: Any, reader: _ArrayReader) -> Any:
    if tree is None or isinstance(tree, (bool, int, float, str)):
        return tree
    if isinstance(tree, list):
        return [_build(item, reader) for item in tree]
    if not isinstance(tree, dict) or len(tree) not in (1, 2):
        raise WireError("damaged message: an unknown node")
    if "a" in tree and "s" in tree:
        return reader.take(tree["a"], tree["s"])
    if "o" in tree and isinstance(tree.get("f"), dict):
        cls = TYPES.get(tree["o"]) if isinstance(tree["o"], str) else None
        if cls is None:
            raise WireError(f"damaged message: an unknown type {tree['o']!r}")
        try:
            return cls(**{key: _build(item, reader) for key, item in tree["f"].items()})
        except TypeError as error:
            raise WireError(f"damaged message: {error}") from None
    if "t" in tree and isinstance(tree["t"], list):
        return tuple(_build(item, reader) for item in tree["t"])
    if "d" in tree and isinstance(tree["d"], dict):
        return {key: _build(item, reader) for key, item in tree["d"].items()}
    raise WireError("damaged message: an unknown node")
