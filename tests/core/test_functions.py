"""Activation and loss functions (chapters 3-4): values, stability, shapes, dtypes."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from desktop_nn.core.functions import (
    BOOK_DELTA,
    cross_entropy_error,
    relu,
    sigmoid,
    sigmoid_grad,
    softmax,
)
from desktop_nn.core.gradient import numerical_gradient
from tests.numerics import (
    assert_within,
    central_difference_rounding,
    libm_error,
    unit_roundoff,
)

#: The book's example output of a softmax over ten classes (chapter 4), with label 2.
BOOK_Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])


def no_float_trouble():
    """Turn overflow, invalid operations and division by zero into exceptions."""
    return np.errstate(over="raise", invalid="raise", divide="raise")


# --- sigmoid -------------------------------------------------------------------------------


def test_sigmoid_values():
    x = np.array([-1.0, 0.0, 1.0, 2.0])
    expected = np.array([1 / (1 + math.e), 0.5, 1 / (1 + math.exp(-1)), 1 / (1 + math.exp(-2))])
    # sigmoid: NumPy's exp (vectorised, libm_error), then a sum and a quotient: relative error
    # at most 2 libm_error + 2u. The expected values: math.exp (1 ULP = 2u), then the same.
    u = unit_roundoff()
    np.testing.assert_allclose(sigmoid(x), expected, rtol=2 * libm_error() + 8 * u)


def test_sigmoid_is_symmetric():
    x = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(x) + sigmoid(-x), 1.0, rtol=0, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_large_inputs_do_not_overflow(dtype):
    x = np.array([-1e308 if dtype == np.float64 else -3e38, -1000.0, -100.0, 100.0, 1000.0],
                 dtype=dtype)
    with no_float_trouble():
        y = sigmoid(x)
    assert y.dtype == dtype
    assert np.all(np.isfinite(y))
    np.testing.assert_array_equal(y[[0, 1]], 0.0)
    np.testing.assert_array_equal(y[[3, 4]], 1.0)
    assert 0 < y[2] < 1e-40 or (dtype == np.float32 and y[2] == 0.0)


def test_sigmoid_keeps_shape_and_float32():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 12
    y = sigmoid(x)
    assert y.shape == x.shape
    assert y.dtype == np.float32


@pytest.mark.parametrize("shape", [(7,), (3, 4), (2, 3, 2)])
def test_sigmoid_grad_matches_numerical(shape):
    rng = np.random.default_rng(0)
    x = rng.normal(scale=3.0, size=shape)
    # d/dx_i of sum(sigmoid(x)) is sigmoid'(x_i).
    numeric = numerical_gradient(lambda v: float(np.sum(sigmoid(v))), x)
    # rtol and atol allow the truncation error; rounding adds up to eps * sum(sigmoid) / h.
    exact = sigmoid_grad(x)
    rounding = central_difference_rounding(sigmoid(x), x, exact, 1e-4,
                                           2 * libm_error() + 2 * unit_roundoff())
    assert_within(exact, numeric, 1e-6 * np.abs(numeric) + 1e-10 + rounding)


def test_sigmoid_grad_known_values():
    assert sigmoid_grad(np.array(0.0)) == pytest.approx(0.25)
    with no_float_trouble():
        far = sigmoid_grad(np.array([-1000.0, 1000.0]))
    np.testing.assert_array_equal(far, [0.0, 0.0])


# --- relu ----------------------------------------------------------------------------------


def test_relu_values():
    x = np.array([[-2.0, -0.0, 0.0], [0.5, 3.0, -1e-9]])
    np.testing.assert_array_equal(relu(x), [[0.0, 0.0, 0.0], [0.5, 3.0, 0.0]])


def test_relu_keeps_dtype_and_does_not_modify_input():
    x = np.array([-1.0, 2.0], dtype=np.float32)
    before = x.copy()
    y = relu(x)
    assert y.dtype == np.float32
    np.testing.assert_array_equal(x, before)


# --- softmax -------------------------------------------------------------------------------


def test_softmax_book_example():
    a = np.array([0.3, 2.9, 4.0])
    expected = np.exp(a) / np.sum(np.exp(a))
    # Both are exp (libm_error each), a sum of three positive terms (gamma_2) and a quotient;
    # softmax first subtracts the maximum, which rounds the argument by u |a - max(a)|.
    u = unit_roundoff()
    shifted = 2 * (libm_error() + u * np.abs(a - a.max()).max()) + 3 * u
    plain = 2 * libm_error() + 3 * u
    np.testing.assert_allclose(softmax(a), expected, rtol=shifted + plain)
    # The book prints [0.01821127 0.24519181 0.73659691].
    np.testing.assert_allclose(softmax(a), [0.01821127, 0.24519181, 0.73659691], atol=1e-8)


def test_softmax_huge_inputs_are_stable():
    a = np.array([1010.0, 1000.0, 990.0])
    with no_float_trouble():
        y = softmax(a)
    np.testing.assert_allclose(y, softmax(np.array([20.0, 10.0, 0.0])), rtol=1e-14)
    assert y.sum() == pytest.approx(1.0)


def test_softmax_2d_rows_are_independent_and_sum_to_one():
    x = np.array([[1e4, 1e4 + 1, 1e4 + 2], [-5.0, 0.0, 5.0], [1.0, 1.0, 1.0]])
    with no_float_trouble():
        y = softmax(x)
    assert y.shape == x.shape
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-15)
    for row in range(3):
        np.testing.assert_allclose(y[row], softmax(x[row]), rtol=1e-15)
    np.testing.assert_allclose(y[2], [1 / 3] * 3)
    np.testing.assert_allclose(y[0], softmax(np.array([0.0, 1.0, 2.0])), rtol=1e-14)


def test_softmax_float32_stays_float32():
    y = softmax(np.array([[100.0, 0.0]], dtype=np.float32))
    assert y.dtype == np.float32


def test_softmax_rejects_3d():
    with pytest.raises(ValueError, match="1-D or 2-D"):
        softmax(np.zeros((2, 3, 4)))


# --- cross-entropy error -------------------------------------------------------------------


def test_cross_entropy_book_numbers():
    # The book (chapter 4): 0.510825457099338 for the right label, 2.302584092994546 for a
    # wrong one whose probability is 0.1 -- both with its delta of 1e-7 inside the log.
    t_right = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    assert cross_entropy_error(BOOK_Y, t_right) == pytest.approx(0.510825457099338, rel=1e-12)
    t_wrong = np.eye(10)[7]
    assert cross_entropy_error(BOOK_Y, t_wrong) == pytest.approx(2.302584092994546, rel=1e-12)


def test_cross_entropy_default_delta_is_the_books():
    default = inspect.signature(cross_entropy_error).parameters["delta"].default
    assert default == BOOK_DELTA == 1e-7
    t = np.array(2)
    assert cross_entropy_error(BOOK_Y, t) == cross_entropy_error(BOOK_Y, t, delta=1e-7)
    assert cross_entropy_error(BOOK_Y, t) != cross_entropy_error(BOOK_Y, t, delta=0.0)


def test_cross_entropy_delta_zero_is_exact():
    # Exact up to the logarithm itself: NumPy's (libm_error) against math.log's (1 ULP); the
    # book's delta would change it by 1.7e-7.
    assert cross_entropy_error(BOOK_Y, np.array(2), delta=0.0) == pytest.approx(
        -math.log(0.6), rel=libm_error() + 2 * unit_roundoff(), abs=0
    )
    assert cross_entropy_error(BOOK_Y, np.array(2), delta=0.01) == pytest.approx(
        -math.log(0.61), rel=1e-14
    )


def test_cross_entropy_one_hot_and_index_labels_agree_1d_and_2d():
    y = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25]])
    index = np.array([0, 2, 1])
    one_hot = np.eye(3)[index]
    expected = -(math.log(0.7 + 1e-7) + math.log(0.6 + 1e-7) + math.log(0.5 + 1e-7)) / 3
    assert cross_entropy_error(y, index) == pytest.approx(expected, rel=1e-14)
    assert cross_entropy_error(y, one_hot) == pytest.approx(expected, rel=1e-14)
    # A single sample: 1-D scores with a one-hot row, a scalar index or a 1-element index.
    single = -math.log(0.6 + 1e-7)
    assert cross_entropy_error(y[1], one_hot[1]) == pytest.approx(single, rel=1e-14)
    assert cross_entropy_error(y[1], np.array(2)) == pytest.approx(single, rel=1e-14)
    assert cross_entropy_error(y[1], 2) == pytest.approx(single, rel=1e-14)
    assert isinstance(cross_entropy_error(y, index), float)


@pytest.mark.parametrize(
    ("y_shape", "t"),
    [
        ((2, 3), np.array([0, 1, 2])),  # three labels for two rows
        ((2, 3), np.eye(4)[[0, 1]]),  # one-hot over four classes, scores over three
        ((2, 3), np.zeros((2, 2))),  # neither one-hot nor indices
        ((4, 3), np.array([[0], [1]])),
    ],
)
def test_cross_entropy_mismatched_shapes_raise(y_shape, t):
    y = np.full(y_shape, 1.0 / y_shape[-1])
    with pytest.raises(ValueError):
        cross_entropy_error(y, t)


def test_cross_entropy_error_refuses_labels_out_of_range():
    y = np.full((2, 3), 1 / 3)
    with pytest.raises(ValueError, match=r"0\.\.2"):
        cross_entropy_error(y, np.array([0, 3]))
