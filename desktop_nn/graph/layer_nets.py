"""The networks a layer graph shows: the book's ``TwoLayerNet`` on a batch, and ``simpleNet``.

:func:`network_graph` draws ``TwoLayerNet`` as the book assembles it in section 5.7::

    X ─▶ Affine1 (W1, b1) ─a1─▶ Relu1 | Sigmoid1 ─z1─▶ Affine2 (W2, b2) ─a2─▶
         SoftmaxWithLoss (t) ─▶ L

with the array names of the book's chapter-4 ``TwoLayerNet.predict`` (``a1 = x·W1 + b1``,
``z1 = sigmoid(a1)``, ``a2 = z1·W2 + b2``, ``y = softmax(a2)``). :func:`simple_graph` draws the
``simpleNet`` of section 4.4.2 as ``x ─▶ MatMul (W) ─z─▶ SoftmaxWithLoss (t) ─▶ L``, with
``x``, ``W`` and ``t`` editable.
"""

from __future__ import annotations

import os

import numpy as np

from desktop_nn.core.layers import MatMul, SoftmaxWithLoss
from desktop_nn.core.network import ACTIVATIONS, TwoLayerNet
from desktop_nn.core.simple_net import BOOK_T, BOOK_X, simpleNet
from desktop_nn.graph.layer_arrays import LayerSpec
from desktop_nn.graph.layer_graph import LayerGraph

__all__ = [
    "DEFAULT_SAMPLES",
    "MAX_SAMPLES",
    "float64_network",
    "network_graph",
    "prepare_batch",
    "simple_graph",
    "training_batch",
]

#: How many images a layer graph shows by default, and at most (a larger batch is cut).
DEFAULT_SAMPLES = 3
MAX_SAMPLES = 100


def float64_network(network: TwoLayerNet) -> TwoLayerNet:
    """A float64 ``TwoLayerNet`` with ``network``'s parameters, activation and ``delta``.

    Its own layers, so that stepping through it never disturbs ``network`` (which may be
    training in another thread).
    """
    copy = TwoLayerNet(
        network.input_size,
        network.hidden_size,
        network.output_size,
        activation=network.activation,
        seed=0,
        delta=network.lastLayer.delta,
    )
    copy.set_params(network.params)
    return copy


def prepare_batch(
    x: np.ndarray, t: np.ndarray, input_size: int, output_size: int
) -> tuple[np.ndarray, np.ndarray]:
    """The first :data:`MAX_SAMPLES` rows of a batch, as float64 images and one-hot labels.

    Parameters
    ----------
    x : ndarray, shape (N, input_size) or (N, ...) with input_size values a sample
    t : ndarray, shape (N,) class indices or (N, output_size) one-hot

    Returns
    -------
    x : ndarray, shape (min(N, 100), input_size), float64
    t : ndarray, shape (min(N, 100), output_size), float64 one-hot
    """
    x = np.asarray(x)
    t = np.asarray(t)
    if x.ndim < 2 or x.shape[0] < 1 or x[0].size != input_size:
        raise ValueError(f"the images must be a batch of rows of {input_size}, got {x.shape}")
    if t.shape[:1] != x.shape[:1]:
        raise ValueError(f"{x.shape[0]} images but labels of shape {t.shape}")
    x = np.array(x[:MAX_SAMPLES].reshape(min(len(x), MAX_SAMPLES), -1), dtype=np.float64)
    t = t[:MAX_SAMPLES]
    if t.ndim == 2 and t.shape[1] == output_size:
        t = t.argmax(axis=1)
    if t.ndim != 1 or not np.all((t >= 0) & (t < output_size) & (t == np.round(t))):
        raise ValueError(f"the labels must be classes 0..{output_size - 1} or one-hot rows")
    return x, np.eye(output_size)[t.astype(np.intp)]


def training_batch(
    samples: int = DEFAULT_SAMPLES,
    *,
    dataset: str = "mnist",
    data_dir: str | os.PathLike | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The first ``samples`` (1 to 100) training images (samples, 784) and labels (samples,).

    Raises ``DataError`` (:mod:`desktop_nn.data`) if the data set cannot be read.
    """
    from desktop_nn.data import load_mnist

    if not 1 <= samples <= MAX_SAMPLES:
        raise ValueError(f"samples={samples} is out of range: it must be in 1..{MAX_SAMPLES}")
    (x_train, t_train), _ = load_mnist(dataset=dataset, data_dir=data_dir)
    return x_train[:samples], t_train[:samples]


def network_graph(network: TwoLayerNet, x: np.ndarray, t: np.ndarray) -> LayerGraph:
    """``TwoLayerNet`` as its layers, on the first 100 rows (at most) of the batch ``(x, t)``.

    The graph runs the layers of :func:`float64_network` (``graph.network``): the book's own
    ``Affine``, ``Relu`` or ``Sigmoid`` and ``SoftmaxWithLoss`` objects, in float64.
    """
    net = float64_network(network)
    x, t = prepare_batch(x, t, net.input_size, net.output_size)
    activation, _ = ACTIVATIONS[net.activation]
    layers = [
        LayerSpec.of("Affine1", net.layers["Affine1"], ("X", "W1", "b1"), "a1"),
        LayerSpec.of(activation, net.layers[activation], ("a1",), "z1"),
        LayerSpec.of("Affine2", net.layers["Affine2"], ("z1", "W2", "b2"), "a2"),
        LayerSpec.of("SoftmaxWithLoss", net.lastLayer, ("a2", "t"), "L"),
    ]
    inputs = {"X": x, "t": t, **net.params}
    return LayerGraph("TwoLayerNet", layers, inputs, batch=True, network=net)


def simple_graph(
    net: simpleNet | None = None, x: np.ndarray = BOOK_X, t: np.ndarray = BOOK_T
) -> LayerGraph:
    """The book's ``simpleNet`` (default: its printed W) on one sample; x, W, t editable.

    The graph's ``W`` is ``net.W`` itself, so editing it changes ``net.loss`` too.
    """
    net = simpleNet() if net is None else net
    layers = [
        LayerSpec.of("MatMul", MatMul(net.W), ("x", "W"), "z"),
        LayerSpec.of("SoftmaxWithLoss", SoftmaxWithLoss(net.delta), ("z", "t"), "L"),
    ]
    inputs = {"x": x, "W": net.W, "t": t}
    return LayerGraph("simpleNet", layers, inputs, batch=False, editable=("x", "W", "t"),
                      network=net)
