"""The window's shared state: the loaded data and the current model, as a Qt-observable object.

Tabs read from one :class:`AppState`: the Training tab replaces the model and streams weight
snapshots into it; the preview, evaluation, inside and drawing views read it. Everything here
lives on the GUI thread; the training thread only ever sends copies.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.thread_registry import ThreadRegistry
from desktop_nn.gui.threads import DataLoadThread

Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class AppState(QObject):
    """The data and the model the window shows.

    Signals
    -------
    data_changed()
        ``data`` now holds a newly loaded dataset.
    data_failed(str)
        Loading failed; the message says why. ``data`` keeps what it had.
    data_notice(str)
        Loading met something worth saying that did not stop it (a rebuilt cache entry).
    model_changed()
        ``network`` was replaced (a new run, a loaded file, reset weights).
    params_updated()
        ``network``'s weights changed (a snapshot from a training run).
    training_state_changed(str)
        "idle", "running", "paused", "finished", "stopped", "diverged" or "failed".

    Attributes
    ----------
    threads : ThreadRegistry
        Every background thread started for this window (loading, training, gradient check,
        downloads): stopped and joined whenever the window ends.
    """

    data_changed = Signal()
    data_failed = Signal(str)
    data_notice = Signal(str)
    model_changed = Signal()
    params_updated = Signal()
    training_state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data: Dataset | None = None
        self.dataset_name: str | None = None
        self.network: TwoLayerNet | None = None
        self.config: TrainConfig | None = None
        self.training_state = "idle"
        self.threads = ThreadRegistry()
        self._loaders: list[DataLoadThread] = []

    # -- data -------------------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        return bool(self._loaders)

    def load_data(self, dataset: str = "mnist", data_dir: str | None = None) -> None:
        """Start loading ``dataset`` in the background (``data_changed`` or ``data_failed``)."""
        loader = DataLoadThread(dataset, data_dir)
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        loader.notice.connect(self.data_notice)
        loader.finished.connect(lambda: self._forget_loader(loader))
        self._loaders.append(loader)
        self.threads.start(loader)  # a few seconds at most: waited for, never interrupted

    def _forget_loader(self, loader: DataLoadThread) -> None:
        loader.wait()
        if loader in self._loaders:
            self._loaders.remove(loader)
        loader.deleteLater()

    @Slot(str, object)
    def _on_loaded(self, dataset: str, data: Dataset) -> None:
        self.data = data
        self.dataset_name = dataset
        self.data_changed.emit()

    @Slot(str, str)
    def _on_failed(self, dataset: str, message: str) -> None:
        self.data_failed.emit(message)

    # -- model ------------------------------------------------------------------------------
    def set_model(self, network: TwoLayerNet | None, config: TrainConfig | None) -> None:
        """Make ``network`` (owned by the GUI thread from now on) the current model."""
        self.network = network
        self.config = config
        self.model_changed.emit()

    def update_params(self, params: dict[str, np.ndarray]) -> None:
        """Copy a weight snapshot into the current model (shapes must match)."""
        if self.network is None:
            return
        self.network.set_params(params)
        self.params_updated.emit()

    def set_training_state(self, state: str) -> None:
        if state != self.training_state:
            self.training_state = state
            self.training_state_changed.emit(state)

    @property
    def is_training(self) -> bool:
        return self.training_state in ("running", "paused")
