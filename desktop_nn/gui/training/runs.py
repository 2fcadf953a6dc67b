"""The runs on screen: what each one is called in the legends, which curves it has drawn.

A :class:`ScreenRun` is made when a run starts (or is read back from the kept runs) and keeps
the run's settings, the learning rates it used (filled on the GUI thread from the training
thread's reports), its :class:`~desktop_nn.core.run_record.RunRecord` for the runs table and,
once the run has ended, its :class:`History`. :class:`RunsOnScreen` keeps every run of the
window, oldest first: the current run draws the bright curves, an earlier run whose curves are
shown draws faded ones, made from its history, so a legend entry, a row of the runs table and
an exported run always match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer

from desktop_nn.core.curve_series import moving_average, thinned
from desktop_nn.core.history_csv import HistoryRun
from desktop_nn.core.optimizers import OPTIMIZER_TITLES
from desktop_nn.core.run_record import RunRecord
from desktop_nn.core.training import History, TrainConfig
from desktop_nn.gui.training.curves import MAX_OVERLAYS, AccuracyPlot, LossPlot

#: A legend shows at most this many learning rates of one run (first, …, last beyond).
SHOWN_RATES = 3
#: Points drawn of an earlier run's smoothed loss.
OVERLAY_POINTS = 2000
#: The z-values and widths of an earlier run's curves, normal and brought to the front.
NORMAL, FRONT = (-10.0, 1.5), (-1.0, 3.0)


def describe_rates(rates: list[float]) -> str:
    """'0.1', '0.1 → 0.05' or '0.1 → … → 0.01' (a long series keeps its ends)."""
    texts = [f"{rate:g}" for rate in rates]
    if len(texts) > SHOWN_RATES:
        texts = [texts[0], "…", texts[-1]]
    return " → ".join(texts)


def describe_run(config: TrainConfig, rates: list[float] | None = None) -> str:
    """A short legend label for a run's settings (in the window's language)."""
    text = QCoreApplication.translate("TrainingTab", "lr {rate}, hidden {hidden}, {optimizer}")
    return text.format(
        rate=describe_rates(rates or [config.learning_rate]), hidden=config.hidden_size,
        optimizer=OPTIMIZER_TITLES.get(config.optimizer, config.optimizer))


def run_name(record: RunRecord | None, number: int) -> str:
    """The name a run is shown with: 'run 3' (translated) unless it was renamed."""
    if record is not None and record.name and record.name != f"run {record.number}":
        return record.name
    shown = record.number if record is not None and record.number is not None else number
    return QCoreApplication.translate("TrainingTab", "run {number}").format(number=shown)


#: How long after a run's start the previous run's curves are drawn faded (milliseconds):
#: after the new run's first frames, so that the start's work is spread over several turns.
FADED_LATER_MS = 100

@dataclass(eq=False)
class ScreenRun:
    """One run the window shows.

    Attributes
    ----------
    number : int
        The run's number: the kept run's, else counted on from the last one in this window.
    config : TrainConfig
        The settings actually used (the seed drawn, if it was random).
    learning_rates : list of (int, float)
        ``(first iteration, rate)``: the starting rate and each change the run applied.
    history : History or None
        Set when the run has ended (the training thread no longer writes to it).
    record : RunRecord or None
        What the runs table shows ("running" until the run ends; numbered once kept).
    shown : bool
        Whether its faded curves are drawn (an earlier run).
    """

    number: int
    config: TrainConfig
    learning_rates: list[tuple[int, float]] = field(default_factory=list)
    history: History | None = None
    record: RunRecord | None = None
    shown: bool = False
    items: list[pg.PlotDataItem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.learning_rates:
            self.learning_rates.append((0, self.config.learning_rate))

    def add_learning_rate(self, iteration: int, rate: float) -> None:
        self.learning_rates.append((iteration, rate))

    @property
    def short_label(self) -> str:
        """'run 3' (the accuracy plot's legend)."""
        return run_name(self.record, self.number)

    @property
    def label(self) -> str:
        """'run 3: lr 0.1 → 0.05, hidden 50, SGD' (the loss plot's legend)."""
        rates = [rate for _, rate in self.learning_rates]
        return QCoreApplication.translate("TrainingTab", "{run}: {settings}").format(
            run=self.short_label, settings=describe_run(self.config, rates))

    @property
    def has_ended(self) -> bool:
        return self.history is not None

    def history_run(self) -> HistoryRun:
        """What the history CSV needs (only once the run has ended)."""
        if self.history is None:
            raise ValueError(f"run {self.number} has not ended yet")
        return HistoryRun(self.number, self.config.seed, self.history)


class RunsOnScreen:
    """Every run of the window (oldest first) in step with the two plots: the current run
    draws the bright curves, earlier runs faded curves while they are shown.

    Parameters
    ----------
    loss_plot : LossPlot
    accuracy_plot : AccuracyPlot
    """

    def __init__(self, loss_plot: LossPlot, accuracy_plot: AccuracyPlot) -> None:
        self.loss_plot = loss_plot
        self.accuracy_plot = accuracy_plot
        self.count = 0
        self.current: ScreenRun | None = None
        self.runs: list[ScreenRun] = []
        self._colours = 0
        #: Runs faded at a run's start whose curves are drawn a little later (``_catch_up``).
        self._later: list[ScreenRun] = []

    def begin(self, config: TrainConfig, record: RunRecord | None = None) -> ScreenRun:
        """Fade the current curves and number a new run of ``config``.

        The legend's entries of the current run stay where they are and take the new run's
        name: a new entry lays the whole legend out again (about 10 ms at a run's start).
        """
        self.fade_current(keep_labels=True)
        self.count += 1
        self.current = ScreenRun(self.count, config, record=record)
        self.runs.append(self.current)
        self.label_current()
        return self.current

    def add_ended(self, record: RunRecord) -> ScreenRun:
        """An ended run read back from the kept runs (its curves not shown yet)."""
        number = record.number if record.number is not None else self.count + 1
        self.count = max(self.count, number)
        run = ScreenRun(number, record.config, list(record.history.learning_rates),
                        history=record.history, record=record)
        self.runs.append(run)
        return run

    def fade_current(self, later: bool = False, keep_labels: bool = False) -> None:
        """Fade the current run's curves into an earlier run's and clear the bright ones.

        ``later``: the faded curves are drawn ``FADED_LATER_MS`` later (a run starts: its first
        frames come first, and the window answers in between). ``keep_labels``: the legend
        keeps the bright curves' entries (a new run is about to rename them).
        """
        run, self.current = self.current, None
        if not keep_labels:
            self.loss_plot.set_run_label(None)
            self.accuracy_plot.set_run_label(None)
        self.loss_plot.clear_data()
        self.accuracy_plot.clear_data()
        if run is None or run.history is None or not run.history.count:
            return
        if later:
            self._later.append(run)
            QTimer.singleShot(FADED_LATER_MS, self.loss_plot, self._catch_up)
        else:
            self.show(run, True)

    def _catch_up(self) -> None:
        """Draw the curves of the runs faded at a start (unless shown, hidden or removed
        since), then name the current run in the legends."""
        runs, self._later = self._later, []
        for run in runs:
            if run in self.runs and run is not self.current:
                self.show(run, True)
        self.label_current()

    def show(self, run: ScreenRun, shown: bool) -> None:
        """Draw (or take away) the faded curves of an earlier run; at most ``MAX_OVERLAYS``
        are drawn: showing one more hides the oldest."""
        if run in self._later:  # asked for now: no longer drawn later
            self._later.remove(run)
        if run is self.current or run.history is None or shown == run.shown:
            return
        if not shown:
            for item in run.items:
                self.loss_plot.remove_overlay(item)
                self.accuracy_plot.remove_overlay(item)
            run.items, run.shown = [], False
            return
        self._draw(run)
        drawn = [r for r in self.runs if r.shown]
        for oldest in drawn[: max(0, len(drawn) - MAX_OVERLAYS)]:
            self.show(oldest, False)

    def _draw(self, run: ScreenRun) -> None:
        history = run.history
        assert history is not None
        losses = np.nan_to_num(history.train_loss_list, nan=0.0, posinf=0.0, neginf=0.0)
        x, y = thinned(np.arange(history.count), moving_average(losses, self.loss_plot.smoothing),
                       OVERLAY_POINTS)
        self._colours += 1
        loss = self.loss_plot.add_overlay(x, y, run.label, self._colours - 1,
                                          tuple(history.learning_rates[1:]))
        accuracies = self.accuracy_plot.add_overlay(
            list(range(len(history.test_acc_list))), history.train_acc_list,
            history.test_acc_list, run.short_label, self._colours - 1)
        run.items, run.shown = [loss, *accuracies], True

    def bring_to_front(self, run: ScreenRun | None) -> None:
        """Draw ``run``'s faded curves above the others, wider (None: none in front)."""
        for other in self.runs:
            z, width = FRONT if other is run else NORMAL
            for item in other.items:
                item.setZValue(z)
                pen = pg.mkPen(item.opts["pen"])
                pen.setWidthF(width)
                item.setPen(pen)

    def relabel(self, run: ScreenRun) -> None:
        """Show ``run``'s new name in the legends."""
        if run is self.current:
            self.label_current()
        elif run.shown:
            self.show(run, False)
            self.show(run, True)

    def remove(self, run: ScreenRun) -> None:
        """Take ``run`` off the screen (the current run's curves are cleared)."""
        if run is self.current:
            self.fade_current_away()
        self.show(run, False)
        self.runs.remove(run)

    def fade_current_away(self) -> None:
        self.current = None
        self.fade_current()

    def label_current(self) -> None:
        if self.current is not None:
            self.loss_plot.set_run_label(self.current.label)
            self.accuracy_plot.set_run_label(self.current.short_label)

    def add_learning_rates(self, rates: list[tuple[int, float]]) -> None:
        """The current run changed its learning rate: mark each change and relabel."""
        if not rates or self.current is None:
            return
        for iteration, rate in rates:
            self.current.add_learning_rate(iteration, rate)
            self.loss_plot.mark_learning_rate(iteration, rate)
        self.label_current()

    def end(self, history: History, record: RunRecord | None = None) -> None:
        """The current run has ended with ``history`` (``record``: as the table shows it)."""
        self._catch_up()  # a run shorter than FADED_LATER_MS
        if self.current is not None:
            history.compact()  # runs on screen are kept: only what they recorded
            self.current.history = history
            if record is not None:
                self.current.record = record
                self.current.number = record.number or self.current.number
                self.label_current()

    def ended(self) -> list[ScreenRun]:
        """The runs whose curves are shown and have ended (those a history export holds)."""
        return [run for run in self.runs
                if run.has_ended and (run.shown or run is self.current)]

    def earlier(self) -> list[ScreenRun]:
        """Every run but the current one."""
        return [run for run in self.runs if run is not self.current]

    def clear_earlier(self) -> list[ScreenRun]:
        """Take every run but the current one off the screen; return them."""
        gone = self.earlier()
        for run in gone:
            self.remove(run)
        return gone
