"""The book's ``simpleNet`` (section 4.4.2): one 2×3 weight matrix, softmax and the loss.

The book draws ``W`` at random and prints it; :data:`BOOK_W` is that printed matrix, so that
``simpleNet()`` gives the book's numbers on ``x = [0.6, 0.9]`` and ``t = [0, 0, 1]``::

    >>> net = simpleNet()
    >>> net.predict(BOOK_X)          # [1.05414809, 0.63071653, 1.1328074]
    >>> net.loss(BOOK_X, BOOK_T)     # 0.928...
    >>> numerical_gradient(lambda W: net.loss(BOOK_X, BOOK_T), net.W)
    ... # [[0.219, 0.144, -0.363], [0.329, 0.215, -0.544]]

The book prints the loss 0.92806853663411326 and ``dW[0, 0]`` 0.21924763: those digits are the
loss *without* the 1e-7 inside the logarithm (``simpleNet(delta=0)``). With the book's own
``cross_entropy_error`` (``delta = 1e-7``, the default here) the loss is smaller by about
``delta / y_t`` = 2.5e-7, and ``dW`` by about 6e-8; both agree with the book to six digits.
"""

from __future__ import annotations

import numpy as np

from desktop_nn.core.functions import BOOK_DELTA, cross_entropy_error, softmax

__all__ = ["BOOK_T", "BOOK_W", "BOOK_X", "simpleNet"]

#: The weights the book prints after ``net = simpleNet()``.
BOOK_W = np.array([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]])
#: The book's input and its label (class 2, one-hot).
BOOK_X = np.array([0.6, 0.9])
BOOK_T = np.array([0.0, 0.0, 1.0])


class simpleNet:  # noqa: N801 - the book's name
    """``x (2,) → x·W (3,) → softmax → cross-entropy error``, with no bias.

    Parameters
    ----------
    W : array_like, shape (2, 3), optional
        The weights (copied, as float64). Default: :data:`BOOK_W`, unless ``seed`` is given.
    seed : int or numpy.random.Generator, optional
        Draw ``W`` from a standard normal distribution, as the book's ``np.random.randn(2, 3)``.
    delta : float, default 1e-7
        The constant inside the logarithm of the loss.

    Attributes
    ----------
    W : ndarray, shape (2, 3), float64
    """

    def __init__(
        self,
        W: np.ndarray | None = None,
        *,
        seed: int | np.random.Generator | None = None,
        delta: float = BOOK_DELTA,
    ) -> None:
        if W is not None and seed is not None:
            raise ValueError("give either W or seed, not both")
        if W is not None:
            W = np.array(W, dtype=np.float64)
            if W.shape != (2, 3) or not np.all(np.isfinite(W)):
                raise ValueError(f"W must be 2×3 finite numbers, got shape {W.shape}")
        elif seed is not None:
            rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
            W = rng.standard_normal((2, 3))
        else:
            W = BOOK_W.copy()
        self.W = W
        self.delta = delta

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores ``x·W``: shape (3,) for x (2,), (N, 3) for x (N, 2)."""
        return np.dot(x, self.W)

    def loss(self, x: np.ndarray, t: np.ndarray) -> float:
        """Cross-entropy error of ``softmax(x·W)`` against ``t`` (one-hot or class indices)."""
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t, self.delta)
