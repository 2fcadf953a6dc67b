"""The process's resident memory, for the long-run tests."""

from __future__ import annotations

import os
import resource


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; elsewhere the peak, as an upper bound)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024
