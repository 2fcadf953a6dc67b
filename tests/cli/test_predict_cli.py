"""``desktop-nn predict``: real MNIST digits in picture files, either polarity, any size."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_nn.cli import main
from desktop_nn.core.blas import blas_threads
from desktop_nn.core.model_io import save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.image_files import grey_qimage, read_grey, save_grey

#: Test images used: the first five (7, 2, 1, 0, 4).
INDICES = (0, 1, 2, 3, 4)


@pytest.fixture(scope="module")
def model_path(mnist, tmp_path_factory):
    """A model trained briefly (2,000 iterations, about 93% test accuracy), saved."""
    config = TrainConfig(iters=2000, seed=0)
    trainer = Trainer(config, mnist)
    with blas_threads():
        for _ in range(config.iters):
            trainer.train_step()
    path = tmp_path_factory.mktemp("predict") / "model.npz"
    save_model(path, trainer.network, trainer.config)
    return path


def run_cli(capfd, *args):
    """Run in-process; capture at the file-descriptor level (C libraries write there too)."""
    code = main(["predict", *map(str, args)])
    out, err = capfd.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("desktop-nn predict: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def on_paper(digit: np.ndarray, path, size=(200, 150), ink="#1a237e", paper="#fff8e7") -> None:
    """Save ``digit`` (28x28, bright ink) as coloured ink on coloured paper of ``size``,
    enlarged smoothly to 5/6 of the height and placed off centre."""
    sheet = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    sheet.fill(QColor(paper))
    side = size[1] * 5 / 6
    ink_mask = grey_qimage(digit).scaled(round(side), round(side),
                                         Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
    coloured = QImage(ink_mask.size(), QImage.Format.Format_ARGB32)
    coloured.fill(QColor(ink))
    coloured.setAlphaChannel(ink_mask)
    painter = QPainter(sheet)
    painter.drawImage(QRectF(size[0] - side - 8, 4, side, side), coloured)
    painter.end()
    assert sheet.save(str(path))


@pytest.fixture(scope="module")
def pictures(mnist, tmp_path_factory):
    """Each digit three ways: 28x28 on black (PNG), on white 200x150 (PNG), colour (JPEG)."""
    x_test, t_test = mnist[1]
    folder = tmp_path_factory.mktemp("pictures")
    files = []
    for index in INDICES:
        digit = x_test[index].reshape(28, 28)
        label = int(t_test[index])
        black = folder / f"{index}-black.png"
        save_grey(black, digit)
        white = folder / f"{index}-white.png"
        on_paper(digit, white, ink="#000000", paper="#ffffff")
        colour = folder / f"{index}-colour.jpg"
        on_paper(digit, colour, size=(320, 240))
        files += [(black, label), (white, label), (colour, label)]
    return files


def test_the_pictures_are_what_they_claim(pictures):
    grey = read_grey(pictures[1][0])
    assert grey.shape == (150, 200) and np.median(grey) == pytest.approx(1.0)
    grey = read_grey(pictures[2][0])
    assert grey.shape == (240, 320) and 0.9 < np.median(grey) < 1.0  # cream paper


def test_json_output(model_path, pictures, capfd):
    code, out, err = run_cli(capfd, "--model", model_path, pictures[0][0], "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"prediction", "probabilities"}
    assert isinstance(result["prediction"], int)
    probabilities = result["probabilities"]
    assert len(probabilities) == 10 and all(isinstance(p, float) for p in probabilities)
    assert sum(probabilities) == pytest.approx(1.0)
    assert result["prediction"] == int(np.argmax(probabilities))


def test_digits_are_read_in_every_form(model_path, pictures, capfd):
    wrong = []
    for path, label in pictures:
        code, out, err = run_cli(capfd, "--model", model_path, path, "--json")
        assert code == 0, err
        if json.loads(out)["prediction"] != label:
            wrong.append(path.name)
    assert not wrong, f"misread: {wrong}"


def test_text_output(model_path, pictures, capfd):
    path, label = pictures[1]
    code, out, err = run_cli(capfd, "--model", model_path, path)
    assert code == 0 and not err
    lines = out.splitlines()
    assert lines[0].startswith(f"prediction: {label} (")
    assert len(lines) == 11 and lines[1 + label].split()[0] == str(label)


def test_errors_are_one_line(model_path, pictures, tmp_path, capfd):
    picture = pictures[0][0]
    code, _, err = run_cli(capfd, "--model", model_path, tmp_path / "missing.png")
    assert_one_line_error(code, err, "missing.png", "no such file")

    text = tmp_path / "notes.png"
    text.write_text("this is not a picture\n")
    code, _, err = run_cli(capfd, "--model", model_path, text)
    assert_one_line_error(code, err, "notes.png", "not a picture")

    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(picture.read_bytes()[:40] + b"\0" * 100)
    code, _, err = run_cli(capfd, "--model", model_path, damaged)
    assert_one_line_error(code, err, "damaged.png")  # and no libpng chatter on stderr

    blank = tmp_path / "blank.png"
    save_grey(blank, np.full((60, 90), 0.8))
    code, _, err = run_cli(capfd, "--model", model_path, blank)
    assert_one_line_error(code, err, "blank.png", "no digit found")

    code, _, err = run_cli(capfd, "--model", tmp_path / "nothing.npz", picture)
    assert_one_line_error(code, err, "nothing.npz")

    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 certainly not a zip archive")
    code, _, err = run_cli(capfd, "--model", corrupt, picture)
    assert_one_line_error(code, err, "corrupt.npz")

    wrong_shape = tmp_path / "wrong_shape.npz"
    save_model(wrong_shape, TwoLayerNet(100, 20, 10, seed=0), TrainConfig(hidden_size=20))
    code, _, err = run_cli(capfd, "--model", wrong_shape, picture)
    assert_one_line_error(code, err, "100 inputs")


def test_usage_errors(capfd):
    with pytest.raises(SystemExit) as exit_info:
        main(["predict", "picture.png"])  # --model is required
    assert exit_info.value.code == 2
    assert "--model" in capfd.readouterr().err
