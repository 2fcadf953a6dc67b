"""Which training images each mini-batch holds: the sampling of one training run.

The book draws every batch with ``np.random.choice(train_size, batch_size)``, with replacement.
A call of NumPy's generator costs about 15 microseconds however little it draws, a twentieth
of an iteration of the book's network, so :class:`BatchSampler` draws the batches of many
iterations in one call (about ``INDICES_PER_DRAW`` indices) and hands them out one by one.
The same seed gives the same batches.
"""

from __future__ import annotations

import numpy as np

#: Indices drawn with one call of the generator when sampling with replacement (whole batches,
#: at least one).
INDICES_PER_DRAW = 8192


class BatchSampler:
    """Hands out the index arrays of successive mini-batches.

    Parameters
    ----------
    size : int
        The number of training images; indices lie in ``0 .. size - 1``.
    batch_size : int
        With ``"shuffle"``, at most ``size``.
    sampling : {"replacement", "shuffle"}
        "replacement" draws each index uniformly and independently (the book); "shuffle"
        walks through a fresh permutation of all the images every pass, starting a new one
        when fewer than ``batch_size`` images are left in the current one.
    rng : numpy.random.Generator
        The only source of randomness; it is used in the order the batches are handed out.
    """

    def __init__(
        self, size: int, batch_size: int, sampling: str, rng: np.random.Generator
    ) -> None:
        if sampling not in ("replacement", "shuffle"):
            raise ValueError(
                f"sampling={sampling!r} is not allowed: use 'replacement' or 'shuffle'"
            )
        if sampling == "shuffle" and batch_size > size:
            raise ValueError(f"batch_size={batch_size} is larger than the {size} images")
        self.size, self.batch_size, self.sampling = size, batch_size, sampling
        self._rng = rng
        self._drawn: np.ndarray | None = None  # (batches, batch_size) or a permutation (size,)
        self._cursor = 0

    def next_indices(self) -> np.ndarray:
        """Return the indices (batch_size,) of the next mini-batch (a read-only array)."""
        if self.sampling == "replacement":
            if self._drawn is None or self._cursor == len(self._drawn):
                shape = (max(1, INDICES_PER_DRAW // self.batch_size), self.batch_size)
                self._drawn = self._rng.integers(0, self.size, shape)
                self._drawn.flags.writeable = False
                self._cursor = 0
            indices = self._drawn[self._cursor]
            self._cursor += 1
            return indices
        if self._drawn is None or self._cursor + self.batch_size > self.size:
            self._drawn = self._rng.permutation(self.size)
            self._drawn.flags.writeable = False
            self._cursor = 0
        indices = self._drawn[self._cursor : self._cursor + self.batch_size]
        self._cursor += self.batch_size
        return indices
