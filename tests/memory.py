"""The process's resident memory, for the long-run tests."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource


def _release_free_memory() -> None:
    """Hand the C allocator's free pages back to the system (glibc's malloc_trim; elsewhere
    nothing). Without it the resident size also counts memory that was freed but kept by the
    allocator, which depends on what ran before in the same process (a full suite grows a
    fragmented heap of well over a gigabyte) rather than on the code under test."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is not None:
        trim(0)


def rss_mb() -> float:
    """Resident set size in MB of the memory in use (Linux /proc; elsewhere the peak, as an
    upper bound)."""
    _release_free_memory()
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024
