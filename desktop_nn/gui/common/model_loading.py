"""Reading a model file for the window: refused while a run trains, checked, or one message.

The window's two Load model commands (File menu, Evaluate tab) come through here, so both
refuse and explain alike; each caller shows the message its own way and decides what the
loaded model changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop_nn.core.model_io import LoadedModel, ModelFileError, check_compatible, load_model
from desktop_nn.gui.common.state import AppState

# ``warn(title, text)`` shows a message about a refused or failed load.
Warn = Callable[[str, str], None]


def read_model(path: str | os.PathLike, state: AppState, warn: Warn) -> LoadedModel | None:
    """The model in ``path``, checked to fit MNIST; None after one ``warn`` when a run is
    training or the file is not such a model (nothing has changed then)."""
    if state.is_training:
        warn(QCoreApplication.translate("ModelLoading", "Training is running"),
             QCoreApplication.translate("ModelLoading", "Stop the run before loading a model."))
        return None
    try:
        loaded = load_model(path)
        check_compatible(loaded.network)
    except ModelFileError as exc:
        warn(QCoreApplication.translate("ModelLoading", "Could not load the model"),
             QCoreApplication.translate(
                 "ModelLoading", "The file was not loaded; the current network is unchanged.")
             + "\n\n" + str(exc))
        return None
    return loaded
