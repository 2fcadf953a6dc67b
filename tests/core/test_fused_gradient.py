"""FusedGradient: the book's gradient, computed into reused buffers."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from desktop_nn.core.fused_gradient import FusedGradient
from desktop_nn.core.network import TwoLayerNet
from tests.numerics import assert_within, two_layer_gradient_error, two_layer_loss_error


@pytest.fixture(scope="module")
def batch(mnist):
    """A hundred MNIST training images (float32) with their class indices."""
    (x_train, t_train), _ = mnist
    return x_train[:100], t_train[:100]


def network(activation="relu", dtype=np.float32, hidden=50, seed=3):
    return TwoLayerNet(784, hidden, 10, weight_init_std=0.1, activation=activation, seed=seed,
                       dtype=dtype)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_equals_the_layers_gradient_up_to_rounding(batch, activation, dtype):
    x, t = batch
    net = network(activation, dtype)
    expected = {key: value.copy() for key, value in net.gradient(x, t).items()}
    expected_loss = net.lastLayer.loss
    fused = FusedGradient(net, len(x))
    grads = fused.gradient(x, t)
    bounds = two_layer_gradient_error(net.params, x, t, activation, dtype)
    for key in ("W1", "b1", "W2", "b2"):
        assert grads[key].dtype == np.dtype(dtype) and grads[key].shape == net.params[key].shape
        assert_within(grads[key], expected[key], 2 * bounds[key], err_msg=key)
        assert np.abs(expected[key]).max() > 1e-4, key  # a real gradient, not zeros
    loss_bound = 2 * two_layer_loss_error(net.params, x, t, activation, dtype)
    assert abs(fused.loss - expected_loss) <= loss_bound


def test_float32_gradient_is_within_its_bound_of_the_float64_one(batch):
    # The float32 network's weights are float32 numbers, exact in float64: the float64
    # gradient of the same weights is the exact one but for its own, far smaller, rounding.
    x, t = batch
    net = network(dtype=np.float32)
    wide = network(dtype=np.float64)
    wide.set_params(net.params)
    exact = FusedGradient(wide, len(x)).gradient(x, t)
    grads = FusedGradient(net, len(x)).gradient(x, t)
    narrow_bound = two_layer_gradient_error(net.params, x, t, dtype=np.float32)
    wide_bound = two_layer_gradient_error(net.params, x, t, dtype=np.float64)
    for key in ("W1", "b1", "W2", "b2"):
        assert_within(grads[key], exact[key], narrow_bound[key] + wide_bound[key], err_msg=key)


def test_one_hot_labels_give_the_same_gradient(batch):
    x, t = batch
    fused = FusedGradient(network(), len(x))
    by_index = {key: value.copy() for key, value in fused.gradient(x, t).items()}
    loss = fused.loss
    by_one_hot = fused.gradient(x, np.eye(10, dtype=np.float32)[t])
    for key in by_index:
        np.testing.assert_array_equal(by_one_hot[key], by_index[key])
    assert fused.loss == loss


def test_grads_are_reused_buffers_and_nothing_else_changes(batch):
    x, t = batch
    net = network()
    params = net.copy_params()
    x_before, t_before = x.copy(), t.copy()
    fused = FusedGradient(net, len(x))
    first = fused.gradient(x, t)
    buffers = {key: value for key, value in first.items()}
    second = fused.gradient(x[::-1], t[::-1])
    assert second is first
    assert all(second[key] is buffers[key] for key in buffers)
    for key, value in params.items():
        np.testing.assert_array_equal(net.params[key], value)
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(t, t_before)


def test_reads_the_parameters_at_every_call(batch):
    x, t = batch
    net = network()
    fused = FusedGradient(net, len(x))
    before = fused.gradient(x, t)["W2"].copy()
    net.params["W1"] *= 2  # in place, as an optimizer updates
    after = fused.gradient(x, t)["W2"]
    reference = net.gradient(x, t)["W2"]
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, reference, rtol=1e-3, atol=1e-6)


def test_a_batch_of_another_size(batch):
    x, t = batch
    net = network(dtype=np.float64)
    fused = FusedGradient(net, len(x))
    for rows in (1, 7, 100):
        grads = fused.gradient(x[:rows], t[:rows])
        expected = net.gradient(x[:rows], t[:rows])
        bounds = two_layer_gradient_error(net.params, x[:rows], t[:rows])
        for key in grads:
            assert_within(grads[key], expected[key], 2 * bounds[key], err_msg=f"{rows} {key}")


def test_image_shaped_input(batch):
    x, t = batch
    fused = FusedGradient(network(), len(x))
    flat = {key: value.copy() for key, value in fused.gradient(x, t).items()}
    shaped = fused.gradient(x.reshape(-1, 1, 28, 28), t)
    for key in flat:
        np.testing.assert_array_equal(shaped[key], flat[key])


def test_hidden_silent_when_every_relu_is_off(batch):
    x, t = batch
    net = network()
    fused = FusedGradient(net, len(x))
    fused.gradient(x, t)
    assert not fused.hidden_silent
    net.params["b1"][...] = -1e3  # every pre-activation negative
    grads = fused.gradient(x, t)
    assert fused.hidden_silent
    np.testing.assert_array_equal(grads["W1"], 0.0)
    sigmoid = network("sigmoid")
    sigmoid.params["b1"][...] = -1e3
    fused = FusedGradient(sigmoid, len(x))
    fused.gradient(x, t)
    assert not fused.hidden_silent  # a sigmoid is never exactly 0


def test_huge_scores_do_not_overflow(batch):
    # The largest score is subtracted before exp, as the book's softmax does.
    x, t = batch
    net = network()
    net.params["W2"] *= 1e4
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        FusedGradient(net, len(x)).gradient(x, t)
        expected = net.gradient(x, t)
    fused = FusedGradient(net, len(x))
    grads = fused.gradient(x, t)
    assert np.isfinite(fused.loss)
    for key in grads:
        assert np.all(np.isfinite(grads[key])), key
    np.testing.assert_allclose(grads["b2"], expected["b2"], atol=1e-6)


def test_no_per_call_allocation_of_gradient_or_batch_sized_arrays(batch):
    # The layers allocate every intermediate array and every gradient anew. The fused gradient
    # allocates only small arrays (the 100 picked probabilities and their logarithms) and the
    # buffer NumPy's iterator uses while it adds a broadcast bias (one hidden-sized block,
    # freed at once).
    x, t = batch
    net = network()
    fused = FusedGradient(net, len(x))
    fused.gradient(x, t)  # warm up

    def peak_of(call) -> int:
        tracemalloc.start()
        try:
            call()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    hidden_bytes = len(x) * net.hidden_size * 4
    gradient_bytes = sum(value.nbytes for value in net.params.values())
    assert peak_of(lambda: net.gradient(x, t)) > gradient_bytes  # the test can tell
    assert peak_of(lambda: fused.gradient(x, t)) < 2 * hidden_bytes < gradient_bytes
