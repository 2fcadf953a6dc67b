"""TwoLayerNet: the book's API, gradients, shared parameters, seeds, dtypes, initialisation."""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
import pytest

from desktop_nn.core import network as network_module
from desktop_nn.core.functions import cross_entropy_error, softmax
from desktop_nn.core.gradient import BOOK_H
from desktop_nn.core.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from desktop_nn.core.network import TwoLayerNet
from tests.numerics import (
    assert_within,
    central_difference_error,
    two_layer_loss_error,
    two_layer_scores_error,
    unit_roundoff,
)


@pytest.fixture(scope="module")
def batch(mnist):
    """Three real MNIST training images with their labels (indices), float64."""
    (x_train, t_train), _ = mnist
    return x_train[:3].astype(np.float64), t_train[:3].astype(np.int64)


# --- the book's API ------------------------------------------------------------------------


def test_book_api_names_and_shapes():
    net = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    assert list(net.params) == ["W1", "b1", "W2", "b2"]
    assert net.params["W1"].shape == (784, 50)
    assert net.params["b1"].shape == (50,)
    assert net.params["W2"].shape == (50, 10)
    assert net.params["b2"].shape == (10,)
    np.testing.assert_array_equal(net.params["b1"], 0.0)
    np.testing.assert_array_equal(net.params["b2"], 0.0)
    assert isinstance(net.layers, OrderedDict)
    assert list(net.layers) == ["Affine1", "Relu1", "Affine2"]
    assert isinstance(net.layers["Affine1"], Affine)
    assert isinstance(net.layers["Relu1"], Relu)
    assert isinstance(net.layers["Affine2"], Affine)
    assert isinstance(net.lastLayer, SoftmaxWithLoss)
    assert (net.input_size, net.hidden_size, net.output_size) == (784, 50, 10)


def test_book_positional_weight_init_std():
    net = TwoLayerNet(784, 50, 10, 0.01, seed=0)
    # 39,200 draws: the sample standard deviation is within a few percent of 0.01.
    assert net.params["W1"].std() == pytest.approx(0.01, rel=0.03)
    assert abs(net.params["W1"].mean()) < 0.001


def test_sigmoid_activation_key():
    net = TwoLayerNet(784, 50, 10, activation="sigmoid")
    assert list(net.layers) == ["Affine1", "Sigmoid1", "Affine2"]
    assert isinstance(net.layers["Sigmoid1"], Sigmoid)


def test_layers_share_the_params_arrays(batch):
    x, _ = batch
    net = TwoLayerNet(784, 10, 10, seed=0)
    assert net.layers["Affine1"].W is net.params["W1"]
    assert net.layers["Affine1"].b is net.params["b1"]
    assert net.layers["Affine2"].W is net.params["W2"]
    assert net.layers["Affine2"].b is net.params["b2"]
    before = net.predict(x)
    net.params["b2"] += np.arange(10.0)  # in place, as the book's update
    np.testing.assert_allclose(net.predict(x), before + np.arange(10.0), rtol=1e-12)
    net.params["W2"] *= 0
    np.testing.assert_allclose(net.predict(x), np.tile(np.arange(10.0), (3, 1)), atol=1e-15)


def test_predict_loss_accuracy_compose(batch):
    x, t = batch
    net = TwoLayerNet(784, 10, 10, seed=3, weight_init_std=0.1)
    W1, b1, W2, b2 = (net.params[k] for k in ("W1", "b1", "W2", "b2"))
    scores = np.maximum(x @ W1 + b1, 0) @ W2 + b2
    # predict skips the black pixels (InputAffine): the same sums in another order.
    assert_within(net.predict(x), scores, 2 * two_layer_scores_error(net.params, x))
    assert net.loss(x, t) == pytest.approx(cross_entropy_error(softmax(scores), t),
                                           abs=2 * two_layer_loss_error(net.params, x, t))
    ranked = np.sort(scores, axis=1)
    assert np.all(ranked[:, -1] - ranked[:, -2] > 4 * two_layer_scores_error(net.params, x).max())
    assert net.accuracy(x, t) == np.mean(scores.argmax(axis=1) == t)  # no near tie to flip


def test_predict_single_sample(batch):
    x, _ = batch
    net = TwoLayerNet(784, 10, 10, seed=0)
    single = net.predict(x[1])
    assert single.shape == (10,)
    # One row skips its own black pixels, three rows only the pixels black in all three.
    assert_within(single, net.predict(x)[1], 2 * two_layer_scores_error(net.params, x[1])[0])


def test_predict_image_shaped_input(batch):
    x, _ = batch
    net = TwoLayerNet(784, 10, 10, seed=0)
    np.testing.assert_allclose(
        net.predict(x.reshape(3, 1, 28, 28)), net.predict(x), rtol=1e-12, atol=1e-15
    )


# --- gradients ----------------------------------------------------------------------------


def rounding_of_numerical(net, x, t, key) -> np.ndarray:
    """Rounding error of net.numerical_gradient for parameter ``key``, on any CPU.

    rtol=1e-5 and atol=1e-9 allow the truncation error h**2/6 times the third derivative
    (exact arithmetic, the same everywhere); this bound adds what rounding may do: the loss is
    off by at most ``two_layer_loss_error`` in each of the two evaluations (about eps |f| / h
    after the quotient: up to 5e-9 here, more than the 1e-9), and nudging a weight is rounded.
    """
    loss_error = two_layer_loss_error(net.params, x, t, net.activation)
    nudge = unit_roundoff() * (np.abs(net.params[key]) + BOOK_H) / BOOK_H
    return central_difference_error(loss_error, BOOK_H) + nudge


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("labels", ["index", "one-hot"])
def test_gradient_matches_numerical_on_mnist(batch, activation, labels):
    x, index = batch
    t = index if labels == "index" else np.eye(10)[index]
    net = TwoLayerNet(784, 3, 10, seed=1, activation=activation, delta=0.0,
                      weight_init_std=0.1)
    numeric = net.numerical_gradient(x, t)
    backprop = net.gradient(x, t)
    assert set(backprop) == {"W1", "b1", "W2", "b2"}
    for key in ("W1", "b1", "W2", "b2"):
        assert backprop[key].shape == net.params[key].shape
        allowed = 1e-5 * np.abs(numeric[key]) + 1e-9 + rounding_of_numerical(net, x, t, key)
        assert_within(backprop[key], numeric[key], allowed, err_msg=key)
        assert np.abs(backprop[key]).max() > 1e-6, key  # not trivially zero


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_gradient_matches_numerical_on_tiny_dense_net(activation):
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 4))
    t = np.array([0, 1, 2, 0, 1, 2])
    net = TwoLayerNet(4, 5, 3, weight_init_std=1.0, seed=2, activation=activation, delta=0.0)
    numeric = net.numerical_gradient(x, t)
    backprop = net.gradient(x, t)
    for key in ("W1", "b1", "W2", "b2"):
        allowed = 1e-5 * np.abs(numeric[key]) + 1e-9 + rounding_of_numerical(net, x, t, key)
        assert_within(backprop[key], numeric[key], allowed, err_msg=key)


def test_gradient_with_book_delta_differs_only_slightly(batch):
    x, t = batch
    net = TwoLayerNet(784, 3, 10, seed=1)
    numeric, backprop = net.numerical_gradient(x, t), net.gradient(x, t)
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(backprop[key], numeric[key], atol=1e-6, err_msg=key)


def test_numerical_gradient_restores_params_and_reports_progress(batch):
    x, t = batch
    net = TwoLayerNet(784, 2, 10, seed=4)
    before = net.copy_params()
    calls = []
    net.numerical_gradient(x[:1], t[:1], progress=lambda done, total: calls.append(done))
    assert calls == list(range(1, 784 * 2 + 2 + 2 * 10 + 10 + 1))
    for key, value in before.items():
        assert net.params[key].tobytes() == value.tobytes()


# --- seeds, dtypes, initialisation ---------------------------------------------------------


def test_same_seed_same_weights_and_generator_accepted():
    a = TwoLayerNet(784, 20, 10, seed=7)
    b = TwoLayerNet(784, 20, 10, seed=7)
    c = TwoLayerNet(784, 20, 10, seed=np.random.default_rng(7))
    d = TwoLayerNet(784, 20, 10, seed=8)
    for key in ("W1", "W2"):
        np.testing.assert_array_equal(a.params[key], b.params[key])
        np.testing.assert_array_equal(a.params[key], c.params[key])
        assert not np.array_equal(a.params[key], d.params[key])


def test_generator_is_consumed():
    rng = np.random.default_rng(11)
    first = TwoLayerNet(10, 4, 3, seed=rng)
    second = TwoLayerNet(10, 4, 3, seed=rng)
    assert not np.array_equal(first.params["W1"], second.params["W1"])


def test_no_seed_gives_fresh_weights():
    a, b = TwoLayerNet(50, 5, 3), TwoLayerNet(50, 5, 3)
    assert not np.array_equal(a.params["W1"], b.params["W1"])


@pytest.mark.parametrize("dtype", [np.float32, np.float64, "float32", "float64"])
def test_dtype(dtype, batch):
    x, t = batch
    net = TwoLayerNet(784, 10, 10, seed=0, dtype=dtype)
    expected = np.dtype(dtype)
    assert all(p.dtype == expected for p in net.params.values())
    assert net.predict(x).dtype == expected
    grads = net.gradient(x, t)
    for key, grad in grads.items():
        assert grad.dtype == expected, key
    assert isinstance(net.loss(x, t), float)


def test_float32_and_float64_nets_start_alike(batch):
    x, t = batch
    single = TwoLayerNet(784, 10, 10, seed=0, dtype=np.float32)
    double = TwoLayerNet(784, 10, 10, seed=0, dtype=np.float64)
    np.testing.assert_allclose(single.params["W1"], double.params["W1"], rtol=1e-6)
    assert single.loss(x, t) == pytest.approx(double.loss(x, t), rel=1e-5)


@pytest.mark.parametrize(
    ("name", "factor"), [("he", 2.0), ("xavier", 1.0), ("HE", 2.0), ("Xavier", 1.0)]
)
def test_named_weight_init(name, factor):
    net = TwoLayerNet(784, 100, 10, weight_init_std=name, seed=0)
    assert net.params["W1"].std() == pytest.approx(math.sqrt(factor / 784), rel=0.03)
    # W2's fan-in is the hidden size (1,000 draws: a looser bound).
    assert net.params["W2"].std() == pytest.approx(math.sqrt(factor / 100), rel=0.1)


@pytest.mark.parametrize("value", ["glorot", "", -0.01, 0, float("nan"), float("inf")])
def test_invalid_weight_init_names_the_value(value):
    with pytest.raises(ValueError, match="weight_init_std") as info:
        TwoLayerNet(784, 50, 10, weight_init_std=value)
    assert repr(value) in str(info.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"input_size": 0},
        {"hidden_size": -3},
        {"output_size": 2.5},
        {"activation": "tanh"},
        {"dtype": np.int32},
    ],
)
def test_invalid_arguments(kwargs):
    args = {"input_size": 784, "hidden_size": 50, "output_size": 10, **kwargs}
    (name,) = kwargs
    with pytest.raises(ValueError, match=name):
        TwoLayerNet(**args)


# --- accuracy ------------------------------------------------------------------------------


def test_accuracy_with_index_and_one_hot_labels(mnist):
    (x_train, t_train), _ = mnist
    x, t = x_train[:500], t_train[:500]
    net = TwoLayerNet(784, 10, 10, seed=0, weight_init_std=0.1)
    expected = float(np.mean(net.predict(x).argmax(axis=1) == t))
    assert 0.0 < expected < 0.5  # untrained: some right, most wrong
    assert net.accuracy(x, t) == expected
    assert net.accuracy(x, np.eye(10)[t]) == expected


def test_accuracy_in_blocks_equals_whole(mnist, monkeypatch):
    (x_train, t_train), _ = mnist
    x, t = x_train[:301], t_train[:301]
    net = TwoLayerNet(784, 10, 10, seed=2, weight_init_std=0.1, dtype=np.float32)
    whole = net.predict(x)
    # Blocks are dense products, predict skips the black pixels: in float32 the scores may
    # differ by twice the bound, and a sample whose two best scores are closer than that may
    # change its answer (a handful of the 301, at the worst-case bound).
    error = two_layer_scores_error(net.params, x, dtype=np.float32)
    ranked = np.sort(whole.astype(np.float64), axis=1)
    ambiguous = int(np.count_nonzero(ranked[:, -1] - ranked[:, -2] <= 4 * error.max(axis=1)))
    assert ambiguous < 10
    right = float(np.mean(whole.argmax(axis=1) == t))
    monkeypatch.setattr(network_module, "ACCURACY_BLOCK_ROWS", 7)
    for workers in (1, 2):
        monkeypatch.setattr(network_module, "SCORING_WORKERS", workers)
        assert net.accuracy(x, t) == pytest.approx(right, abs=ambiguous / len(t))  # float32
        # Converted blocks: the same float32 numbers as the float32 data.
        assert net.accuracy(x.astype(np.float64), t) == net.accuracy(x, t)
        assert_within(net.predict_in_blocks(x), whole, 2 * error)


def test_accuracy_perfect_and_zero():
    net = TwoLayerNet(2, 2, 2, seed=0)
    net.params["W1"][...] = np.eye(2)
    net.params["W2"][...] = np.eye(2)
    x = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 0.5]])
    assert net.accuracy(x, np.array([0, 1, 0])) == 1.0
    assert net.accuracy(x, np.array([1, 0, 1])) == 0.0


# --- copy_params / set_params ---------------------------------------------------------------


def test_copy_and_set_params(batch):
    x, _ = batch
    net = TwoLayerNet(784, 10, 10, seed=0)
    other = TwoLayerNet(784, 10, 10, seed=1)
    copies = other.copy_params()
    for key in copies:
        assert copies[key] is not other.params[key]
    arrays = {key: value for key, value in net.params.items()}
    net.set_params(copies)
    for key in arrays:
        assert net.params[key] is arrays[key]  # still the layers' arrays
    np.testing.assert_array_equal(net.predict(x), other.predict(x))
    copies["W1"] += 1.0
    np.testing.assert_array_equal(net.params["W1"], other.params["W1"])


def test_set_params_wrong_shape_changes_nothing():
    net = TwoLayerNet(10, 4, 3, seed=0)
    before = net.copy_params()
    bad = {**TwoLayerNet(10, 4, 3, seed=1).copy_params(), "b2": np.zeros(4)}
    with pytest.raises(ValueError, match="b2"):
        net.set_params(bad)
    for key in before:
        np.testing.assert_array_equal(net.params[key], before[key])


def test_a_boolean_is_not_a_weight_scale():
    with pytest.raises(ValueError, match="weight_init_std=True"):
        TwoLayerNet(4, 3, 2, weight_init_std=True)


# --- copies and the hidden layer -----------------------------------------------------------


@pytest.mark.parametrize(("activation", "dtype", "delta"),
                         [("relu", "float32", 1e-7), ("sigmoid", "float64", 0.0)])
def test_a_copy_is_an_independent_twin(activation, dtype, delta):
    net = TwoLayerNet(784, 7, 10, activation=activation, dtype=dtype, seed=2, delta=delta)
    x = np.random.default_rng(0).random((5, 784))
    t = np.array([0, 1, 2, 3, 4])
    twin = net.copy()
    assert (twin.activation, twin.dtype, twin.lastLayer.delta) == (activation, net.dtype, delta)
    np.testing.assert_array_equal(twin.predict(x), net.predict(x))
    assert twin.loss(x, t) == net.loss(x, t)
    for key in net.params:
        assert not np.shares_memory(twin.params[key], net.params[key])
    net.params["W1"] += 1.0
    assert not np.array_equal(twin.predict(x), net.predict(x))


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_hidden_outputs_are_the_hidden_layers_and_leave_the_layers_alone(activation):
    from desktop_nn.core.network import hidden_outputs

    net = TwoLayerNet(784, 6, 10, activation=activation, seed=1, weight_init_std=0.1)
    x = np.random.default_rng(1).random((4, 784))
    out = hidden_outputs(net, x)
    hidden_layer = list(net.layers.values())[1]
    before = {name: getattr(hidden_layer, name, None) for name in ("mask", "out")}
    assert out.shape == (4, 6)
    expected = hidden_layer.forward(net.layers["Affine1"].forward(x))
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)
    fresh = TwoLayerNet(784, 6, 10, activation=activation, seed=1, weight_init_std=0.1)
    hidden_outputs(fresh, x)
    assert all(getattr(list(fresh.layers.values())[1], name, None) is None
               for name in before)  # nothing cached by hidden_outputs
