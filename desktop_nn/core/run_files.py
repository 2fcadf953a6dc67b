"""One kept run on disk: a folder holding ``run.json``, ``history.npz`` and maybe ``model.npz``.

``run.json``
    The record's fields as JSON, with the size and BLAKE2b digest of the two other files and
    a digest of the fields themselves (``checksum``).
``history.npz``
    ``loss`` (iterations,), ``epoch_iterations``, ``train_acc``, ``test_acc`` (epochs,),
    ``rate_iterations`` and ``rates`` (changes,): the :class:`History`.
``model.npz``
    The trained network, written and read by :mod:`desktop_nn.core.model_io`.

The folder's name is the run's number (``000007``); the store writes the files into a
temporary folder and renames it into place, so a run is there complete or not at all.

Nothing read back is trusted: ``run.json`` is read within a size limit as strict JSON (no
NaN), every field is checked for its type and range, the digests must match, and the arrays
come through :mod:`desktop_nn.npy_reader` (sizes checked before allocating, no pickle). Every
fault is one :class:`RunFileError`; the model's own checks are those of ``load_model``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from desktop_nn.core.model_io import LoadedModel, ModelFileError, load_model, save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.run_fields import record_from_fields
from desktop_nn.core.run_record import RunRecord, history_from_arrays
from desktop_nn.core.training import LIMITS, History
from desktop_nn.fileio import atomic_write, open_regular_file, read_problem
from desktop_nn.npy_reader import ArrayFileError, NpzArchive, first_line

RUN_FORMAT = "desktop-nn-run"
RUN_VERSION = 1
RUN_FILE, HISTORY_FILE, MODEL_FILE = "run.json", "history.npz", "model.npz"
#: Bytes ``run.json`` may take (about a kilobyte in practice).
MAX_RUN_JSON_BYTES = 64 * 1024
#: Bytes one series may take: the loss of the longest run the window allows, in float64.
MAX_SERIES_BYTES = 8 * int(LIMITS["iters"][1])
#: The arrays of ``history.npz``: name, kind ("f" float64 or "i" int64) and which length.
SERIES = (
    ("loss", "f", "iterations"),
    ("epoch_iterations", "i", "epochs"),
    ("train_acc", "f", "epochs"),
    ("test_acc", "f", "epochs"),
    ("rate_iterations", "i", "changes"),
    ("rates", "f", "changes"),
)
_DIGEST_BYTES = 16
_CHUNK = 1 << 20


class RunFileError(ValueError):
    """A kept run cannot be read; the message says why (the caller names the folder)."""


def write_run_data(folder: Path, record: RunRecord, network: TwoLayerNet | None) -> dict:
    """Write ``history.npz`` (and ``model.npz`` if ``network`` is given) into ``folder``.

    Returns the facts of the files written, for :func:`write_run_json`, which the store calls
    last. Each file is flushed to disk before this returns.
    """
    history_path = folder / HISTORY_FILE
    with atomic_write(history_path) as handle:
        np.savez(handle, **history_arrays(record.history))
    files = {"history": file_facts(history_path)}
    if network is not None:
        meta = {"iterations": record.iterations, "status": record.status}
        save_model(folder / MODEL_FILE, network, record.config, meta)
        files["model"] = file_facts(folder / MODEL_FILE)
    return files


def write_run_json(folder: Path, fields: dict[str, Any], files: dict[str, Any]) -> None:
    """Write ``run.json`` from the record's fields and the facts of its files, atomically."""
    content = {"format": RUN_FORMAT, "version": RUN_VERSION, "fields": fields, "files": files}
    content["checksum"] = _text_digest(_canonical(content))
    with atomic_write(folder / RUN_FILE, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(content, indent=1, allow_nan=False))


def history_arrays(history: History) -> dict[str, np.ndarray]:
    """The arrays ``history.npz`` holds, by name (see :data:`SERIES`)."""
    rates = history.learning_rates
    return {
        "loss": np.asarray(history.train_loss_list, dtype=np.float64),
        "epoch_iterations": np.asarray(history.epoch_iterations, dtype=np.int64),
        "train_acc": np.asarray(history.train_acc_list, dtype=np.float64),
        "test_acc": np.asarray(history.test_acc_list, dtype=np.float64),
        "rate_iterations": np.asarray([i for i, _ in rates], dtype=np.int64),
        "rates": np.asarray([r for _, r in rates], dtype=np.float64),
    }


def file_facts(path: Path) -> dict[str, Any]:
    """{"bytes": size, "blake2b": digest} of a file just written."""
    with open_regular_file(path) as handle:
        return {"bytes": os.fstat(handle.fileno()).st_size, "blake2b": _stream_digest(handle)}


def read_run_json(folder: Path) -> dict[str, Any]:
    """The checked content of ``folder/run.json``: format, version, fields, files, checksum.

    Raises
    ------
    RunFileError
    """
    text = _read_small_text(folder / RUN_FILE)
    content = _strict_json(text)
    if not isinstance(content, dict) or content.get("format") != RUN_FORMAT:
        raise RunFileError(f"{RUN_FILE} is not a desktop_nn run")
    version = content.get("version")
    if version != RUN_VERSION:
        raise RunFileError(f"{RUN_FILE} has version {version!r}; this desktop_nn reads "
                           f"version {RUN_VERSION}")
    if set(content) != {"format", "version", "fields", "files", "checksum"}:
        raise RunFileError(f"{RUN_FILE} has unexpected or missing entries")
    claimed = content.pop("checksum")
    if claimed != _text_digest(_canonical(content)):
        raise RunFileError(f"{RUN_FILE} is damaged (its checksum does not match)")
    _check_files(content["files"])
    return content


def read_run(folder: Path, number: int) -> tuple[RunRecord, str | None]:
    """Read the run kept in ``folder``; return it and a note if its model had to be left out.

    Raises
    ------
    RunFileError
        ``run.json`` or ``history.npz`` is missing, damaged or implausible.
    """
    content = read_run_json(folder)
    files = content["files"]
    history = read_history(folder / HISTORY_FILE, files["history"])
    note = None
    has_model = "model" in files
    if has_model and not _has_size(folder / MODEL_FILE, files["model"]["bytes"]):
        has_model, note = False, f"its model ({MODEL_FILE}) is missing or damaged"
    try:
        record = record_from_fields(content["fields"], history, number, has_model)
    except (TypeError, ValueError) as exc:
        raise RunFileError(f"{RUN_FILE}: {first_line(exc)}") from None
    return record, note


def read_history(path: Path, facts: dict[str, Any]) -> History:
    """Read and check ``history.npz`` against its size and digest in ``run.json``."""
    try:
        with open_regular_file(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size != facts["bytes"] or _stream_digest(handle) != facts["blake2b"]:
                raise RunFileError(f"{HISTORY_FILE} is damaged (its digest does not match)")
            handle.seek(0)
            arrays = _read_series(handle, size)
    except OSError as exc:
        raise RunFileError(f"{HISTORY_FILE}: {read_problem(exc)}") from None
    except ArrayFileError as exc:
        raise RunFileError(f"{HISTORY_FILE}: {exc}") from None
    return _history(arrays)


def read_model(folder: Path, facts: dict[str, Any] | None) -> LoadedModel:
    """Load ``folder/model.npz`` after checking its digest; ``ModelFileError`` if it fails."""
    path = folder / MODEL_FILE
    if facts is None:
        raise ModelFileError(f"{MODEL_FILE}: this run was kept without its model")
    try:
        with open_regular_file(path) as handle:
            if _stream_digest(handle) != facts["blake2b"]:
                raise ModelFileError(f"{MODEL_FILE}: damaged (its digest does not match)")
    except OSError as exc:
        raise ModelFileError(f"{MODEL_FILE}: {read_problem(exc)}") from None
    return load_model(path)


def _read_series(handle, size: int) -> dict[str, np.ndarray]:
    archive = NpzArchive(handle, size)
    try:
        if sorted(archive.keys) != sorted(name for name, _, _ in SERIES):
            raise RunFileError(f"{HISTORY_FILE} does not hold the arrays of a history")
        arrays = {}
        for name, kind, _ in SERIES:
            header = archive.header(name)
            if header.dtype.kind != kind or header.dtype.itemsize != 8 or len(header.shape) != 1:
                raise RunFileError(f"{HISTORY_FILE}: {name} is not a list of 8-byte numbers")
            arrays[name] = archive.read(name, MAX_SERIES_BYTES)
        return arrays
    finally:
        archive.close()


def _history(arrays: dict[str, np.ndarray]) -> History:
    """Check the arrays against each other and build the History."""
    loss, epochs = arrays["loss"], arrays["epoch_iterations"]
    train, test = arrays["train_acc"], arrays["test_acc"]
    rate_iterations, rates = arrays["rate_iterations"], arrays["rates"]
    n = len(loss)
    problems = [
        (not np.all(np.isfinite(loss)), "a loss is not finite"),
        (len(train) != len(epochs) or len(test) != len(epochs), "accuracy lists differ"),
        (not _increasing(epochs, 0, n - 1), "epoch iterations out of order or range"),
        (not _fractions(train) or not _fractions(test), "an accuracy is outside [0, 1]"),
        (len(rates) != len(rate_iterations), "learning-rate lists differ"),
        (not _increasing(rate_iterations, 0, n), "learning-rate changes out of order"),
        (not _within(rates, LIMITS["learning_rate"]), "a learning rate is out of range"),
    ]
    for failed, problem in problems:
        if failed:
            raise RunFileError(f"{HISTORY_FILE}: {problem}")
    return history_from_arrays(loss, epochs.tolist(), train.tolist(), test.tolist(),
                               list(zip(rate_iterations.tolist(), rates.tolist(), strict=True)))


def _increasing(values: np.ndarray, low: int, high: int) -> bool:
    return bool(len(values) == 0 or (
        values[0] >= low and values[-1] <= high and np.all(np.diff(values) > 0)))


def _fractions(values: np.ndarray) -> bool:
    return bool(np.all((values >= 0) & (values <= 1)))


def _within(values: np.ndarray, limits: tuple[float, float]) -> bool:
    return bool(np.all((values >= limits[0]) & (values <= limits[1])))


def _check_files(files: Any) -> None:
    if not isinstance(files, dict) or "history" not in files or not set(files) <= {
            "history", "model"}:
        raise RunFileError(f"{RUN_FILE}: its list of files is wrong")
    for facts in files.values():
        if not (isinstance(facts, dict) and set(facts) == {"bytes", "blake2b"}
                and type(facts["bytes"]) is int and facts["bytes"] >= 0
                and isinstance(facts["blake2b"], str)):
            raise RunFileError(f"{RUN_FILE}: its list of files is wrong")


def _has_size(path: Path, size: int) -> bool:
    try:
        stat = path.lstat()
    except OSError:
        return False
    return path.is_file() and not path.is_symlink() and stat.st_size == size


def _read_small_text(path: Path) -> str:
    try:
        with open_regular_file(path) as handle:
            data = handle.read(MAX_RUN_JSON_BYTES + 1)
    except OSError as exc:
        raise RunFileError(f"{RUN_FILE}: {read_problem(exc)}") from None
    if len(data) > MAX_RUN_JSON_BYTES:
        raise RunFileError(f"{RUN_FILE} is implausibly large (over {MAX_RUN_JSON_BYTES:,} bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise RunFileError(f"{RUN_FILE} is not UTF-8 text") from None


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not a number here")

    try:
        return json.loads(text, parse_constant=refuse)
    except RecursionError:
        raise RunFileError(f"{RUN_FILE} is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, NaN, or an integer of too many digits
        raise RunFileError(f"{RUN_FILE} is not valid JSON ({first_line(exc)})") from None


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def _text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=_DIGEST_BYTES).hexdigest()


def _stream_digest(handle) -> str:
    digest = hashlib.blake2b(digest_size=_DIGEST_BYTES)
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()
