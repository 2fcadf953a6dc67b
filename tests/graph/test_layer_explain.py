"""Per-element explanations: each rule's numbers add up to the gradient (or value) shown.

Sums are compared with NumPy's own result within the error bound of a sum of n products,
(n + 2)·eps·sum|terms|: the explanation adds the rounded products exactly (math.fsum), BLAS
in its own order. Numerical derivatives beside the elements use a ``delta = 0`` network, so
they agree with backpropagation to 1e-8 (see test_layer_backward.py for the analysis).
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.simple_net import simpleNet
from desktop_nn.graph import explain_backward, explain_forward, network_graph, simple_graph
from desktop_nn.graph.layer_explain import (
    AffineBackward,
    ReluBackward,
    SigmoidBackward,
    SoftmaxWithLossBackward,
)
from desktop_nn.graph.layer_forward import (
    ActivationForward,
    AffineForward,
    LossForward,
    SoftmaxForward,
)

EPS = np.finfo(np.float64).eps
NUMERICAL_TOLERANCE = 1e-8


def sum_bound(products: np.ndarray) -> float:
    return (products.size + 2) * EPS * float(np.abs(products).sum())


@pytest.fixture(scope="module")
def batch(mnist):
    (x_train, t_train), _ = mnist
    return x_train[:4], t_train[:4]


@pytest.fixture(scope="module", params=["relu", "sigmoid"])
def done(batch, request):
    """A network graph after its backward pass (delta 0: numerical == backprop to 1e-8)."""
    net = TwoLayerNet(784, 12, 10, weight_init_std=0.1, activation=request.param, seed=3,
                      delta=0.0)
    graph = network_graph(net, *batch)
    graph.run_all()
    return graph


def largest(graph, name, count=3):
    grad = np.asarray(graph.grad(name))
    order = np.argsort(-np.abs(grad).ravel(), kind="stable")[:count]
    return [tuple(int(k) for k in np.unravel_index(i, grad.shape)) for i in order]


def test_dw_is_the_sum_over_the_batch(done):
    X, da1 = np.asarray(done.value("X")), np.asarray(done.grad("a1"))
    for i, j in [*largest(done, "W1"), (0, 0)]:
        e = explain_backward(done, "dW1", (i, j))
        assert isinstance(e, AffineBackward) and e.port == "W"
        assert (e.layer, e.grad, e.array, e.formula) == ("Affine1", "dW1", "W1", "dW1 = Xᵀ·da1")
        assert e.element == f"dW1[{i}, {j}] = Σₙ X[n, {i}]·da1[n, {j}]"
        assert e.factor_names == (f"X[n, {i}]", f"da1[n, {j}]")
        assert e.terms.variable == "n" and e.terms.count == 4
        assert [t.factors for t in e.terms.shown] == [(X[n, i], da1[n, j]) for n in range(4)]
        assert e.value == done.grad("W1")[i, j]
        assert abs(e.terms.total - e.value) <= sum_bound(X[:, i] * da1[:, j])
        assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE
        reason = e.shape_reason
        assert reason.operation == "product"
        assert reason.operands == (("Xᵀ", (784, 4)), ("da1", (4, 12)))
        assert reason.result == (784, 12) == done.array("W1").shape and reason.matches == "W1"


def test_db_is_the_sum_of_dy_over_the_batch_axis(done):
    da2 = np.asarray(done.grad("a2"))
    for (j,) in largest(done, "b2"):
        e = explain_backward(done, "db2", j)
        assert e.port == "b" and e.formula == "db2 = Σₙ da2[n, :]"
        assert e.element == f"db2[{j}] = Σₙ da2[n, {j}]"
        assert [t.factors for t in e.terms.shown] == [(v,) for v in da2[:, j]]
        assert abs(e.terms.total - e.value) <= sum_bound(da2[:, j])
        assert e.shape_reason.operation == "sum"
        assert e.shape_reason.operands == (("da2", (4, 10)),)
        assert e.shape_reason.result == (10,)
        assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE


def test_dx_is_dy_times_w_transposed(done):
    da2, W2 = np.asarray(done.grad("a2")), np.asarray(done.value("W2"))
    for n, k in largest(done, "z1"):
        e = explain_backward(done, "dz1", (n, k), max_terms=4)
        assert e.layer == "Affine2" and e.port == "x" and e.formula == "dz1 = da2·W2ᵀ"
        assert e.element == f"dz1[{n}, {k}] = Σⱼ da2[{n}, j]·W2[{k}, j]"
        assert e.terms.count == 10 and len(e.terms.shown) == 4 and e.terms.rest_count == 6
        assert abs(e.terms.total - e.value) <= sum_bound(da2[n] * W2[k])
        assert e.shape_reason.operands == (("da2", (4, 10)), ("W2ᵀ", (10, 12)))
        assert e.shape_reason.result == (4, 12) and e.shape_reason.matches == "z1"
        assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE


def test_activation_backward(done):
    name = done.layers[1].name
    a1, dz1, da1 = (np.asarray(v) for v in (done.value("a1"), done.grad("z1"),
                                            done.grad("a1")))
    for index in [(0, 0), (1, 5), (3, 11), *largest(done, "a1")]:
        e = explain_backward(done, "da1", index)
        assert e.layer == name and e.value == da1[index]
        assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE
        if isinstance(e, ReluBackward):
            assert e.x == a1[index] and e.dout == dz1[index]
            assert e.passes == (a1[index] > 0)
            assert e.value == (dz1[index] if e.passes else 0.0)
            n, k = index
            assert e.element == (f"da1[{n}, {k}] = dz1[{n}, {k}]" if e.passes
                                 else f"da1[{n}, {k}] = 0")
            assert e.row_passing == int(np.sum(a1[index[0]] > 0)) and e.row_size == 12
            assert not e.near_kink
        else:
            assert isinstance(e, SigmoidBackward)
            y = np.asarray(done.value("z1"))[index]
            assert (e.y, e.dout, e.local) == (y, dz1[index], y * (1 - y))
            assert abs(e.dout * e.local - e.value) <= 2 * EPS * abs(e.value)


def test_relu_explanation_says_which_pass(batch):
    graph = network_graph(TwoLayerNet(784, 12, 10, weight_init_std=0.1, seed=3), *batch)
    graph.run_all()
    a1 = np.asarray(graph.value("a1"))
    on = tuple(int(k) for k in np.argwhere(a1 > 0)[0])
    off = tuple(int(k) for k in np.argwhere(a1 <= 0)[0])
    e_on, e_off = explain_backward(graph, "da1", on), explain_backward(graph, "da1", off)
    assert e_on.passes and e_on.element == f"da1[{on[0]}, {on[1]}] = dz1[{on[0]}, {on[1]}]"
    assert not e_off.passes and e_off.value == 0.0 and e_off.numerical == 0.0
    assert e_on.formula == "da1 = dz1·[a1 > 0]"


def test_softmax_with_loss_is_y_minus_t_over_n(done):
    y, t = np.asarray(done.value("y")), np.asarray(done.value("t"))
    for n, k in [(0, 0), (2, 7), *largest(done, "a2")]:
        e = explain_backward(done, "da2", (n, k))
        assert isinstance(e, SoftmaxWithLossBackward)
        assert e.formula == "da2 = (y − t) / N" and e.batch_size == 4 and e.row == n
        assert e.element == f"da2[{n}, {k}] = (y[{n}, {k}] − t[{n}, {k}]) / 4"
        assert (e.y, e.t) == (y[n, k], t[n, k])
        assert e.y_row == tuple(y[n]) and e.t_row == tuple(t[n])
        assert e.grad_row == tuple(np.asarray(done.grad("a2"))[n])
        assert e.value == (y[n, k] - t[n, k]) / 4
        assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE


def test_simple_net_explanations():
    graph = simple_graph(simpleNet(delta=0.0))
    graph.run_all()
    e = explain_backward(graph, "dW", (1, 2))
    assert e.element == "dW[1, 2] = x[1]·dz[2]" and e.terms.count == 1
    assert e.terms.shown[0].factors == (0.9, graph.grad("z")[2])
    assert e.value == pytest.approx(-0.544, abs=5e-4)
    assert abs(e.numerical - e.value) <= NUMERICAL_TOLERANCE
    e = explain_backward(graph, "dz", (2,))
    assert e.row is None and e.batch_size == 1 and e.element == "dz[2] = (y[2] − t[2]) / 1"
    e = explain_backward(graph, "dx", (0,))
    assert e.element == "dx[0] = Σⱼ dz[j]·W[0, j]" and e.terms.count == 3


def test_errors(batch):
    graph = network_graph(TwoLayerNet(784, 4, 10, seed=0), *batch)
    graph.seek(5)  # only the softmax layer's backward step has run
    assert explain_backward(graph, "da2", (0, 0)).layer == "SoftmaxWithLoss"
    with pytest.raises(ValueError, match="not reached Affine2"):
        explain_backward(graph, "dW2", (0, 0))
    with pytest.raises(ValueError, match="starts there"):
        explain_backward(graph, "dL", ())
    with pytest.raises(KeyError, match="dX"):
        explain_backward(graph, "dX", (0, 0))
    with pytest.raises(IndexError, match=r"da2 has shape \(4, 10\)"):
        explain_backward(graph, "da2", (4, 0))
    graph.reset()
    with pytest.raises(ValueError, match="not reached Affine1"):
        explain_forward(graph, "a1", (0, 0))
    with pytest.raises(ValueError, match="given, not computed"):
        explain_forward(graph, "W1", (0, 0))


# --- forward ------------------------------------------------------------------------------


def test_affine_forward_is_a_sum_of_784_terms_plus_the_bias(done):
    X, W1, b1 = (np.asarray(done.value(k)) for k in ("X", "W1", "b1"))
    for n, j in [(0, 0), (3, 11)]:
        e = explain_forward(done, "a1", (n, j))
        assert isinstance(e, AffineForward)
        assert e.formula == "a1 = X·W1 + b1"
        assert e.element == f"a1[{n}, {j}] = Σᵢ X[{n}, i]·W1[i, {j}] + b1[{j}]"
        assert e.terms.count == 784 and len(e.terms.shown) == 8
        assert e.terms.rest_count == 776
        assert e.terms.zero_count == int(np.sum(X[n] == 0))  # the black pixels
        assert e.bias == b1[j]
        products = X[n] * W1[:, j]
        assert abs(e.terms.total + e.bias - e.value) <= sum_bound(products) + EPS * abs(e.value)


def test_activation_softmax_and_loss_forward(done):
    a1 = np.asarray(done.value("a1"))
    e = explain_forward(done, "z1", (1, 2))
    assert isinstance(e, ActivationForward) and e.x == a1[1, 2]
    if done.layers[1].name == "Relu1":
        assert e.value == max(0.0, a1[1, 2]) and e.formula == "z1 = max(0, a1)"
        mask = explain_forward(done, "mask", (1, 2))
        assert mask.value == float(a1[1, 2] <= 0) and mask.formula == "mask = (a1 ≤ 0)"
    else:
        assert e.formula == "z1 = 1 / (1 + exp(−a1))"
        assert e.value == pytest.approx(1 / (1 + np.exp(-a1[1, 2])), rel=4 * EPS)

    e = explain_forward(done, "y", (2, 3))
    assert isinstance(e, SoftmaxForward) and e.row == 2
    assert e.scores == tuple(np.asarray(done.value("a2"))[2]) and e.shift == max(e.scores)
    assert e.value == pytest.approx(e.exps[3] / sum(e.exps), rel=8 * EPS)

    e = explain_forward(done, "L")
    assert isinstance(e, LossForward) and e.delta == 0.0 and e.batch_size == 4
    assert e.formula == "L = −Σₙ log(y[n, tₙ] + 0) / N"
    assert e.labels == tuple(int(k) for k in np.argmax(done.value("t"), axis=1))
    y = np.asarray(done.value("y"))
    assert [t.factors[0] for t in e.terms.shown] == [y[n, k] for n, k in enumerate(e.labels)]
    assert abs(e.terms.total - e.value) <= 8 * EPS * e.value


def test_simple_loss_formula_with_the_books_delta():
    graph = simple_graph()
    graph.forward()
    e = explain_forward(graph, "L")
    assert e.formula == "L = −log(y[t] + 1e-7) / N" and e.terms.count == 1
    assert e.value == graph.loss
