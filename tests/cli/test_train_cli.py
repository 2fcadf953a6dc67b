"""``desktop-nn train``: in-process through ``main`` and once as a real process (Ctrl-C)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from desktop_nn.cli import main
from desktop_nn.core.model_io import load_model
from desktop_nn.core.training import TrainConfig

QUICK = ["train", "--iters", "50", "--train-size", "2000", "--seed", "1"]


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("desktop-nn train: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture(scope="module")
def quick_json(mnist, tmp_path_factory):
    """One quick run with --json, --save-model and --history-csv; its outputs.

    Module-scoped (capsys is per test), so the output is captured by redirection.
    """
    folder = tmp_path_factory.mktemp("train_cli")
    model, history = folder / "model.npz", folder / "history.csv"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*QUICK, "--json", "--save-model", str(model), "--history-csv",
                     str(history)])
    return code, out.getvalue(), err.getvalue(), model, history


def test_json_run(quick_json):
    code, out, err, _, _ = quick_json
    assert code == 0, err
    assert "Traceback" not in err
    result = json.loads(out.strip().splitlines()[-1])
    for key in ("iterations", "seconds", "final_train_acc", "final_test_acc",
                "train_loss_list", "train_acc_list", "test_acc_list", "config"):
        assert key in result, key
    assert result["status"] == "finished"
    assert result["iterations"] == 50
    assert result["seconds"] > 0
    assert len(result["train_loss_list"]) == 50
    assert all(isinstance(v, float) for v in result["train_loss_list"])
    # 2000 images in batches of 100: epochs after iterations 0, 20 and 40.
    assert result["epoch_iterations"] == [0, 20, 40]
    assert len(result["train_acc_list"]) == len(result["test_acc_list"]) == 3
    assert 0 <= result["final_test_acc"] <= 1
    config = TrainConfig.from_dict(result["config"])
    assert config.seed == 1 and config.iters == 50 and config.train_size == 2000
    assert config.learning_rate == 0.1 and config.batch_size == 100


def test_text_lines(quick_json):
    _, out, _, _, _ = quick_json
    lines = out.splitlines()
    assert lines[0].startswith("training TwoLayerNet(784, 50, 10) on 2000 mnist images")
    assert "seed 1" in lines[0]
    epoch_lines = [line for line in lines if line.startswith("epoch")]
    assert len(epoch_lines) == 3
    assert epoch_lines[1].split()[:4] == ["epoch", "1", "iter", "20"]
    assert "train acc" in epoch_lines[0] and "test acc" in epoch_lines[0]
    assert any(line.startswith("finished 50 iterations in") for line in lines)


def test_saved_model_and_history_load_back(quick_json, mnist):
    code, out, _, model, history = quick_json
    assert code == 0
    result = json.loads(out.strip().splitlines()[-1])
    loaded = load_model(model)
    assert loaded.config == TrainConfig.from_dict(result["config"])
    assert loaded.meta["iterations"] == 50
    _, (x_test, t_test) = mnist
    assert loaded.network.accuracy(x_test, t_test) == pytest.approx(result["final_test_acc"])

    with open(history, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["run", "seed", "iteration", "loss", "train_acc", "test_acc",
                       "learning_rate"]
    assert len(rows) == 51
    assert {(r[0], r[1], r[6]) for r in rows[1:]} == {("1", "1", "0.1")}  # run, seed, rate
    np.testing.assert_array_equal([float(r[3]) for r in rows[1:]], result["train_loss_list"])
    assert [int(r[2]) for r in rows[1:] if r[4]] == [0, 20, 40]
    assert [float(r[5]) for r in rows[1:] if r[5]] == result["test_acc_list"]


def test_same_seed_same_losses(quick_json, capsys):
    _, out, _, _, _ = quick_json
    first = json.loads(out.strip().splitlines()[-1])
    code, out, _ = run_cli(capsys, *QUICK, "--json")
    assert code == 0
    assert json.loads(out.strip().splitlines()[-1])["train_loss_list"] == first[
        "train_loss_list"]


def test_the_default_seed_is_0_as_in_the_window(capsys, mnist):
    code, out, _ = run_cli(capsys, "train", "--iters", "3", "--train-size", "500", "--json")
    assert code == 0
    assert json.loads(out.strip().splitlines()[-1])["config"]["seed"] == 0
    assert "seed 0" in out.splitlines()[0]
    code, out, _ = run_cli(capsys, "train", "--iters", "3", "--train-size", "500", "--seed",
                           "random", "--json")
    assert code == 0
    drawn = json.loads(out.strip().splitlines()[-1])["config"]["seed"]
    assert isinstance(drawn, int) and f"seed {drawn}" in out.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [
        ["--seed", "seven"],
        ["--iters", "0"],
        ["--iters", "ten"],
        ["--learning-rate", "abc"],
        ["--learning-rate", "nan"],
        ["--learning-rate", "inf"],
        ["--activation", "tanh"],
        ["--optimizer", "rmsprop"],
        ["--weight-init-std", "glorot"],
        ["--batch-size", "-5"],
        ["--no-such-option"],
    ],
)
def test_bad_arguments_exit_2(capsys, args):
    with pytest.raises(SystemExit) as info:
        main(["train", *args])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error:" in err


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--learning-rate", "0"], ["learning_rate=0.0", "1e-06"]),
        (["--learning-rate", "5000"], ["learning_rate=5000.0"]),
        (["--weight-init-std", "-1"], ["weight_init_std=-1.0"]),
        (["--seed", "-1"], ["seed=-1"]),
        (["--hidden-size", "5000"], ["hidden_size=5000", "4096"]),
        (["--train-size", "70000"], ["train_size=70000", "60000"]),
        (["--gradient", "numerical", "--dtype", "float32"], ["float64"]),
        (["--sampling", "shuffle", "--batch-size", "3000", "--train-size", "2000"],
         ["batch_size=3000"]),
    ],
)
def test_invalid_values_exit_1_with_one_line(capsys, args, fragments):
    code, _, err = run_cli(capsys, "train", "--iters", "5", *args)
    assert code == 1
    assert_one_line_error(err, *fragments)


def test_missing_data_dir_exits_1(capsys, tmp_path):
    code, _, err = run_cli(capsys, *QUICK, "--data-dir", str(tmp_path / "nowhere"))
    assert code == 1
    assert_one_line_error(err, "nowhere", "no such folder")


def test_fashion_mnist_not_downloaded_exits_1(capsys, cache_dir):
    code, _, err = run_cli(capsys, *QUICK, "--dataset", "fashion-mnist")
    assert code == 1
    assert_one_line_error(err, "desktop-nn download fashion-mnist")


def test_unwritable_model_path_exits_1(capsys, tmp_path, mnist):
    code, _, err = run_cli(capsys, "train", "--iters", "3", "--train-size", "500",
                           "--save-model", str(tmp_path / "missing" / "m.npz"))
    assert code == 1
    assert_one_line_error(err, "m.npz", "could not save")
    assert not (tmp_path / "missing").exists()


def test_divergence_exits_3(capsys, mnist):
    code, out, err = run_cli(
        capsys, "train", "--iters", "300", "--train-size", "2000", "--seed", "1",
        "--learning-rate", "1000", "--weight-init-std", "10", "--json",
    )
    assert code == 3
    assert_one_line_error(err, "learning rate 1000", "diverged at iteration")
    result = json.loads(out.strip().splitlines()[-1])
    assert result["status"] == "diverged"
    assert result["final_test_acc"] is None
    assert result["diverged"]["iteration"] < 300
    assert "learning rate 1000" in result["diverged"]["message"]
    assert not any(line.startswith("finished") for line in out.splitlines())


def test_non_finite_loss_exits_3(capsys, mnist, monkeypatch):
    from desktop_nn.core.training import Trainer

    original = Trainer._train_step

    def blow_up(self):
        loss = original(self)
        return float("nan") if self.iteration == 7 else loss  # iteration is 0-based

    monkeypatch.setattr(Trainer, "_train_step", blow_up)
    code, _, err = run_cli(capsys, *QUICK, "--learning-rate", "0.3")
    assert code == 3
    assert_one_line_error(err, "iteration 7", "learning rate 0.3")


def test_ctrl_c_exits_130_without_traceback(mnist):
    env = dict(os.environ)  # DESKTOP_NN_CACHE_DIR: the tests' cache, already filled
    env["PYTHONUNBUFFERED"] = "1"
    # Started as from a terminal: with Python's Ctrl+C handler, even when the tests run in the
    # background (a non-interactive shell starts them with SIGINT ignored, and a child whose
    # SIGINT is ignored keeps it ignored).
    launcher = ("import runpy, signal, sys; signal.signal(signal.SIGINT, "
                "signal.default_int_handler); sys.argv[0] = 'desktop-nn'; "
                "runpy.run_module('desktop_nn', run_name='__main__')")
    process = subprocess.Popen(
        [sys.executable, "-c", launcher, "train", "--iters", "1000000", "--train-size", "2000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        seen = []
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line)
            if line.startswith("epoch"):
                break
        assert any(line.startswith("epoch") for line in seen), "".join(seen)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "desktop-nn train: interrupted"
