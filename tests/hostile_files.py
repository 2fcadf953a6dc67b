"""Builders of hostile files for the tests: model archives, .npy headers, zip tricks.

Each builder writes bytes a real attacker or a damaged disk could produce; none of them goes
through the code under test, so a test can make files its reader has never seen.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import numpy as np

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig

HIDDEN = 5
#: Where the method and the flags sit in a zip's local and central headers.
_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
_FLAG_OFFSET = {_LOCAL: 6, _CENTRAL: 8}
_METHOD_OFFSET = {_LOCAL: 8, _CENTRAL: 10}


def good_network(dtype=np.float64) -> TwoLayerNet:
    return TwoLayerNet(784, HIDDEN, 10, seed=0, weight_init_std=0.1, dtype=dtype)


def good_config() -> TrainConfig:
    return TrainConfig(hidden_size=HIDDEN)


def npy(array: np.ndarray) -> bytes:
    """The ``.npy`` bytes of ``array`` as NumPy writes them."""
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def npy_with_header(descr, shape, payload: bytes = b"", fortran_order=False) -> bytes:
    """A version 1.0 ``.npy`` whose header says whatever it is given, then ``payload``."""
    text = f"{{'descr': {descr!r}, 'fortran_order': {fortran_order!r}, 'shape': {shape!r}, }}"
    text += " " * ((-len(text) - 11) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1") + payload


def json_text(text: str) -> bytes:
    """A 0-d unicode array holding ``text`` (how the config and meta are stored)."""
    return npy(np.array(text))


def good_members(network: TwoLayerNet | None = None) -> dict[str, bytes]:
    """The members of a valid model file, by entry name (``W1.npy``...)."""
    network = network or good_network()
    members = {f"{key}.npy": npy(value) for key, value in network.params.items()}
    members["config.npy"] = json_text(json.dumps(good_config().to_dict()))
    return members


def write_zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def patch_members(data: bytes, *, flags: int | None = None, method: int | None = None) -> bytes:
    """Set the flag bits and/or compression method of every member, in both headers."""
    patched = bytearray(data)
    for signature in (_LOCAL, _CENTRAL):
        start = patched.find(signature)
        while start >= 0:
            if flags is not None:
                offset = start + _FLAG_OFFSET[signature]
                patched[offset : offset + 2] = struct.pack("<H", flags)
            if method is not None:
                offset = start + _METHOD_OFFSET[signature]
                patched[offset : offset + 2] = struct.pack("<H", method)
            start = patched.find(signature, start + 4)
    return bytes(patched)


def model_with(path: Path, **replaced: bytes) -> Path:
    """A valid model file with some members' bytes replaced (``W1=...``, ``config=...``)."""
    members = good_members()
    for key, data in replaced.items():
        members[f"{key}.npy"] = data
    return write_zip(path, members)


# --- the cases issue 11 names, each a function of the target path --------------------------


def deep_json_config(path: Path) -> Path:
    return model_with(path, config=json_text("[" * 100_000 + "]" * 100_000))


def huge_int_config(path: Path) -> Path:
    values = good_config().to_dict()
    text = json.dumps(values).replace(f'"iters": {values["iters"]}', '"iters": ' + "7" * 5000)
    return model_with(path, config=json_text(text))


def encrypted_members(path: Path) -> Path:
    write_zip(path, good_members())
    path.write_bytes(patch_members(path.read_bytes(), flags=0x1))
    return path


def deflate64_members(path: Path) -> Path:
    write_zip(path, good_members())
    path.write_bytes(patch_members(path.read_bytes(), method=9))
    return path


def huge_itemsize(path: Path) -> Path:
    return model_with(path, W1=npy_with_header("|V2000000000", (1,), b"\0" * 64))


def huge_float_itemsize(path: Path) -> Path:
    """A float header that is small in elements, huge in bytes (a subarray item)."""
    return model_with(path, W1=npy_with_header(("<f8", (250_000_000,)), (784, 5)))


def big_endian(path: Path) -> Path:
    network = good_network()
    members = {
        f"{key}.npy": npy(value.astype(value.dtype.newbyteorder(">")))
        for key, value in network.params.items()
    }
    members["config.npy"] = good_members()["config.npy"]
    return write_zip(path, members)


def float32_overflow(path: Path) -> Path:
    network = good_network(np.float32)
    network.params["W1"][...] = np.float32(3e38)
    network.params["W2"][...] = np.float32(3e38)
    members = {f"{key}.npy": npy(value) for key, value in network.params.items()}
    members["config.npy"] = good_members()["config.npy"]
    return write_zip(path, members)


HOSTILE_MODELS = {
    "deep-json": deep_json_config,
    "huge-int": huge_int_config,
    "encrypted": encrypted_members,
    "deflate64": deflate64_members,
    "huge-itemsize": huge_itemsize,
    "huge-subarray": huge_float_itemsize,
    "float32-overflow": float32_overflow,
}
