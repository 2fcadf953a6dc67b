"""Every layer's backward pass against a numerical gradient, through the graph's own arrays.

Each gradient the stepper shows (``dW1``, ``da1`` ...) is compared with the central difference
of the network's loss with respect to that array's element (``numerical_derivative``: the
element nudged by the book's h = 1e-4 and everything downstream recomputed).

Error analysis. With ``delta = 0`` backpropagation computes the exact derivative of the loss the
central difference sees, so they differ only by

* truncation, h²/6·|f'''|: the loss reaches every nudged element through a logit
  ``a2[n, k]`` with a coefficient c (``z1[n, j]`` for ``W2``, 1 for ``b2`` and ``a2``, sums of
  ``|W2|`` for ``z1``, times ``|X| <= 1`` for ``W1``), and the third derivative of
  ``-log softmax`` in a logit is at most 1/(6·sqrt 3) < 0.1; with ``|c| <= 3`` (checked) this
  is at most 1e-8/6·0.1·27 = 4.5e-9;
* rounding, about eps·|L|/h ≈ 2.2e-16·2.5/1e-4 = 5.5e-12 per evaluation, a few times over;
* ReLU's kink, crossed when a pre-activation lies within h of 0: checked not to happen.

So 1e-8 holds on any CPU. With the book's ``delta = 1e-7`` the central difference sees
``-log(y + delta)``, whose derivative in the scores is backprop's ``(y - t)/N`` times
``y_t / (y_t + delta)`` row by row: that is the source of the gradient check's 1e-7.
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.simple_net import simpleNet
from desktop_nn.graph import network_graph, simple_graph

H = 1e-4
TOLERANCE = 1e-8
MNIST_ARRAYS = ("W1", "b1", "a1", "z1", "W2", "b2", "a2")


@pytest.fixture(scope="module")
def batch(mnist):
    (x_train, t_train), _ = mnist
    return x_train[:3], t_train[:3]


def indices(grad: np.ndarray, count: int = 12, seed: int = 0) -> list[tuple[int, ...]]:
    """The ``count`` elements of largest |gradient| and ``count`` random ones."""
    largest = np.argsort(-np.abs(grad).ravel(), kind="stable")[:count]
    rng = np.random.default_rng(seed)
    chosen = [np.unravel_index(k, grad.shape) for k in largest]
    chosen += [tuple(int(rng.integers(0, s)) for s in grad.shape) for _ in range(count)]
    return [tuple(int(k) for k in index) for index in chosen]


def assert_backward_matches_numerical(graph, names) -> None:
    graph.run_all()
    for name in names:
        grad = np.asarray(graph.grad(name))
        for index in indices(grad):
            numerical = graph.numerical_derivative(name, index)
            assert abs(numerical - grad[index]) <= TOLERANCE, (name, index)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_network_layers_backward_match_numerical(batch, activation):
    net = TwoLayerNet(784, 20, 10, weight_init_std=0.1, activation=activation, seed=1,
                      delta=0.0)
    graph = network_graph(net, *batch)
    graph.forward()
    assert np.abs(graph.value("a1")).min() > H  # no kink within reach of a nudge
    assert np.abs(graph.value("z1")).max() <= 3  # the analysis's bound on the coefficients
    assert_backward_matches_numerical(graph, MNIST_ARRAYS)


def test_simple_net_backward_matches_numerical():
    graph = simple_graph(simpleNet(delta=0.0))
    assert_backward_matches_numerical(graph, ("x", "W", "z"))


def test_numerical_derivative_uses_its_own_layers(batch):
    """Numerical derivatives never change what the stepper shows or will compute."""
    graph = network_graph(TwoLayerNet(784, 8, 10, weight_init_std=0.1, seed=2), *batch)
    graph.seek(5)  # the softmax layer's backward step has run
    before = {a.name: np.array(graph.value(a.name)) for a in graph.arrays}
    graph.numerical_derivative("W1", (400, 3))
    graph.numerical_derivative("a1", (0, 1))
    for name, value in before.items():
        np.testing.assert_array_equal(graph.value(name), value)
    graph.run_all()
    expected = net_gradient(graph, batch)
    for key, value in expected.items():
        np.testing.assert_array_equal(graph.grad(key), value)


def net_gradient(graph, batch):
    probe = TwoLayerNet(784, graph.network.hidden_size, 10)
    probe.set_params(graph.network.params)
    return probe.gradient(*batch)


def test_book_delta_scales_the_score_gradients_by_y_over_y_plus_delta(batch):
    net = TwoLayerNet(784, 20, 10, weight_init_std=0.1, seed=1)  # delta 1e-7
    graph = network_graph(net, *batch)
    graph.run_all()
    y, t = graph.value("y"), graph.value("t")
    y_t = (y * t).sum(axis=1)
    ratio = y_t / (y_t + 1e-7)
    grad = graph.grad("a2")
    for n in range(3):
        for k in range(10):
            numerical = graph.numerical_derivative("a2", (n, k))
            assert abs(numerical - ratio[n] * grad[n, k]) <= TOLERANCE
    # ... which differs from backprop by far more than the tolerance: the 1e-7 is visible.
    worst = max(abs(graph.numerical_derivative("a2", (n, 0)) - grad[n, 0]) for n in range(3))
    assert worst > 10 * TOLERANCE


def test_numerical_derivative_refuses_arrays_without_a_gradient(batch):
    graph = network_graph(TwoLayerNet(784, 4, 10, seed=0), *batch)
    for name in ("t", "y", "mask", "X"):
        with pytest.raises(ValueError, match="no gradient"):
            graph.numerical_derivative(name, (0, 0))
