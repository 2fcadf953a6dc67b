"""Set the BLAS thread count deliberately.

On small matrices such as (100, 784) @ (784, 50) a second OpenBLAS thread costs far more in
synchronisation than it gains; on a shared two-core machine it was 10-40 times slower. Training
therefore runs with one BLAS thread unless told otherwise (see ``benchmarks/blas_threads.py``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from threadpoolctl import threadpool_limits

#: The thread count used for training, chosen by measurement.
DEFAULT_BLAS_THREADS = 1


def blas_threads(count: int = DEFAULT_BLAS_THREADS) -> AbstractContextManager:
    """Return a context manager that limits BLAS to ``count`` threads and restores it on exit."""
    return threadpool_limits(limits=count, user_api="blas")


_process_limit: threadpool_limits | None = None


def limit_blas_threads_for_process(count: int = DEFAULT_BLAS_THREADS) -> None:
    """Limit BLAS to ``count`` threads for the rest of the process (the window and the CLI).

    The limit is process-wide anyway (OpenBLAS keeps one thread pool), so the application sets
    it once at start-up: then every small product, on any thread, runs single-threaded, and a
    training run's own ``blas_threads`` context has nothing to restore.
    """
    global _process_limit
    if _process_limit is None:
        import numpy  # noqa: F401  (loads OpenBLAS: the limit reaches only libraries loaded)

        _process_limit = threadpool_limits(limits=count, user_api="blas")
