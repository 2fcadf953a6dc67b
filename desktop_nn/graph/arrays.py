"""A computation graph evaluated on NumPy arrays: every point of a grid at once.

The same layers as the stepper (:mod:`desktop_nn.graph.ops`), run forward over arrays and then
backward, so the exact gradient comes out for every point too. This is what plots need: a
curve of ``f(x)``, the contours of ``f(x0, x1)`` and the arrows of ``-∇f`` on a grid.

Where the function or its gradient is undefined (``log`` of a negative, ``1/0``, an overflow)
the result is nan at that point; no warning is raised and the other points are unaffected.
The graph itself is only read: its stepper, inputs and layers are untouched.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from desktop_nn.graph.graph import ComputationGraph

__all__ = ["backprop_arrays", "evaluate_arrays"]


def evaluate_arrays(graph: ComputationGraph, values: Mapping[str, np.ndarray]) -> np.ndarray:
    """The graph's output at every point.

    Parameters
    ----------
    graph : ComputationGraph
    values : mapping of str to array_like
        Inputs by name, broadcast against each other (a missing input keeps its value in the
        graph).

    Returns
    -------
    ndarray, the broadcast shape of the inputs, float64
        nan where the output is undefined or not finite.
    """
    known, shape = _inputs(graph, values)
    with np.errstate(all="ignore"):
        _forward(graph, known)
    return _finite(known[graph.output]).reshape(shape)


def backprop_arrays(
    graph: ComputationGraph, values: Mapping[str, np.ndarray]
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The output and its gradient with respect to every input, at every point.

    Parameters
    ----------
    graph : ComputationGraph
    values : mapping of str to array_like
        As for :func:`evaluate_arrays`.

    Returns
    -------
    output : ndarray, the broadcast shape
    grads : dict of str to ndarray, each of the broadcast shape
        By input name, in the graph's order; nan where undefined, and wherever the output is.
    """
    known, shape = _inputs(graph, values)
    with np.errstate(all="ignore"):
        layers = _forward(graph, known)
        grads = _backward(graph, layers, np.ones_like(known[graph.output]))
    output = _finite(known[graph.output])
    defined = np.isfinite(output)  # no slope where there is no value
    return output.reshape(shape), {
        name: np.where(defined, _finite(grads.get(name, np.zeros_like(output))), np.nan)
        .reshape(shape)
        for name in graph.input_names
    }


def _inputs(
    graph: ComputationGraph, values: Mapping[str, np.ndarray]
) -> tuple[dict[str, np.ndarray], tuple[int, ...]]:
    """Every input and constant as a flat float64 array of one common length."""
    unknown = set(values) - set(graph.input_names)
    if unknown:
        raise KeyError(f"unknown input(s) {', '.join(sorted(unknown))}; "
                       f"inputs: {', '.join(graph.input_names) or 'none'}")
    current = graph.inputs
    arrays = [np.asarray(values.get(name, current[name]), dtype=np.float64)
              for name in graph.input_names]
    shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
    size = int(np.prod(shape))
    known = {name: np.broadcast_to(a, shape).reshape(size).copy()
             for name, a in zip(graph.input_names, arrays, strict=True)}
    known.update({vertex: np.full(size, value) for vertex, value in graph.constants.items()})
    return known, shape


def _forward(graph: ComputationGraph, known: dict[str, np.ndarray]) -> dict[str, object]:
    """Run every node forward on fresh layers; return the layers by node id."""
    layers = {}
    for node in graph.nodes:
        layers[node.id] = layer = node.op()
        known[node.id] = np.asarray(layer.forward(*(known[arg] for arg in node.args)),
                                    dtype=np.float64)
    return layers


def _backward(
    graph: ComputationGraph, layers: dict[str, object], dout: np.ndarray
) -> dict[str, np.ndarray]:
    """Backpropagate ``dout`` from the output; return the gradient of every vertex reached."""
    grads = {graph.output: dout}
    for node in reversed(graph.nodes):
        if node.id not in grads:
            continue  # does not lead to the output
        local = layers[node.id].backward(grads[node.id])
        local = (local,) if node.op.arity == 1 else local
        for arg, grad in zip(node.args, local, strict=True):
            grads[arg] = grads[arg] + grad if arg in grads else np.asarray(grad, dtype=np.float64)
    return grads


def _finite(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)
