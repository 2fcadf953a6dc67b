"""Rounding-error bounds for the tests' floating-point comparisons.

NumPy chooses its SIMD kernels when it starts (SSE, AVX2, AVX-512), and OpenBLAS its matrix
kernels: the same sum is added in another order on another CPU, and ``exp``, ``log`` and
``power`` come from other implementations. A tolerance that only covers the rounding one
machine happens to show fails on the next. The bounds here hold for every order of summation
and every kernel of the stated accuracy (first order in the unit roundoff ``u``; Higham,
*Accuracy and Stability of Numerical Algorithms*, chapters 3 and 4).
"""

from __future__ import annotations

import numpy as np

#: The accuracy assumed of any vectorised ``exp``, ``log``, ``power``...: NumPy's own AVX-512
#: kernels and the SVML ones it uses are accurate to 4 units in the last place (its accuracy
#: tests allow that much), glibc's scalar functions to 1.
LIBM_ULPS = 4


def unit_roundoff(dtype=np.float64) -> float:
    """Half the machine epsilon: the largest relative error of one rounding."""
    return float(np.finfo(dtype).eps) / 2


def libm_error(dtype=np.float64) -> float:
    """Largest relative error of one call of a vectorised elementary function."""
    return LIBM_ULPS * float(np.finfo(dtype).eps)


def gamma(n: int, dtype=np.float64) -> float:
    """Higham's gamma_n = n u / (1 - n u): the relative error of n successive roundings."""
    nu = n * unit_roundoff(dtype)
    return nu / (1 - nu)


def sum_error(abs_sum, n: int, dtype=np.float64):
    """Bound on the error of a sum of ``n`` terms, in any order, given the sum of |terms|."""
    return gamma(max(n - 1, 0), dtype) * np.asarray(abs_sum, dtype=np.float64)


def matmul_error(a: np.ndarray, b: np.ndarray, dtype=None) -> np.ndarray:
    """Element-wise bound on the error of ``a @ b`` computed in ``dtype``, by any BLAS kernel.

    ``|fl(a @ b) - a @ b| <= gamma_k |a| @ |b|`` with ``k`` the inner dimension: every
    blocking, order and use of fused multiply-adds satisfies it.
    """
    dtype = np.result_type(a, b) if dtype is None else dtype
    a64, b64 = np.abs(np.asarray(a, np.float64)), np.abs(np.asarray(b, np.float64))
    return gamma(a64.shape[-1], dtype) * (a64 @ b64)


def central_difference_error(evaluation_error, h: float):
    """Rounding error of ``(f(x+h) - f(x-h)) / 2h`` when each ``f`` is off by at most
    ``evaluation_error``: the two errors may have opposite signs, hence ``2e / 2h``.

    Central differences also carry a truncation error of ``h**2 / 6 * f'''``; it is exact
    arithmetic, the same on every machine, and each test accounts for it separately.
    """
    return np.asarray(evaluation_error, dtype=np.float64) / h


def assert_within(actual, desired, bound, err_msg: str = "") -> None:
    """Assert ``|actual - desired| <= bound`` element-wise (all three broadcast)."""
    actual = np.asarray(actual, dtype=np.float64)
    desired = np.asarray(desired, dtype=np.float64)
    bound = np.broadcast_to(np.asarray(bound, dtype=np.float64), np.broadcast(actual,
                                                                              desired).shape)
    error = np.abs(actual - desired)
    bad = ~(error <= bound)
    if np.any(bad):
        worst = np.unravel_index(np.argmax(np.where(bad, error / np.maximum(bound, 1e-300), 0)),
                                 error.shape)
        raise AssertionError(
            f"{err_msg}{' ' if err_msg else ''}{int(bad.sum())} of {bad.size} elements off: "
            f"at {tuple(int(i) for i in worst)} |{actual[worst]!r} - {desired[worst]!r}| = "
            f"{error[worst]:.3g} > bound {bound[worst]:.3g}"
        )


def central_difference_rounding(term_magnitudes, x, grad, h: float, term_error: float):
    """Bound on the rounding error of ``numerical_gradient`` for f = a sum of terms.

    Each evaluation of f: every term off by ``term_error`` (relative), the sum off by
    ``gamma(n - 1)`` of the sum of |terms| in any order. Besides, ``x[i] +- h`` is rounded (by
    ``u |x[i] + h|``, which moves f by |grad| times that), and the quotient once.

    Parameters
    ----------
    term_magnitudes : ndarray
        |term| of every term of f at x.
    x, grad : ndarray, same shape
        The point and the exact gradient (or a close estimate).
    """
    u = unit_roundoff()
    magnitudes = np.abs(np.asarray(term_magnitudes, dtype=np.float64))
    grad = np.abs(np.asarray(grad, dtype=np.float64))
    magnitude = magnitudes.sum() + grad.sum() * h  # at x +- h as well as at x
    per_evaluation = (term_error + gamma(magnitudes.size - 1)) * magnitude
    nudge = grad * u * (np.abs(x) + h) / h
    return central_difference_error(per_evaluation, h) + nudge + u * grad


def two_layer_scores_error(params: dict, x: np.ndarray, activation: str = "relu",
                           dtype=np.float64) -> np.ndarray:
    """Element-wise bound (N, C) on the error of TwoLayerNet's scores, however computed.

    ``relu(x @ W1 + b1) @ W2 + b2``: each product and bias addition by :func:`gamma` of its
    length, ReLU exact (and 1-Lipschitz), a sigmoid off by two elementary functions and two
    roundings and 1/4-Lipschitz. Two computations of the same scores (dense or sparse, in
    blocks or whole, any CPU) differ by at most twice this.
    """
    W1, b1, W2, b2 = (np.abs(np.asarray(params[k], dtype=np.float64))
                      for k in ("W1", "b1", "W2", "b2"))
    x = np.abs(np.asarray(x, dtype=np.float64)).reshape(-1, W1.shape[0])
    pre_magnitude = x @ W1 + b1
    pre_error = gamma(W1.shape[0] + 1, dtype) * pre_magnitude
    if activation == "sigmoid":
        hidden_magnitude = np.ones_like(pre_magnitude)
        hidden_error = pre_error / 4 + 2 * libm_error(dtype) + 2 * unit_roundoff(dtype)
    else:
        hidden_magnitude, hidden_error = pre_magnitude, pre_error
    return hidden_error @ W2 + gamma(W2.shape[0] + 1, dtype) * (hidden_magnitude @ W2 + b2)


def two_layer_loss_error(params: dict, x: np.ndarray, t: np.ndarray, activation: str = "relu",
                         dtype=np.float64) -> float:
    """Bound on the error of TwoLayerNet's loss (mean cross-entropy of the softmax), any CPU.

    The scores' errors (:func:`two_layer_scores_error`) move each sample's loss by at most
    twice their largest (the gradient of -log softmax over the scores has 1-norm <= 2). The
    softmax and the logarithm add: subtracting the largest score (u |s - max s|), exp and log
    (``libm_error``), the sum over the classes and the quotient; the mean, a sum over samples.
    """
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2"))
    x64 = np.asarray(x, dtype=np.float64).reshape(-1, W1.shape[0])
    labels = np.asarray(t)
    if labels.ndim == 2:
        labels = labels.argmax(axis=1)
    pre = x64 @ W1 + b1
    hidden = 1 / (1 + np.exp(-pre)) if activation == "sigmoid" else np.maximum(pre, 0)
    scores = hidden @ W2 + b2
    spread = scores.max(axis=1) - scores.min(axis=1)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted[np.arange(len(labels)), labels] - np.log(np.exp(shifted).sum(axis=1))
    u, libm = unit_roundoff(dtype), libm_error(dtype)
    classes = scores.shape[1]
    from_scores = 2 * two_layer_scores_error(params, x, activation, dtype).max(axis=1)
    softmax = 2 * (libm + u * spread) + gamma(classes, dtype) + 2 * u
    per_sample = from_scores + softmax + (libm + u) * np.abs(log_p)
    count = len(labels)
    return float(per_sample.sum() / count + gamma(count, dtype) * np.abs(log_p).mean())
