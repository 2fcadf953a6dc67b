"""Read and write picture files as NumPy grey levels, through Qt's image readers.

QImage needs no running application, so the command line uses this module as well as the
window. It is not part of the Qt-free core: :mod:`desktop_nn.core.preprocess` only ever sees the
NumPy arrays this module returns.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from desktop_nn.fileio import atomic_write, open_regular_file, read_problem

#: Larger pictures are scaled down (smoothly) to this many pixels on their longer side first:
#: the digit ends up 20 pixels tall anyway, and a 50-megapixel photo would need gigabytes.
MAX_SIDE = 1024
#: Formats made of pixels, by the name Qt gives them (decided from the content).
RASTER_FORMATS = frozenset({
    "bmp", "cur", "gif", "icns", "ico", "jfif", "jpeg", "jpg", "pbm", "pgm", "png", "ppm",
    "tga", "tif", "tiff", "wbmp", "webp", "xbm", "xpm",
})
#: Drawings Qt would render: a few kilobytes of nested <use> elements take forever.
VECTOR_FORMATS = frozenset({"svg", "svgz"})
#: Rec. 601 luma weights of red, green and blue.
LUMA = np.array([0.299, 0.587, 0.114])


class ImageFileError(ValueError):
    """A picture file cannot be read or written; the message names the file and the fault."""


def read_grey(path: str | os.PathLike) -> np.ndarray:
    """Read a picture file (PNG, JPEG, BMP, ... any raster format Qt reads) as grey levels.

    Colour becomes luma; the EXIF orientation of phone photos is applied; a transparent
    background is filled with the opposite of the ink (so black strokes on a transparent PNG
    come out as black on white, white strokes as white on black); a picture larger than
    ``MAX_SIDE`` is scaled down while it is decoded (a 108-megapixel photo never exists at
    full size in memory), or after decoding for formats that cannot do that.

    Vector drawings (SVG) are refused: rendering one can take unbounded time and memory.

    Parameters
    ----------
    path : path-like

    Returns
    -------
    ndarray, shape (H, W), float64 in [0, 1]
        0 is black, 1 is white (the picture's own polarity: nothing is inverted here).

    Raises
    ------
    ImageFileError
        The file is missing, not a regular file, unreadable, not a raster picture, too large
        to decode, or damaged.
    """
    path = Path(path)
    name = path.name or str(path)
    _check_file(path)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    with _native_stderr_silenced():  # libpng prints its own complaints about damaged files
        _check_format(reader, name)
        size = reader.size()
        _decode_at_most(reader, size, MAX_SIDE)
        image = reader.read()
    if image.isNull():
        error = reader.error()
        if error == QImageReader.ImageReaderError.UnsupportedFormatError:
            raise ImageFileError(f"{name}: not a picture (or a format that cannot be read)")
        if _beyond_allocation_limit(size):
            raise ImageFileError(
                f"{name}: {size.width():,} x {size.height():,} pixels is too large to decode "
                f"in this format (at most {QImageReader.allocationLimit()} MB); save it "
                "smaller, or as JPEG"
            )
        raise ImageFileError(f"{name}: cannot be read as a picture ({reader.errorString()})")
    return qimage_to_grey(image)


def _check_file(path: Path) -> None:
    """Refuse what is not a readable regular file (a pipe would block the reader forever)."""
    try:
        open_regular_file(path).close()
    except OSError as exc:
        problem = "no such file" if isinstance(exc, FileNotFoundError) else read_problem(exc)
        if isinstance(exc, IsADirectoryError):
            problem = "is a folder, not a picture"
        raise ImageFileError(f"{path}: {problem}") from None


def _check_format(reader: QImageReader, name: str) -> None:
    """Refuse vector drawings and formats not known to be pixels, before decoding anything."""
    kind = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if kind in VECTOR_FORMATS:
        raise ImageFileError(
            f"{name}: a vector drawing ({kind.upper()}), not a picture made of pixels; "
            "export it as PNG or JPEG first"
        )
    if kind and kind not in RASTER_FORMATS:
        raise ImageFileError(f"{name}: a {kind.upper()} file, which is not read as a picture")


def _decode_at_most(reader: QImageReader, size: QSize, side: int) -> None:
    """Ask the decoder for at most ``side`` pixels on the longer side (keeping the shape)."""
    if size.isValid() and max(size.width(), size.height()) > side:
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))


def _beyond_allocation_limit(size: QSize) -> bool:
    """Would the full-size decode exceed Qt's allocation limit (4 bytes a pixel)?"""
    limit = QImageReader.allocationLimit() * 2**20
    return size.isValid() and limit > 0 and 4 * size.width() * size.height() > limit


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Send what C libraries write to file descriptor 2 nowhere, for the ``with`` block.

    Image decoders (libpng, libjpeg) report damaged data on the process's stderr themselves;
    the caller reports the failure in its own words instead.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield  # no usable descriptor 2 (an embedded interpreter): nothing to silence
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def qimage_to_grey(image: QImage) -> np.ndarray:
    """Convert a QImage to grey levels (see :func:`read_grey` for the rules).

    Parameters
    ----------
    image : QImage, not null

    Returns
    -------
    ndarray, shape (H, W), float64 in [0, 1]
    """
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    rgba = _rgba_array(image)
    grey = rgba[..., :3] @ (LUMA / 255.0)
    alpha = rgba[..., 3] / 255.0
    if image.hasAlphaChannel() and alpha.min() < 1.0:
        grey = _fill_transparency(grey, alpha)
    return np.clip(grey, 0.0, 1.0)


def _rgba_array(image: QImage) -> np.ndarray:
    """The pixels as a (H, W, 4) uint8 array of straight (not premultiplied) RGBA."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    height, width = image.height(), image.width()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = buffer.reshape(height, image.bytesPerLine())
    return rows[:, : width * 4].reshape(height, width, 4).copy()


def _fill_transparency(grey: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Put see-through pixels on a backdrop that contrasts with the visible ones."""
    weight = float(alpha.sum())
    ink_level = float((grey * alpha).sum()) / weight if weight > 0 else 0.0
    backdrop = 1.0 if ink_level < 0.5 else 0.0
    return alpha * grey + (1.0 - alpha) * backdrop


def grey_qimage(pixels: np.ndarray) -> QImage:
    """A Grayscale8 QImage of a 2-D array (uint8 0..255, or floats in [0, 1])."""
    array = np.asarray(pixels)
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got an array of shape {array.shape}")
    if array.dtype != np.uint8:
        array = np.clip(np.rint(np.nan_to_num(array) * 255.0), 0, 255).astype(np.uint8)
    array = np.ascontiguousarray(array)
    height, width = array.shape
    return QImage(array.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


def save_grey(path: str | os.PathLike, pixels: np.ndarray) -> None:
    """Write a 2-D array of grey levels as a picture (the format follows the file's suffix).

    The file appears complete or not at all.

    Raises
    ------
    ImageFileError
        The format is unknown or the file cannot be written.
    """
    path = Path(path)
    image = grey_qimage(pixels)
    suffix = path.suffix.lstrip(".").lower() or "png"
    try:
        with atomic_write(path, "wb") as handle:
            data = _encode(image, suffix)
            if data is None:
                raise ImageFileError(f"{path.name}: cannot write pictures of type .{suffix}")
            handle.write(data)
    except OSError as exc:
        raise ImageFileError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _encode(image: QImage, suffix: str) -> bytes | None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, suffix.upper())
    buffer.close()
    return bytes(data.data()) if ok else None
