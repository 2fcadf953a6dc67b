"""The training process, driven from its window-side end without Qt: a run there is the same
run as here, bit for bit, and pause, step, a live learning rate, stop and a dead process behave
as the window needs."""

from __future__ import annotations

import contextlib
import os
import signal
import time

import numpy as np
import pytest

from desktop_nn.core.events import FinishedEvent
from desktop_nn.core.run_state import RunState, adopt_run_state
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.core.training_client import TrainingProcess, TrainingProcessError
from desktop_nn.core.training_process import read_dataset, write_dataset
from desktop_nn.core.training_stream import MetricsBatch

LAST = ("finished", "failed", "cancelled")


@pytest.fixture
def process(mnist_small):
    process = TrainingProcess()
    process.prepare(mnist_small)
    yield process
    process.close()


def reports_until(process: TrainingProcess, done) -> list[tuple[str, object]]:
    """Read reports until ``done(kind, value)`` or the run's last report."""
    seen = []
    while True:
        kind, value = process.read()
        seen.append((kind, value))
        if kind in LAST or done(kind, value):
            return seen


def run(process, config: TrainConfig, **settings) -> None:
    process.send("run", {"config": config.to_dict(), **settings})


def test_a_run_in_the_process_is_the_same_run_as_here(process, mnist_small):
    config = TrainConfig(iters=120, train_size=1000, seed=5, optimizer="momentum")
    run(process, config)
    seen = reports_until(process, lambda kind, value: False)
    kinds = [kind for kind, _ in seen]
    assert kinds[:2] == ["ready", "started"] and kinds[-1] == "finished"
    here = Trainer(config, mnist_small)
    events = list(here.run())
    assert seen[-1][1][:1] + seen[-1][1][2:] == events[-1][:1] + events[-1][2:]  # not seconds
    state = seen[-2][1]
    assert isinstance(state, RunState) and state.iteration == 120
    parts = [value.losses for _, value in seen if isinstance(value, MetricsBatch)]
    if state.batch is not None:
        parts.append(state.batch.losses)
    losses = np.concatenate(parts)
    np.testing.assert_array_equal(losses, here.history.train_loss_list)
    np.testing.assert_array_equal(state.losses, here.history.train_loss_list)
    assert state.test_acc == here.history.test_acc_list
    for name, value in here.network.params.items():
        np.testing.assert_array_equal(state.params[name], value)
    # The window's own copy of the trainer, never trained, becomes the same.
    copy = Trainer(config, mnist_small)
    adopt_run_state(copy, state)
    assert copy.iteration == 120 and copy.last_batch_indices.tolist() == \
        here.last_batch_indices.tolist()
    for name, value in here.network.params.items():
        np.testing.assert_array_equal(copy.network.params[name], value)


def test_a_paused_run_takes_one_step_at_a_time_and_says_where_it_is(process):
    run(process, TrainConfig(iters=50, train_size=300, seed=1), paused=True)
    process.send("step")
    process.send("step")
    states = []
    while len(states) < 3:  # paused at 0 or 1 (the first step may come later), then 2
        _kind, value = process.read()
        if isinstance(value, RunState):
            states.append(value.iteration)
            if value.iteration == 2:
                break
    assert states[-1] == 2 and states == sorted(states)
    process.send("lr", 0.05)
    process.send("resume")
    seen = reports_until(process, lambda kind, value: False)
    assert seen[-1] == ("finished", seen[-1][1]) and isinstance(seen[-1][1], FinishedEvent)
    assert seen[-2][1].learning_rates == [(0, 0.1), (2, 0.05)]


def test_a_stop_ends_a_long_run_with_its_state_then_cancelled(process):
    run(process, TrainConfig(iters=10_000_000, train_size=300, seed=1))
    reports_until(process, lambda kind, value: isinstance(value, MetricsBatch))
    process.send("cancel")
    seen = reports_until(process, lambda kind, value: False)
    assert seen[-1][0] == "cancelled" and isinstance(seen[-2][1], RunState)
    # The process serves the next run.
    run(process, TrainConfig(iters=5, train_size=300, seed=1))
    assert reports_until(process, lambda kind, value: False)[-1][0] == "finished"


def test_settings_the_process_cannot_train_fail_with_the_reason(process):
    run(process, TrainConfig(iters=5, train_size=50_000, seed=1))
    seen = reports_until(process, lambda kind, value: False)
    assert seen[-1][0] == "failed" and "train_size=50000 is out of range" in seen[-1][1]


def test_a_process_that_dies_is_reported_and_the_next_run_starts_a_new_one(process,
                                                                             mnist_small):
    run(process, TrainConfig(iters=10_000_000, train_size=300, seed=1))
    reports_until(process, lambda kind, value: isinstance(value, MetricsBatch))
    process._process.kill()
    with pytest.raises(TrainingProcessError, match="ended unexpectedly"):
        reports_until(process, lambda kind, value: False)
    process.prepare(mnist_small)
    run(process, TrainConfig(iters=5, train_size=300, seed=1))
    assert reports_until(process, lambda kind, value: False)[-1][0] == "finished"


def dataset_files_open_here() -> list[str]:
    """The anonymous dataset files this process holds open."""
    links = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
    return [link for link in links if link.startswith("/memfd:desktop-nn-dataset")]


def dataset_files_mapped_by(pid: int) -> set[str]:
    """The anonymous dataset files process ``pid`` maps (their inodes)."""
    with open(f"/proc/{pid}/maps") as maps:
        return {line.split()[4] for line in maps if "/memfd:desktop-nn-dataset" in line}


def test_the_data_file_is_the_process_s_alone_and_goes_with_it(mnist_small):
    process = TrainingProcess()
    process.prepare(mnist_small)
    assert process.wait_ready() is None
    child = process._process
    # Passed on, not opened through /proc: this end holds no descriptor of it any more.
    assert dataset_files_open_here() == [] and len(dataset_files_mapped_by(child.pid)) == 1
    run(process, TrainConfig(iters=10_000_000, train_size=300, seed=1))
    reports_until(process, lambda kind, value: isinstance(value, MetricsBatch))
    process.close()
    assert child.poll() is not None and not process.is_alive


def test_new_data_replaces_the_old_once_the_process_has_read_it(mnist_small, mnist):
    process = TrainingProcess()
    try:
        process.prepare(mnist_small)
        process.prepare(mnist)
        assert process.wait_ready() is None and process.wait_ready() is None
        assert dataset_files_open_here() == []
        assert len(dataset_files_mapped_by(process.pid)) == 1  # the first one was let go
        run(process, TrainConfig(iters=5, train_size=50_000, seed=1))  # needs the second
        assert reports_until(process, lambda kind, value: False)[-1][0] == "finished"
    finally:
        process.close()


@pytest.mark.parametrize("given", ["path", "path to remove", "descriptor"])
def test_a_dataset_file_is_read_exactly_and_removed_if_asked(tmp_path, mnist_small, given):
    path = tmp_path / "data.bin"
    with open(path, "wb") as file:
        parts = write_dataset(mnist_small, file)
    remove = given == "path to remove"
    if given == "descriptor":
        back = read_dataset({"parts": parts}, os.open(path, os.O_RDONLY))
    else:
        back = read_dataset({"path": str(path), "parts": parts, "remove": remove})
    for mine, theirs in zip((*mnist_small[0], *mnist_small[1]), (*back[0], *back[1]),
                            strict=True):
        assert mine.dtype == theirs.dtype and not theirs.flags.writeable
        np.testing.assert_array_equal(mine, theirs)
    assert path.exists() is not remove


def test_without_anonymous_files_a_temporary_file_serves(monkeypatch, tmp_path, mnist_small):
    monkeypatch.delattr("os.memfd_create")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    process = TrainingProcess()
    try:
        process.prepare(mnist_small)
        assert process.wait_ready() is None
        assert os.listdir(tmp_path) == []  # the process removed it once it had mapped it
        run(process, TrainConfig(iters=5, train_size=300, seed=1))
        assert reports_until(process, lambda kind, value: False)[-1][0] == "finished"
    finally:
        process.close()


def test_a_temporary_file_the_process_never_reached_is_removed_on_close(monkeypatch, tmp_path,
                                                                        mnist_small):
    monkeypatch.delattr("os.memfd_create")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    process = TrainingProcess()
    process.prepare(mnist_small)
    child = process._process
    child.send_signal(signal.SIGSTOP)  # before it can have started Python, let alone mapped
    deadline = time.monotonic() + 60  # a guard against a hang, not a measurement
    while not process._data_paths:  # the writer has written the file and sent its name
        assert time.monotonic() < deadline, "the dataset was never written"
        time.sleep(0.01)
    assert os.listdir(tmp_path)
    child.kill()
    process.close()
    assert os.listdir(tmp_path) == []


def test_no_python_to_start_it_with_is_an_oserror_and_leaves_nothing(monkeypatch, mnist_small,
                                                                      tmp_path):
    monkeypatch.setattr("sys.executable", str(tmp_path / "no-python"))
    process = TrainingProcess()
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(OSError):
        process.prepare(mnist_small)
    assert not process.is_alive and set(os.listdir("/proc/self/fd")) <= before


def test_data_that_cannot_be_handed_over_fails_the_run_saying_why(mnist_small, monkeypatch):
    def full(data, file):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop_nn.core.training_client.write_dataset", full)
    process = TrainingProcess()
    try:
        process.prepare(mnist_small)
        assert "No space left on device" in process.wait_ready()
        run(process, TrainConfig(iters=5, train_size=300, seed=1))
        seen = reports_until(process, lambda kind, value: False)
        assert seen[-1][0] == "failed" and "the training process has no data" in seen[-1][1]
    finally:
        process.close()


def test_the_process_ends_by_itself_when_the_window_is_gone(mnist_small):
    """A window that dies (killed, crashed) closes its ends of the pipes without a word: the
    process stops its run and ends, leaving no orphan training on."""
    process = TrainingProcess()
    process.prepare(mnist_small)
    run(process, TrainConfig(iters=10_000_000, train_size=300, seed=1))
    reports_until(process, lambda kind, value: isinstance(value, MetricsBatch))
    child = process._process
    process._queue.put(None)  # the writer ends, as it would with the window's process
    process._writer.join()
    process._commands.close()
    process._reports.close()
    assert child.wait(timeout=60) == 0
    process._commands = process._reports = None
    process.close()
