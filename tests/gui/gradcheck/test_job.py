"""The gradient check's job without a thread: progress, the last element, Cancel."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.gradient import Cancelled, GradientCheckResult
from desktop_nn.gui.gradcheck import job as job_module
from desktop_nn.gui.gradcheck.job import check_job


class FakeTask:
    """What a job sees of its worker, driven by the test."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after
        self.polls = 0

    def cancel_requested(self) -> bool:
        self.polls += 1
        return self.cancel_after is not None and self.polls > self.cancel_after

    def report(self, value) -> None:
        self.reports.append(value)


SETTINGS = GradientCheckSettings(samples=2, hidden_size=2)
ELEMENTS = SETTINGS.parameter_count()


def test_the_job_checks_and_always_reports_the_last_element(mnist_small, monkeypatch):
    monkeypatch.setattr(job_module, "PROGRESS_INTERVAL", 3600.0)  # only the first and last
    (x, t), _ = mnist_small
    task = FakeTask()
    result = check_job(SETTINGS, x[:2], t[:2])(task)
    assert isinstance(result, GradientCheckResult)
    assert task.reports == [(1, ELEMENTS), (ELEMENTS, ELEMENTS)]
    assert task.polls == ELEMENTS  # asked after every element


def test_cancel_stops_after_the_element_in_progress(mnist_small):
    (x, t), _ = mnist_small
    task = FakeTask(cancel_after=100)
    with pytest.raises(Cancelled):
        check_job(SETTINGS, x[:2], t[:2])(task)
    assert task.polls == 101
    assert all(done <= 100 for done, _ in task.reports)


def test_the_images_are_copied_when_the_job_is_made(mnist_small):
    (x, t), _ = mnist_small
    images = np.array(x[:2])
    job = check_job(SETTINGS, images, t[:2])
    images[:] = 0.0  # the caller's array may change after the job was made
    first = job(FakeTask())
    second = check_job(SETTINGS, x[:2], t[:2])(FakeTask())
    for key in first.params:
        assert first.params[key].mean_abs_diff == second.params[key].mean_abs_diff
