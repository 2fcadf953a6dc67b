"""Arrays as pictures: where each element goes, and the colours of the maps."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from desktop_nn.gui.common.heatmaps import (
    GAP_RGB,
    PictureLayout,
    array_image,
    colours,
)


@pytest.mark.parametrize(("shape", "size"), [
    ((50,), (50, 1)),
    ((3, 10), (10, 3)),
    ((3, 784), (28, 3 * 29 - 1)),
    ((784, 50), (5 * 29 - 1, 10 * 29 - 1)),
])
def test_the_picture_size(shape, size):
    assert PictureLayout.of(shape).size == size


@pytest.mark.parametrize("shape", [(7,), (3, 5), (3, 784), (784, 50), (784, 7)])
def test_every_element_has_one_pixel_and_back(shape):
    layout = PictureLayout.of(shape)
    seen = set()
    for index in itertools.product(*(range(s) for s in shape)):
        x, y = layout.position_of(index)
        assert layout.index_at(x + 0.5, y + 0.5) == index
        seen.add((x, y))
    assert len(seen) == int(np.prod(shape))


def test_tiles_are_the_images_and_gaps_are_empty():
    rng = np.random.default_rng(0)
    w1 = rng.normal(size=(784, 50))
    layout = PictureLayout.of(w1.shape)
    picture = layout.arrange(w1)
    x, y = layout.position_of((0, 7))
    np.testing.assert_array_equal(picture[y:y + 28, x:x + 28], w1[:, 7].reshape(28, 28))
    assert layout.index_at(28, 0) is None and np.isnan(picture[0, 28])
    assert layout.index_at(-1, 0) is None and layout.index_at(0, layout.size[1]) is None


def test_the_diverging_map_shows_the_sign():
    rgb = colours(np.array([[-2.0, 0.0, 1.0, np.nan]]), "diverging")
    negative, zero, positive, gap = (tuple(int(v) for v in rgb[0, k]) for k in range(4))
    assert negative == (0x00, 0x72, 0xB2)  # the largest magnitude at full colour
    assert zero == (255, 255, 255)
    assert positive[0] > positive[2] and positive != (255, 255, 255)
    assert gap == GAP_RGB


def test_magnitude_grey_and_mask_maps():
    assert tuple(colours(np.array([[0.0]]), "magnitude")[0, 0]) == (255, 255, 255)
    dark = colours(np.array([[0.5, 1.0]]), "magnitude", scale=1.0)
    assert dark[0, 1].sum() < dark[0, 0].sum() < 3 * 255
    grey = colours(np.array([[0.0, 1.0]]), "grey")
    assert tuple(grey[0, 0]) == (0, 0, 0) and tuple(grey[0, 1]) == (255, 255, 255)
    mask = colours(np.array([[True, False]]), "mask")
    assert mask[0, 0].sum() < mask[0, 1].sum()
    with pytest.raises(ValueError, match="mode must be one of"):
        colours(np.zeros((1, 1)), "rainbow")


def test_an_all_zero_array_is_white_and_the_image_has_the_layout_size(qapp):
    layout = PictureLayout.of((3, 784))
    image = array_image(np.zeros((3, 784)), layout, "diverging")
    assert (image.width(), image.height()) == layout.size
    assert image.pixelColor(0, 0).name() == "#ffffff"
