"""The File menu's commands: save and load a model, export the history and the plots.

Each command checks what it needs, writes atomically (through the core and
``common.exports``), and reports once: a message box for what went wrong, the window's status
bar for what was done.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow

from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.state import AppState

if TYPE_CHECKING:
    from desktop_nn.gui.training.tab import TrainingTab


class FileCommands(QObject):
    """The commands of ``window``'s File menu, on ``state`` and the window's Training tab.

    ``window`` is the parent of the dialogs and message boxes, shows the status
    (``window.show_status(message)``) and has the Training tab (``window.training_tab``, which
    is built when first read).
    """

    def __init__(self, window: QMainWindow, state: AppState) -> None:
        super().__init__(window)
        self.window = window
        self.state = state

    @property
    def training(self) -> TrainingTab:
        return self.window.training_tab

    # -- model files -------------------------------------------------------------------------
    @Slot()
    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save model"), "model.npz",
                                              self.tr("Models") + " (*.npz)")
        if path:
            self.save_model_to(path)

    def save_model_to(self, path: str | os.PathLike) -> bool:
        """Save the current model to ``path``; False (after a message) if it was not saved."""
        network, config = self.state.network, self.state.config
        if network is None or config is None:
            self._warn(self.tr("Nothing to save"), self.tr("Train a network (or load one) first."))
            return False
        from desktop_nn.core.model_io import ModelFileError, save_model  # NumPy: when used

        meta = self.training.model_meta()
        try:
            save_model(path, network, config, meta)
        except ModelFileError as exc:
            self._warn(self.tr("Could not save the model"),
                       self.tr("The model was not saved; an existing file keeps its contents.")
                       + "\n\n" + str(exc))
            return False
        self.window.show_status(self.tr("Model saved to {path}").format(path=path))
        return True

    @Slot()
    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Load model"), "",
                                              self.tr("Models") + " (*.npz)")
        if path:
            self.load_model_from(path)

    def load_model_from(self, path: str | os.PathLike) -> bool:
        """Make the model in ``path`` current everywhere; False (after a message) on failure."""
        from desktop_nn.gui.common.model_loading import read_model

        loaded = read_model(path, self.state, self._warn)
        if loaded is None:
            return False
        self.training.show_config(loaded.config, keep_dataset=True)
        self.state.set_model(loaded.network, loaded.config)
        self.window.show_status(self.tr(
            "Loaded {file}: hidden size {hidden}, {activation}, seed {seed}"
        ).format(file=Path(path).name, hidden=loaded.network.hidden_size,
                 activation=loaded.config.activation, seed=self._seed_text(loaded.config.seed)))
        return True

    def _seed_text(self, seed: int | None) -> str:
        return str(seed) if seed is not None else self.tr("not recorded")

    # -- exports -----------------------------------------------------------------------------
    def _warn_no_history(self) -> None:
        self._warn(self.tr("No history to export"), self.tr("Finish or stop a run first."))

    @Slot()
    def export_history_dialog(self) -> None:
        if not self.training.runs_on_screen():
            self._warn_no_history()
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export history"), "history.csv",
                                              self.tr("CSV files") + " (*.csv)")
        if path:
            self.export_history_to(path)

    def export_history_to(self, path: str | os.PathLike) -> bool:
        """Write every ended run on screen to one CSV (a column says which run a row is)."""
        runs = self.training.runs_on_screen()
        if not runs:
            self._warn_no_history()
            return False
        from desktop_nn.core.history_csv import write_history_csv  # NumPy: when used

        try:
            write_history_csv(path, [run.history_run() for run in runs])
        except OSError as exc:
            self._warn(self.tr("Could not export the history"),
                       self.tr("The history was not written; an existing file keeps its "
                               "contents.") + "\n\n" + f"{path}: {exc.strerror or exc}")
            return False
        numbers = ", ".join(str(run.number) for run in runs)
        message = self.tr("History of runs {numbers} written to {path}").format(
            numbers=numbers, path=path)
        if self.training.is_running:
            message += " " + self.tr("(the run in progress is not included)")
        self.window.show_status(message)
        return True

    @Slot()
    def export_plots_dialog(self) -> None:
        filters = (self.tr("PNG image") + " (*.png);;" + self.tr("SVG drawing") + " (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export plots"), "curves.png",
                                              filters)
        if path:
            self.export_plots_to(path)

    def export_plots_to(self, path: str | os.PathLike) -> list[Path]:
        """Write the loss and accuracy plots as ``<name>-loss.<ext>`` and ``<name>-accuracy``.

        PNG at twice the on-screen size, SVG as vector graphics, both as they look on screen
        without the hover readout. Each file appears complete or not at all.
        """
        base = Path(path)
        suffix = base.suffix.lower() or ".png"
        if suffix not in (".png", ".svg"):
            self._warn(self.tr("Unknown format"), self.tr("Plots can be exported as .png or .svg."))
            return []
        from desktop_nn.gui.common.exports import export_plot

        written = []
        plots = self.training.plots()
        try:
            for name, plot in plots.items():
                written.append(export_plot(plot, base.with_name(f"{base.stem}-{name}{suffix}")))
        except OSError as exc:
            self._warn(self.tr("Could not export the plots"),
                       self.tr("The plots could not be written:") + "\n\n"
                       + f"{exc.strerror or exc}")
            return written
        self.window.show_status(self.tr("Plots written: {files}").format(
            files=", ".join(p.name for p in written)))
        return written

    def _warn(self, title: str, text: str) -> None:
        show_message(self.window, title, text, name="warningMessage")
