"""The view of a layer graph: the whole network fitted to the window until the user zooms."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_nn.gui.common.fitting_view import FittingGraphicsView
from desktop_nn.gui.layers.scene import LayerScene


class LayerGraphView(FittingGraphicsView):
    """Shows a :class:`LayerScene`, fitted to the window; Ctrl+wheel zooms, drag pans."""

    FIT_LIMITS = (0.15, 1.5)
    ZOOM_LIMITS = (0.2, 8.0)
    ZOOM_STEP = 1.25

    def __init__(self, scene: LayerScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("layerGraphView")
        self.setToolTip(self.tr(
            "The network as its layers: each arrow carries an array (its shape above it), "
            "values in the cards, gradients framed in red. Click a layer or an element; "
            "Ctrl+wheel zooms."))
        self.setAccessibleName(self.tr("Layer graph"))
