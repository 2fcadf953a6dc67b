"""The contract every door for outside input keeps, as helpers for the property tests.

One message of the documented type, naming the file, on one line; memory bounded by what the
input legitimately declares (measured with tracemalloc, which sees NumPy's allocations); the
input file untouched and nothing else left on disk.
"""

from __future__ import annotations

import contextlib
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, settings


def quick(examples: int):
    """Hypothesis settings for ``examples`` cases drawn the same way on every run."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                               HealthCheck.data_too_large],
    )


class Peak:
    """The peak of traced memory while the ``with`` block ran, in bytes."""

    bytes: int = 0


@contextlib.contextmanager
def traced_peak() -> Iterator[Peak]:
    peak = Peak()
    tracemalloc.start()
    try:
        yield peak
        peak.bytes = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def assert_one_message(exc: BaseException, name: str) -> None:
    """The message names the file and fits on one line."""
    text = str(exc)
    assert name in text, text
    assert "\n" not in text and "\r" not in text, text
    assert len(text) < 1000, text


def listing(folder: Path) -> list[tuple[str, bytes]]:
    """Every file below ``folder`` with its contents (hidden and temporary files included)."""
    return sorted((str(p.relative_to(folder)), p.read_bytes())
                  for p in folder.rglob("*") if p.is_file())
