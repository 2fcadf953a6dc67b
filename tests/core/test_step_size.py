"""How the step h decides the error of a numerical derivative (section 4.3.1)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop_nn.core.gradient import numerical_diff
from desktop_nn.core.step_size import (
    BOOK_BAD_H,
    EPSILON,
    derivative_errors,
    step_sizes,
)

E = math.e


def test_steps_from_1e_minus_1_to_1e_minus_20():
    h = step_sizes()
    assert h[0] == 0.1 and h[-1] == 1e-20 and len(h) == 19 * 4 + 1
    assert 1e-4 in h.tolist()  # the book's step, exactly
    np.testing.assert_allclose(np.diff(np.log10(h)), -0.25, rtol=1e-9)
    assert step_sizes(1e-2, 1e-4, 1).tolist() == [1e-2, 1e-3, 1e-4]


@pytest.mark.parametrize("args", [(1e-5, 1e-1), (1e-1, 0.0), (1e-1, 1e-2, 0)])
def test_bad_step_ranges_are_refused(args):
    with pytest.raises(ValueError, match="0 < smallest < largest"):
        step_sizes(*args)


@pytest.mark.parametrize(
    ("method", "truncation"),
    [("central", lambda h: h**2 * E / 6), ("forward", lambda h: h * E / 2)],
)
def test_large_steps_show_the_truncation_error(method, truncation):
    # exp at 1: the central difference is off by (h²e/6)(1 + h²/20 + ...), the forward one by
    # (he/2)(1 + h/3 + h²/12 + ...): at most 0.05 % and 3.5 % above the leading term for
    # h <= 0.1; rounding (eps·e/h < 1e-14) is far below.
    errors = derivative_errors(math.exp, 1.0, E, step_sizes(1e-1, 1e-3, 2), method)
    np.testing.assert_allclose(errors.error, truncation(errors.h), rtol=0.04)
    assert errors.exact == E and errors.method == method


@pytest.mark.parametrize("method", ["central", "forward"])
def test_small_steps_follow_the_rounding_error(method):
    # Each value of exp near 1 is off by at most 0.74 eps·e (libm, under one ulp) plus
    # eps·e from rounding x ± h: the error is at most 1.74 (central) or 2.48 (forward) times
    # eps·|f|/h. Truncation is negligible below h = 1e-9.
    errors = derivative_errors(math.exp, 1.0, E, step_sizes(1e-9, 1e-20), method)
    assert np.all(errors.error <= 3 * errors.rounding)
    np.testing.assert_allclose(errors.rounding, EPSILON * E / errors.h)
    # Below eps/2, x ± h rounds to x: the difference, and the derivative, are exactly 0.
    assert np.all(errors.derivative[errors.h < EPSILON / 4] == 0.0)
    assert np.all(errors.error[errors.h < EPSILON / 4] == E)


def test_the_best_step_lies_between_the_two_errors():
    central = derivative_errors(math.exp, 1.0, E, method="central")
    forward = derivative_errors(math.exp, 1.0, E, method="forward")
    # Truncation (h²e/6 or he/2) meets rounding (eps·e/h) near h = 1e-5 and h = 1e-8.
    assert 1e-7 <= central.h[np.argmin(central.error)] <= 1e-3
    assert 1e-10 <= forward.h[np.argmin(forward.error)] <= 1e-6
    assert central.error.min() < 1e-9 and forward.error.min() < 1e-6
    assert central.error.min() < forward.error.min()


def test_the_books_bad_step_gives_zero():
    assert BOOK_BAD_H == 1e-50
    assert 5.0 + BOOK_BAD_H == 5.0
    assert numerical_diff(lambda x: 0.01 * x**2 + 0.1 * x, 5.0, BOOK_BAD_H) == 0.0
    errors = derivative_errors(lambda x: 0.01 * x**2 + 0.1 * x, 5.0, 0.2, [1e-4, BOOK_BAD_H])
    assert errors.derivative.tolist() == [0.1999999999990898, 0.0]
    assert errors.error[1] == 0.2
