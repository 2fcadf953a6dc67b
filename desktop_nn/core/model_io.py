"""Save and load a trained network as ``.npz``: the four parameters and the config as JSON.

The file is written atomically (a crash never leaves half a model) and read with
``allow_pickle=False``: an array of Python objects is refused, never unpickled. Every way a file
can be wrong gets one message that names the file and the fault.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desktop_nn.core.network import PARAM_NAMES, TwoLayerNet
from desktop_nn.core.training import TrainConfig
from desktop_nn.fileio import atomic_write

MODEL_FORMAT = "desktop-nn-model"
MODEL_VERSION = 1
REQUIRED_KEYS = (*PARAM_NAMES, "config")
OPTIONAL_KEYS = ("meta",)
#: Refuse absurd sizes before allocating (a hostile header could claim terabytes).
MAX_PARAM_ELEMENTS = 50_000_000


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

    Raises
    ------
    ModelFileError
        Missing, unreadable, truncated or not an ``.npz``; missing or unexpected entries;
        Python objects inside; wrong shapes or dtypes; NaN or infinite weights; a config that
        is invalid or does not match the arrays.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ModelFileError(f"{path}: file not found")
    if path.is_dir():
        raise ModelFileError(f"{path}: is a folder, not a model file")
    try:
        # Opened here, not by np.load: it leaks its handle when the zip is cut short, and reads
        # anything that is not a zip as a single .npy or a pickle.
        with path.open("rb") as handle:
            if handle.read(4) not in (b"PK\x03\x04", b"PK\x05\x06"):
                raise ModelFileError(f"{name}: not a valid .npz file (not a zip archive)")
            handle.seek(0)
            with np.load(handle, allow_pickle=False) as archive:
                keys = set(archive.files)
                missing = [k for k in REQUIRED_KEYS if k not in keys]
                extra = sorted(keys - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
                if missing:
                    raise ModelFileError(
                        f"{name}: not a desktop_nn model: missing {', '.join(missing)}"
                    )
                if extra:
                    raise ModelFileError(f"{name}: unexpected entries {', '.join(extra)}")
                arrays = {key: _read_array(archive, key, name) for key in sorted(keys)}
    except ModelFileError:
        raise
    except PermissionError:
        raise ModelFileError(f"{path}: no permission to read it") from None
    except (zipfile.BadZipFile, EOFError):
        raise ModelFileError(f"{name}: not a valid .npz file (damaged or cut short)") from None
    except ValueError as exc:
        if "allow_pickle" in str(exc) or "Object arrays" in str(exc):
            raise ModelFileError(
                f"{name}: holds Python objects, which are never loaded (only plain arrays)"
            ) from None
        raise ModelFileError(f"{name}: cannot be read as a model ({exc})") from None
    except OSError as exc:
        raise ModelFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None

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


def _read_array(archive, key: str, name: str) -> np.ndarray:
    """Read one array, after checking its header: no objects, no absurd sizes."""
    _check_header(archive, key, name)
    return archive[key]


def _check_header(archive, key: str, name: str) -> None:
    """Read the ``.npy`` header of ``key`` and refuse it before any data is allocated."""
    header_readers = {
        (1, 0): np.lib.format.read_array_header_1_0,
        (2, 0): np.lib.format.read_array_header_2_0,
    }
    with archive.zip.open(f"{key}.npy") as member:
        version = np.lib.format.read_magic(member)
        if version not in header_readers:
            raise ModelFileError(f"{name}: {key} uses an unsupported .npy format {version}")
        shape, _fortran_order, dtype = header_readers[version](member)
    if dtype.hasobject:
        raise ModelFileError(f"{name}: {key} holds Python objects, which are never loaded")
    if int(np.prod(shape, dtype=np.float64)) > MAX_PARAM_ELEMENTS:
        raise ModelFileError(f"{name}: {key} is implausibly large (shape {shape})")


def _parse_json(array: np.ndarray, name: str, key: str) -> dict[str, Any]:
    if array.shape != () or array.dtype.kind != "U":
        raise ModelFileError(f"{name}: {key} must be a JSON text")
    try:
        value = json.loads(str(array))
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"{name}: {key} is not valid JSON ({exc.msg})") from None
    if not isinstance(value, dict):
        raise ModelFileError(f"{name}: {key} must be a JSON object")
    return value


def _parse_config(array: np.ndarray, name: str) -> TrainConfig:
    values = _parse_json(array, name, "config")
    try:
        return TrainConfig.from_dict(values)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{name}: invalid config: {exc}") from None


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


def check_compatible(network: TwoLayerNet, input_size: int = 784, output_size: int = 10) -> None:
    """Raise ``ModelFileError`` unless the network maps ``input_size`` inputs to ``output_size``."""
    if network.input_size != input_size or network.output_size != output_size:
        raise ModelFileError(
            f"the model maps {network.input_size} inputs to {network.output_size} classes; "
            f"this data needs {input_size} inputs and {output_size} classes"
        )
