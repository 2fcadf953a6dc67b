"""Arrays as pictures: heat maps with a diverging colour map, digit tiles, masks, magnitudes.

A :class:`PictureLayout` says where each element of an array goes in a picture (one pixel an
element) and which element a pixel shows: a 1-D array is one row, a matrix its rows and
columns, and an array with an axis of 784 values (a row of images ``X``, the weights ``W1``)
one 28×28 tile per row or column, as the book draws the images. :func:`array_image` paints the
picture in one of the :data:`MODES`:

- ``"diverging"``: negative values blue, zero the background's white, positive vermillion
  (Okabe-Ito), scaled by the largest magnitude so that the sign is always readable;
- ``"grey"``: images, 0 black to 1 white, as MNIST is drawn;
- ``"mask"``: a boolean array, True dark (ReLU's mask: where nothing passes);
- ``"magnitude"``: non-negative values, white (0) to dark purple (the largest).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QImage

from desktop_nn.gui.common.palette import OKABE_ITO

MODES = ("diverging", "grey", "mask", "magnitude")
#: Pixels a side of an image tile, and the values of one image.
TILE_SIDE = 28
IMAGE_SIZE = TILE_SIDE * TILE_SIDE
#: The colour of the gaps between tiles.
GAP_RGB = (150, 150, 150)

_WHITE = np.array([255.0, 255.0, 255.0])


def _rgb(name: str) -> np.ndarray:
    code = OKABE_ITO[name].lstrip("#")
    return np.array([int(code[k:k + 2], 16) for k in (0, 2, 4)], dtype=np.float64)


_NEGATIVE, _POSITIVE = _rgb("blue"), _rgb("vermillion")
_DARK = np.array([60.0, 20.0, 90.0])


@dataclass(frozen=True)
class PictureLayout:
    """Where the elements of an array of ``shape`` go in a picture.

    Attributes
    ----------
    shape : tuple of int
        The array's shape (1-D or 2-D).
    tile_axis : int or None
        For an array with 784 values along the other axis: each index along ``tile_axis`` is a
        28×28 tile (0: each row an image, as ``X``; 1: each column, as ``W1``). None: a grid.
    columns : int
        Tiles in a row of the picture.
    """

    shape: tuple[int, ...]
    tile_axis: int | None = None
    columns: int = 1

    @classmethod
    def of(cls, shape: tuple[int, ...], columns: int | None = None) -> PictureLayout:
        """The layout an array of ``shape`` is drawn with (tiles for 784-value rows/columns)."""
        shape = tuple(int(s) for s in shape)
        if len(shape) not in (1, 2):
            raise ValueError(f"only 1-D and 2-D arrays are drawn, not shape {shape}")
        tile_axis = None
        if len(shape) == 2 and IMAGE_SIZE in shape:
            tile_axis = 0 if shape[1] == IMAGE_SIZE else 1
        if tile_axis is None:
            return cls(shape)
        tiles = shape[tile_axis]
        if columns is None:
            columns = 1 if tiles <= 4 else math.ceil(math.sqrt(tiles / 2))
        return cls(shape, tile_axis, max(1, min(columns, tiles)))

    @property
    def tiles(self) -> int:
        return 0 if self.tile_axis is None else self.shape[self.tile_axis]

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        if self.tile_axis is None:
            rows, cols = (1, self.shape[0]) if len(self.shape) == 1 else self.shape
            return cols, rows
        tile_rows = math.ceil(self.tiles / self.columns)
        pitch = TILE_SIDE + 1
        return self.columns * pitch - 1, tile_rows * pitch - 1

    def index_at(self, x: float, y: float) -> tuple[int, ...] | None:
        """The element drawn at pixel ``(x, y)``, or None (outside, or a gap between tiles)."""
        width, height = self.size
        if not (0 <= x < width and 0 <= y < height):
            return None
        col, row = int(x), int(y)
        if self.tile_axis is None:
            return (col,) if len(self.shape) == 1 else (row, col)
        pitch = TILE_SIDE + 1
        if col % pitch == TILE_SIDE or row % pitch == TILE_SIDE:
            return None
        tile = (row // pitch) * self.columns + col // pitch
        if tile >= self.tiles:
            return None
        pixel = (row % pitch) * TILE_SIDE + col % pitch
        return (tile, pixel) if self.tile_axis == 0 else (pixel, tile)

    def position_of(self, index: tuple[int, ...]) -> tuple[int, int]:
        """The pixel ``(x, y)`` that draws element ``index`` (the inverse of :meth:`index_at`)."""
        if self.tile_axis is None:
            return (index[0], 0) if len(self.shape) == 1 else (index[1], index[0])
        tile, pixel = (index[0], index[1]) if self.tile_axis == 0 else (index[1], index[0])
        pitch = TILE_SIDE + 1
        x0, y0 = (tile % self.columns) * pitch, (tile // self.columns) * pitch
        return x0 + pixel % TILE_SIDE, y0 + pixel // TILE_SIDE

    def arrange(self, values: np.ndarray, fill: float = np.nan) -> np.ndarray:
        """``values`` (of ``shape``) as a 2-D array of the picture's pixels (``fill`` in gaps)."""
        values = np.asarray(values, dtype=np.float64)
        if values.shape != self.shape:
            raise ValueError(f"expected an array of shape {self.shape}, got {values.shape}")
        if self.tile_axis is None:
            return values.reshape(1, -1) if values.ndim == 1 else values
        width, height = self.size
        picture = np.full((height, width), fill)
        images = values if self.tile_axis == 0 else values.T
        pitch = TILE_SIDE + 1
        for tile, image in enumerate(images):
            x0, y0 = (tile % self.columns) * pitch, (tile // self.columns) * pitch
            picture[y0:y0 + TILE_SIDE, x0:x0 + TILE_SIDE] = image.reshape(TILE_SIDE, TILE_SIDE)
        return picture


def colours(pixels: np.ndarray, mode: str, scale: float | None = None) -> np.ndarray:
    """RGB (H, W, 3) uint8 of a 2-D array of values (NaN: the gap colour).

    ``scale`` is the magnitude drawn at full colour (default: the largest magnitude).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    gaps = np.isnan(pixels)
    values = np.where(gaps, 0.0, pixels)
    if mode == "grey":
        level = np.clip(values, 0.0, 1.0)[..., None] * 255.0
        rgb = np.repeat(level, 3, axis=-1)
    elif mode == "mask":
        rgb = np.where(values[..., None] != 0, _DARK, _WHITE)
    else:
        largest = float(np.max(np.abs(values))) if scale is None else float(scale)
        share = values / largest if largest > 0 else np.zeros_like(values)
        share = np.clip(share, -1.0, 1.0)[..., None]
        if mode == "magnitude":
            rgb = _WHITE + (_DARK - _WHITE) * np.abs(share)
        else:
            toward = np.where(share < 0, _NEGATIVE, _POSITIVE)
            rgb = _WHITE + (toward - _WHITE) * np.abs(share)
    rgb = np.where(gaps[..., None], np.array(GAP_RGB, dtype=np.float64), rgb)
    return np.ascontiguousarray(np.round(rgb).astype(np.uint8))


def rgb_image(rgb: np.ndarray) -> QImage:
    """A QImage (owning its pixels) of an RGB (H, W, 3) uint8 array."""
    height, width, _ = rgb.shape
    data = np.ascontiguousarray(rgb)
    image = QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()


def array_image(values: np.ndarray, layout: PictureLayout, mode: str,
                scale: float | None = None) -> QImage:
    """The picture of ``values`` laid out by ``layout`` (one pixel an element)."""
    return rgb_image(colours(layout.arrange(values), mode, scale))
