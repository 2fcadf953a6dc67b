"""The gradient check in a ``QThread``: the core's ``gradient_check`` with progress and Cancel."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QThread, Signal

from desktop_nn.core.functions import BOOK_DELTA
from desktop_nn.core.gradient import Cancelled, gradient_check
from desktop_nn.core.network import TwoLayerNet

#: How often the thread reports progress (seconds); the last element is always reported.
PROGRESS_INTERVAL = 0.05


@dataclass(frozen=True)
class GradientCheckSettings:
    """What to check: the book's ``gradient_check.py`` uses 3 samples and hidden size 50."""

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


class GradientCheckThread(QThread):
    """Runs ``gradient_check`` on a fresh network built from the settings.

    :meth:`cancel` (thread-safe) sets a flag the progress callback checks after every parameter
    element, so the thread ends within a fraction of a millisecond of work.

    Signals
    -------
    progress(int, int)
        Parameter elements done and in total, at most every ``PROGRESS_INTERVAL`` seconds.
    ended(str, object)
        ``"finished"`` with the GradientCheckResult, ``"cancelled"`` with None, or
        ``"failed"`` with a one-line message. Always the last signal.
    """

    progress = Signal(int, int)
    ended = Signal(str, object)

    def __init__(self, settings: GradientCheckSettings, x: np.ndarray, t: np.ndarray) -> None:
        super().__init__()
        self.settings = settings
        self.x = np.array(x, dtype=np.float64)  # a private copy, converted once
        self.t = np.array(t)
        self._cancel = threading.Event()
        self._last_report = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        now = time.perf_counter()
        if done == total or now - self._last_report >= PROGRESS_INTERVAL:
            self._last_report = now
            self.progress.emit(done, total)

    def run(self) -> None:
        try:
            network = self.settings.build_network(self.x.shape[1])
            # Timed as the command line times it (the core's one way).
            result = gradient_check(network, self.x, self.t, progress=self._on_progress)
        except Cancelled:
            self.ended.emit("cancelled", None)
        except Exception as exc:  # report, never die silently
            self.ended.emit("failed", f"{type(exc).__name__}: {exc}")
        else:
            self.ended.emit("finished", result)
