"""The runs of the window and their kept copies: the runs table's data, kept on disk.

:class:`RunBook` joins three things: :class:`RunsOnScreen` (the curves), the runs table's
:class:`RunsTableModel` and the core's :class:`RunStore` in the user's data folder. Every run
that ends (finished, stopped or diverged) is kept there, and the runs kept earlier, by this
window or by ``desktop-nn train --keep``, are read back when the window starts; a folder that
cannot be read is skipped with a note. Renaming, removing and clearing change the kept copy
first and the screen after, so both always agree.

Keeping a run is written on a thread of its own (a :class:`StoreWriter`), so that the end of a
run never freezes the window: the run's number and name reach the table when its folder is
complete. A rename or a removal of a run whose keep is pending is queued behind it and applies
to the kept run; any other use of the store first waits for the pending writes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_nn.core.events import DivergedEvent, FinishedEvent
from desktop_nn.core.history_csv import write_history_csv
from desktop_nn.core.model_io import ModelFileError, save_model
from desktop_nn.core.run_export import write_runs_csv, write_summary_csv
from desktop_nn.core.run_record import RunRecord, check_name, now_utc, record_run
from desktop_nn.core.run_store import RunStore, RunStoreError
from desktop_nn.core.training import Trainer
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.settings import app_settings, read_bool
from desktop_nn.gui.training.curves import MAX_OVERLAYS
from desktop_nn.gui.training.runs import RunsOnScreen, ScreenRun
from desktop_nn.gui.training.runs_table import RunsTableModel
from desktop_nn.gui.training.store_writer import StoreWriter
from desktop_nn.gui.workers import ThreadRegistry

#: The settings key that switches keeping the trained networks of runs off (true by default).
KEEP_MODELS_KEY = "runs/keep_models"


def summary_path(path: str | os.PathLike) -> Path:
    """Where the summary goes beside ``runs.csv``: ``runs-summary.csv``."""
    path = Path(path)
    return path.with_name(f"{path.stem}-summary{path.suffix or '.csv'}")


@dataclass
class _Keeping:
    """A run whose keep is pending: what the writer found, what the user did meanwhile."""

    run: ScreenRun
    kept: RunRecord | None = None
    name: str | None = None  # a rename while pending


class RunBook(QObject):
    """The window's runs, on screen, in the runs table and on disk.

    Parameters
    ----------
    screen : RunsOnScreen
    widget : QWidget
        Message boxes open over it.
    store : RunStore, optional
        Default: the user's data folder, keeping models unless the settings say not to.
    threads : ThreadRegistry, optional
        The window's threads, where the store's writer runs.

    Signals
    -------
    status(str)
        A message for the status bar.
    removed(list)
        These runs (:class:`ScreenRun`) left the window.
    restored()
        The kept runs are on screen again (after :meth:`restore` found some).
    """

    status = Signal(str)
    removed = Signal(list)
    restored = Signal()

    def __init__(self, screen: RunsOnScreen, widget: QWidget,
                 store: RunStore | None = None, threads: ThreadRegistry | None = None) -> None:
        super().__init__(widget)
        self.screen, self.widget = screen, widget
        if store is None:
            store = RunStore(keep_models=read_bool(app_settings(), KEEP_MODELS_KEY) is not False)
        self.store = store
        self.writer = StoreWriter(threads, self)
        self._keeping: list[_Keeping] = []
        self.model = RunsTableModel(self)
        self.model.show_requested.connect(self.set_shown)
        self.model.rename_requested.connect(self.rename)
        #: Notes on kept runs that could not be read, until they are said.
        self.notes: list[str] = []

    # -- the runs' lives -------------------------------------------------------------------------
    def restore(self) -> list[str]:
        """Show the kept runs (the last few with their curves); return notes on those skipped."""
        try:
            found = self.store.load()
        except Exception as exc:  # never a failed start
            self.notes = [f"{self.store.folder}: {type(exc).__name__}: {exc}"]
            return self.notes
        for record in found.runs:
            self.screen.add_ended(record)
        for run in self.screen.runs[-MAX_OVERLAYS:]:
            self.screen.show(run, True)
        self.refresh()
        if found.runs:
            self.restored.emit()
            self.screen.loss_plot.show_all()
            self.screen.accuracy_plot.show_all()
        self.notes = [str(note) for note in found.notes]
        return self.notes

    def take_notes(self) -> str:
        """' Kept run skipped: …' for each note not said yet ('' when there is none)."""
        said = "".join(" " + self.tr("Kept run skipped: {note}").format(note=note)
                       for note in self.notes)
        self.notes = []
        return said

    def begin(self, trainer: Trainer, group: str | None = None) -> ScreenRun:
        """A run of ``trainer`` starts: its row says "running"."""
        record = record_run(trainer, "running", seconds=0.0, started=now_utc(), group=group)
        run = self.screen.begin(trainer.config, record)
        self.refresh()
        return run

    def end(self, outcome: str, payload: object, trainer: Trainer, seconds: float) -> None:
        """The current run ended with ``outcome`` (see ``RunController.ended``): keep it."""
        run = self.screen.current
        if run is None or run.record is None:
            return
        final, message = None, ""
        if isinstance(payload, FinishedEvent):
            final, seconds = (payload.final_train_acc, payload.final_test_acc), payload.seconds
        elif isinstance(payload, DivergedEvent):
            message = payload.message
        elif outcome == "failed":
            message = str(payload)
        status = outcome if outcome in ("finished", "diverged") else "stopped"
        record = record_run(trainer, status, seconds=seconds, started=run.record.started,
                            final=final, message=message, group=run.record.group)
        self.screen.end(record.history, record)
        self.refresh()
        self._keep(run, record, trainer)

    def _keep(self, run: ScreenRun, record: RunRecord, trainer: Trainer) -> None:
        """Keep the run on the writer's thread (a copy of its network: the next run may go on
        training it); its number and name reach the table when the folder is complete."""
        keeping = _Keeping(run)
        self._keeping.append(keeping)
        network = trainer.network.copy() if trainer.network is not None else None

        def job() -> tuple[RunRecord, list[int]]:
            keeping.kept, dropped = self.store.keep(record, network)
            return keeping.kept, dropped

        self.writer.submit(job, lambda ok, outcome: self._kept(keeping, ok, outcome))

    def _kept(self, keeping: _Keeping, ok: bool, outcome) -> None:
        self._keeping.remove(keeping)
        if not ok:
            self.status.emit(self.tr("The run is shown but could not be kept: {reason}").format(
                reason=outcome))
            return
        kept, dropped = outcome
        run = keeping.run
        if run in self.screen.runs:  # (identity: runs compare as objects)
            label = run.short_label
            run.record = kept if keeping.name is None else kept.replace(name=keeping.name)
            run.number = kept.number or run.number
            if run.short_label != label:
                self.screen.relabel(run)
        gone = [run for run in self.screen.earlier()
                if run.record is not None and run.record.number in dropped]
        for run in gone:
            self.screen.remove(run)
        if gone:
            self.removed.emit(gone)
            self.status.emit(self.tr("The oldest kept runs were dropped to stay within the size "
                                     "limit: {names}").format(
                names=", ".join(run.short_label for run in gone)))
        self.refresh()

    def _pending(self, run: ScreenRun) -> _Keeping | None:
        """The pending keep of ``run``, if its keep is pending."""
        return next((keeping for keeping in self._keeping if keeping.run is run), None)

    def _after_keep(self, keeping: _Keeping, write, failed: str, undo=None) -> None:
        """Queue ``write(number)`` behind ``keeping``'s keep (nothing if it was not kept); if
        it fails, say so and call ``undo()``."""

        def job() -> None:
            if keeping.kept is not None and keeping.kept.number is not None:
                write(keeping.kept.number)

        def then(ok: bool, error) -> None:
            if not ok:
                if undo is not None:
                    undo()
                self._warn(failed, str(error))

        self.writer.submit(job, then)

    def fade_current(self) -> None:
        """The current run's curves fade (Reset weights): it becomes an earlier run."""
        self.screen.fade_current()
        self.refresh()

    # -- what the table asks ---------------------------------------------------------------------
    @Slot(object, bool)
    def set_shown(self, run: ScreenRun, shown: bool) -> None:
        """Show or hide the curves of an earlier run."""
        self.screen.show(run, shown)
        self.refresh()

    def bring_to_front(self, run: ScreenRun | None) -> None:
        self.screen.bring_to_front(run)

    @Slot(object, str)
    def rename(self, run: ScreenRun, name: str) -> bool:
        """Give ``run`` a new name, on disk too; False (and a message) if it cannot have it."""
        record = run.record
        if record is None or record.status == "running":
            return False
        try:
            check_name(name)
            taken = {other.short_label for other in self.screen.runs if other is not run}
            if name in taken:
                raise ValueError(f"a run called {name!r} exists already")
            keeping = self._pending(run)
            if keeping is not None:
                keeping.name = name
                self._after_keep(keeping, lambda number: self.store.rename(number, name),
                                 self.tr("Cannot rename the run"),
                                 lambda: self._name_as_kept(run, keeping))
            elif record.number is not None:
                self.writer.settle()
                self.store.rename(record.number, name)
        except (ValueError, RunStoreError) as exc:
            self._warn(self.tr("Cannot rename the run"), str(exc))
            self.refresh()
            return False
        run.record = record.replace(name=name)
        self.screen.relabel(run)
        self.refresh()
        return True

    def _name_as_kept(self, run: ScreenRun, keeping: _Keeping) -> None:
        """A rename queued behind a keep failed: the run shows the name it was kept under."""
        if keeping.kept is not None and run.record is not None:
            run.record = run.record.replace(name=keeping.kept.name)
            self.screen.relabel(run)
            self.refresh()

    def remove(self, run: ScreenRun) -> bool:
        """Remove a run that has ended, from the screen and from the disk."""
        record = run.record
        if record is None or record.status == "running":
            return False
        keeping = self._pending(run)
        if keeping is not None:
            self._after_keep(keeping, self.store.remove, self.tr("Cannot remove the run"))
        elif record.number is not None:
            try:
                self.writer.settle()
                self.store.remove(record.number)
            except RunStoreError as exc:
                self._warn(self.tr("Cannot remove the run"), str(exc))
                return False
        self.screen.remove(run)
        self.refresh()
        self.removed.emit([run])
        self.status.emit(self.tr("{run} removed").format(run=run.short_label))
        return True

    def clear(self) -> int:
        """Remove every run but the current one, on screen and on disk; return how many."""
        self.writer.settle()
        current = self.screen.current
        keep = current.record.number if current is not None and current.record else None
        try:
            if current is None:
                self.store.clear()
            else:
                for number in self.store.numbers():
                    if number != keep:
                        self.store.remove(number)
        except RunStoreError as exc:
            self._warn(self.tr("Cannot clear the kept runs"), str(exc))
        gone = self.screen.clear_earlier()
        self.refresh()
        self.removed.emit(gone)
        self.status.emit(self.tr("{count} runs cleared").format(count=len(gone)))
        return len(gone)

    def set_keep_models(self, keep: bool) -> None:
        """Keep the trained networks of the next runs (or not); remembered in the settings."""
        self.store.keep_models = keep
        app_settings().setValue(KEEP_MODELS_KEY, keep)

    # -- files -----------------------------------------------------------------------------------
    def save_model_to(self, run: ScreenRun, path: str | os.PathLike) -> bool:
        """Write the trained network of a kept run to ``path`` (a model file)."""
        self.writer.settle()
        record = run.record
        if record is None or not record.has_model or record.number is None:
            self._warn(self.tr("No model kept"),
                       self.tr("This run was kept without its trained network."))
            return False
        try:
            loaded = self.store.load_model(record)
            save_model(path, loaded.network, loaded.config, loaded.meta)
        except ModelFileError as exc:
            self._warn(self.tr("Could not save the model"), str(exc))
            return False
        self.status.emit(self.tr("Model of {run} saved to {path}").format(
            run=run.short_label, path=path))
        return True

    def export_history_to(self, run: ScreenRun, path: str | os.PathLike) -> bool:
        """Write one run's history as CSV (the same columns as the window's history export)."""
        if not run.has_ended:
            return False
        return self._write(lambda: write_history_csv(path, [run.history_run()]),
                           self.tr("History of {run} written to {path}").format(
                               run=run.short_label, path=path))

    def ended_records(self) -> list[RunRecord]:
        return [run.record for run in self.screen.runs
                if run.record is not None and run.record.status != "running"]

    def export_all_to(self, path: str | os.PathLike) -> bool:
        """Write every ended run (a row per run and epoch) and the table's summary as CSV."""
        self.writer.settle()  # the runs' numbers and names as kept
        records = self.ended_records()
        if not records:
            self._warn(self.tr("No runs to export"), self.tr("Finish or stop a run first."))
            return False
        summary = summary_path(path)

        def write() -> None:
            write_runs_csv(path, records)
            write_summary_csv(summary, records)

        return self._write(write, self.tr("{count} runs written to {path} and {summary}").format(
            count=len(records), path=path, summary=summary.name))

    def _write(self, write, done: str) -> bool:
        try:
            write()
        except OSError as exc:
            self._warn(self.tr("Could not write the file"),
                       self.tr("Nothing was written; an existing file keeps its contents.")
                       + "\n\n" + f"{exc.filename or ''}: {exc.strerror or exc}")
            return False
        self.status.emit(done)
        return True

    def refresh(self) -> None:
        self.model.set_runs(self.screen.runs, self.screen.current)

    def _warn(self, title: str, text: str) -> None:
        show_message(self.widget, title, text, name="runsMessage",
                     icon=QMessageBox.Icon.Warning)
