"""The parts of a layer graph: its layers and arrays, and the passes run on fresh layers.

:class:`LayerSpec` describes one layer (``a1 = Affine1(X, W1, b1)``), :class:`ArraySpec` one
array (its role, its shape as the book writes it, where it comes from and goes to, the name of
its gradient). :func:`forward_fresh` runs a forward pass on new layers of the same classes,
which is how a layer graph computes numerical derivatives without touching the layers it
steps through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from desktop_nn.graph.graph import GraphEvaluationError
from desktop_nn.graph.layer_kinds import LayerKind, kind_of

__all__ = [
    "ROLES",
    "ArraySpec",
    "LayerSpec",
    "book_shape",
    "check_finite",
    "checked_value",
    "describe_arrays",
    "float64_inputs",
    "forward_fresh",
]

#: Roles of the arrays: data entering the graph, parameters, labels, layer outputs, the loss,
#: and arrays a layer keeps for its backward pass (softmax's ``y``, ReLU's ``mask``).
ROLES = ("input", "param", "label", "activation", "loss", "internal")
_PORT_ROLES = {"x": "input", "W": "param", "b": "param", "t": "label"}
_BATCH_ROLES = ("input", "label", "activation", "internal")


def book_shape(shape: tuple[int, ...], batch: bool) -> str:
    """A shape as the book writes it: ``(3, 784) -> "N×784"`` for a batch, ``"784×50"``.

    ``batch`` replaces the first axis by ``N``. A scalar (the loss) gives ``""``.
    """
    parts = [str(size) for size in shape]
    if batch and parts:
        parts[0] = "N"
    return "×".join(parts)


@dataclass(frozen=True)
class LayerSpec:
    """One layer of the graph: ``output = layer(inputs)``.

    Attributes
    ----------
    name : str
        ``"Affine1"``, ``"Relu1"``, ``"SoftmaxWithLoss"`` ...
    kind : type of LayerKind
    inputs : tuple of str
        Array names, one per port of the kind (``("X", "W1", "b1")``).
    output : str
    internals : tuple of str
        Names of the arrays it keeps (``("y",)``), one per ``kind.internals`` attribute.
    layer : object
        The book's layer object that runs it.
    """

    name: str
    kind: type[LayerKind]
    inputs: tuple[str, ...]
    output: str
    internals: tuple[str, ...] = ()
    layer: object = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, name: str, layer, inputs: Sequence[str], output: str,
           internals: Sequence[str] | None = None) -> LayerSpec:
        """Describe ``layer``; its internal arrays are named after its attributes by default."""
        kind = kind_of(layer)
        if len(inputs) != len(kind.ports):
            raise ValueError(f"{name}: {kind.name} takes {len(kind.ports)} inputs {kind.ports}")
        names = tuple(kind.internals if internals is None else internals)
        return cls(name, kind, tuple(inputs), output, names, layer)


@dataclass(frozen=True)
class ArraySpec:
    """One array of the graph (an arrow of the picture).

    Attributes
    ----------
    name : str
    role : str
        One of :data:`ROLES`.
    shape : tuple of int
        ``()`` for the loss.
    shape_text : str
        As the book writes it (:func:`book_shape`).
    source, target : str or None
        The layer producing it (None for inputs, parameters and labels) and the layer
        consuming it (None for the loss and internal arrays).
    grad_name : str or None
        ``"d" + name`` if a gradient arrives there; None for labels, internal arrays and the
        data of a first layer that skips its input gradient.
    """

    name: str
    role: str
    shape: tuple[int, ...]
    shape_text: str
    source: str | None
    target: str | None
    grad_name: str | None



def forward_fresh(
    layers: Sequence[LayerSpec],
    inputs: Mapping[str, object],
    overrides: Mapping[str, np.ndarray] | None = None,
) -> dict[str, object]:
    """Every value of a forward pass run on fresh layers of the same classes.

    ``overrides`` replaces inputs, parameters or layer outputs by name (a layer whose output is
    replaced is not run). The layers in ``layers`` are not used, only their classes.
    """
    overrides = overrides or {}
    values: dict[str, object] = {**inputs, **overrides}
    with np.errstate(all="ignore"):
        for spec in layers:
            if spec.output in overrides:
                continue
            args = [values[n] for n in spec.inputs]
            layer = spec.kind.fresh(spec.layer, args)
            values[spec.output] = spec.kind.forward(layer, args)
            for internal, attribute in zip(spec.internals, spec.kind.internals, strict=True):
                values[internal] = getattr(layer, attribute)
    return values


def describe_arrays(layers: Sequence[LayerSpec], values: Mapping[str, object],
                    batch: bool) -> tuple[ArraySpec, ...]:
    """Every array of the chain ``layers``, given the values of a forward pass.

    Raises :class:`GraphEvaluationError` if a layer computed a value that is not finite.
    """
    with_grads = _gradient_names(layers, values)
    produced = {spec.output for spec in layers}
    specs: dict[str, ArraySpec] = {}

    def add(name: str, role: str, source: str | None, target: str | None) -> None:
        if name in specs:
            raise ValueError(f"array {name!r} is used twice")
        shape = tuple(np.shape(values[name]))
        text = book_shape(shape, batch and role in _BATCH_ROLES)
        grad = f"d{name}" if name in with_grads else None
        specs[name] = ArraySpec(name, role, shape, text, source, target, grad)

    for spec in layers:
        for port, name in zip(spec.kind.ports, spec.inputs, strict=True):
            if name not in produced:
                add(name, _PORT_ROLES[port], None, spec.name)
        for internal in spec.internals:
            add(internal, "internal", spec.name, None)
        role = "loss" if spec is layers[-1] else "activation"
        after = [s.name for s in layers if spec.output in s.inputs]
        add(spec.output, role, spec.name, after[0] if after else None)
    for spec in specs.values():
        if spec.source is not None:
            check_finite({spec.name: values[spec.name]}, f"layer {spec.source!r}")
    return tuple(specs.values())


def _gradient_names(layers: Sequence[LayerSpec], values: Mapping[str, object]) -> set[str]:
    """Names of the arrays a backward pass on fresh layers gives a gradient to."""
    with np.errstate(all="ignore"):
        fresh = [s.kind.fresh(s.layer, [values[n] for n in s.inputs]) for s in layers]
        for spec, layer in zip(layers, fresh, strict=True):
            spec.kind.forward(layer, [values[n] for n in spec.inputs])
        names, dout = {layers[-1].output}, 1.0
        for spec, layer in zip(reversed(layers), reversed(fresh), strict=True):
            results = spec.kind.backward(layer, dout)
            names |= {n for n, g in zip(spec.inputs, results, strict=True) if g is not None}
            dout = results[0]
    return names


def checked_value(spec: ArraySpec, value) -> np.ndarray:
    """``value`` as a float64 array for the input ``spec``; ValueError if it does not fit.

    A label may be given as a class index; it must be one-hot.
    """
    array = np.array(value, dtype=np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{spec.name}: every value must be a finite number")
    if spec.role == "label" and array.ndim == 0 and len(spec.shape) == 1:
        classes = spec.shape[0]
        if array != int(array) or not 0 <= array < classes:
            raise ValueError(f"{spec.name}: class {value!r} is not in 0..{classes - 1}")
        array = np.eye(classes)[int(array)]
    if array.shape != spec.shape:
        raise ValueError(f"{spec.name} must have shape {spec.shape}, got {array.shape}")
    if spec.role == "label" and not _is_one_hot(array):
        raise ValueError(f"{spec.name} must be one-hot: a single 1, the other values 0")
    return array


def float64_inputs(layers: Sequence[LayerSpec],
                    inputs: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The inputs with data and labels copied as float64; parameters checked, not copied."""
    params = {
        name
        for spec in layers
        for port, name in zip(spec.kind.ports, spec.inputs, strict=True)
        if _PORT_ROLES[port] == "param"
    }
    result = {}
    for name, value in inputs.items():
        if name not in params:
            result[name] = np.array(value, dtype=np.float64)
        elif not (isinstance(value, np.ndarray) and value.dtype == np.float64):
            raise ValueError(f"parameter {name!r} must be a float64 array (shared with its layer)")
        else:
            result[name] = value
        if not np.all(np.isfinite(result[name])):
            raise ValueError(f"{name}: every value must be a finite number")
    return result


def _is_one_hot(array: np.ndarray) -> bool:
    rows = array.reshape(-1, array.shape[-1])
    return bool(np.all((rows == 0) | (rows == 1)) and np.all(rows.sum(axis=1) == 1))


def check_finite(values: Mapping[str, object], where: str) -> None:
    for name, value in values.items():
        if np.asarray(value).dtype.kind == "f" and not np.all(np.isfinite(value)):
            raise GraphEvaluationError(
                f"cannot compute {name!r} ({where}): a value is too large for a float"
            )
