"""Gradient descent on a function of a vector (chapter 4, the book's ``gradient_method.py``).

``x -= lr * numerical_gradient(f, x)``, ``step_num`` times. From the book's start (-3, 4) on
``x0² + x1²``: with lr 0.1 the path ends near (-6.1e-10, 8.1e-10) after 100 steps; with lr 10
it overshoots further each step until ``x ± h`` rounds to ``x``, the numerical gradient becomes
0 and the point stays near (-2.59e13, -1.30e12); with lr 1e-10 it barely moves
((-2.99999994, 3.99999992)).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from desktop_nn.core.gradient import BOOK_H, Method, numerical_gradient

__all__ = [
    "BOOK_INIT_X",
    "BOOK_LEARNING_RATES",
    "DescentError",
    "descent_steps",
    "gradient_descent",
]

#: Where the book starts: (x0, x1) = (-3, 4).
BOOK_INIT_X = (-3.0, 4.0)
#: The book's three learning rates on ``x0² + x1²``: good, too large, too small.
BOOK_LEARNING_RATES = (0.1, 10.0, 1e-10)


class DescentError(ArithmeticError):
    """The point left the floating-point range (a learning rate far too large)."""


def descent_steps(
    f: Callable[[np.ndarray], float],
    init_x: np.ndarray,
    lr: float = 0.01,
    step_num: int = 100,
    *,
    h: float = BOOK_H,
    method: Method = "central",
) -> Iterator[np.ndarray]:
    """Yield the start and then the point after each step (``step_num + 1`` points in all).

    Each yielded array is a copy, so a caller may keep them (an animation, a path drawn step by
    step). Parameters as :func:`gradient_descent`.

    Raises
    ------
    DescentError
        If a step leaves the floating-point range; the points before it were yielded.
    """
    if not np.isfinite(lr):
        raise ValueError(f"lr={lr!r} is not allowed: it must be a finite number")
    if int(step_num) != step_num or step_num < 0:
        raise ValueError(f"step_num={step_num!r} is not allowed: it must be a whole number >= 0")
    x = np.array(init_x, dtype=np.float64)
    yield x.copy()
    for step in range(1, int(step_num) + 1):
        grad = numerical_gradient(f, x, h, method=method)
        with np.errstate(over="ignore", invalid="ignore"):
            x -= lr * grad
        if not np.all(np.isfinite(x)):
            raise DescentError(
                f"step {step} left the range of floating-point numbers: the learning rate "
                f"{lr:g} is far too large"
            )
        yield x.copy()


def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: np.ndarray,
    lr: float = 0.01,
    step_num: int = 100,
    *,
    h: float = BOOK_H,
    method: Method = "central",
) -> tuple[np.ndarray, np.ndarray]:
    """Descend ``step_num`` steps of ``x -= lr * numerical_gradient(f, x)`` from ``init_x``.

    Unlike the book's version, ``init_x`` is not modified, and the path holds the final point
    too (the book's ``x_history`` stops one step short).

    Parameters
    ----------
    f : callable
        Maps a vector ``x`` of shape (n,) to a number, e.g. ``x[0]**2 + x[1]**2``.
    init_x : array_like, shape (n,)
        The start, e.g. the book's (-3.0, 4.0).
    lr : float, default 0.01
        The learning rate (the book's default; its examples use 0.1, 10 and 1e-10).
    step_num : int, default 100
    h : float, default 1e-4
        The step of the numerical gradient.
    method : {"central", "forward"}, default "central"

    Returns
    -------
    x : ndarray, shape (n,)
        The final point.
    path : ndarray, shape (step_num + 1, n)
        Every point, the start first and ``x`` last.

    Raises
    ------
    DescentError
        If a step leaves the floating-point range.
    """
    path = np.array(list(descent_steps(f, init_x, lr, step_num, h=h, method=method)))
    return path[-1].copy(), path
