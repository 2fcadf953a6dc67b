"""A clock that moves only when a test says so: timing logic tested without wall-clock time."""

from __future__ import annotations


class FakeClock:
    """Callable like ``time.perf_counter``: returns ``now`` (seconds); ``advance`` moves it."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
