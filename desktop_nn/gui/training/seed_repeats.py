"""Repeat with seeds: one configuration trained k times with consecutive seeds, then its band.

The runs go one after another through the Training tab's own start, so each is an ordinary run
(a row of the runs table, kept on disk) with the group label of the repeat. When the last one
has ended (or one was stopped: the rest are not started), the mean and ± one standard
deviation of those that ran are drawn over the plots, the runs' own curves are hidden (each
row can show them again) and the table shows mean ± std of their final accuracies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from desktop_nn.core.curve_series import moving_average
from desktop_nn.core.run_store import unique_name
from desktop_nn.core.seeds import SeedBand, repeat_configs, seed_band
from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.training.runs import ScreenRun
from desktop_nn.gui.training.seed_bands import SeedBands

if TYPE_CHECKING:
    from desktop_nn.gui.training.tab import TrainingTab


class SeedRepeats(QObject):
    """Runs the repeats of one configuration for the Training tab and draws their band.

    Signals
    -------
    done(object)
        The :class:`SeedBand` drawn, or None when fewer than two runs ended.
    """

    done = Signal(object)

    def __init__(self, tab: TrainingTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.bands = SeedBands(tab.loss_plot, tab.accuracy_plot)
        self.group: str | None = None
        self.queue: list[TrainConfig] = []
        self.members: list[ScreenRun] = []
        tab.run_ended.connect(self._on_run_ended)
        tab.book.restored.connect(self.show_kept_band)

    @property
    def is_repeating(self) -> bool:
        return self.group is not None

    @Slot(int)
    def start(self, k: int) -> bool:
        """Train the tab's settings with ``k`` seeds; False if the first run cannot start."""
        if self.tab.is_running or self.is_repeating:
            return False
        configs = repeat_configs(self.tab.config(), k)
        taken = {run.record.group for run in self.tab.runs.runs
                 if run.record is not None and run.record.group}
        self.group = unique_name(self.tr("seeds {first}–{last}").format(
            first=configs[0].seed, last=configs[-1].seed), taken)
        self.queue, self.members = configs, []
        return self._next()

    @Slot()
    def _next(self) -> bool:
        config = self.queue.pop(0)
        if not self.tab.start(config=config, group=self.group):
            self._finish()
            return False
        self.members.append(self.tab.runs.current)
        self.tab.status.emit(self.tr("Repeat {index} of {count}, seed {seed}").format(
            index=len(self.members), count=len(self.members) + len(self.queue),
            seed=config.seed))
        return True

    @Slot(str)
    def _on_run_ended(self, outcome: str) -> None:
        if not self.is_repeating:
            return
        if outcome == "finished" and self.queue:
            QTimer.singleShot(0, self._next)
        else:
            self._finish()

    def _finish(self) -> None:
        group, self.group, self.queue = self.group, None, []
        runs = [run for run in self.members if run.has_ended and run.record is not None
                and run in self.tab.runs.runs]
        if len(runs) < 2 or group is None:
            self.done.emit(None)
            return
        band = self._draw(runs, group)
        self.tab.status.emit(describe_band(band))
        self.done.emit(band)

    def _draw(self, runs: list[ScreenRun], group: str) -> SeedBand:
        """Draw the band of ``runs`` (two or more of ``group``) instead of their own curves."""
        window = self.tab.plot_settings()[0]
        band = seed_band([run.record for run in runs], lambda y: moving_average(y, window))
        self.tab.runs.fade_current()
        for run in runs:
            self.tab.book.set_shown(run, False)
        self.bands.draw(band, group)
        return band

    @Slot()
    def show_kept_band(self) -> None:
        """The runs kept earlier are back: draw the band of the last group of repeats among
        them, as it was drawn when its last run ended."""
        runs = [run for run in self.tab.runs.runs if run.has_ended and run.record is not None]
        group = next((run.record.group for run in reversed(runs) if run.record.group), None)
        members = [run for run in runs if group is not None and run.record.group == group]
        if len(members) >= 2:
            self._draw(members, group)

    def forget(self, runs: list[ScreenRun]) -> None:
        """Some runs left the window: a band drawn from one of them goes too."""
        if self.bands.group is not None and any(
                run.record is not None and run.record.group == self.bands.group for run in runs):
            self.bands.clear()


def describe_band(band: SeedBand) -> str:
    """'3 seeds: final test accuracy 0.9012 ± 0.0043, train 0.9087 ± 0.0031'."""
    train, test = band.final_train_acc, band.final_test_acc
    return QCoreApplication.translate(
        "SeedRepeats",
        "{runs} seeds: final test accuracy {test_mean:.4f} ± {test_std:.4f}, train "
        "{train_mean:.4f} ± {train_std:.4f}").format(
            runs=band.runs, test_mean=test.mean, test_std=test.std, train_mean=train.mean,
            train_std=train.std)
