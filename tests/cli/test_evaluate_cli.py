"""``desktop-nn evaluate``: a saved model's scores on the test set, as text and as JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from desktop_nn.cli import main
from desktop_nn.core.model_io import save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig, Trainer


@pytest.fixture(scope="module")
def model_path(mnist_small, tmp_path_factory):
    """A model trained for 300 iterations on 2,000 images, saved as .npz."""
    trainer = Trainer(TrainConfig(iters=300, seed=2), mnist_small)
    for _event in trainer.run():
        pass
    path = tmp_path_factory.mktemp("models") / "brief.npz"
    save_model(path, trainer.network, trainer.config)
    return path, trainer.network


def run_json(capsys, *argv):
    code = main(["evaluate", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1  # nothing but the JSON object
    return json.loads(lines[0])


def test_json_keys_shapes_and_consistency(capsys, model_path, mnist):
    path, network = model_path
    result = run_json(capsys, "--model", str(path))

    assert {"accuracy", "confusion_matrix", "precision", "recall", "f1"} <= set(result)
    cm = np.array(result["confusion_matrix"])
    assert cm.shape == (10, 10)
    assert all(isinstance(v, int) for row in result["confusion_matrix"] for v in row)
    for key in ("precision", "recall", "f1"):
        assert len(result[key]) == 10
        assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in result[key])

    _, (x_test, t_test) = mnist
    assert cm.sum() == 10_000
    assert cm.sum(axis=1).tolist() == np.bincount(t_test, minlength=10).tolist()
    assert result["accuracy"] == pytest.approx(np.trace(cm) / cm.sum(), abs=1e-12)
    assert result["accuracy"] == pytest.approx(network.accuracy(x_test, t_test), abs=1e-12)
    assert result["accuracy"] > 0.7
    # Class 0 first: recall is the diagonal over the row, precision over the column.
    assert result["recall"][0] == pytest.approx(cm[0, 0] / cm[0].sum())
    assert result["precision"][3] == pytest.approx(cm[3, 3] / cm[:, 3].sum())
    p, r = np.array(result["precision"]), np.array(result["recall"])
    np.testing.assert_allclose(result["f1"], 2 * p * r / (p + r))
    assert result["support"] == cm.sum(axis=1).tolist()
    assert result["dataset"] == "mnist" and result["classes"][0] == "0"


def test_text_report(capsys, model_path):
    path, _ = model_path
    assert main(["evaluate", "--model", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "accuracy 0." in out
    assert ", seed 2, on the MNIST test set" in out.splitlines()[0]  # shown when loaded
    assert run_json(capsys, "--model", str(path))["seed"] == 2
    assert "confusion matrix (rows: true class, columns: predicted class)" in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("true \\ predicted"))
    matrix_rows = lines[header + 1 : header + 11]
    assert [row.split()[0] for row in matrix_rows] == [str(k) for k in range(10)]
    assert sum(int(v) for row in matrix_rows for v in row.split()[1:]) == 10_000
    table = next(i for i, line in enumerate(lines) if line.startswith("class"))
    assert lines[table].split() == ["class", "precision", "recall", "f1", "support"]
    assert len(lines[table + 1 : table + 11]) == 10


def error_line(capsys, *argv) -> str:
    code = main(["evaluate", *argv])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


def test_missing_model(capsys, tmp_path):
    err = error_line(capsys, "--model", str(tmp_path / "nothing.npz"))
    assert "file not found" in err


def test_corrupt_model(capsys, tmp_path):
    path = tmp_path / "corrupt.npz"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    err = error_line(capsys, "--model", str(path), "--json")
    assert "corrupt.npz" in err and "not a valid .npz" in err


def test_model_of_the_wrong_shape(capsys, tmp_path):
    path = tmp_path / "small.npz"
    save_model(path, TwoLayerNet(100, 5, 10, seed=0), TrainConfig(hidden_size=5))
    err = error_line(capsys, "--model", str(path))
    assert "100 inputs" in err and "784 inputs" in err


def test_missing_data_folder(capsys, model_path, tmp_path):
    path, _ = model_path
    err = error_line(capsys, "--model", str(path), "--data-dir", str(tmp_path / "empty"))
    assert "desktop-nn evaluate: error:" in err
