"""Why the loss, not the accuracy (section 4.2.5): one weight nudged, a batch scored."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.functions import softmax
from desktop_nn.core.network import PARAM_NAMES, TwoLayerNet
from desktop_nn.core.weight_sweep import steepest_weight, sweep_weight

INDICES = {"W1": (300, 3), "b1": (3,), "W2": (3, 7), "b2": (7,)}


@pytest.fixture(scope="module")
def batch(mnist):
    (x_train, t_train), _ = mnist
    return x_train[:100], t_train[:100]


@pytest.fixture(params=["relu", "sigmoid"])
def net(request):
    return TwoLayerNet(784, 20, 10, weight_init_std=0.1, activation=request.param, seed=5)


def reference(net, x, t, key, index, offsets):
    """The network's own loss and accuracy with the weight set to each value, one by one."""
    param = net.params[key]
    original = param[index]
    losses, accuracies, margins = [], [], []
    try:
        for offset in offsets:
            param[index] = original + offset
            losses.append(net.loss(x, t))
            accuracies.append(net.accuracy(x, t))
            top = np.sort(net.predict(x), axis=1)
            margins.append(float((top[:, -1] - top[:, -2]).min()))
    finally:
        param[index] = original
    return np.array(losses), np.array(accuracies), min(margins)


@pytest.mark.parametrize("key", PARAM_NAMES)
def test_the_sweep_is_the_networks_own_loss_and_accuracy(net, batch, key):
    x, t = batch
    offsets = np.linspace(-3.0, 3.0, 7)
    before = {k: v.copy() for k, v in net.params.items()}
    sweep = sweep_weight(net, x, t, key, INDICES[key], offsets)
    losses, accuracies, margin = reference(net, x, t, key, INDICES[key], offsets)
    # The same sums in another order: relative differences of about 1e-15 for a loss near 2.
    np.testing.assert_allclose(sweep.loss, losses, rtol=1e-9)
    # Scores differ by about 1e-15 too, so a class can only flip where two scores are closer.
    assert margin > 1e-9
    assert sweep.accuracy.tolist() == accuracies.tolist()
    assert sweep.key == key and sweep.index == INDICES[key]
    assert sweep.weight == net.params[key][INDICES[key]]
    np.testing.assert_array_equal(sweep.values, sweep.weight + offsets)
    for k, value in net.params.items():  # the network is left as it was
        assert value.tobytes() == before[k].tobytes()


def test_one_hot_labels_give_the_same_sweep(net, batch):
    x, t = batch
    one_hot = np.eye(10)[t]
    a = sweep_weight(net, x, t, "W2", (3, 7), np.linspace(-1, 1, 5))
    b = sweep_weight(net, x, one_hot, "W2", (3, 7), np.linspace(-1, 1, 5))
    assert a.loss.tolist() == b.loss.tolist() and a.accuracy.tolist() == b.accuracy.tolist()


def test_the_loss_moves_smoothly_the_accuracy_in_steps(net, batch):
    x, t = batch
    key = "W2"
    index = steepest_weight(net, x, t, key)
    sweep = sweep_weight(net, x, t, key, index, np.linspace(-10.0, 10.0, 2001))
    loss_steps, accuracy_steps = np.diff(sweep.loss), np.diff(sweep.accuracy)
    # The loss changes between any two neighbouring values ...
    assert np.all(loss_steps != 0)
    # ... the accuracy in whole samples (multiples of 1/100), and not at all almost everywhere.
    np.testing.assert_allclose(sweep.accuracy * 100, np.round(sweep.accuracy * 100), atol=1e-9)
    assert np.count_nonzero(accuracy_steps) > 0
    assert np.count_nonzero(accuracy_steps == 0) >= 0.9 * len(accuracy_steps)


def test_the_slope_of_the_loss_is_the_backpropagated_gradient(net, batch):
    x, t = batch
    index = steepest_weight(net, x, t, "W1")
    h = 1e-4
    sweep = sweep_weight(net, x, t, "W1", index, [-h, h])
    slope = (sweep.loss[1] - sweep.loss[0]) / (2 * h)
    gradient = net.gradient(x, t)["W1"][index]
    # Backprop ignores the loss's delta = 1e-7 inside the log (relative effect delta/p, below
    # 1e-5 as no probability of the right class is below 0.01 here); truncation h²·f‴/6 and
    # rounding eps·2.3/h (5e-12) are far smaller.
    assert abs(gradient) == np.abs(net.gradient(x, t)["W1"]).max()
    assert softmax(net.predict(x))[np.arange(len(t)), t].min() > 0.01
    assert slope == pytest.approx(gradient, rel=1e-4)


@pytest.mark.parametrize(
    ("key", "index", "message"),
    [("W3", (0,), "key='W3' is not allowed"), ("W1", (784, 0), "outside W1"),
     ("b1", (0, 0), "outside b1"), ("b2", (-1,), "outside b2")],
)
def test_bad_weights_are_refused(net, batch, key, index, message):
    x, t = batch
    with pytest.raises(ValueError, match=message):
        sweep_weight(net, x, t, key, index, [0.0])
