"""The store of kept runs: read back equal, names, the size limit, leftovers, damage skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.core import run_store
from desktop_nn.core.model_io import ModelFileError
from desktop_nn.core.run_files import HISTORY_FILE, MODEL_FILE, RUN_FILE
from desktop_nn.core.run_store import LEFTOVER_AGE, RunStore, RunStoreError, runs_folder
from tests.contract import listing
from tests.run_records import QUICK, assert_same_run, made_up, trained


@pytest.fixture
def store(tmp_path) -> RunStore:
    return RunStore(tmp_path / "runs")


def test_the_store_lives_in_the_data_folder(data_dir):
    assert RunStore().folder == runs_folder() == data_dir / "runs"


def test_a_kept_run_reads_back_equal_with_its_model(store, mnist_small):
    record, trainer = trained(mnist_small, rate_changes={9: 0.05, 29: 0.2})
    kept, dropped = store.keep(record, trainer.network)
    assert (kept.name, kept.number, kept.has_model, dropped) == ("run 1", 1, True, [])
    found = store.load()
    assert found.notes == []
    [read] = found.runs
    assert_same_run(read, kept)
    assert read.history.learning_rates == [(0, 0.1), (10, 0.05), (30, 0.2)]
    assert read.final_accuracies() == (record.final_train_acc, record.final_test_acc)
    model = store.load_model(read)
    assert model.config == record.config
    for key, value in trainer.network.params.items():
        np.testing.assert_array_equal(model.network.params[key], value)


def test_stopped_and_diverged_runs_read_back_equal(store, mnist_small):
    stopped, _ = trained(mnist_small, stop_after=30)
    diverged, _ = trained(mnist_small, QUICK.replace(dtype="float64"), diverge_after=24)
    assert stopped.status == "stopped" and stopped.iterations == 30
    assert diverged.status == "diverged" and diverged.iterations == diverged.history.count + 1
    kept = [store.keep(stopped)[0], store.keep(diverged)[0]]
    read = store.load().runs
    for a, b in zip(read, kept, strict=True):
        assert_same_run(a, b)
    assert read[0].final_accuracies() == (stopped.history.train_acc_list[-1],
                                          stopped.history.test_acc_list[-1])
    assert read[1].iterations == 26 and read[1].history.count == 25
    assert "diverged at iteration 25" in read[1].message


def test_models_can_be_switched_off(tmp_path, mnist_small):
    store = RunStore(tmp_path / "runs", keep_models=False)
    record, trainer = trained(mnist_small)
    kept, _ = store.keep(record, trainer.network)
    assert not kept.has_model
    assert not (store.folder_of(1) / MODEL_FILE).exists()
    with pytest.raises(ModelFileError, match=r"run 1.*without its model"):
        store.load_model(store.load().runs[0])


def test_names_are_unique_and_numbers_follow(store):
    assert store.keep(made_up(0))[0].name == "run 1"
    assert store.keep(made_up(1, name="best"))[0].name == "best"
    assert store.keep(made_up(2, name="best"))[0].name == "best (2)"
    store.rename(1, "run 5")
    assert store.keep(made_up(3))[0].name == "run 4"
    assert store.keep(made_up(4))[0].name == "run 5 (2)"
    assert [r.name for r in store.load().runs] == ["run 5", "best", "best (2)", "run 4",
                                                   "run 5 (2)"]


def test_a_long_name_keeps_room_for_its_number(store):
    long = "x" * 100
    store.keep(made_up(0, name=long))
    second = store.keep(made_up(1, name=long))[0].name
    assert second == "x" * 96 + " (2)"


def test_rename_checks_the_name(store):
    store.keep(made_up(0))
    store.keep(made_up(1))
    with pytest.raises(ValueError, match="exists already"):
        store.rename(2, "run 1")
    for bad in ("", "  ", " padded", "two\nlines", "tab\there", "x" * 101, "bidi\u202e"):
        with pytest.raises(ValueError, match="run name"):
            store.rename(2, bad)
    with pytest.raises(RunStoreError, match="no run 7"):
        store.rename(7, "fine")
    store.rename(2, "学習率 0.5")
    store.rename(2, "学習率 0.5")  # its own name again
    assert [r.name for r in store.load().runs] == ["run 1", "学習率 0.5"]
    assert store.load().notes == []


def test_remove_one_and_clear(store):
    for seed in range(3):
        store.keep(made_up(seed))
    store.remove(2)
    assert [r.number for r in store.load().runs] == [1, 3]
    with pytest.raises(RunStoreError, match="no run 2"):
        store.remove(2)
    (store.folder / ".000009-abcd.trash").mkdir()
    (store.folder / ".tmpfresh.part").mkdir()
    assert store.clear() == 2
    assert list(store.folder.iterdir()) == []
    assert store.load().runs == []


def test_the_size_limit_drops_the_oldest_first(tmp_path):
    store = RunStore(tmp_path / "runs", max_runs=3)
    dropped = [store.keep(made_up(seed))[1] for seed in range(5)]
    assert dropped == [[], [], [], [1], [2]]
    assert [r.number for r in store.load().runs] == [3, 4, 5]


def test_the_byte_limit_drops_the_oldest_and_keeps_the_newest(tmp_path, mnist_small):
    record, trainer = trained(mnist_small)
    probe = RunStore(tmp_path / "probe")
    probe.keep(record, trainer.network)
    one_run = probe.size()
    store = RunStore(tmp_path / "runs", max_bytes=int(2.5 * one_run))
    assert [store.keep(record, trainer.network)[1] for _ in range(4)] == [[], [], [1], [2]]
    assert store.size() <= store.max_bytes
    store.max_bytes = one_run // 2  # smaller than one run: the run just kept stays anyway
    assert store.keep(record, trainer.network)[1] == [3, 4]
    assert [r.number for r in store.load().runs] == [5]


def test_a_number_taken_meanwhile_is_skipped(store, monkeypatch):
    store.keep(made_up(0))
    real_names, looks = RunStore._names, []

    def names(self):  # the first look misses run 1, as if another program had just kept it
        looks.append(1)
        return {} if len(looks) == 1 else real_names(self)

    monkeypatch.setattr(RunStore, "_names", names)
    kept, _ = store.keep(made_up(1))
    assert len(looks) == 2
    assert kept.number == 2
    assert [r.number for r in store.load().runs] == [1, 2]
    assert_same_run(store.load().runs[0], made_up(0).replace(name="run 1", number=1))


def test_a_failed_write_leaves_nothing(store, monkeypatch):
    store.keep(made_up(0))
    before = listing(store.folder)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(run_store, "write_run_json", fail)
    with pytest.raises(RunStoreError, match=r"could not keep the run.*No space left"):
        store.keep(made_up(1))
    assert listing(store.folder) == before
    assert [p.name for p in store.folder.iterdir()] == ["000001"]


def test_an_interrupted_write_leaves_nothing(store, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(run_store, "write_run_json", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.keep(made_up(0))
    assert list(store.folder.iterdir()) == []


def test_a_store_that_cannot_be_made_is_one_message(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    store = RunStore(tmp_path / "file" / "runs")
    with pytest.raises(RunStoreError, match="cannot keep runs here"):
        store.keep(made_up(0))
    assert store.load().runs == []


def test_a_running_run_is_not_kept(store):
    with pytest.raises(ValueError, match="running"):
        store.keep(made_up(0, status="running"))


def test_leftovers_of_a_crash_go_after_a_day(tmp_path):
    now = 1_700_000_000.0
    store = RunStore(tmp_path / "runs", clock=lambda: now)
    store.keep(made_up(0))
    old, fresh, trash = (store.folder / name for name in (
        ".tmpold.part", ".tmpfresh.part", ".000007-beef.trash"))
    for folder in (old, fresh, trash):
        folder.mkdir()
        (folder / HISTORY_FILE).write_bytes(b"half")
    os.utime(old, (now - LEFTOVER_AGE - 1, now - LEFTOVER_AGE - 1))
    os.utime(fresh, (now - LEFTOVER_AGE + 60, now - LEFTOVER_AGE + 60))
    found = store.load()
    assert [r.number for r in found.runs] == [1] and found.notes == []
    assert sorted(p.name for p in store.folder.iterdir()) == [".tmpfresh.part", "000001"]


def _damage_run_json(folder: Path) -> None:
    content = json.loads((folder / RUN_FILE).read_text())
    content["fields"]["final_test_acc"] = 0.99  # a value changed by hand or by the disk
    (folder / RUN_FILE).write_text(json.dumps(content))


DAMAGE = {
    "run.json missing": lambda f: (f / RUN_FILE).unlink(),
    "run.json empty": lambda f: (f / RUN_FILE).write_bytes(b""),
    "run.json not JSON": lambda f: (f / RUN_FILE).write_text("{not json"),
    "run.json edited": _damage_run_json,
    "run.json binary": lambda f: (f / RUN_FILE).write_bytes(b"\xff\xfe" * 10),
    "run.json huge": lambda f: (f / RUN_FILE).write_bytes(b" " * (70 * 1024)),
    "run.json a folder": lambda f: ((f / RUN_FILE).unlink(), (f / RUN_FILE).mkdir()),
    "history missing": lambda f: (f / HISTORY_FILE).unlink(),
    "history cut": lambda f: (f / HISTORY_FILE).write_bytes((f / HISTORY_FILE).read_bytes()[:99]),
    "history a pipe": lambda f: ((f / HISTORY_FILE).unlink(), os.mkfifo(f / HISTORY_FILE)),
    "history a device": lambda f: ((f / HISTORY_FILE).unlink(),
                                   (f / HISTORY_FILE).symlink_to("/dev/zero")),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_run_folder_is_skipped_with_a_note(store, damage):
    for seed in range(3):
        store.keep(made_up(seed))
    DAMAGE[damage](store.folder_of(2))
    before = listing(store.folder) if "pipe" not in damage and "device" not in damage else None
    found = store.load()
    assert [r.number for r in found.runs] == [1, 3]
    [note] = found.notes
    assert note.folder == store.folder_of(2)
    text = str(note)
    assert text.startswith("000002: skipped: ") and "\n" not in text and len(text) < 300
    if before is not None:
        assert listing(store.folder) == before  # reading changes nothing
    assert store.keep(made_up(3))[0].number == 4  # the damaged folder keeps its number


def test_odd_entries_in_the_runs_folder(store):
    store.keep(made_up(0))
    (store.folder / "000002").write_text("a file where a run should be")
    (store.folder / "000003").symlink_to(store.folder_of(1))
    (store.folder / "notes.txt").write_text("the user's own file")
    (store.folder / "12").mkdir()
    found = store.load()
    assert [r.number for r in found.runs] == [1]
    assert sorted(str(n) for n in found.notes) == ["000002: skipped: not a folder",
                                                   "000003: skipped: not a folder"]
    assert (store.folder / "notes.txt").exists()


def test_a_missing_model_keeps_the_run_without_it(store, mnist_small):
    record, trainer = trained(mnist_small)
    store.keep(record, trainer.network)
    (store.folder_of(1) / MODEL_FILE).unlink()
    found = store.load()
    [run] = found.runs
    assert not run.has_model
    assert "model" in str(found.notes[0]) and "kept without it" in str(found.notes[0])


def test_a_damaged_model_is_refused_when_loaded(store, mnist_small):
    record, trainer = trained(mnist_small)
    store.keep(record, trainer.network)
    path = store.folder_of(1) / MODEL_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    [run] = store.load().runs
    with pytest.raises(ModelFileError, match=r"run 1 \(000001\): model.npz: damaged"):
        store.load_model(run)


def test_a_runs_folder_that_is_a_file_is_a_note(tmp_path):
    (tmp_path / "runs").write_text("oops")
    found = RunStore(tmp_path / "runs").load()
    assert found.runs == [] and len(found.notes) == 1


def test_a_network_that_blew_up_is_not_kept(store, mnist_small):
    record, trainer = trained(mnist_small, QUICK.replace(dtype="float64"), diverge_after=24)
    assert not np.all(np.isfinite(trainer.network.params["W1"]))
    kept, _ = store.keep(record, trainer.network)
    assert record.status == "diverged" and not kept.has_model
    assert store.load().notes == []


def test_a_dead_network_is_kept_to_look_at(store, mnist_small):
    record, trainer = trained(mnist_small, QUICK.replace(learning_rate=1000.0, iters=150))
    assert record.status == "diverged" and "ReLU" in record.message
    assert store.keep(record, trainer.network)[0].has_model
    assert store.load_model(store.load().runs[0]).config.learning_rate == 1000.0
