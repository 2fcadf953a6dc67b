"""numerical_diff, numerical_gradient (chapter 4) and the gradient check (chapter 5)."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.gradient import (
    BOOK_H,
    METHODS,
    Cancelled,
    absolute_difference,
    compare_gradients,
    gradient_check,
    numerical_diff,
    numerical_gradient,
)
from desktop_nn.core.network import PARAM_NAMES, TwoLayerNet
from tests.numerics import (
    assert_within,
    central_difference_rounding,
    libm_error,
    unit_roundoff,
)


def cube_sum(x: np.ndarray) -> float:
    return float(np.sum(x**3))


class WorstLibmCubeSum:
    """``sum(x**3)`` with every term as far off as a vectorised ``power`` may be (4 ULP),
    upwards in f(x+h) and downwards in f(x-h): the central difference at its worst.

    ``numerical_gradient`` evaluates f(x+h), then f(x-h), for each element in turn.
    """

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, x: np.ndarray) -> float:
        sign = 1.0 if self.calls % 2 == 0 else -1.0
        self.calls += 1
        terms = x**3
        return float(np.sum(terms * (1 + sign * libm_error() * np.sign(terms))))


# --- numerical_gradient --------------------------------------------------------------------


def test_book_h_is_1e_minus_4():
    assert BOOK_H == 1e-4


@pytest.mark.parametrize("shape", [(), (5,), (3, 4), (2, 3, 2)])
def test_central_difference_of_a_quadratic(shape):
    rng = np.random.default_rng(1)
    x = np.array(rng.normal(size=shape))  # a 0-d array for shape ()
    # Central differences are exact for a quadratic (up to rounding).
    grad = numerical_gradient(lambda v: float(np.sum(v**2)), x)
    assert grad.shape == x.shape
    exact = 2 * x
    assert_within(grad, exact, central_difference_rounding(x**2, x, exact, BOOK_H,
                                                                libm_error()))


@pytest.mark.parametrize("f", [cube_sum, WorstLibmCubeSum()], ids=["numpy", "worst-libm"])
@pytest.mark.parametrize(("h", "kwargs"), [(1e-4, {}), (1e-4, {"h": 1e-4}), (1e-3, {"h": 1e-3})])
def test_central_difference_step(h, kwargs, f):
    # For f = x**3 the central difference is 3x**2 + h**2 exactly: the error shows the step.
    # Rounding adds about eps * |f| / h (2e-10 here at h = 1e-4, 2 % of h**2): it differs
    # between CPUs, so the bound allows its worst case, and h = 1e-3 (h**2 = 1e-6) still
    # cannot pass for 1e-4.
    x = np.array([[0.5, 1.0, -1.5], [2.0, -0.25, 1.25]])
    grad = numerical_gradient(f, x, **kwargs)
    exact = 3 * x**2
    u = unit_roundoff()
    # 3 * x**2 is itself rounded (a power and a product), and so is the subtraction below.
    expected_rounding = (libm_error() + 2 * u) * exact + u * h**2
    rounding = central_difference_rounding(np.abs(x) ** 3, x, exact, h, libm_error())
    bound = rounding + expected_rounding
    assert np.all(bound < 0.05 * h**2)  # the test can still tell the step
    assert_within(grad - exact, h**2, bound)


def test_central_not_forward_difference():
    # A forward difference (f(x+h) - f(x)) / h of exp would be off by about h/2 * exp(x);
    # the central one by its truncation h**2/6 * exp(x) (the third derivative of exp is exp)
    # plus rounding.
    x = np.array([0.0, 1.0])
    grad = numerical_gradient(lambda v: float(np.sum(np.exp(v))), x)
    exact = np.exp(x)  # itself off by one libm error
    truncation = (BOOK_H**2 / 6) * exact * np.exp(BOOK_H)
    rounding = central_difference_rounding(exact, x, exact, BOOK_H, libm_error())
    bound = truncation + rounding + libm_error() * exact
    assert np.all(bound < 1e-3 * (BOOK_H / 2) * exact)  # far below a forward difference's
    assert_within(grad, exact, bound)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_x_restored_exactly_and_dtype_preserved(dtype):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(3, 4)).astype(dtype)
    before = x.copy()
    seen = []

    def f(v):
        assert v is x  # nudged in place, as the book's lambda W: net.loss(x, t) needs
        seen.append(v.copy())
        return float(np.sum(v * v))

    grad = numerical_gradient(f, x)
    assert grad.dtype == dtype
    assert grad.shape == x.shape
    assert x.tobytes() == before.tobytes()
    assert len(seen) == 2 * x.size
    # Every call saw exactly one element changed.
    for snapshot in seen:
        assert np.count_nonzero(snapshot != before) == 1


def test_x_restored_when_f_raises():
    x = np.array([[0.1, 0.2], [0.3, 0.4]]) / 3
    before = x.copy()
    calls = 0

    def f(v):
        nonlocal calls
        calls += 1
        if calls == 4:  # the "minus h" evaluation of the second element
            raise RuntimeError("boom")
        return float(v.sum())

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    assert x.tobytes() == before.tobytes()

    calls = 0

    def g(v):
        nonlocal calls
        calls += 1
        if calls == 3:  # the "plus h" evaluation of the second element
            raise ZeroDivisionError
        return float(v.sum())

    with pytest.raises(ZeroDivisionError):
        numerical_gradient(g, x)
    assert x.tobytes() == before.tobytes()


def test_on_element_reports_progress_and_can_cancel():
    x = np.arange(6, dtype=np.float64).reshape(2, 3) / 7
    before = x.copy()
    progress = []
    numerical_gradient(cube_sum, x, on_element=progress.append)
    assert progress == [1, 2, 3, 4, 5, 6]

    def cancel_after_two(done):
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        numerical_gradient(cube_sum, x, on_element=cancel_after_two)
    assert x.tobytes() == before.tobytes()


# --- numerical_diff and the forward difference (chapter 4) ---------------------------------


def function_1(x):
    """The book's function_1 (section 4.3.2), written as the book writes it."""
    return 0.01 * x**2 + 0.1 * x


def function_2(x):
    """The book's function_2 (section 4.3.3)."""
    return x[0] ** 2 + x[1] ** 2


def test_numerical_diff_prints_the_books_digits():
    assert repr(numerical_diff(function_1, 5)) == "0.1999999999990898"
    assert repr(numerical_diff(function_1, 10)) == "0.2999999999986347"


def test_numerical_diff_forward_difference_of_a_quadratic():
    # (f(x+h) - f(x)) / h of 0.01x² + 0.1x is 0.02x + 0.1 + 0.01h: the truncation error 0.01h
    # is far above the rounding (about eps·|f|/h = 2e-13 at h = 1e-2).
    for h in (1e-1, 1e-2):
        assert numerical_diff(function_1, 5.0, h, "forward") == pytest.approx(0.2 + 0.01 * h,
                                                                               abs=1e-11)
    assert numerical_diff(function_1, 5.0, method="central") == numerical_diff(function_1, 5.0)


def test_numerical_diff_with_the_books_bad_step_is_zero():
    # x + 1e-50 == x: the difference, and the "derivative", are exactly 0 (section 4.3.1).
    for method in METHODS:
        assert numerical_diff(function_1, 5.0, 1e-50, method) == 0.0


def test_numerical_gradient_prints_the_books_digits():
    for point, expected in [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0)),
                            ((3.0, 0.0), (6.0, 0.0))]:
        grad = numerical_gradient(function_2, np.array(point))
        assert np.array2string(grad) == np.array2string(np.array(expected))  # "[6. 8.]"
        np.testing.assert_allclose(grad, expected, rtol=0, atol=1e-10)


def test_numerical_gradient_forward_difference():
    # Forward differences of x0² + x1² are 2x + h; f(x) is evaluated once, not per element.
    x = np.array([3.0, 4.0])
    calls = []
    grad = numerical_gradient(lambda v: calls.append(1) or function_2(v), x, 1e-3,
                              method="forward")
    np.testing.assert_allclose(grad, 2 * x + 1e-3, rtol=1e-9)
    assert len(calls) == 1 + x.size
    assert x.tolist() == [3.0, 4.0]


@pytest.mark.parametrize("method", ["backward", "", None])
def test_unknown_method_is_refused(method):
    with pytest.raises(ValueError, match="'central' or 'forward'"):
        numerical_diff(function_1, 5.0, method=method)
    with pytest.raises(ValueError, match="'central' or 'forward'"):
        numerical_gradient(function_2, np.array([1.0, 2.0]), method=method)


# --- compare_gradients ---------------------------------------------------------------------


def test_compare_gradients_by_hand():
    numerical = np.array([1.0, 2.0, 0.0, -1.0])
    backprop = np.array([1.0, 2.5, 0.0, -0.5])
    diff = compare_gradients(numerical, backprop)
    assert diff.shape == (4,)
    assert diff.mean_abs_diff == pytest.approx((0 + 0.5 + 0 + 0.5) / 4)
    assert diff.max_abs_diff == pytest.approx(0.5)
    # max(0/2, 0.5/4.5, 0 (both zero), 0.5/1.5)
    assert diff.max_rel_error == pytest.approx(0.5 / 1.5)


# --- the gradient check on real MNIST -----------------------------------------------------


@pytest.fixture(scope="module")
def book_check(mnist):
    """The book's gradient check on 3 MNIST images (hidden 5 to keep it quick), both deltas."""
    (x_train, t_train), _ = mnist
    x, t = x_train[:3], t_train[:3]
    results = {}
    for delta in (1e-7, 0.0):
        net = TwoLayerNet(784, 5, 10, seed=0, delta=delta)
        results[delta] = gradient_check(net, x, t)
    return results


def test_gradient_check_with_book_delta(book_check):
    result = book_check[1e-7]
    assert list(result.params) == list(PARAM_NAMES)
    diffs = {k: v.mean_abs_diff for k, v in result.params.items()}
    # DESIGN: about 1e-10 (W1) to 1e-7 (b2) with the 1e-7 inside the log.
    assert diffs["W1"] < 1e-8
    assert 1e-8 < diffs["b2"] < 1e-6
    assert diffs["b2"] > 10 * diffs["W1"]
    for diff in result.params.values():
        assert diff.max_abs_diff >= diff.mean_abs_diff
        assert 0 <= diff.max_rel_error <= 1


def test_gradient_check_without_delta_matches_the_books_printed_figures(book_check):
    exact, with_delta = book_check[0.0], book_check[1e-7]
    for key, diff in exact.params.items():
        assert diff.mean_abs_diff < 1e-9, key
        assert diff.max_rel_error < 1e-4, key
    # The delta is what lifts the differences: b2 by orders of magnitude.
    assert with_delta.params["b2"].mean_abs_diff >= 100 * exact.params["b2"].mean_abs_diff


def test_gradient_check_result_fields(book_check):
    result = book_check[1e-7]
    # Durations only: which method was faster on a loaded machine is for benchmarks/ to say.
    assert result.numerical_seconds > 0
    assert result.backprop_seconds > 0
    assert result.speedup == pytest.approx(result.numerical_seconds / result.backprop_seconds)
    shapes = {"W1": (784, 5), "b1": (5,), "W2": (5, 10), "b2": (10,)}
    for key, shape in shapes.items():
        assert result.params[key].shape == shape
        assert result.numerical[key].shape == shape
        assert result.backprop[key].shape == shape
        recomputed = compare_gradients(result.numerical[key], result.backprop[key])
        assert recomputed == result.params[key]


def test_gradient_check_keeps_the_elementwise_differences(book_check, mnist):
    """The gradient check tab draws |numerical - backprop| per element (W1 as 28×28 tiles)."""
    result = book_check[1e-7]
    assert list(result.abs_diff) == list(PARAM_NAMES)
    for key, diff in result.abs_diff.items():
        assert diff.dtype == np.float64
        assert diff.shape == result.params[key].shape
        expected = np.abs(result.numerical[key].astype(np.float64) - result.backprop[key])
        np.testing.assert_array_equal(diff, expected)
        assert diff.mean() == result.params[key].mean_abs_diff
        assert diff.max() == result.params[key].max_abs_diff
    # A pixel black in all three images never changes the loss: both gradients of its W1 row
    # are exactly 0, and so is their difference.
    (x_train, _), _ = mnist
    black = ~x_train[:3].any(axis=0)
    assert 0 < black.sum() < 784
    assert not result.abs_diff["W1"][black].any()
    assert result.abs_diff["W1"][~black].any()


def test_compare_gradients_with_a_given_difference():
    numerical, backprop = np.array([1.0, -2.0]), np.array([0.5, -2.0])
    diff = absolute_difference(numerical, backprop)
    np.testing.assert_array_equal(diff, [0.5, 0.0])
    assert compare_gradients(numerical, backprop, diff) == compare_gradients(numerical, backprop)


def test_gradient_check_copies_backprop_gradients():
    rng = np.random.default_rng(3)
    net = TwoLayerNet(6, 4, 3, seed=1, weight_init_std=0.5)
    x, t = rng.normal(size=(4, 6)), np.array([0, 1, 2, 1])
    result = gradient_check(net, x, t)
    kept = {k: v.copy() for k, v in result.backprop.items()}
    net.gradient(rng.normal(size=(4, 6)), np.array([2, 2, 2, 2]))  # overwrites the layers' dW
    for key in PARAM_NAMES:
        np.testing.assert_array_equal(result.backprop[key], kept[key])


def test_gradient_check_progress_and_cancel_restore_params():
    rng = np.random.default_rng(4)
    net = TwoLayerNet(6, 4, 3, seed=1, weight_init_std=0.5)
    x, t = rng.normal(size=(4, 6)), np.array([0, 1, 2, 1])
    total = 6 * 4 + 4 + 4 * 3 + 3
    calls = []
    gradient_check(net, x, t, progress=lambda done, n: calls.append((done, n)))
    assert [c[0] for c in calls] == list(range(1, total + 1))
    assert {c[1] for c in calls} == {total}

    before = net.copy_params()

    def cancel(done, n):
        if done == 30:  # inside W2
            raise Cancelled

    with pytest.raises(Cancelled):
        gradient_check(net, x, t, progress=cancel)
    for key in PARAM_NAMES:
        assert net.params[key].tobytes() == before[key].tobytes()


@pytest.mark.slow
def test_gradient_check_book_size(mnist):
    """The book's gradient_check.py: TwoLayerNet(784, 50, 10) on 3 training images."""
    (x_train, t_train), _ = mnist
    net = TwoLayerNet(784, 50, 10, seed=0)
    result = gradient_check(net, x_train[:3], t_train[:3])
    diffs = {k: v.mean_abs_diff for k, v in result.params.items()}
    assert diffs["W1"] < 1e-8
    assert 1e-8 < diffs["b2"] < 1e-6
    for key in PARAM_NAMES:
        assert diffs[key] < 1e-6
