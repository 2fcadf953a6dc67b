"""Picture files: vector drawings refused before rendering, huge photos scaled while decoding,
only regular files opened."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from desktop_nn.core.preprocess import mnist_row
from desktop_nn.image_files import MAX_SIDE, ImageFileError, read_grey


def nested_use_svg(levels: int = 30, fan_out: int = 10) -> str:
    """A few KB of SVG whose <use> elements multiply to ``fan_out ** levels`` rectangles."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
             ' width="100" height="100"><defs><rect id="a0" width="1" height="1"/>']
    for level in range(1, levels):
        uses = f'<use xlink:href="#a{level - 1}"/>' * fan_out
        parts.append(f'<g id="a{level}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#a{levels - 1}"/></svg>')
    return "\n".join(parts)


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header announcing ``width`` x ``height`` grey pixels, with a token of data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def read_error(path) -> str:
    with pytest.raises(ImageFileError) as info:
        read_grey(path)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", ["bomb.svg", "bomb.png", "bomb"])
def test_a_nested_use_svg_is_refused_without_rendering(tmp_path, name):
    path = tmp_path / name
    path.write_text(nested_use_svg())
    assert path.stat().st_size < 8000
    # In a child process with a deadline: a renderer stuck on the drawing fails the test
    # instead of hanging the suite.
    code = (
        "import sys\n"
        "from desktop_nn.image_files import ImageFileError, read_grey\n"
        "try:\n"
        f"    read_grey({str(path)!r})\n"
        "except ImageFileError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert f"{name}: a vector drawing (SVG)" in result.stdout


@pytest.fixture(scope="module")
def phone_photo(tmp_path_factory):
    """A 12000 x 9000 JPEG (108 megapixels) of a dark "1" on white paper."""
    image = QImage(12000, 9000, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 700, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(6000, 1500, 6000, 7500)
    painter.end()
    path = tmp_path_factory.mktemp("photo") / "photo.jpg"
    assert image.save(str(path), "JPG", 60)
    return path


def test_a_108_megapixel_jpeg_is_scaled_while_decoding(phone_photo):
    picture = read_grey(phone_photo)
    assert picture.shape == (MAX_SIDE * 9000 // 12000, MAX_SIDE)
    row = mnist_row(picture)
    assert row is not None
    digit = row.reshape(28, 28)
    assert digit[:, 14].max() > 0.9 and digit[:, :6].max() < 0.1  # a vertical stroke


def test_a_huge_png_that_cannot_be_scaled_while_decoding_gives_one_message(tmp_path):
    path = tmp_path / "poster.png"
    path.write_bytes(png_claiming(20000, 20000))
    message = read_error(path)
    assert "20,000 x 20,000 pixels is too large to decode" in message


def test_only_regular_files_are_opened(tmp_path):
    fifo = tmp_path / "digit.png"
    os.mkfifo(fifo)
    assert "not a regular file" in read_error(fifo)
    assert "is a folder" in read_error(tmp_path)
    assert "no such file" in read_error(tmp_path / "missing.png")


def test_ordinary_pictures_still_read(tmp_path):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    path = tmp_path / "grey.bmp"
    assert image.save(str(path))
    picture = read_grey(path)
    assert picture.shape == (30, 40)
    np.testing.assert_allclose(picture, 128 / 255, atol=1e-6)
