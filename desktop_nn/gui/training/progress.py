"""How far a run has come: the progress bar, and the speed with the time left.

A numerical-gradient iteration can take minutes, so the bar then counts tenths of a percent of
an iteration and says how much of the next one is done. The figures change more slowly than
the eye needs (``PROGRESS_HZ``), except when a step was asked for or the run ended.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressBar

from desktop_nn.core.timing import RateLimit, remaining_seconds
from desktop_nn.gui.common.durations import about, measured
from desktop_nn.gui.common.widgets import StatusLabel

#: The progress bar and its figures change more slowly than the eye needs (Hz).
PROGRESS_HZ = 5
#: Numerical-gradient runs longer than this count whole iterations only (the bar's range is an
#: integer).
PER_MILLE_LIMIT = 2_000_000


class DeferredProgressBar(QProgressBar):
    """A progress bar that paints a new value with the window's next frame.

    ``QProgressBar.setValue`` paints the bar at once, a paint and a copy to the screen of its
    own in the middle of a redraw; here the bar is only marked for the next frame's paint.
    """

    def setValue(self, value: int) -> None:
        self.setUpdatesEnabled(False)
        try:
            super().setValue(value)
        finally:
            self.setUpdatesEnabled(True)  # marks the bar for the next paint


class RunProgress(QObject):
    """The Training tab's progress bar (``bar``) and speed line (``speed``), which the tab lays
    out; fed with the run's reports."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = DeferredProgressBar()
        self.bar.setObjectName("progressBar")
        self.bar.setAccessibleName(self.tr("Training progress"))
        self.speed = StatusLabel()
        self.speed.setObjectName("speedLabel")
        self.speed.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Both fill their own background: a repaint of either (five times a second in a run)
        # then paints that widget alone, not the window, tab, splitters... beneath it first.
        for widget in (self.bar, self.speed):
            widget.setAutoFillBackground(True)
        self.iterations_done = 0
        self.total = 0
        self.active_seconds = 0.0
        self.next_share = 0.0  # of the iteration in progress (numerical gradient)
        self._per_mille = False
        self._ended = False  # the run has ended: nothing remains
        self._limit = RateLimit(1.0 / PROGRESS_HZ)

    def plan(self, iterations: int) -> None:
        """An empty bar of ``iterations`` whole iterations."""
        self._per_mille = False
        self.next_share = 0.0
        # %v and %m are the progress bar's own placeholders (value and maximum).
        self.bar.setFormat(self.tr("%v / %m iterations"))
        self.bar.setRange(0, iterations)
        self.bar.setValue(0)

    def is_idle_plan(self) -> bool:
        """True while the bar shows a plan, not a run's progress (nothing done, or all)."""
        return self.iterations_done in (0, self.total)

    def begin(self, iterations: int, numerical: bool) -> None:
        """A run of ``iterations`` starts (``numerical``: counted in tenths of a percent)."""
        self.iterations_done = 0
        self.active_seconds = 0.0
        self.total = iterations
        self._ended = False
        self.plan(iterations)
        if numerical and iterations < PER_MILLE_LIMIT:
            self._per_mille = True
            self.bar.setRange(0, iterations * 1000)

    def end(self, seconds: float | None = None) -> None:
        """The run has ended (finished, stopped or diverged): the next :meth:`draw` shows its
        final figures, with no time left (``seconds``: the run's own measure of its time, when
        it finished)."""
        self._ended = True
        if seconds is not None:
            self.active_seconds = seconds

    def reset(self, iterations: int) -> None:
        """Fresh weights: an empty plan and no speed."""
        self.plan(iterations)
        self.speed.setText("")

    def add(self, iterations_done: int, active_seconds: float) -> None:
        """The run reports its iterations done and its time so far."""
        if iterations_done != self.iterations_done:
            self.next_share = 0.0
        self.iterations_done = iterations_done
        self.active_seconds = active_seconds

    def add_share(self, done: int, total: int, active_seconds: float) -> None:
        """Inside a numerical-gradient iteration: ``done`` of ``total`` elements."""
        if total > 0:
            self.next_share = min(done / total, 1.0)
            self.active_seconds = active_seconds

    def draw(self, force: bool = False) -> None:
        """Show the figures, at most ``PROGRESS_HZ`` times a second unless ``force``."""
        if not self._limit.due(force=force):
            return
        done, total = self.iterations_done, max(self.total, 1)
        progress = done + self.next_share
        if self._per_mille:
            self.bar.setValue(round(progress * 1000))
            self.bar.setFormat(self._per_mille_text(done, total))
        else:
            self.bar.setValue(done)
        if progress > 0 and self.active_seconds > 0:
            self.speed.setText(self._speed_text(progress, total))

    def _per_mille_text(self, done: int, total: int) -> str:
        if self.next_share > 0:
            return self.tr("{done} / {total} iterations (the next one {percent}% done)").format(
                done=f"{done:,}", total=f"{total:,}", percent=f"{100 * self.next_share:.0f}")
        return self.tr("{done} / {total} iterations").format(done=f"{done:,}",
                                                              total=f"{total:,}")

    def _speed_text(self, progress: float, total: int) -> str:
        rate = progress / self.active_seconds
        elapsed = measured(self.active_seconds)
        if self._ended:
            if rate >= 1:
                return self.tr("{rate} it/s · took {elapsed}").format(rate=f"{rate:,.0f}",
                                                                      elapsed=elapsed)
            return self.tr("{per_iteration} per iteration · took {elapsed}").format(
                per_iteration=measured(1 / rate), elapsed=elapsed)
        remaining = about(remaining_seconds(progress, total, self.active_seconds))
        if rate >= 1:
            return self.tr("{rate} it/s · elapsed {elapsed} · remaining {remaining}").format(
                rate=f"{rate:,.0f}", elapsed=elapsed, remaining=remaining)
        return self.tr("{per_iteration} per iteration · elapsed {elapsed} · remaining "
                       "{remaining}").format(per_iteration=measured(1 / rate), elapsed=elapsed,
                                             remaining=remaining)
