"""W1 as tiles, without Qt: each hidden unit's 784 weights as a normalised 28x28 tile, and
the grid that shows them largest."""

from __future__ import annotations

import numpy as np

SIDE = 28
#: Blank pixels between tiles (before magnification).
GAP = 1
#: Tiles are never drawn smaller than one screen pixel per weight, nor larger than this.
MAX_SCALE = 6.0
#: Colour-table entries on each side of zero: index 127 is 0, 0 is -1 and 254 is +1.
HALF_LEVELS = 127


def colour_indices(tiles: np.ndarray) -> np.ndarray:
    """Entries of the tiles' colour table (``tiles.diverging_lut``) for values in [-1, 1]
    (any shape), as uint8."""
    return (np.rint(tiles * HALF_LEVELS) + HALF_LEVELS).astype(np.uint8)


def normalised_tiles(W1: np.ndarray, common_scale: bool = False) -> np.ndarray:
    """Each unit's weights as a 28x28 tile, divided by its largest absolute weight.

    Parameters
    ----------
    W1 : ndarray, shape (784, hidden)
    common_scale : bool
        Divide every tile by the largest absolute weight of all of ``W1`` instead, so that
        tiles can be compared (weak units look pale).

    Returns
    -------
    ndarray, shape (hidden, 28, 28), float32 in [-1, 1]; 0 stays 0
    """
    weights = np.nan_to_num(np.asarray(W1, dtype=np.float32).T)
    if common_scale:
        peak = np.full((weights.shape[0], 1), np.abs(weights).max(initial=0.0))
    else:
        peak = np.abs(weights).max(axis=1, keepdims=True, initial=0.0)
    scaled = np.divide(weights, peak, out=np.zeros_like(weights), where=peak > 0)
    return scaled.reshape(-1, SIDE, SIDE)


def grid_shape(count: int, width: int, height: int) -> tuple[int, int, float]:
    """Columns, rows and magnification that show ``count`` tiles largest in width x height.

    The magnification (screen pixels per weight) need not be whole: the tiles are enlarged
    without smoothing, so they stay sharp. When even one pixel per weight does not fit the
    height, the columns fill the width and the rows run on below (the view scrolls).
    """
    pitch = SIDE + GAP
    best_columns, best_scale = 0, 0.0
    for columns in range(1, count + 1):
        rows = -(-count // columns)
        scale = min(width / (columns * pitch), height / (rows * pitch), MAX_SCALE)
        if scale > best_scale + 1e-9:
            best_columns, best_scale = columns, scale
    if best_scale < 1.0:
        best_columns = max(1, min(count, width // pitch))
        best_scale = 1.0
    return best_columns, -(-count // best_columns), best_scale
