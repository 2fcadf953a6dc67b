"""The runs on screen: what each one is called in the legends and what it exports.

A :class:`RunRecord` is made when a run starts and keeps the run's settings, the learning
rates it used (filled on the GUI thread from the training thread's reports) and, once the run
has ended, its :class:`History`. :class:`RunsOnScreen` keeps one for the current curves and one
for each faded curve of an earlier run, in step with the plots, so a legend entry and an
exported run always match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from desktop_nn.core.history_csv import HistoryRun
from desktop_nn.core.optimizers import OPTIMIZER_TITLES
from desktop_nn.core.training import History, TrainConfig
from desktop_nn.gui.training.curves import MAX_OVERLAYS, AccuracyPlot, LossPlot

#: A legend shows at most this many learning rates of one run (first, …, last beyond).
SHOWN_RATES = 3


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


@dataclass
class RunRecord:
    """One run the window shows.

    Attributes
    ----------
    number : int
        Counted from 1 in this window.
    config : TrainConfig
        The settings actually used (the seed drawn, if it was random).
    learning_rates : list of (int, float)
        ``(first iteration, rate)``: the starting rate and each change the run applied.
    history : History or None
        Set when the run has ended (the training thread no longer writes to it).
    """

    number: int
    config: TrainConfig
    learning_rates: list[tuple[int, float]] = field(default_factory=list)
    history: History | None = None

    def __post_init__(self) -> None:
        if not self.learning_rates:
            self.learning_rates.append((0, self.config.learning_rate))

    def add_learning_rate(self, iteration: int, rate: float) -> None:
        self.learning_rates.append((iteration, rate))

    @property
    def short_label(self) -> str:
        """'run 3' (the accuracy plot's legend)."""
        return QCoreApplication.translate("TrainingTab", "run {number}").format(
            number=self.number)

    @property
    def label(self) -> str:
        """'run 3: lr 0.1 → 0.05, hidden 50, SGD' (the loss plot's legend)."""
        rates = [rate for _, rate in self.learning_rates]
        return QCoreApplication.translate("TrainingTab", "run {number}: {settings}").format(
            number=self.number, settings=describe_run(self.config, rates))

    def history_run(self) -> HistoryRun:
        """What the history CSV needs (only once the run has ended)."""
        if self.history is None:
            raise ValueError(f"run {self.number} has not ended yet")
        return HistoryRun(self.number, self.config.seed, self.history)


class RunsOnScreen:
    """The run of the bright curves and those of the faded ones (oldest first), kept in step
    with the two plots.

    Parameters
    ----------
    loss_plot : LossPlot
    accuracy_plot : AccuracyPlot
    """

    def __init__(self, loss_plot: LossPlot, accuracy_plot: AccuracyPlot) -> None:
        self.loss_plot = loss_plot
        self.accuracy_plot = accuracy_plot
        self.count = 0
        self.current: RunRecord | None = None
        self.earlier: list[RunRecord] = []

    def begin(self, config: TrainConfig) -> RunRecord:
        """Fade the current curves and number a new run of ``config``."""
        self.fade_current()
        self.count += 1
        self.current = RunRecord(self.count, config)
        self.label_current()
        return self.current

    def fade_current(self) -> None:
        """Fade the current run's curves into an earlier run (kept for export) and clear."""
        record, self.current = self.current, None
        self.loss_plot.set_run_label(None)
        self.accuracy_plot.set_run_label(None)
        if record is None:
            self.loss_plot.clear_data()
            self.accuracy_plot.clear_data()
            return
        kept = self.loss_plot.keep_as_overlay(record.label)
        self.accuracy_plot.keep_as_overlay(record.short_label)
        if kept and record.history is not None:
            self.earlier.append(record)
            del self.earlier[:-MAX_OVERLAYS]

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

    def end(self, history: History) -> None:
        """The current run has ended with ``history``."""
        if self.current is not None:
            self.current.history = history

    def ended(self) -> list[RunRecord]:
        """The runs whose curves are shown and have ended (those a history export holds)."""
        runs = list(self.earlier)
        if self.current is not None and self.current.history is not None:
            runs.append(self.current)
        return runs

    def clear_earlier(self) -> None:
        self.loss_plot.clear_overlays()
        self.accuracy_plot.clear_overlays()
        self.earlier.clear()
