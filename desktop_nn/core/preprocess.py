"""Turn any picture of a digit into a 28x28 image prepared the way MNIST's digits were.

LeCun, Cortes and Burges made MNIST from NIST's black-and-white scans in two steps: each digit
was scaled, keeping its aspect ratio, to fit a 20x20 box (the anti-aliasing of that scaling is
where the grey levels come from), then placed in a 28x28 field so that its centre of mass falls
on the centre of the field. A network trained on MNIST only recognises digits prepared the same
way, so a digit drawn on a canvas or read from a file goes through the same steps:

1. :func:`ink_on_black` - grey levels in [0, 1] with the ink bright and the background 0
   (a dark-on-light picture is inverted; the background level is subtracted and the contrast
   stretched so that the strongest ink is 1);
2. :func:`to_mnist` - crop to the ink's bounding box, scale the longer side to 20 pixels by area
   averaging, and shift by whole pixels so that the centre of mass lies at (14, 14) (row,
   column, counting pixels from 0) - where it lies, within half a pixel, in every MNIST digit.

:func:`mnist_row` does both and returns the flat (784,) row that ``TwoLayerNet.predict`` takes.
Nothing here needs Qt or any library beyond NumPy.
"""

from __future__ import annotations

import numpy as np

#: Side of the square field MNIST's digits are placed in.
FIELD_SIZE = 28
#: The longer side of a digit after scaling (MNIST's 20x20 box).
BOX_SIZE = 20
#: Where the centre of mass goes, as (row, column) pixel indices.
CENTRE = (14.0, 14.0)
#: Grey levels at or below this count as background when looking for the ink's bounding box.
INK_THRESHOLD = 0.1
#: A picture whose brightest ink stands less than this above the background holds no digit.
MIN_CONTRAST = 0.1


def as_grey(image: np.ndarray) -> np.ndarray:
    """Return ``image`` as float64 grey levels in [0, 1].

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Integers 0..255 (any integer dtype) or floats meant to lie in [0, 1]. NaN becomes 0 and
        values outside the range are clipped.

    Returns
    -------
    ndarray, shape (H, W), float64
    """
    array = np.asarray(image)
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got an array of shape {array.shape}")
    if array.dtype == np.bool_:
        return array.astype(np.float64)
    grey = array.astype(np.float64)  # always a copy: the caller's array is never changed
    if np.issubdtype(array.dtype, np.integer):
        grey *= 1.0 / 255.0
    # fmax and fmin pass over NaN, so NaN becomes 0 while -inf and inf become 0 and 1.
    np.fmax(grey, 0.0, out=grey)
    return np.fmin(grey, 1.0, out=grey)


def background_level(grey: np.ndarray) -> float:
    """The grey level of the background: the median of the outermost rows and columns.

    A digit rarely covers more than a small part of the picture's edge, so the median of the
    border pixels is the paper (or canvas) colour even when the digit touches the edge.

    Parameters
    ----------
    grey : ndarray, shape (H, W), values in [0, 1]

    Returns
    -------
    float
    """
    if grey.size == 0:
        return 0.0
    if min(grey.shape) < 3:
        return float(np.median(grey))
    border = np.concatenate([grey[0], grey[-1], grey[1:-1, 0], grey[1:-1, -1]])
    return float(np.median(border))


def ink_on_black(image: np.ndarray) -> np.ndarray:
    """Return ``image`` with bright ink on a black (0) background, contrast stretched.

    A picture whose background (see :func:`background_level`) is brighter than mid-grey -
    black ink on white paper - is inverted. Then the background level is subtracted and the
    result divided by the brightest ink's height above it, so that faint pencil comes out as
    strong as a marker. A picture without enough contrast (less than ``MIN_CONTRAST``) holds
    no digit and comes back all zero.

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Grey levels, uint8 0..255 or floats in [0, 1]; either polarity.

    Returns
    -------
    ndarray, shape (H, W), float64 in [0, 1]
    """
    grey = as_grey(image)
    if grey.size == 0:
        return grey
    background = background_level(grey)
    if background > 0.5:
        grey = 1.0 - grey
        background = 1.0 - background
    contrast = float(grey.max()) - background
    if contrast < MIN_CONTRAST:
        return np.zeros_like(grey)
    grey -= background
    grey *= 1.0 / contrast
    return np.clip(grey, 0.0, 1.0, out=grey)


def area_weights(n_in: int, n_out: int, scale: float, offset: float = 0.0) -> np.ndarray:
    """The matrix that resamples a line of ``n_in`` pixels to ``n_out`` by area averaging.

    Source pixel ``j`` is stretched to cover ``[offset + j * scale, offset + (j + 1) * scale)``
    in output pixel units; output pixel ``i`` covers ``[i, i + 1)`` and receives each source
    pixel in proportion to their overlap. When shrinking, an output pixel is the mean of the
    source it covers (the anti-aliasing that makes MNIST's grey levels); parts of an output
    pixel that no source pixel covers count as background (0).

    Parameters
    ----------
    n_in, n_out : int
        Source and output lengths.
    scale : float
        Output pixels per source pixel (> 0).
    offset : float
        Where the source's first pixel starts, in output pixels (may be fractional).

    Returns
    -------
    ndarray, shape (n_out, n_in), float64
        Row ``i`` holds the weights of output pixel ``i``; each row sums to at most 1.
    """
    starts = offset + np.arange(n_in, dtype=np.float64) * scale
    ends = starts + scale
    lows = np.arange(n_out, dtype=np.float64)[:, np.newaxis]
    overlap = np.minimum(ends, lows + 1.0) - np.maximum(starts, lows)
    return np.clip(overlap, 0.0, None)


def resize_area(
    image: np.ndarray,
    shape: tuple[int, int],
    scale: float,
    offset: tuple[float, float] = (0.0, 0.0),
) -> np.ndarray:
    """Scale ``image`` by ``scale`` into an array of ``shape`` by area averaging.

    The two directions are separable: ``Wy @ image @ Wx.T`` with the matrices of
    :func:`area_weights`. The products are written as ``einsum``, which NumPy computes
    itself: handing a few hundred thousand multiply-adds to a multi-threaded BLAS costs more
    than it saves (on a busy two-core machine, a hundred times more).

    Parameters
    ----------
    image : ndarray, shape (H, W)
    shape : (rows, columns) of the result
    scale : float
        Output pixels per source pixel, the same in both directions (the aspect ratio is kept).
    offset : (float, float)
        Position of the image's top-left corner in the result, in output pixels.

    Returns
    -------
    ndarray, shape ``shape``, float64
    """
    rows = area_weights(image.shape[0], shape[0], scale, offset[0])
    columns = area_weights(image.shape[1], shape[1], scale, offset[1])
    return np.einsum("ij,jk->ik", np.einsum("ij,jk->ik", rows, image), columns.T)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """The (row, column) of the grey-level-weighted mean pixel index of ``image``.

    Parameters
    ----------
    image : ndarray, shape (H, W), non-negative, not all zero

    Returns
    -------
    (float, float)
        Pixel indices: the centre of a pixel ``(i, j)`` is at ``(i, j)``.
    """
    total = float(image.sum())
    rows = float(image.sum(axis=1) @ np.arange(image.shape[0])) / total
    columns = float(image.sum(axis=0) @ np.arange(image.shape[1])) / total
    return rows, columns


def ink_bounds(image: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[slice, slice] | None:
    """The bounding box of the pixels brighter than ``threshold``, or None if there are none.

    Parameters
    ----------
    image : ndarray, shape (H, W)

    Returns
    -------
    (slice, slice) or None
        Row and column slices of the box.
    """
    ink = image > threshold
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    columns = np.flatnonzero(ink.any(axis=0))
    return slice(rows[0], rows[-1] + 1), slice(columns[0], columns[-1] + 1)


def to_mnist(
    image: np.ndarray,
    *,
    threshold: float = INK_THRESHOLD,
    subpixel: bool = False,
) -> np.ndarray | None:
    """Prepare a digit as MNIST's were: crop, scale into 20x20, centre by mass in 28x28.

    Steps: crop to the bounding box of the pixels brighter than ``threshold`` (fainter specks
    around it are dropped); scale the crop so that its longer side is 20 pixels, keeping the
    aspect ratio, by area averaging (each new pixel is the mean of the area it covers, so thin
    strokes become grey rather than jagged); place it in a 28x28 field so that its centre of
    mass lies at :data:`CENTRE`.

    By default the shift is a whole number of pixels, as in MNIST: the centre of mass ends up
    within half a pixel of (14, 14) and the grey levels are exactly those of the scaled digit.
    With ``subpixel=True`` the digit is resampled straight into the field at a fractional
    position, which puts the centre of mass within about a tenth of a pixel of (14, 14).
    Either way the box is kept inside the field: a digit so lopsided that centring its mass
    would push part of it out is moved only as far as the edge (no ink is lost).

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Bright ink on a dark background, grey levels in [0, 1] (see :func:`ink_on_black` for
        other pictures). NaN counts as 0; values outside [0, 1] are clipped.
    threshold : float
        Grey level at or below which a pixel is background when cropping.
    subpixel : bool
        Centre by a fractional shift instead of a whole-pixel one.

    Returns
    -------
    ndarray, shape (28, 28), float32 in [0, 1], or None
        None when the image holds no ink (an empty canvas): there is nothing to recognise.
    """
    grey = as_grey(image)
    bounds = ink_bounds(grey, threshold)
    if bounds is None:
        return None
    crop = grey[bounds]
    scale = BOX_SIZE / max(crop.shape)
    place = _place_subpixel if subpixel else _place_whole_pixels
    field = place(crop, scale)
    return np.clip(field, 0.0, 1.0).astype(np.float32)


def _scaled_size(length: int, scale: float) -> int:
    """Pixels needed to hold ``length`` source pixels scaled by ``scale`` (1 to BOX_SIZE)."""
    return int(min(BOX_SIZE, max(1, np.ceil(length * scale - 1e-9))))


def _place_whole_pixels(crop: np.ndarray, scale: float) -> np.ndarray:
    """MNIST's way: scale into the box, then shift the box by whole pixels into the field."""
    box = resize_area(crop, (_scaled_size(crop.shape[0], scale),
                             _scaled_size(crop.shape[1], scale)), scale)
    field = np.zeros((FIELD_SIZE, FIELD_SIZE))
    if not box.any():  # nothing left after scaling (only possible for denormal grey levels)
        return field
    mass_row, mass_column = centre_of_mass(box)
    top = _clamp(round(CENTRE[0] - mass_row), FIELD_SIZE - box.shape[0])
    left = _clamp(round(CENTRE[1] - mass_column), FIELD_SIZE - box.shape[1])
    field[top : top + box.shape[0], left : left + box.shape[1]] = box
    return field


def _place_subpixel(crop: np.ndarray, scale: float) -> np.ndarray:
    """Resample the crop straight into the field at the fractional offset that centres it."""
    if not crop.any():
        return np.zeros((FIELD_SIZE, FIELD_SIZE))
    mass_row, mass_column = centre_of_mass(crop)
    # Pixel i spans [i, i + 1): its centre is at i + 0.5 in these continuous coordinates.
    top = CENTRE[0] + 0.5 - scale * (mass_row + 0.5)
    left = CENTRE[1] + 0.5 - scale * (mass_column + 0.5)
    top = min(max(top, 0.0), FIELD_SIZE - crop.shape[0] * scale)
    left = min(max(left, 0.0), FIELD_SIZE - crop.shape[1] * scale)
    return resize_area(crop, (FIELD_SIZE, FIELD_SIZE), scale, (top, left))


def _clamp(value: int, high: int) -> int:
    return min(max(value, 0), high)


def mnist_row(image: np.ndarray, *, subpixel: bool = False) -> np.ndarray | None:
    """Any picture of one digit, ready for ``TwoLayerNet.predict``: :func:`ink_on_black`, then
    :func:`to_mnist`, flattened.

    Parameters
    ----------
    image : ndarray, shape (H, W)
        Grey levels (uint8 0..255 or floats in [0, 1]), dark ink on light paper or light ink
        on a dark background, any size.
    subpixel : bool
        See :func:`to_mnist`.

    Returns
    -------
    ndarray, shape (784,), float32 in [0, 1], or None if the picture holds no digit
    """
    digit = to_mnist(ink_on_black(image), subpixel=subpixel)
    return None if digit is None else digit.reshape(FIELD_SIZE * FIELD_SIZE)
