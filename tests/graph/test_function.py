"""A typed formula as the book's function_1 and function_2: the book's digits, typed."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.descent import gradient_descent
from desktop_nn.core.gradient import numerical_diff, numerical_gradient
from desktop_nn.graph import ExpressionError, GraphEvaluationError
from desktop_nn.graph.function import BOOK_FUNCTION_1, BOOK_FUNCTION_2, ExpressionFunction

function_1 = ExpressionFunction(BOOK_FUNCTION_1)
function_2 = ExpressionFunction(BOOK_FUNCTION_2)


def test_the_books_numerical_diff_digits():
    assert repr(numerical_diff(function_1, 5)) == "0.1999999999990898"
    assert repr(numerical_diff(function_1, 10)) == "0.2999999999986347"
    assert function_1.exact_gradient(5.0) == pytest.approx([0.2], rel=1e-15)
    assert function_1.exact_gradient(10.0) == pytest.approx([0.3], rel=1e-15)


@pytest.mark.parametrize(
    ("point", "expected"), [((3.0, 4.0), (6, 8)), ((0.0, 2.0), (0, 4)), ((3.0, 0.0), (6, 0))]
)
def test_the_books_gradients(point, expected):
    x = np.array(point)
    grad = numerical_gradient(function_2, x)
    assert np.array2string(grad) == np.array2string(np.array(expected, dtype=float))
    assert x.tolist() == list(point)
    assert function_2.exact_gradient(x).tolist() == list(expected)


@pytest.mark.parametrize(
    ("lr", "book"),
    [
        (0.1, "[-6.11110793e-10  8.14814391e-10]"),
        (10.0, "[-2.58983747e+13 -1.29524862e+12]"),
        (1e-10, "[-2.99999994  3.99999992]"),
    ],
)
def test_the_books_gradient_descent(lr, book):
    x, path = gradient_descent(function_2, [-3.0, 4.0], lr=lr, step_num=100)
    assert np.array2string(x) == book
    assert path.shape == (101, 2)


def test_the_same_digits_as_the_books_numpy_code():
    def book_function_2(x):
        return x[0] ** 2 + x[1] ** 2

    for lr in (0.1, 10.0, 1e-10):
        typed = gradient_descent(function_2, [-3.0, 4.0], lr=lr)[1]
        book = gradient_descent(book_function_2, [-3.0, 4.0], lr=lr)[1]
        assert typed.tobytes() == book.tobytes()


def test_names_in_natural_order_and_vectors_follow_them():
    f = ExpressionFunction("x10 + 2 * x2 + 3 * x1")
    assert f.names == ("x1", "x2", "x10")
    assert f([1.0, 10.0, 100.0]) == 123.0
    assert f.point([1, 2, 3]) == {"x1": 1.0, "x2": 2.0, "x10": 3.0}
    assert f.exact_gradient([0.0, 0.0, 0.0]).tolist() == [3.0, 2.0, 1.0]
    assert repr(f) == "ExpressionFunction('x10 + 2 * x2 + 3 * x1')"


def test_a_vector_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match=r"takes 2 number\(s\) \(x0, x1\), got 3"):
        function_2([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"takes 2 array\(s\)"):
        function_2.on_grid(np.zeros(3))


def test_grids_of_values_and_exact_gradients():
    x0, x1 = np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-2, 2, 4))
    np.testing.assert_array_equal(function_2.on_grid(x0, x1), x0 * x0 + x1 * x1)
    values, (d0, d1) = function_2.gradient_on_grid(x0, x1)
    assert values.shape == d0.shape == d1.shape == (4, 5)
    np.testing.assert_array_equal(d0, 2 * x0)
    np.testing.assert_array_equal(d1, 2 * x1)
    curve = function_1.on_grid(np.array([0.0, 5.0, 10.0]))
    np.testing.assert_allclose(curve, [0.0, 0.75, 2.0], rtol=1e-15)


def test_where_f_is_undefined_the_graph_says_so():
    f = ExpressionFunction("log(x)")
    with pytest.raises(GraphEvaluationError, match=r"log\(x\) needs x > 0"):
        f(-1.0)
    with pytest.raises(GraphEvaluationError, match="z·log"):
        ExpressionFunction("x^y").exact_gradient([-3.0, 2.0])
    with pytest.raises(ExpressionError):
        ExpressionFunction("x +")


def test_the_graph_stepper_is_never_moved():
    before = function_2.graph.snapshot()
    function_2([1.0, 2.0])
    function_2.exact_gradient([1.0, 2.0])
    function_2.gradient_on_grid(np.zeros(2), np.ones(2))
    assert function_2.graph.snapshot() == before
