"""A typed formula as a function for chapter 4: ``f(x)``, ``f(x0, x1)``, their exact gradients.

:class:`ExpressionFunction` wraps the safe parser (nothing is ever evaluated as Python) and
offers what the chapter's numerics need:

* called with a number or a vector, it is the book's ``function_1`` or ``function_2`` for
  :func:`~desktop_nn.core.gradient.numerical_diff`,
  :func:`~desktop_nn.core.gradient.numerical_gradient` and
  :func:`~desktop_nn.core.descent.gradient_descent`, computing with Python floats exactly as
  the book's NumPy code does, so the book's digits come out;
* :meth:`~ExpressionFunction.exact_gradient`: the derivative by backpropagation through the
  expression's graph, to measure the numerical one against;
* :meth:`~ExpressionFunction.on_grid` and :meth:`~ExpressionFunction.gradient_on_grid`: values
  and exact gradients on NumPy arrays, for curves, contours and arrows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from desktop_nn.graph.arrays import backprop_arrays, evaluate_arrays
from desktop_nn.graph.expression import build_graph
from desktop_nn.graph.graph import ComputationGraph

__all__ = ["BOOK_FUNCTION_1", "BOOK_FUNCTION_2", "ExpressionFunction"]

#: The book's ``function_1`` (section 4.3.2): ``0.01*x**2 + 0.1*x``.
BOOK_FUNCTION_1 = "0.01*x^2 + 0.1*x"
#: The book's ``function_2`` (section 4.3.3): ``x[0]**2 + x[1]**2``.
BOOK_FUNCTION_2 = "x0^2 + x1^2"


class ExpressionFunction:
    """A function of the named inputs of an expression, in the order of :attr:`names`.

    Parameters
    ----------
    text : str
        For example ``"x0^2 + x1^2"``.

    Raises
    ------
    ExpressionError
        If the text is not an allowed expression.

    Attributes
    ----------
    text : str
        The expression as typed.
    graph : ComputationGraph
        Its graph (only read here; its stepper is never moved).
    names : tuple of str
        The inputs in natural order (``x0, x1, ..., x10``), the order of vectors.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.graph: ComputationGraph = build_graph(text, default=0.0)
        self.names: tuple[str, ...] = tuple(sorted(self.graph.input_names, key=_natural))

    def __repr__(self) -> str:
        return f"ExpressionFunction({self.text!r})"

    def __call__(self, x: float | np.ndarray) -> float:
        """``f(x)`` for a number (one input) or a vector of shape (n,) in the order of names.

        Raises
        ------
        GraphEvaluationError
            Where ``f`` is undefined, naming the node.
        """
        return self.graph.evaluate(self.point(x))

    def point(self, x: float | Sequence[float] | np.ndarray) -> dict[str, float]:
        """The inputs by name for a number or a vector ``x`` (shape (n,))."""
        vector = np.asarray(x, dtype=np.float64).reshape(-1)
        if vector.size != len(self.names):
            raise ValueError(
                f"{self.text} takes {len(self.names)} number(s) ({', '.join(self.names)}), "
                f"got {vector.size}"
            )
        return {name: float(value) for name, value in zip(self.names, vector, strict=True)}

    def exact_gradient(self, x: float | np.ndarray) -> np.ndarray:
        """The gradient at ``x`` by backpropagation, shape (n,) in the order of names.

        Raises
        ------
        GraphEvaluationError
            Where ``f`` or its gradient is undefined (``x ** y`` at a negative ``x``).
        """
        point = self.point(x)
        graph = build_graph(self.text, point)
        grads = graph.backward()
        return np.array([grads[name] for name in self.names], dtype=np.float64)

    def on_grid(self, *arrays: np.ndarray) -> np.ndarray:
        """``f`` at every point of broadcast arrays, one per name; nan where undefined."""
        return evaluate_arrays(self.graph, self._named(arrays))

    def gradient_on_grid(self, *arrays: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """``f`` and its exact partial derivatives at every point; nan where undefined.

        Returns
        -------
        values : ndarray, the broadcast shape
        partials : tuple of ndarray
            One per name, in the order of :attr:`names`, each of the broadcast shape.
        """
        values, grads = backprop_arrays(self.graph, self._named(arrays))
        return values, tuple(grads[name] for name in self.names)

    def _named(self, arrays: Sequence[np.ndarray]) -> Mapping[str, np.ndarray]:
        if len(arrays) != len(self.names):
            raise ValueError(
                f"{self.text} takes {len(self.names)} array(s) ({', '.join(self.names)}), "
                f"got {len(arrays)}"
            )
        return dict(zip(self.names, arrays, strict=True))


def _natural(name: str) -> list[object]:
    """Sort key: digits compare as numbers, so ``x2`` comes before ``x10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
