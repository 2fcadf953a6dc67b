"""Numerical differentiation (chapter 4) and the gradient check (chapter 5).

``numerical_diff`` and ``numerical_gradient`` are the book's: central differences with
``h = 1e-4`` (a forward difference as an option, to show why the book does not use it). The
gradient check compares the slow, obviously-correct central differences with the fast
backpropagated gradient; if backpropagation is right, they agree to many decimal places.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from desktop_nn.core.timing import TIMED_CALLS, Clock, best_time

#: The book's step for central differences.
BOOK_H = 1e-4
#: The ways to take a difference: ``(f(x+h) - f(x-h)) / 2h`` or ``(f(x+h) - f(x)) / h``.
METHODS = ("central", "forward")
Method = Literal["central", "forward"]


class Cancelled(Exception):  # noqa: N818 - reads naturally: ``raise Cancelled``
    """Raised by a progress callback to stop a long computation; parameters are restored."""


def numerical_diff(
    f: Callable[[float], float], x: float, h: float = BOOK_H, method: Method = "central"
) -> float:
    """The derivative of ``f`` at ``x`` by a difference, as the book's ``numerical_diff``.

    Parameters
    ----------
    f : callable
        A function of one number.
    x : float
    h : float, default 1e-4
        The book's step: small enough for the truncation error (about ``h²·|f‴|/6``), large
        enough for the rounding error (about ``ε·|f|/h``, ε = 2.2e-16). At ``h = 1e-50`` the
        rounding wins completely: ``x + h == x``, the difference is 0 and so is the result.
    method : {"central", "forward"}, default "central"
        ``(f(x+h) - f(x-h)) / 2h`` (the book's) or ``(f(x+h) - f(x)) / h``, whose truncation
        error is about ``h·|f″|/2``.

    Returns
    -------
    float
        For ``0.01x² + 0.1x`` the book prints 0.1999999999990898 at x = 5 and
        0.2999999999986347 at x = 10.
    """
    _check_method(method)
    if method == "forward":
        return (f(x + h) - f(x)) / h
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(
    f: Callable[[np.ndarray], float],
    x: np.ndarray,
    h: float = BOOK_H,
    *,
    method: Method = "central",
    on_element: Callable[[int], None] | None = None,
) -> np.ndarray:
    """Gradient of ``f`` at ``x`` by central differences ``(f(x+h) - f(x-h)) / 2h``.

    Each element of ``x`` is nudged in place, one at a time, and restored (also when ``f`` or
    ``on_element`` raises), so ``f`` may ignore its argument and read ``x`` through a closure,
    as the book's ``lambda W: net.loss(x, t)`` does.

    Parameters
    ----------
    f : callable
        Maps the array ``x`` to a scalar.
    x : ndarray, any shape, floating
        The point; modified during the call and restored exactly.
    h : float, default 1e-4
    method : {"central", "forward"}, default "central"
        ``"forward"`` takes ``(f(x+h) - f(x)) / h`` instead, evaluating ``f(x)`` once.
    on_element : callable, optional
        Called with the number of elements done so far after each one (progress, cancelling).

    Returns
    -------
    ndarray, same shape and dtype as ``x``
        For ``x0² + x1²`` the book gets (6, 8) at (3, 4), (0, 4) at (0, 2), (6, 0) at (3, 0).
    """
    _check_method(method)
    forward = method == "forward"
    fx = f(x) if forward else None
    grad = np.zeros_like(x)
    for done, idx in enumerate(np.ndindex(x.shape), start=1):
        original = x[idx]
        try:
            x[idx] = float(original) + h
            fxh1 = f(x)
            if not forward:
                x[idx] = float(original) - h
                fxh2 = f(x)
        finally:
            x[idx] = original
        grad[idx] = (fxh1 - fx) / h if forward else (fxh1 - fxh2) / (2 * h)
        if on_element is not None:
            on_element(done)
    return grad


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"method={method!r} is not allowed: use 'central' or 'forward'")


@dataclass(frozen=True)
class ParamDifference:
    """How far the numerical and backpropagated gradients of one parameter are apart.

    Attributes
    ----------
    shape : tuple of int
    mean_abs_diff : float
        ``mean(|numerical - backprop|)``: the figure the book prints.
    max_abs_diff : float
    max_rel_error : float
        ``max(|n - b| / max(|n| + |b|, 1e-12))`` over the elements (0 where both are 0).
    """

    shape: tuple[int, ...]
    mean_abs_diff: float
    max_abs_diff: float
    max_rel_error: float


@dataclass(frozen=True)
class GradientCheckResult:
    """The outcome of :func:`gradient_check`.

    Attributes
    ----------
    params : dict of str to ParamDifference
        One entry per parameter, in the order ``W1, b1, W2, b2``.
    numerical_seconds : float
        Wall time of the numerical gradient (one run: thousands of losses).
    backprop_seconds : float
        Wall time of backpropagation: the fastest of ``backprop_repeats`` runs after a
        warm-up run (see :func:`desktop_nn.core.timing.best_time`).
    numerical, backprop : dict of str to ndarray
        The two gradients themselves.
    abs_diff : dict of str to ndarray
        ``|numerical - backprop|`` element by element, float64, each in its parameter's shape
        (``W1`` (784, hidden) can be drawn as one 28×28 tile per hidden unit).
    backprop_repeats : int
        How many timed runs ``backprop_seconds`` is the best of.
    """

    params: dict[str, ParamDifference]
    numerical_seconds: float
    backprop_seconds: float
    numerical: dict[str, np.ndarray] = field(repr=False)
    backprop: dict[str, np.ndarray] = field(repr=False)
    abs_diff: dict[str, np.ndarray] = field(repr=False, default_factory=dict)
    backprop_repeats: int = TIMED_CALLS

    @property
    def speedup(self) -> float:
        """How many times faster backpropagation was."""
        return self.numerical_seconds / max(self.backprop_seconds, 1e-12)


def absolute_difference(numerical: np.ndarray, backprop: np.ndarray) -> np.ndarray:
    """``|numerical - backprop|`` element by element, in float64 (shape of the inputs)."""
    return np.abs(numerical.astype(np.float64) - backprop.astype(np.float64))


def compare_gradients(
    numerical: np.ndarray, backprop: np.ndarray, diff: np.ndarray | None = None
) -> ParamDifference:
    """Summarise the difference of two gradients of the same shape.

    ``diff``, if given, is their :func:`absolute_difference`, already computed.
    """
    if diff is None:
        diff = absolute_difference(numerical, backprop)
    scale = np.abs(numerical).astype(np.float64) + np.abs(backprop).astype(np.float64)
    rel = np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 1e-12)
    return ParamDifference(
        shape=tuple(numerical.shape),
        mean_abs_diff=float(diff.mean()),
        max_abs_diff=float(diff.max()),
        max_rel_error=float(rel.max()),
    )


def gradient_check(
    net,
    x: np.ndarray,
    t: np.ndarray,
    *,
    progress: Callable[[int, int], None] | None = None,
    repeats: int = TIMED_CALLS,
    clock: Clock = time.perf_counter,
) -> GradientCheckResult:
    """Compare ``net.numerical_gradient(x, t)`` with ``net.gradient(x, t)``, as in the book.

    The speed ratio is measured one way for every caller: the numerical gradient once, and
    backpropagation as the fastest of ``repeats`` runs after the run whose gradient is
    compared (which serves as the warm-up).

    Parameters
    ----------
    net : TwoLayerNet
        Best in float64: central differences in float32 are mostly rounding noise.
    x : ndarray, shape (N, input_size)
    t : ndarray, shape (N,) class indices or (N, output_size) one-hot
    progress : callable, optional
        ``progress(done, total)`` over the parameter elements of the numerical gradient; raise
        :class:`Cancelled` from it to stop.
    repeats : int
        Timed runs of backpropagation.
    clock : callable
        Returns seconds (``time.perf_counter``; tests pass a fake one).

    Returns
    -------
    GradientCheckResult
    """
    start = clock()
    numerical = net.numerical_gradient(x, t, progress=progress)
    numerical_seconds = clock() - start

    backprop = {key: value.copy() for key, value in net.gradient(x, t).items()}  # warm-up
    backprop_seconds = best_time(lambda: net.gradient(x, t), repeats=repeats, warmup=0,
                                 clock=clock)

    abs_diff = {key: absolute_difference(numerical[key], backprop[key]) for key in numerical}
    return GradientCheckResult(
        params={
            key: compare_gradients(numerical[key], backprop[key], abs_diff[key])
            for key in numerical
        },
        numerical_seconds=numerical_seconds,
        backprop_seconds=backprop_seconds,
        numerical=numerical,
        backprop=backprop,
        abs_diff=abs_diff,
        backprop_repeats=repeats,
    )
