"""gradient_descent (chapter 4, the book's gradient_method.py): the book's three cases."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.descent import (
    BOOK_INIT_X,
    BOOK_LEARNING_RATES,
    DescentError,
    descent_steps,
    gradient_descent,
)


def function_2(x):
    """The book's function_2, as the book writes it."""
    return x[0] ** 2 + x[1] ** 2


def printed(x: np.ndarray) -> str:
    """How NumPy prints an array by default, as the book shows it."""
    return np.array2string(x)


@pytest.mark.parametrize(
    ("lr", "book"),
    [
        (0.1, "[-6.11110793e-10  8.14814391e-10]"),
        (10.0, "[-2.58983747e+13 -1.29524862e+12]"),  # diverges, then x ± h rounds to x
        (1e-10, "[-2.99999994  3.99999992]"),  # barely moves
    ],
)
def test_the_books_three_learning_rates(lr, book):
    x, path = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=100)
    assert printed(x) == book
    assert path.shape == (101, 2)
    assert path[0].tolist() == [-3.0, 4.0] and path[-1].tolist() == x.tolist()


def test_the_books_constants():
    assert BOOK_INIT_X == (-3.0, 4.0)
    assert BOOK_LEARNING_RATES == (0.1, 10.0, 1e-10)


def test_each_step_is_x_minus_lr_times_the_numerical_gradient():
    # For x0² + x1² one step multiplies x by (1 - 2 lr), up to the numerical gradient's error
    # (central differences of a quadratic are exact but for rounding: about eps·|f|/h = 1e-10).
    _, path = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, step_num=5)
    np.testing.assert_allclose(path[1:], path[:-1] * 0.8, rtol=0, atol=1e-10)


def test_init_x_is_left_alone_and_the_book_defaults_hold():
    init_x = np.array([-3.0, 4.0])
    x, path = gradient_descent(function_2, init_x)  # lr 0.01, 100 steps: the book's defaults
    assert init_x.tolist() == [-3.0, 4.0]
    assert path.shape == (101, 2)
    np.testing.assert_allclose(x, init_x * 0.98**100, rtol=1e-8)


def test_zero_steps_is_just_the_start():
    x, path = gradient_descent(function_2, [-3.0, 4.0], lr=0.1, step_num=0)
    assert x.tolist() == [-3.0, 4.0] and path.shape == (1, 2)


def test_steps_are_copies_yielded_one_at_a_time():
    steps = descent_steps(function_2, [-3.0, 4.0], lr=0.1, step_num=3)
    first = next(steps)
    second = next(steps)
    assert first.tolist() == [-3.0, 4.0]
    first[:] = 0  # a copy: changing it changes nothing downstream
    assert [p.tolist() for p in steps] == [
        p.tolist() for p in gradient_descent(function_2, [-3.0, 4.0], 0.1, 3)[1][2:]
    ]
    assert second.tolist() != [0.0, 0.0]


def test_leaving_the_float_range_stops_with_a_clear_error():
    # The slope of exp at 1 is e: lr 1e308 throws x beyond -1.8e308 at the first step.
    points = []
    with pytest.raises(DescentError, match="step 1 left the range"):
        for point in descent_steps(lambda v: float(np.exp(v[0])), [1.0], lr=1e308, step_num=5):
            points.append(point)
    assert [p.tolist() for p in points] == [[1.0]]  # the start was kept


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"lr": float("nan")}, "finite"), ({"lr": float("inf")}, "finite"),
     ({"step_num": -1}, "whole number"), ({"step_num": 2.5}, "whole number")],
)
def test_bad_arguments_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        gradient_descent(function_2, [-3.0, 4.0], **kwargs)
