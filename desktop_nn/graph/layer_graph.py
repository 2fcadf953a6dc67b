"""Layer graphs (chapter 5): a network drawn as its layers, stepped forward and backward.

A :class:`LayerGraph` is a chain of the book's layers (Affine, Relu, Sigmoid, SoftmaxWithLoss,
and the MatMul of ``simpleNet``) joined by named arrays, as the book draws ``TwoLayerNet`` in
figures 5-28 to 5-30::

    X ─▶ Affine1 (W1, b1) ─a1─▶ Relu1 ─z1─▶ Affine2 (W2, b2) ─a2─▶ SoftmaxWithLoss (t) ─▶ L

Every array has a name (``X``, ``W1``, ``a1`` ...), a role, its shape (``(3, 784)``) and its
shape as the book writes it (``N×784``); once computed, its value; and once the backward pass
reaches it, the gradient of the loss that arrives there, named with a ``d`` (``dW1``, ``da1``).

The stepper walks a fixed schedule like the scalar graph's
(:class:`~desktop_nn.graph.graph.ComputationGraph`): every layer forward in order, every layer
backward in reverse order, then done; stepping back recomputes from idle. The layers run are
the objects given (the network's own ``layers`` and ``lastLayer``); numerical derivatives use
fresh layers of the same classes, so they never disturb what the stepper shows.

Everything is float64 NumPy; nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from desktop_nn.core.gradient import BOOK_H
from desktop_nn.graph.graph import GraphEvaluationError, Phase
from desktop_nn.graph.layer_arrays import (
    ArraySpec,
    LayerSpec,
    check_finite,
    checked_value,
    describe_arrays,
    float64_inputs,
    forward_fresh,
)

__all__ = ["LayerGraph"]


class LayerGraph:
    """A chain of layers with a forward/backward stepper.

    Parameters
    ----------
    name : str
        ``"TwoLayerNet"`` or ``"simpleNet"``.
    layers : sequence of LayerSpec
        In forward order; each layer's data input is the previous layer's output, and the last
        layer's output is the loss.
    inputs : mapping of str to ndarray
        The data, the labels and the parameters by name. Parameters (float64) are used as they
        are, shared with the layers; data and labels are copied as float64.
    batch : bool
        Whether the first axis of the data is the batch axis (``N`` in shapes).
    editable : sequence of str
        Inputs :meth:`set_input` may change.
    network : object, optional
        The network the layers belong to, kept as :attr:`network` for the caller.

    Raises
    ------
    ValueError
        An input that is not finite, or a parameter that is not a float64 array.
    GraphEvaluationError
        If the inputs give a value that is too large for a float.
    """

    def __init__(
        self,
        name: str,
        layers: Sequence[LayerSpec],
        inputs: Mapping[str, np.ndarray],
        *,
        batch: bool = True,
        editable: Sequence[str] = (),
        network: object = None,
    ) -> None:
        self.name = name
        self.network = network
        self.layers: tuple[LayerSpec, ...] = tuple(layers)
        self._by_name = {spec.name: spec for spec in self.layers}
        self._inputs = float64_inputs(self.layers, inputs)
        self.batch = batch
        self._dout = 1.0
        self._listeners: list[Callable[[], None]] = []
        self.arrays: tuple[ArraySpec, ...] = describe_arrays(self.layers, self.evaluate(), batch)
        self._arrays = {spec.name: spec for spec in self.arrays}
        unknown = [name for name in editable if name not in self._inputs]
        if unknown:
            raise ValueError(f"cannot edit {unknown}: not an input of the graph")
        self.editable: tuple[str, ...] = tuple(editable)
        self._restart()

    # --- structure --------------------------------------------------------------------------

    @property
    def loss_name(self) -> str:
        """Name of the loss array (the last layer's output): ``"L"``."""
        return self.layers[-1].output

    @property
    def parameters(self) -> tuple[str, ...]:
        """Names of the parameters, in order (``W1, b1, W2, b2``; ``W``)."""
        return tuple(a.name for a in self.arrays if a.role == "param")

    @property
    def batch_size(self) -> int:
        """N, the number of samples (1 for a single sample)."""
        first = self._arrays[self.layers[0].inputs[0]]
        return first.shape[0] if self.batch else 1

    def layer(self, name: str) -> LayerSpec:
        """The layer called ``name``."""
        return self._by_name[name]

    def array(self, name: str) -> ArraySpec:
        """The array called ``name`` (``KeyError`` if there is none)."""
        try:
            return self._arrays[name]
        except KeyError:
            known = ", ".join(self._arrays)
            raise KeyError(f"no array {name!r} in the graph; arrays: {known}") from None

    def array_of_grad(self, grad_name: str) -> ArraySpec:
        """The array whose gradient is called ``grad_name`` (``"dW1"`` -> ``W1``)."""
        for spec in self.arrays:
            if spec.grad_name == grad_name:
                return spec
        raise KeyError(f"no array has a gradient called {grad_name!r}")

    def consumer(self, name: str) -> LayerSpec:
        """The layer that takes array ``name`` as an input (whose backward gives its grad)."""
        target = self._arrays[name].target
        if target is None:
            raise KeyError(f"no layer takes {name!r} as an input")
        return self._by_name[target]

    # --- state ------------------------------------------------------------------------------

    @property
    def schedule(self) -> tuple[tuple[Phase, str | None], ...]:
        """Every step: each layer forward, each layer backward in reverse, then done."""
        names = [spec.name for spec in self.layers]
        return (
            *((Phase.FORWARD, n) for n in names),
            *((Phase.BACKWARD, n) for n in reversed(names)),
            (Phase.DONE, None),
        )

    @property
    def step_count(self) -> int:
        """Number of steps; :attr:`position` runs from 0 (idle) to this (done)."""
        return 2 * len(self.layers) + 1

    @property
    def position(self) -> int:
        return self._position

    @property
    def phase(self) -> Phase:
        return Phase.IDLE if self._position == 0 else self.schedule[self._position - 1][0]

    @property
    def active(self) -> str | None:
        """Name of the layer the last step ran, or None (idle, done)."""
        return None if self._position == 0 else self.schedule[self._position - 1][1]

    @property
    def loss(self) -> float | None:
        """The loss, once the forward pass has reached it."""
        return self._values.get(self.loss_name)

    def value(self, name: str) -> np.ndarray | float | None:
        """The value of an array (read-only), or None before it is computed."""
        return _read_only(self._values.get(self.array(name).name))

    def grad(self, name: str) -> np.ndarray | float | None:
        """The gradient arriving at array ``name`` (read-only), or None before it arrives."""
        return _read_only(self._grads.get(self.array(name).name))

    def grads(self) -> dict[str, np.ndarray | None]:
        """The parameters' gradients, as ``TwoLayerNet.gradient`` returns them (None before)."""
        return {name: self.grad(name) for name in self.parameters}

    # --- listeners --------------------------------------------------------------------------

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change of state (for a view)."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        self._listeners.remove(callback)

    # --- running ----------------------------------------------------------------------------

    def seek(self, position: int) -> None:
        """Go to ``position`` (0 = idle, :attr:`step_count` = done).

        Going forward runs the missing steps; going back recomputes from idle. If a step
        fails, the graph stays at the step before it, :attr:`error` holds the message, and
        :class:`GraphEvaluationError` is raised.
        """
        if not 0 <= position <= self.step_count:
            raise ValueError(f"position must be between 0 and {self.step_count}, got {position}")
        try:
            if position < self._position:
                self._restart()
            self.error = None
            while self._position < position:
                self._run_step(self._position + 1)
                self._position += 1
        except GraphEvaluationError as exc:
            self.error = str(exc)
            raise
        finally:
            self._notify()

    def step(self) -> bool:
        """Run the next step; return False if already done."""
        if self._position >= self.step_count:
            return False
        self.seek(self._position + 1)
        return True

    @property
    def forward_done(self) -> bool:
        """Whether every layer has run forward (the loss is known)."""
        return self._position >= len(self.layers)

    def forward_step(self) -> bool:
        """Run the next layer forward; False (nothing done) once the forward pass is done."""
        return not self.forward_done and self.step()

    def backward_step(self) -> bool:
        """Run the next layer backward; False (nothing done) before the forward pass is done
        or once the backward pass is."""
        return self.forward_done and self.step()

    def step_back(self) -> bool:
        """Undo the last step; return False if idle."""
        if self._position == 0:
            return False
        self.seek(self._position - 1)
        return True

    def reset(self) -> None:
        """Back to idle: only the inputs and parameters are known."""
        self.seek(0)

    def forward(self) -> float:
        """Run the whole forward pass (dropping gradients shown) and return the loss."""
        self.seek(len(self.layers))
        return self.loss

    def run_all(self) -> dict[str, np.ndarray | None]:
        """Run forward and backward to the end; return the parameters' gradients."""
        self.seek(self.step_count)
        return self.grads()

    backward = run_all

    def set_input(self, name: str, value) -> None:
        """Change an editable input and recompute everything shown so far.

        ``value`` has the input's shape; a label may also be a class index. The stepper keeps
        its position; a value that makes a step fail is kept, and the stepper stops before
        that step (:class:`GraphEvaluationError`, as :meth:`seek`).

        Raises
        ------
        KeyError
            ``name`` is not editable.
        ValueError
            Wrong shape, not finite, or a label that is not one-hot; nothing is changed.
        """
        if name not in self.editable:
            raise KeyError(f"{name!r} cannot be edited; editable: {', '.join(self.editable)}")
        array = checked_value(self._arrays[name], value)
        if self._arrays[name].role == "param":
            self._inputs[name][...] = array  # shared with the layer
        else:
            self._inputs[name] = array
        position = self._position
        self._restart()
        self.seek(position)

    def set_element(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Change one element of an editable input (see :meth:`set_input`)."""
        array = np.array(self._inputs[name], dtype=np.float64)
        array[index] = value
        self.set_input(name, array)

    # --- numerical derivatives --------------------------------------------------------------

    def evaluate(self, overrides: Mapping[str, np.ndarray] | None = None) -> dict[str, object]:
        """Every value of a forward pass run on fresh layers; the stepper is untouched.

        ``overrides`` replaces inputs, parameters or layer outputs by name (a layer whose
        output is replaced is not run).
        """
        return forward_fresh(self.layers, self._inputs, overrides)

    def numerical_derivative(self, name: str, index: tuple[int, ...] = (),
                             h: float = BOOK_H) -> float:
        """dL/d ``name[index]`` by the central difference ``(L(v + h) - L(v - h)) / 2h``.

        The book's method and step (``h = 1e-4``) on the network's loss, in float64, with the
        array's element nudged and everything downstream recomputed on fresh layers.
        """
        spec = self._arrays[name]
        if spec.grad_name is None:
            raise ValueError(f"no gradient arrives at {name!r}")
        array = np.array(self.evaluate()[name], dtype=np.float64)
        index = tuple(index)
        original = float(array[index])
        losses = []
        for nudged in (original + h, original - h):
            array[index] = nudged
            losses.append(float(self.evaluate({name: array})[self.loss_name]))
        return (losses[0] - losses[1]) / (2 * h)

    # --- internals --------------------------------------------------------------------------

    def _restart(self) -> None:
        self._values: dict[str, object] = dict(self._inputs)
        self._grads: dict[str, object] = {}
        self._position = 0
        self.error: str | None = None

    def _run_step(self, position: int) -> None:
        phase, name = self.schedule[position - 1]
        if position == len(self.layers) + 1:  # the first backward step: dL/dL
            self._grads[self.loss_name] = self._dout
        if phase is Phase.FORWARD:
            self._forward_layer(self._by_name[name])
        elif phase is Phase.BACKWARD:
            self._backward_layer(self._by_name[name])

    def _forward_layer(self, spec: LayerSpec) -> None:
        with np.errstate(all="ignore"):
            out = spec.kind.forward(spec.layer, [self._values[n] for n in spec.inputs])
        internals = {
            name: np.array(getattr(spec.layer, attribute))
            for name, attribute in zip(spec.internals, spec.kind.internals, strict=True)
        }
        check_finite({spec.output: out, **internals}, f"layer {spec.name!r}")
        self._values[spec.output] = out
        self._values.update(internals)

    def _backward_layer(self, spec: LayerSpec) -> None:
        with np.errstate(all="ignore"):
            results = spec.kind.backward(spec.layer, self._grads[spec.output])
        grads = {
            name: g
            for name, g in zip(spec.inputs, results, strict=True)
            if g is not None and self._arrays[name].grad_name is not None
        }
        check_finite(grads, f"the backward pass of layer {spec.name!r}")
        self._grads.update(grads)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()


def _read_only(value):
    if isinstance(value, np.ndarray):
        view = value.view()
        view.flags.writeable = False
        return view
    return value
