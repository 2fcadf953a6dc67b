"""What a gradient check checks: the book's ``gradient_check.py`` as settings.

The window's Gradient check tab and ``desktop-nn gradcheck`` build the network to check from
these, so both check the same float64 ``TwoLayerNet``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_nn.core.functions import BOOK_DELTA
from desktop_nn.core.network import TwoLayerNet


@dataclass(frozen=True)
class GradientCheckSettings:
    """The book's ``gradient_check.py`` uses 3 samples and hidden size 50.

    Attributes
    ----------
    samples : int
        The first training images the loss is computed on.
    hidden_size : int
    activation : {"relu", "sigmoid"}
    seed : int
        Of the random initial weights.
    delta : float
        The constant inside the loss's log (the book's 1e-7; 0 removes it).
    """

    samples: int = 3
    hidden_size: int = 50
    activation: str = "relu"
    seed: int = 0
    delta: float = BOOK_DELTA

    def build_network(self, input_size: int = 784, output_size: int = 10) -> TwoLayerNet:
        """The float64 network to check (float32 central differences are mostly noise)."""
        return TwoLayerNet(
            input_size, self.hidden_size, output_size,
            activation=self.activation, seed=self.seed, delta=self.delta, dtype=np.float64,
        )

    def parameter_count(self, input_size: int = 784, output_size: int = 10) -> int:
        """Elements the numerical gradient nudges one by one (two losses each)."""
        hidden = self.hidden_size
        return input_size * hidden + hidden + hidden * output_size + output_size
