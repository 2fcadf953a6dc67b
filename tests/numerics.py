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


def two_layer_gradient_error(params: dict, x: np.ndarray, t: np.ndarray,
                             activation: str = "relu", dtype=np.float64) -> dict:
    """Element-wise bounds on the error of TwoLayerNet's backpropagated gradients, any CPU.

    First order in the unit roundoff, following the backward pass (labels are class indices):

    * softmax: the scores' errors (:func:`two_layer_scores_error`) move log y by at most twice
      their largest; subtracting the largest score (u |s - max s|), exp, the sum over the
      classes and the quotient add their own, on numerator and denominator alike;
    * ``dy = (y - one_hot) / N``: the subtraction, and the scaling by a rounded 1/N;
    * every product and sum over the batch or the classes: :func:`gamma` of its length times
      the product of magnitudes, plus the propagated errors of its factors;
    * ReLU's slope is exact except where the pre-activation lies within its own error of 0:
      there the slope may come out 0 or 1, and the bound takes the whole of ``|dz|``. A
      sigmoid's slope z (1 - z) moves by at most the error of z, plus three roundings.

    Two computations of the same gradients differ by at most twice these bounds.
    """
    u, libm = unit_roundoff(dtype), libm_error(dtype)
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2"))
    x64 = np.asarray(x, dtype=np.float64).reshape(-1, W1.shape[0])
    labels = np.asarray(t).reshape(-1)
    count, classes = x64.shape[0], W2.shape[1]
    pre = x64 @ W1 + b1
    pre_error = gamma(W1.shape[0] + 1, dtype) * (np.abs(x64) @ np.abs(W1) + np.abs(b1))
    if activation == "sigmoid":
        hidden = 1 / (1 + np.exp(-pre))
        hidden_error = pre_error / 4 + 2 * libm + 2 * u
        slope = hidden * (1 - hidden)
        slope_error = hidden_error + 3 * u * slope
    else:
        hidden, hidden_error = np.maximum(pre, 0), pre_error
        slope = (pre > 0).astype(np.float64)
        slope_error = (np.abs(pre) <= pre_error).astype(np.float64)
    scores = hidden @ W2 + b2
    scores_error = two_layer_scores_error(params, x64, activation, dtype)
    shifted = scores - scores.max(axis=1, keepdims=True)
    y = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    spread = -shifted.min(axis=1, keepdims=True)
    y_relative = (2 * scores_error.max(axis=1, keepdims=True) + 2 * (u * spread + libm)
                  + gamma(classes, dtype) + u)
    target = np.zeros_like(y)
    target[np.arange(count), labels] = 1.0
    dy = (y - target) / count
    dy_error = (y_relative * y + u * np.abs(y - target)) / count + 2 * u * np.abs(dy)
    dz = dy @ W2.T
    dz_error = dy_error @ np.abs(W2).T + gamma(classes, dtype) * (np.abs(dy) @ np.abs(W2).T)
    da = dz * slope
    da_error = dz_error * slope + np.abs(dz) * slope_error + u * np.abs(da)
    batch_gamma = gamma(count, dtype)
    return {
        "W1": np.abs(x64).T @ da_error + batch_gamma * (np.abs(x64).T @ np.abs(da)),
        "b1": da_error.sum(axis=0) + batch_gamma * np.abs(da).sum(axis=0),
        "W2": (hidden_error.T @ np.abs(dy) + np.abs(hidden).T @ dy_error
               + batch_gamma * (np.abs(hidden).T @ np.abs(dy))),
        "b2": dy_error.sum(axis=0) + batch_gamma * np.abs(dy).sum(axis=0),
    }
