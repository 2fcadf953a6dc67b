"""The command line under odd settings and bad paths: one line on stderr, the right exit code."""

from __future__ import annotations

import json
import shutil

import pytest

from desktop_nn.cli import main
from desktop_nn.data.mnist import FILE_NAMES, bundled_mnist_dir


def run(capsys, *args):
    code = main(["train", "--seed", "0", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args",
    [
        ["--train-size", "1", "--iters", "5"],
        ["--hidden-size", "1", "--iters", "20", "--train-size", "500"],
        ["--iters", "1", "--train-size", "500"],
        ["--train-size", "50", "--batch-size", "100", "--iters", "5"],  # with replacement
    ],
)
def test_edge_settings_train(capsys, args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["iterations"] == int(args[args.index("--iters") + 1])


def test_batch_larger_than_a_shuffled_set(capsys):
    code, _, err = run(capsys, "--train-size", "50", "--batch-size", "100", "--sampling",
                       "shuffle", "--iters", "5")
    assert code == 1
    assert err.count("\n") == 1 and "batch_size=100" in err and "Traceback" not in err


def test_outputs_into_missing_or_wrong_places(capsys, tmp_path):
    code, _, err = run(capsys, "--iters", "3", "--train-size", "500", "--save-model",
                       str(tmp_path / "no" / "such" / "model.npz"))
    assert code == 1 and "could not save the model" in err and err.count("\n") == 1
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run(capsys, "--iters", "3", "--train-size", "500", "--history-csv",
                       str(folder))
    assert code == 1 and "a-folder" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]
    assert list(folder.iterdir()) == []


def test_a_damaged_data_folder_is_named(capsys, tmp_path, cache_dir):
    for name in FILE_NAMES.values():
        shutil.copy(bundled_mnist_dir() / name, tmp_path / name)
    damaged = tmp_path / FILE_NAMES["test_label"]
    damaged.write_bytes(damaged.read_bytes()[:100])
    code, _, err = run(capsys, "--iters", "3", "--data-dir", str(tmp_path))
    assert code == 1
    assert FILE_NAMES["test_label"] in err and "Traceback" not in err
