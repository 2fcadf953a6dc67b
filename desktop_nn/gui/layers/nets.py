"""The graphs the Layer graph tab shows, built from the window's data and model.

Building never touches the tab: a graph is made (and checked) first, then shown, so a choice
that cannot be drawn leaves the graph on screen as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.simple_net import simpleNet
from desktop_nn.graph import LayerGraph, network_graph, simple_graph, training_batch
from desktop_nn.graph.layer_nets import MAX_SAMPLES

#: A fresh network is the book's: 50 hidden units, ReLU.
FRESH_HIDDEN = 50


@dataclass(frozen=True)
class Choice:
    """What to draw: ``net`` ``"simple"``, ``"current"`` or ``"fresh"``, on ``samples`` images."""

    net: str
    samples: int = 3
    seed: int = 0


def first_images(data, samples: int) -> tuple[np.ndarray, np.ndarray]:
    """The first ``samples`` training images and labels (from ``data`` when it is loaded)."""
    if data is None:
        return training_batch(samples)
    (x_train, t_train), _ = data
    return x_train[:samples], t_train[:samples]


def build(choice: Choice, data, network: TwoLayerNet | None) -> LayerGraph:
    """The layer graph of ``choice``; ``network`` is the current model (for ``"current"``).

    Raises
    ------
    LookupError
        ``"current"`` was chosen and there is no model yet.
    ValueError, GraphEvaluationError, DataError
        The network or the data cannot be drawn.
    """
    if choice.net == "simple":
        return simple_graph(simpleNet())
    if not 1 <= choice.samples <= MAX_SAMPLES:
        raise ValueError(f"samples must be in 1..{MAX_SAMPLES}")
    if choice.net == "current":
        if network is None:
            raise LookupError("no model yet")
    else:
        network = TwoLayerNet(784, FRESH_HIDDEN, 10, seed=choice.seed)
    x, t = first_images(data, choice.samples)
    return network_graph(network, x, t)


def simple_with(x, t, w) -> LayerGraph:
    """simpleNet with the given inputs (None keeps the book's); the values are checked."""
    graph = simple_graph(simpleNet())
    for name, value in (("x", x), ("t", t), ("W", w)):
        if value is not None:
            graph.set_input(name, np.asarray(value, dtype=np.float64))
    return graph


def seek_pass(graph: LayerGraph, which: str) -> None:
    """Step ``graph`` to ``"none"`` (idle), ``"forward"`` (loss known) or ``"backward"`` (done)."""
    target = {"none": 0, "forward": len(graph.layers), "backward": graph.step_count}[which]
    graph.seek(target)


def pass_of(graph: LayerGraph) -> str:
    """How far ``graph`` is stepped, as a lesson says it."""
    if graph.position >= graph.step_count:
        return "backward"
    return "forward" if graph.forward_done else "none"
