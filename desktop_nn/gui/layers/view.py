"""The view of a layer graph: the whole network fitted to the window until the user zooms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from desktop_nn.gui.layers.scene import LayerScene


class LayerGraphView(QGraphicsView):
    """Shows a :class:`LayerScene`, fitted to the window; Ctrl+wheel zooms, drag pans."""

    FIT_LIMITS = (0.15, 1.5)
    ZOOM_LIMITS = (0.2, 8.0)
    ZOOM_STEP = 1.25

    def __init__(self, scene: LayerScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("layerGraphView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.auto_fit = True
        self.setToolTip(self.tr(
            "The network as its layers: each arrow carries an array (its shape above it), "
            "values in the cards, gradients framed in red. Click a layer or an element; "
            "Ctrl+wheel zooms."))
        self.setAccessibleName(self.tr("Layer graph"))

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Fit the whole graph into the view again (within :data:`FIT_LIMITS`)."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        scene = self.scene()
        rect = scene.content_rect if isinstance(scene, LayerScene) else scene.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.width() < 10 or viewport.height() < 10:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        scale = min(max(scale, self.FIT_LIMITS[0]), self.FIT_LIMITS[1])
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out; the view stops fitting itself."""
        current = self.zoom
        target = min(max(current * factor, self.ZOOM_LIMITS[0]), self.ZOOM_LIMITS[1])
        if target != current:
            self.auto_fit = False
            self.scale(target / current, target / current)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(self.ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.auto_fit:
            self._fit()
