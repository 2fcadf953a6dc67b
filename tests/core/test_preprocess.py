"""MNIST-style preprocessing: crop, scale into 20x20, centre by mass, on shapes and real digits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from desktop_nn.core.blas import blas_threads
from desktop_nn.core.preprocess import (
    INK_THRESHOLD,
    area_weights,
    as_grey,
    centre_of_mass,
    ink_bounds,
    ink_on_black,
    mnist_row,
    resize_area,
    to_mnist,
)
from desktop_nn.core.training import TrainConfig, Trainer


def ring(size: int = 120, centre=(60, 60), radii=(40, 30), width: float = 6.0) -> np.ndarray:
    """A bright elliptical ring (a '0') on black, with soft edges."""
    rows, columns = np.mgrid[0:size, 0:size].astype(np.float64)
    distance = np.hypot((rows - centre[0]) / radii[0], (columns - centre[1]) / radii[1])
    radius = min(radii)
    return np.clip(1.0 - np.abs(distance - 1.0) * radius / (width / 2), 0.0, 1.0)


def bounding_box_size(image: np.ndarray, threshold: float = 0.0) -> tuple[int, int]:
    rows, columns = ink_bounds(image, threshold)
    return rows.stop - rows.start, columns.stop - columns.start


@pytest.fixture(scope="module")
def trained_network(mnist):
    """A network trained briefly (2,000 iterations, about 93% test accuracy)."""
    trainer = Trainer(TrainConfig(iters=2000, seed=0), mnist)
    with blas_threads():
        for _ in range(2000):
            trainer.train_step()
    return trainer.network


# -- the shapes of the result ----------------------------------------------------------------
def test_a_centred_digit_stays_centred():
    digit = to_mnist(ring())
    assert digit.shape == (28, 28) and digit.dtype == np.float32
    row, column = centre_of_mass(digit)
    assert abs(row - 14) <= 0.5 and abs(column - 14) <= 0.5
    height, width = bounding_box_size(digit)
    assert max(height, width) == 20
    assert height > width  # the ring is taller than wide, and stays so


def test_an_off_centre_digit_is_moved_to_its_centre_of_mass():
    corner = np.zeros((300, 300))
    corner[10:130, 170:290] = ring()  # top right corner of a large image
    moved = to_mnist(corner)
    row, column = centre_of_mass(moved)
    assert abs(row - 14) <= 0.5 and abs(column - 14) <= 0.5
    # Only the position differed, so the result is the same as for the centred ring.
    np.testing.assert_allclose(moved, to_mnist(ring()), atol=1e-6)


def test_the_centre_of_mass_decides_not_the_bounding_box():
    # A heavy bar on the left and a thin one on the right: the box's middle is not the mass's.
    image = np.zeros((100, 100))
    image[10:90, 10:30] = 1.0
    image[10:90, 80:84] = 1.0
    digit = to_mnist(image)
    row, column = centre_of_mass(digit)
    assert abs(column - 14) <= 0.5 and abs(row - 14) <= 0.5
    columns = np.flatnonzero(digit.any(axis=0))
    box_middle = (columns[0] + columns[-1]) / 2
    assert box_middle > 15  # the box sits right of the centre, so the mass can be at it


def test_subpixel_centring_is_closer():
    image = ring(size=150, centre=(70.3, 77.8), radii=(40, 27))
    for subpixel, tolerance in ((False, 0.5), (True, 0.12)):
        digit = to_mnist(image, subpixel=subpixel)
        row, column = centre_of_mass(digit)
        assert abs(row - 14) <= tolerance and abs(column - 14) <= tolerance


@pytest.mark.parametrize("shape, expected", [((200, 12), (20, 2)), ((12, 200), (2, 20))])
def test_aspect_ratio_is_kept(shape, expected):
    image = np.zeros((260, 260))
    image[30 : 30 + shape[0], 40 : 40 + shape[1]] = 1.0
    digit = to_mnist(image)
    assert bounding_box_size(digit, threshold=0.05) == expected


def test_grey_levels_come_from_area_averaging():
    # A line 15 source pixels thick, scaled by 20/200: 1.5 output pixels of full ink, so the
    # line covers one pixel fully and the next one half (grey 0.5), never more than 1.
    image = np.zeros((200, 200))
    image[:, 100:115] = 1.0
    image[0, :] = 1.0  # widen the box to 200 columns
    digit = to_mnist(image)
    assert digit.min() >= 0.0 and digit.max() <= 1.0
    column_levels = np.sort(np.unique(np.round(digit[20], 3)))
    assert 0.5 in column_levels and 1.0 in column_levels


def test_a_lopsided_digit_stays_inside_the_field():
    image = np.zeros((100, 100))
    image[0:100, 0:3] = 1.0  # a long bar and almost all the mass at its top
    image[0:6, 0:100] = 1.0
    digit = to_mnist(image)
    # Summed in float64: a float32 sum of 784 values is only good to about 20 u = 1.2e-6 in
    # the worst order, while storing each value in float32 costs at most u = 6e-8.
    assert digit.sum(dtype=np.float64) == pytest.approx(image.sum() * (20 / 100) ** 2,
                                                        rel=1e-6)


# -- polarity, contrast, emptiness -----------------------------------------------------------
def test_white_background_is_inverted():
    digit = ring()
    paper = (255 * (1.0 - digit)).astype(np.uint8)  # dark ink on white paper, as a file has it
    np.testing.assert_allclose(ink_on_black(paper), digit, atol=1 / 255 + 1e-9)
    np.testing.assert_allclose(mnist_row(paper), to_mnist(digit).ravel(), atol=0.01)


def test_faint_ink_on_grey_paper_is_stretched():
    paper = 0.7 - 0.3 * ring()  # grey paper (0.7) and pencil (0.4 at its darkest)
    ink = ink_on_black(paper)
    assert ink.max() == pytest.approx(1.0)
    assert np.median(ink) == pytest.approx(0.0)


@pytest.mark.parametrize("image", [
    np.zeros((280, 280)),
    np.ones((50, 80)),
    np.full((30, 30), 0.5),
    np.zeros((0, 0)),
    np.zeros((280, 280), dtype=np.uint8),
])
def test_no_ink_gives_none(image):
    assert to_mnist(ink_on_black(image)) is None
    assert mnist_row(image) is None


def test_specks_below_the_threshold_are_not_a_digit():
    noise = np.random.default_rng(0).uniform(0, INK_THRESHOLD, (100, 100))
    assert to_mnist(noise) is None


def test_as_grey_scales_integers_and_cleans_floats():
    np.testing.assert_allclose(as_grey(np.array([[0, 51, 255]], dtype=np.uint8)),
                               [[0.0, 0.2, 1.0]])
    np.testing.assert_array_equal(as_grey(np.array([[np.nan, np.inf, -np.inf, 2.0, -1.0]])),
                                  [[0.0, 1.0, 0.0, 1.0, 0.0]])
    with pytest.raises(ValueError, match="2-D"):
        as_grey(np.zeros((28, 28, 3)))


def test_area_weights_average_and_keep_the_mass():
    weights = area_weights(10, 4, 0.4)
    np.testing.assert_allclose(weights.sum(axis=1), 1.0)  # every output pixel fully covered
    np.testing.assert_allclose(weights.sum(axis=0), 0.4)  # every input pixel counted once
    image = np.random.default_rng(1).random((30, 50))
    small = resize_area(image, (12, 20), 0.4)
    assert small.sum() == pytest.approx(image.sum() * 0.4**2)
    np.testing.assert_allclose(resize_area(image, (30, 50), 1.0), image)


# -- real MNIST digits -----------------------------------------------------------------------
def test_real_digits_come_back_as_they_were(mnist, trained_network):
    """MNIST test digits enlarged tenfold and prepared again are almost unchanged."""
    x_test, t_test = mnist[1]
    count = 200
    originals = x_test[:count].reshape(-1, 28, 28)
    redone = np.stack([to_mnist(np.kron(digit, np.ones((10, 10)))) for digit in originals])
    differences = np.abs(redone - originals).mean(axis=(1, 2))
    assert differences.mean() < 0.005
    assert np.median(differences) < 1e-3
    before = trained_network.predict(originals.reshape(count, -1)).argmax(axis=1)
    after = trained_network.predict(redone.reshape(count, -1)).argmax(axis=1)
    assert np.mean(before == after) >= 0.99
    assert np.mean(after == t_test[:count]) >= 0.88


def test_real_digits_on_paper_of_another_size_are_still_read(mnist, trained_network):
    """Dark on white, 9x enlarged, moved off centre in a larger sheet: the same answers."""
    x_test = mnist[1][0]
    count = 100
    agree = 0
    for digit in x_test[:count].reshape(-1, 28, 28):
        sheet = np.full((400, 300), 255, dtype=np.uint8)
        sheet[40:292, 20:272] = (255 * (1.0 - np.kron(digit, np.ones((9, 9))))).astype(np.uint8)
        row = mnist_row(sheet)
        original = trained_network.predict(digit.reshape(1, -1)).argmax()
        agree += int(trained_network.predict(row[np.newaxis]).argmax() == original)
    assert agree >= 97


# -- anything at all -------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 60), st.integers(1, 60)),
              elements=st.floats(allow_nan=True, allow_infinity=True, width=64)))
def test_arbitrary_images_never_raise(image):
    digit = to_mnist(image)
    assert digit is None or (digit.shape == (28, 28) and digit.dtype == np.float32
                             and digit.min() >= 0.0 and digit.max() <= 1.0)
    row = mnist_row(image)
    assert row is None or (row.shape == (784,) and row.dtype == np.float32
                           and np.all((row >= 0) & (row <= 1)))


@settings(max_examples=60, deadline=None)
@given(arrays(np.uint8, st.tuples(st.integers(1, 40), st.integers(1, 40))),
       st.booleans())
def test_arbitrary_byte_images_never_raise(image, subpixel):
    digit = to_mnist(ink_on_black(image), subpixel=subpixel)
    assert digit is None or (digit.shape == (28, 28) and np.all((digit >= 0) & (digit <= 1)))
