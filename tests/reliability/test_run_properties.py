"""Property tests of the runs store's door: a run folder damaged in any way, or crafted.

Whatever happened to run 1's folder (bytes cut, flipped, appended or replaced in any of its
files, a file missing or turned into a folder or a link, fields and arrays rewritten with
matching digests by a hostile writer), reading the store never fails: run 1 comes back as it
was kept, or without its model with a note, or is skipped with one note on one line naming
its folder; run 2 beside it always comes back equal; memory stays bounded and nothing on
disk changes. A crafted run that is accepted holds only values a run can have. (The cases
one by one are in tests/core/test_run_store.py.)
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_nn.core.model_io import ModelFileError
from desktop_nn.core.run_files import HISTORY_FILE, MODEL_FILE, RUN_FILE
from desktop_nn.core.run_store import RunStore
from desktop_nn.core.training import TrainConfig
from tests import hostile_files as hostile
from tests.contract import listing, quick, traced_peak
from tests.reliability.test_model_properties import DESCRS, JSON_VALUES, SHAPES
from tests.run_records import assert_same_run, made_up

FILES = [RUN_FILE, HISTORY_FILE, MODEL_FILE]
FIELDS = ["name", "status", "config", "started", "seconds", "iterations", "final_train_acc",
          "final_test_acc", "message", "group", "unknown"]
SERIES = ["loss", "epoch_iterations", "train_acc", "test_acc", "rate_iterations", "rates"]
#: A hostile folder may make the reader hold its files and little more.
MEMORY_BOUND = 32 * 2**20


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A store with run 1 (with a model) and run 2 (without), and the records as kept."""
    store = RunStore(tmp_path_factory.mktemp("template") / "runs")
    config = TrainConfig(hidden_size=hostile.HIDDEN, iters=60)
    first = store.keep(made_up(0, config=config, group="g"), hostile.good_network())[0]
    second = store.keep(made_up(1, config=config, status="stopped"))[0]
    return store.folder, first, second


@st.composite
def byte_damage(draw) -> tuple:
    """(file, what happens to it) for damage a disk or a crash could do."""
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["delete", "cut", "flip", "append", "replace", "folder",
                                 "link"]))
    return ("bytes", name, kind, draw(st.integers(0, 10**6)), draw(st.integers(0, 255)),
            draw(st.binary(max_size=64)))


@st.composite
def crafted_fields(draw) -> tuple:
    """Fields of run.json replaced by any JSON value, with a checksum that matches."""
    changes = draw(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES | st.sampled_from([
        "2024-01-01T00:00:00", "2024-01-01T00:00:00+09:00", "stopped", "running", 1e308,
        -0.0, 2**64, "x" * 3000, "\n", "another name", 0.5, 3.25, 60, 61, None]),
        min_size=1, max_size=3))
    return ("fields", changes)


@st.composite
def crafted_history(draw) -> tuple:
    """A member of history.npz replaced, with digests and checksum that match."""
    member = draw(st.sampled_from([*SERIES, "extra"]))
    kind = draw(st.sampled_from(["header", "values", "drop"]))
    if kind == "header":
        data = hostile.npy_with_header(draw(DESCRS), draw(SHAPES), draw(st.binary(max_size=64)))
    else:
        values = draw(st.lists(st.floats() | st.integers(-2**40, 2**40).map(float),
                               max_size=80))
        dtype = draw(st.sampled_from([np.float64, np.int64, np.float32]))
        with np.errstate(all="ignore"):  # NaN and huge values cast to integers: any bits
            array = np.array(values, dtype=np.float64).astype(dtype)
        data = hostile.npy(array)
    return ("history", member, None if kind == "drop" else data)


DAMAGE = st.one_of(byte_damage(), byte_damage(), crafted_fields(), crafted_history())


@quick(200)
@given(damage=DAMAGE)
def test_any_damage_to_a_run_folder_is_skipped_or_read_back(template, tmp_path_factory,
                                                              damage):
    folder, first, second = template
    runs = tmp_path_factory.mktemp("store") / "runs"
    shutil.copytree(folder, runs, symlinks=True)
    crafted = _apply(runs / "000001", damage)
    store = RunStore(runs)
    before = listing(runs)
    with traced_peak() as peak:
        found = store.load()
    assert peak.bytes < MEMORY_BOUND
    assert listing(runs) == before
    by_number = {run.number: run for run in found.runs}
    assert_same_run(by_number[2], second)
    for note in found.notes:
        assert note.folder.name == "000001", note
        assert "\n" not in str(note) and len(str(note)) < 600, note
    if 1 not in by_number:
        assert len(found.notes) == 1 and "skipped" in str(found.notes[0])
        return
    run = by_number[1]
    if crafted:
        _assert_plausible(run)
    else:
        assert_same_run(run, first.replace(has_model=run.has_model))
        assert run.has_model or "model" in str(found.notes[0])
    if run.has_model:
        try:
            model = store.load_model(run)
        except ModelFileError as exc:
            assert "\n" not in str(exc) and run.name in str(exc)
        else:
            np.testing.assert_array_equal(model.network.params["W1"],
                                          hostile.good_network().params["W1"])


def _apply(folder: Path, damage: tuple) -> bool:
    """Damage ``folder`` as drawn; return whether the result was crafted to pass the digests."""
    if damage[0] == "bytes":
        _damage_bytes(folder, *damage[1:])
        return False
    content = json.loads((folder / RUN_FILE).read_text())
    if damage[0] == "fields":
        content["fields"].update(damage[1])
    else:
        _replace_member(folder / HISTORY_FILE, damage[1], damage[2])
        data = (folder / HISTORY_FILE).read_bytes()
        content["files"]["history"] = {"bytes": len(data), "blake2b": _digest(data)}
    content.pop("checksum")
    text = json.dumps(content, sort_keys=True, separators=(",", ":"))
    content["checksum"] = _digest(text.encode())
    (folder / RUN_FILE).write_text(json.dumps(content))
    return True


def _damage_bytes(folder: Path, name: str, kind: str, at: int, value: int, extra: bytes):
    path = folder / name
    data = path.read_bytes()
    offset = at % max(len(data), 1)
    if kind == "delete":
        path.unlink()
    elif kind == "cut":
        path.write_bytes(data[:offset])
    elif kind == "flip" and data:
        flipped = value if value != data[offset] else value ^ 0xFF
        path.write_bytes(data[:offset] + bytes([flipped]) + data[offset + 1:])
    elif kind == "append":
        path.write_bytes(data + (extra or b"\0"))
    elif kind == "replace":
        path.write_bytes(extra)
    elif kind == "folder":
        path.unlink()
        path.mkdir()
    elif kind == "link":
        path.unlink()
        path.symlink_to(folder / (HISTORY_FILE if name != HISTORY_FILE else RUN_FILE))


def _replace_member(path: Path, member: str, data: bytes | None) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if data is None:
        members.pop(f"{member}.npy", None)
    else:
        members[f"{member}.npy"] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    path.write_bytes(buffer.getvalue())


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _assert_plausible(run) -> None:
    """What a crafted run that was accepted may hold: only what a real run can."""
    history = run.history
    assert run.status in ("finished", "stopped", "diverged")
    assert np.all(np.isfinite(history.train_loss_list))
    assert len(history.train_acc_list) == len(history.test_acc_list) == len(
        history.epoch_iterations)
    for value in [*history.train_acc_list, *history.test_acc_list, *run.final_accuracies()]:
        assert value is None or 0 <= value <= 1
    assert math.isfinite(run.seconds) and run.seconds >= 0
    assert run.started.tzinfo is not None
    assert history.count <= run.iterations <= history.count + 1
