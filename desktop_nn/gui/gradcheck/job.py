"""A gradient check as a worker's job: the core's ``gradient_check`` with progress and Cancel.

The numerical gradient nudges tens of thousands of parameter elements one by one; after each,
the job stops if Cancel was asked for (so it ends within one element's work) and reports its
progress now and then. No Qt here: the job sees its worker only as a task.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.gradient import Cancelled, GradientCheckResult, gradient_check
from desktop_nn.core.timing import RateLimit

#: How often the job reports progress (seconds); the last element is always reported.
PROGRESS_INTERVAL = 0.05


def element_reporter(task) -> Callable[[int, int], None]:
    """The numerical gradient's callback: stop on Cancel, report ``(done, total)`` sparingly.

    Parameters
    ----------
    task : desktop_nn.gui.workers.Task
        Its ``cancel_requested()`` and ``report(value)`` are used.
    """
    limit = RateLimit(PROGRESS_INTERVAL)

    def on_element(done: int, total: int) -> None:
        if task.cancel_requested():
            raise Cancelled
        if limit.due(force=done == total):
            task.report((done, total))

    return on_element


def check_job(settings: GradientCheckSettings, x: np.ndarray, t: np.ndarray):
    """The job checking a fresh network of ``settings`` on images ``x`` (N, 784), labels ``t``.

    The images are copied (as float64) now, on the GUI thread.
    """
    x = np.array(x, dtype=np.float64)
    t = np.array(t)

    def job(task) -> GradientCheckResult:
        network = settings.build_network(x.shape[1])
        # Timed as the command line times it (the core's one way).
        return gradient_check(network, x, t, progress=element_reporter(task))

    return job
