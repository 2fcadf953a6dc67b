"""The window's shared state: the loaded data and the current model, as a Qt-observable object.

Tabs read from one :class:`AppState`: the Training tab replaces the model and streams weight
snapshots into it; the preview, evaluation, inside and drawing views read it. Everything here
lives on the GUI thread; the training thread only ever sends copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_nn.gui.workers import GeneratorWorker, ThreadRegistry

if TYPE_CHECKING:  # NumPy and the core come with the data, after the window's first paint
    import numpy as np

    from desktop_nn.core.network import TwoLayerNet
    from desktop_nn.core.training import TrainConfig

    Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def load_mnist(*args, **kwargs):
    """:func:`desktop_nn.data.load_mnist`, imported when first called (on the loading thread)."""
    from desktop_nn.data import load_mnist as load

    return load(*args, **kwargs)


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
        self._loaders: list[GeneratorWorker] = []

    # -- data -------------------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        return bool(self._loaders)

    def load_data(self, dataset: str = "mnist", data_dir: str | None = None) -> None:
        """Start loading ``dataset`` in the background (``data_changed`` or ``data_failed``).

        A load takes a few seconds at most: it is waited for, never interrupted.
        """
        def job(task):
            return load_mnist(dataset=dataset, data_dir=data_dir, notify=task.report)

        loader = GeneratorWorker("data-load", job)
        loader.progress.connect(lambda notice: self.data_notice.emit(str(notice)))
        loader.finished.connect(lambda data: self._on_loaded(dataset, data))
        loader.failed.connect(lambda error: self.data_failed.emit(str(error)))
        loader.on_end(lambda: self._forget_loader(loader))
        self._loaders.append(loader)
        loader.start(self.threads)

    def _forget_loader(self, loader: GeneratorWorker) -> None:
        loader.wait()
        if loader in self._loaders:
            self._loaders.remove(loader)

    def _on_loaded(self, dataset: str, data: Dataset) -> None:
        self.data = data
        self.dataset_name = dataset
        self.data_changed.emit()

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
