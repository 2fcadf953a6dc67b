"""Sums written out term by term: the terms shown, the exact rest, indices."""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop_nn.graph.terms import Term, check_index, sum_of_terms


def test_short_sums_show_every_term_in_order():
    s = sum_of_terms("n", [np.array([1.0, 0.0, 2.0]), np.array([3.0, 5.0, -0.5])])
    assert s.variable == "n" and s.count == 3
    assert s.shown == (Term(0, (1.0, 3.0), 3.0), Term(1, (0.0, 5.0), 0.0),
                       Term(2, (2.0, -0.5), -1.0))
    assert (s.rest_count, s.rest, s.zero_count, s.total) == (0, 0.0, 1, 2.0)


def test_long_sums_show_the_largest_terms_and_the_exact_rest():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=784), rng.normal(size=784)
    x[rng.random(784) < 0.4] = 0.0
    s = sum_of_terms("i", [x, w], max_terms=5)
    products = x * w
    largest = np.argsort(-np.abs(products))[:5]
    assert [t.index for t in s.shown] == largest.tolist()
    assert [abs(t.value) for t in s.shown] == sorted((abs(t.value) for t in s.shown),
                                                     reverse=True)
    assert all(t.factors == (x[t.index], w[t.index]) for t in s.shown)
    assert s.rest_count == 779
    rest = np.delete(products, largest)
    assert s.rest == math.fsum(rest.tolist())
    assert s.total == math.fsum(products.tolist())
    assert s.zero_count == int(np.count_nonzero(products == 0))
    # The shown terms and the rest add up to the total, to a rounding of each addition.
    shown_sum = math.fsum(t.value for t in s.shown)
    assert abs(shown_sum + s.rest - s.total) <= 2 * np.finfo(float).eps * np.abs(products).sum()


def test_one_factor_and_one_term():
    s = sum_of_terms("", [np.array([0.25])])
    assert s.count == 1 and s.total == 0.25 and s.shown[0].factors == (0.25,)


def test_max_terms_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        sum_of_terms("n", [np.ones(3)], max_terms=0)


def test_check_index():
    assert check_index((1, 2), (3, 4), "W") == (1, 2)
    assert check_index(np.int64(2), (3,), "b") == (2,)
    assert check_index((), (), "L") == ()
    for bad in [(3, 0), (0,), (0, 0, 0), (-1, 0), (0.5, 1)]:
        with pytest.raises(IndexError, match=r"W has shape \(3, 4\)"):
            check_index(bad, (3, 4), "W")
