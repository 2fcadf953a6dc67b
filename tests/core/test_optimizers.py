"""Update rules: the book's SGD exactly, the chapter-6 ones on a simple quadratic."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.optimizers import OPTIMIZERS, SGD, AdaGrad, Adam, Momentum, make_optimizer

TARGET = {"W": np.array([[1.0, -2.0], [0.5, 3.0]]), "b": np.array([-1.0, 0.25, 2.0])}


def quadratic(params):
    """f = sum((p - target)**2) over both parameters, and its gradient."""
    value = sum(float(np.sum((params[k] - TARGET[k]) ** 2)) for k in params)
    grads = {k: 2 * (params[k] - TARGET[k]) for k in params}
    return value, grads


def test_sgd_exact_update_in_place():
    W = np.array([1.0, 2.0, -3.0])
    b = np.array([0.5])
    params = {"W": W, "b": b}
    SGD(lr=0.1).update(params, {"W": np.array([0.5, -1.0, 2.0]), "b": np.array([4.0])})
    assert params["W"] is W and params["b"] is b
    np.testing.assert_allclose(W, [0.95, 2.1, -3.2], rtol=1e-15)
    np.testing.assert_allclose(b, [0.1], rtol=1e-14)


def test_sgd_default_lr_and_float32():
    assert SGD().lr == 0.01
    W = np.ones(3, dtype=np.float32)
    SGD(lr=0.5).update({"W": W}, {"W": np.full(3, 2.0, dtype=np.float32)})
    assert W.dtype == np.float32
    np.testing.assert_array_equal(W, 0.0)


def test_momentum_two_steps_by_hand():
    W = np.array([1.0])
    opt = Momentum(lr=0.1, momentum=0.9)
    grad = {"W": np.array([2.0])}
    opt.update({"W": W}, grad)  # v = -0.2
    np.testing.assert_allclose(W, [0.8])
    opt.update({"W": W}, grad)  # v = 0.9 * -0.2 - 0.2 = -0.38
    np.testing.assert_allclose(W, [0.42])
    np.testing.assert_allclose(opt.v["W"], [-0.38])


def test_adagrad_first_steps_by_hand():
    W = np.array([1.0, 1.0])
    opt = AdaGrad(lr=0.1)
    opt.update({"W": W}, {"W": np.array([3.0, -0.5])})
    # h = g**2, so the first step is lr * sign(g) (up to the 1e-7).
    np.testing.assert_allclose(W, [0.9, 1.1], rtol=1e-7)
    opt.update({"W": W}, {"W": np.array([4.0, -0.5])})
    # h = 9 + 16 = 25: step 0.1 * 4 / 5; h = 0.5: step 0.1 * 0.5 / sqrt(0.5)
    np.testing.assert_allclose(W, [0.9 - 0.08, 1.1 + 0.1 * 0.5 / np.sqrt(0.5)], rtol=1e-7)


def test_adam_first_step_is_lr_times_sign():
    W = np.array([1.0, 1.0, 1.0])
    opt = Adam(lr=0.01)
    g = np.array([5.0, -0.1, 1e-3])
    opt.update({"W": W}, {"W": g})
    # m = 0.1 g, v = 0.001 g**2, step size 0.01 * sqrt(0.001) / 0.1: lr * sign(g) but for the
    # 1e-7 in the denominator, which shows for the tiny third gradient.
    np.testing.assert_allclose(W[:2], [0.99, 1.01], rtol=1e-6)
    lr_t = 0.01 * np.sqrt(0.001) / 0.1
    expected = 1.0 - lr_t * 0.1 * 1e-3 / (np.sqrt(0.001) * 1e-3 + 1e-7)
    assert W[2] == pytest.approx(expected, rel=1e-12)
    assert 0.99 < W[2] < 0.991
    assert opt.iter == 1


@pytest.mark.parametrize(
    "optimizer",
    [SGD(lr=0.1), Momentum(lr=0.05), AdaGrad(lr=0.5), Adam(lr=0.1)],
    ids=lambda o: type(o).__name__,
)
def test_decreases_a_quadratic(optimizer):
    params = {"W": np.zeros((2, 2)), "b": np.zeros(3)}
    arrays = dict(params)
    start, _ = quadratic(params)
    values = []
    for _ in range(200):
        value, grads = quadratic(params)
        values.append(value)
        optimizer.update(params, grads)
    final, _ = quadratic(params)
    assert final < 0.01 * start
    assert values[50] < values[0]
    for key in arrays:
        assert params[key] is arrays[key]  # updated in place


@pytest.mark.parametrize(
    ("optimizer", "state_names"),
    [(Momentum(), ("v",)), (AdaGrad(), ("h",)), (Adam(), ("m", "v"))],
    ids=lambda o: type(o).__name__ if not isinstance(o, tuple) else "",
)
def test_keeps_state_per_key(optimizer, state_names):
    params = {"W": np.ones((2, 3)), "b": np.ones(3)}
    grads = {"W": np.full((2, 3), 0.5), "b": np.zeros(3)}
    optimizer.update(params, grads)
    for name in state_names:
        state = getattr(optimizer, name)
        assert set(state) == {"W", "b"}
        assert state["W"].shape == (2, 3) and state["b"].shape == (3,)
        assert state["W"] is not state["b"]
    # A parameter whose gradient is zero did not move; the other one did.
    np.testing.assert_array_equal(params["b"], 1.0)
    assert np.all(params["W"] < 1.0)


def test_momentum_state_does_not_leak_between_keys():
    opt = Momentum(lr=0.1, momentum=0.9)
    a, b = np.zeros(1), np.zeros(1)
    opt.update({"a": a}, {"a": np.array([1.0])})
    opt.update({"b": b}, {"b": np.array([1.0])})
    # b's first step is the same as a's first step: its velocity started at zero.
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_make_optimizer(name):
    opt = make_optimizer(name, 0.25)
    assert isinstance(opt, OPTIMIZERS[name])
    assert opt.lr == 0.25


def test_make_optimizer_known_names():
    assert set(OPTIMIZERS) == {"sgd", "momentum", "adagrad", "adam"}


@pytest.mark.parametrize("name", ["rmsprop", "SGD", ""])
def test_make_optimizer_unknown_name(name):
    with pytest.raises(ValueError, match="optimizer") as info:
        make_optimizer(name, 0.1)
    assert repr(name) in str(info.value)
    assert "sgd" in str(info.value)
