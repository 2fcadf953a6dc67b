"""The view of a computation graph's scene: fitted to the window until the user zooms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from desktop_nn.gui.graph.scene import GraphScene


class GraphView(QGraphicsView):
    """Shows a :class:`GraphScene`: fits it to the window until the user zooms; drag to pan;
    Ctrl+wheel zooms. Follows the widget palette (light or dark)."""

    #: Fitting never enlarges or shrinks the drawing beyond these factors.
    FIT_LIMITS = (0.55, 1.6)
    ZOOM_LIMITS = (0.2, 5.0)
    ZOOM_STEP = 1.2

    zoom_changed = Signal(float)

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.auto_fit = True
        self.text_zoom = 1.0  # the window's zoom: the drawing is this many times larger
        self.setToolTip(self.tr("The computation graph: values above the arrows, gradients "
                                "below in red. Click a node or an input; drag to pan; "
                                "Ctrl+wheel to zoom."))
        self.setAccessibleName(self.tr("Computation graph"))
        self.setAccessibleDescription(self.tr(
            "The graph's nodes, inputs and arrows with their values and gradients; click a "
            "node or an input to show it in the side panel."))
        scene.set_palette(self.palette())

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Fit the whole graph into the view (within :data:`FIT_LIMITS`); resume fitting."""
        self.auto_fit = True
        self._fit()

    def _fit(self) -> None:
        scene = self.scene()
        rect = scene.content_rect if isinstance(scene, GraphScene) else scene.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.width() < 10 or viewport.height() < 10:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        scale = min(max(scale, self.FIT_LIMITS[0]), self.FIT_LIMITS[1]) * self.text_zoom
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())
        self.zoom_changed.emit(scale)

    def set_text_zoom(self, factor: float) -> None:
        """Draw the graph, its labels included, ``factor`` times its size at the window's 100%."""
        ratio = factor / self.text_zoom
        self.text_zoom = factor
        if self.auto_fit:
            self._fit()
        else:
            self.scale(ratio, ratio)
            self.zoom_changed.emit(self.zoom)

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        """Zoom in (factor > 1) or out; stops fitting the view automatically."""
        current = self.zoom
        target = min(max(current * factor, self.ZOOM_LIMITS[0]), self.ZOOM_LIMITS[1])
        if target == current:
            return
        self.auto_fit = False
        anchor = (QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                  else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setTransformationAnchor(anchor)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(target)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(self.ZOOM_STEP ** steps, under_mouse=True)
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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and isinstance(self.scene(), GraphScene):
            self.scene().set_palette(self.palette())
