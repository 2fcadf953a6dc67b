"""The view of a computation graph's scene: fitted to the window until the user zooms."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_nn.gui.common.fitting_view import FittingGraphicsView
from desktop_nn.gui.graph.scene import GraphScene


class GraphView(FittingGraphicsView):
    """Shows a :class:`GraphScene`: fits it to the window until the user zooms; drag to pan;
    Ctrl+wheel zooms. Follows the widget palette (light or dark)."""

    FIT_LIMITS = (0.55, 1.6)
    ZOOM_LIMITS = (0.2, 5.0)
    ZOOM_STEP = 1.2

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setToolTip(self.tr("The computation graph: values above the arrows, gradients "
                                "below in red. Click a node or an input; drag to pan; "
                                "Ctrl+wheel to zoom."))
        self.setAccessibleName(self.tr("Computation graph"))
        self.setAccessibleDescription(self.tr(
            "The graph's nodes, inputs and arrows with their values and gradients; click a "
            "node or an input to show it in the side panel."))
        scene.set_palette(self.palette())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and isinstance(self.scene(), GraphScene):
            self.scene().set_palette(self.palette())
