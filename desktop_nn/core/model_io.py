"""Save and load a trained network as ``.npz``: the four parameters and the config as JSON.

The file is written atomically (a crash never leaves half a model) and read by
:mod:`desktop_nn.npy_reader`, which checks every size before allocating and never unpickles
anything. Every way a file can be wrong gets one message that names the file and the fault.
"""

from __future__ import annotations

import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desktop_nn.core.network import PARAM_NAMES, TwoLayerNet
from desktop_nn.core.training import TrainConfig
from desktop_nn.fileio import atomic_write, open_regular_file, read_problem
from desktop_nn.npy_reader import (
    ArrayFileError,
    ArrayHeader,
    NpzArchive,
    check_size,
    first_line,
)

MODEL_FORMAT = "desktop-nn-model"
MODEL_VERSION = 1
REQUIRED_KEYS = (*PARAM_NAMES, "config")
OPTIONAL_KEYS = ("meta",)
#: The four parameters' bytes together: W1 of 784x4096 in float64 (the largest the window
#: trains) takes 25.7 MB. Checked from the headers, before any data is read.
MAX_PARAM_BYTES = 64 * 2**20
#: Bytes of the config and of the meta text, each (about a kilobyte in practice).
MAX_TEXT_BYTES = 2**20
#: The largest value a network's hidden layer or scores may reach on inputs in [0, 1]: a
#: quarter of float32's range, so that softmax's differences and the views' ranges fit too.
MAX_VALUE = float(np.finfo(np.float32).max) / 4


class ModelFileError(ValueError):
    """A model file cannot be saved or used; the message says why."""


@dataclass
class LoadedModel:
    """A network read from a file, with the configuration it was trained with."""

    network: TwoLayerNet
    config: TrainConfig
    meta: dict[str, Any] = field(default_factory=dict)


def save_model(
    path: str | os.PathLike,
    network: TwoLayerNet,
    config: TrainConfig,
    meta: dict[str, Any] | None = None,
) -> None:
    """Write ``network``'s parameters and ``config`` to ``path`` (``.npz``), atomically.

    ``meta`` may hold JSON-ready facts worth keeping (iterations done, final accuracies).

    Raises
    ------
    ModelFileError
        If the file cannot be written (the previous file at ``path``, if any, is untouched).
    """
    path = Path(path)
    config_json = json.dumps(config.to_dict())
    meta_json = json.dumps(
        {"format": MODEL_FORMAT, "version": MODEL_VERSION, **(meta or {})}, allow_nan=False
    )
    arrays = {key: np.ascontiguousarray(network.params[key]) for key in PARAM_NAMES}
    try:
        with atomic_write(path) as handle:
            np.savez(handle, **arrays, config=np.array(config_json), meta=np.array(meta_json))
    except OSError as exc:
        raise ModelFileError(f"{path}: could not save the model ({exc.strerror or exc})") from None


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read a model saved by :func:`save_model`, checking everything before trusting it.

    This is the one door model files come in by (the window's two Load model commands and
    every ``--model`` option use it): whatever is wrong with a file, the caller gets one
    ``ModelFileError`` naming the file and the fault, never another exception.

    Raises
    ------
    ModelFileError
        Missing, unreadable, not a regular file, truncated or not an ``.npz``; a damaged,
        encrypted or oddly compressed member; missing or unexpected entries; Python objects
        inside; sizes beyond the limits; wrong shapes or dtypes; NaN or infinite weights, or
        weights so large that the network's outputs leave float32's range; a config that is
        not JSON, is invalid, or does not match the arrays.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        return _load(path, name)
    except ModelFileError:
        raise
    except OSError as exc:
        raise ModelFileError(f"{path}: {read_problem(exc)}") from None
    except ArrayFileError as exc:
        raise ModelFileError(f"{name}: {exc}") from None
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise ModelFileError(
            f"{name}: not a valid .npz file (damaged or cut short: {first_line(exc)})"
        ) from None
    except Exception as exc:  # the last resort of this door: any other fault of the file
        raise ModelFileError(
            f"{name}: cannot be read as a model ({type(exc).__name__}: {first_line(exc)})"
        ) from None


def _load(path: Path, name: str) -> LoadedModel:
    with open_regular_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise ModelFileError(f"{name}: the file is empty")
        if handle.read(4) not in (b"PK\x03\x04", b"PK\x05\x06"):
            raise ModelFileError(f"{name}: not a valid .npz file (not a zip archive)")
        archive = NpzArchive(handle, size)
        try:
            arrays = _read_arrays(archive, name)
        finally:
            archive.close()
    config = _parse_config(arrays["config"], name)
    meta = _parse_json(arrays["meta"], name, "meta") if "meta" in arrays else {}
    params = {key: arrays[key] for key in PARAM_NAMES}
    _check_params(params, config, name)
    dtype = np.result_type(*params.values())
    network = TwoLayerNet(
        params["W1"].shape[0],
        params["W1"].shape[1],
        params["W2"].shape[1],
        activation=config.activation,
        dtype=dtype,
        seed=0,
    )
    network.set_params(params)
    return LoadedModel(network=network, config=config, meta=meta)


def _read_arrays(archive: NpzArchive, name: str) -> dict[str, np.ndarray]:
    """Check the entries and every header, then read the arrays (the sizes are known by then)."""
    keys = set(archive.keys)
    missing = [k for k in REQUIRED_KEYS if k not in keys]
    extra = sorted(keys - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if missing:
        raise ModelFileError(f"{name}: not a desktop_nn model: missing {', '.join(missing)}")
    if extra:
        raise ModelFileError(f"{name}: unexpected entries {', '.join(extra)}")
    limits = {}
    for key in sorted(keys):
        try:
            header = archive.header(key)
        except ArrayFileError as exc:
            raise ModelFileError(f"{name}: {key} {exc}") from None
        limits[key] = _check_header(header, key, name)
    params_bytes = sum(limits[key] for key in PARAM_NAMES)
    if params_bytes > MAX_PARAM_BYTES:
        raise ModelFileError(
            f"{name}: the weights are implausibly large ({params_bytes:,} bytes together; at "
            f"most {MAX_PARAM_BYTES:,})"
        )
    arrays = {}
    for key, limit in limits.items():
        try:
            arrays[key] = archive.read(key, limit)
        except ArrayFileError as exc:
            raise ModelFileError(f"{name}: {key} {exc}") from None
    return arrays


def _check_header(header: ArrayHeader, key: str, name: str) -> int:
    """Refuse ``key``'s header unless it fits its role; return the bytes it may read."""
    if key in PARAM_NAMES:
        if header.dtype.kind != "f" or header.dtype.itemsize not in (4, 8):
            raise ModelFileError(
                f"{name}: {key} has type {header.dtype.name}, expected float32 or float64"
            )
        limit = MAX_PARAM_BYTES
    else:
        if header.dtype.kind != "U" or header.shape != ():
            raise ModelFileError(f"{name}: {key} must be a JSON text")
        limit = MAX_TEXT_BYTES
    try:
        check_size(header, limit)
    except ArrayFileError as exc:
        raise ModelFileError(f"{name}: {key} {exc}") from None
    return header.nbytes


def _parse_json(array: np.ndarray, name: str, key: str) -> dict[str, Any]:
    if array.shape != () or array.dtype.kind != "U":
        raise ModelFileError(f"{name}: {key} must be a JSON text")
    try:
        value = json.loads(str(array))
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"{name}: {key} is not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ModelFileError(f"{name}: {key} is not valid JSON (nested too deeply)") from None
    except ValueError:  # the only other: Python's limit on the digits of an integer
        raise ModelFileError(
            f"{name}: {key} is not valid JSON (a number has more digits than Python reads)"
        ) from None
    if not isinstance(value, dict):
        raise ModelFileError(f"{name}: {key} must be a JSON object")
    return value


def _parse_config(array: np.ndarray, name: str) -> TrainConfig:
    values = _parse_json(array, name, "config")
    try:
        return TrainConfig.from_dict(values)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{name}: invalid config: {first_line(exc)}") from None


def _check_params(params: dict[str, np.ndarray], config: TrainConfig, name: str) -> None:
    for key, value in params.items():
        if value.dtype not in (np.float32, np.float64):
            raise ModelFileError(
                f"{name}: {key} has type {value.dtype}, expected float32 or float64"
            )
    W1, b1, W2, b2 = (params[k] for k in PARAM_NAMES)
    if W1.ndim != 2 or W2.ndim != 2 or b1.ndim != 1 or b2.ndim != 1:
        raise ModelFileError(
            f"{name}: wrong shapes: W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape}"
            " (expected W1 (inputs, hidden), b1 (hidden,), W2 (hidden, outputs), b2 (outputs,))"
        )
    if W1.shape[1] != b1.shape[0] or W2.shape[0] != W1.shape[1] or W2.shape[1] != b2.shape[0]:
        raise ModelFileError(
            f"{name}: the shapes do not fit together: W1 {W1.shape}, b1 {b1.shape}, "
            f"W2 {W2.shape}, b2 {b2.shape}"
        )
    if min(W1.shape + W2.shape) < 1:
        raise ModelFileError(f"{name}: a parameter is empty")
    if W1.shape[1] != config.hidden_size:
        raise ModelFileError(
            f"{name}: the config says hidden_size={config.hidden_size} but W1 has "
            f"{W1.shape[1]} hidden units"
        )
    for key, value in params.items():
        if not np.all(np.isfinite(value)):
            raise ModelFileError(f"{name}: {key} contains NaN or infinite values")
    _check_range(params, config.activation, name)


def _check_range(params: dict[str, np.ndarray], activation: str, name: str) -> None:
    """Refuse weights so large that an input in [0, 1] could push a value past ``MAX_VALUE``.

    The bound is exact for the worst input: ``|x @ W1 + b1| <= |W1|.sum(0) + |b1|`` when every
    pixel is in [0, 1]; ReLU passes that on, sigmoid at most 1; the same again for the scores.
    Computed in float64, where these sums cannot overflow unnoticed (an overflow gives inf,
    which is refused).
    """
    with np.errstate(all="ignore"):
        W1, b1, W2, b2 = (np.abs(params[k]).astype(np.float64) for k in PARAM_NAMES)
        hidden = W1.sum(axis=0) + b1
        active = hidden if activation == "relu" else np.ones_like(hidden)
        scores = active @ W2 + b2
        largest = float(max(hidden.max(), scores.max()))
    if not largest <= MAX_VALUE:
        raise ModelFileError(
            f"{name}: the weights are so large that the network's values could reach "
            f"{largest:.3g}, beyond the {MAX_VALUE:.3g} it can compute with in float32"
        )


def check_compatible(network: TwoLayerNet, input_size: int = 784, output_size: int = 10) -> None:
    """Raise ``ModelFileError`` unless the network maps ``input_size`` inputs to ``output_size``."""
    if network.input_size != input_size or network.output_size != output_size:
        raise ModelFileError(
            f"the model maps {network.input_size} inputs to {network.output_size} classes; "
            f"this data needs {input_size} inputs and {output_size} classes"
        )
