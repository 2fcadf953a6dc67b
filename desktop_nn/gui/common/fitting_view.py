"""A graphics view that fits its scene to the window until the user zooms.

The computation graph and the layer graph are shown through it: the whole drawing fitted to
the view within limits that follow the window's text zoom, Ctrl+wheel and buttons to zoom,
dragging to pan.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget


class FittingGraphicsView(QGraphicsView):
    """Shows a scene fitted to the view until the user zooms; Ctrl+wheel zooms, drag pans.

    A scene with a ``content_rect`` (a ``QRectF``) is fitted by it, any other by its scene rect.

    Signals
    -------
    zoom_changed(float)
        The view's new scale (1.0: the scene's own size).
    """

    #: Fitting never shrinks or enlarges the drawing beyond these scales (times the text zoom).
    FIT_LIMITS = (0.55, 1.6)
    #: The user's zoom stays within these scales.
    ZOOM_LIMITS = (0.2, 5.0)
    #: One step of the wheel or of a zoom button.
    ZOOM_STEP = 1.2

    zoom_changed = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.auto_fit = True
        self.text_zoom = 1.0  # the window's zoom: the fit limits are this many times larger

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit_limits(self) -> tuple[float, float]:
        """The smallest and largest scale a fit may take at the current text zoom."""
        low, high = self.FIT_LIMITS
        return low * self.text_zoom, high * self.text_zoom

    def fit(self) -> None:
        """Fit the whole drawing into the view (within :meth:`fit_limits`); resume fitting."""
        self.auto_fit = True
        self._fit()

    def _content_rect(self) -> QRectF:
        scene = self.scene()
        rect = getattr(scene, "content_rect", None)
        return rect if isinstance(rect, QRectF) else scene.sceneRect()

    def _fit(self) -> None:
        rect = self._content_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.width() < 10 or viewport.height() < 10:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        low, high = self.fit_limits()
        scale = min(max(scale, low), high)
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())
        self.zoom_changed.emit(scale)

    def set_text_zoom(self, factor: float, *, refit: bool = False) -> None:
        """Follow the window's zoom ``factor``: the fitted drawing may be ``factor`` times as
        large as at 100% and never shrinks below ``factor`` times the smallest fit; a drawing
        the user zoomed grows ``factor`` times, or is fitted again with ``refit`` (for a scene
        that draws its texts at the new size itself)."""
        ratio = factor / self.text_zoom
        self.text_zoom = factor
        if refit or self.auto_fit:
            self.fit()
        else:
            self.scale(ratio, ratio)
            self.zoom_changed.emit(self.zoom)

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        """Zoom in (factor > 1) or out, around the view's centre or the mouse; stops fitting
        the view automatically."""
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
