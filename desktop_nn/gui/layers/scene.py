"""The scene of a layer graph: the layers in a row, the arrays on the arrows between them.

The data flows left to right along the middle row (``X → Affine1 → a1 → Relu1 → … → L``), the
parameters come down into their layers from above (``W1``, ``b1``), and what a layer keeps or
is given besides its data sits below it (ReLU's ``mask``; Softmax's ``y`` beside the labels
``t``). Every arrow is labelled with the shape of its array as the book writes it (``N×50``);
each array is a card showing its value and, framed in red under it, the gradient that arrived
there. A red arrow runs back beside each arrow the gradient has passed.

The scene draws what a :class:`~desktop_nn.graph.LayerGraph` holds and computes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from desktop_nn.graph import LayerGraph
from desktop_nn.graph.layer_arrays import ArraySpec
from desktop_nn.gui.common.palette import colour, readable
from desktop_nn.gui.layers.items import ArrayItem, ArrowItem, LayerBox, Look

#: Space for an arrow between columns, and between rows (scene units).
COLUMN_GAP = 56.0
ROW_GAP = 56.0
CARD_SPACING = 14.0
#: How far the red backward arrow runs beside the forward one.
BACK_OFFSET = 7.0


def picture_mode(spec: ArraySpec) -> tuple[str, float | None]:
    """How an array's value is drawn, and the magnitude at full colour (None: its largest)."""
    if spec.role == "input":
        return "grey", None
    if spec.role == "internal" and spec.name == "mask":
        return "mask", None
    if spec.role in ("label", "internal"):  # t and softmax's y: probabilities, 1 darkest
        return "magnitude", 1.0
    return "diverging", None


class ArrayCard(QGraphicsRectItem):
    """An array's name, its value, and (if a gradient arrives there) the gradient in red."""

    def __init__(self, spec: ArraySpec, numbers: bool, look: Look) -> None:
        super().__init__()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.spec = spec
        mode, scale = picture_mode(spec)
        self.title = QGraphicsSimpleTextItem(spec.name, self)
        self.value = ArrayItem(spec.name, "value", spec.shape, mode, numbers, look, self,
                               scale=scale)
        self.grad_title = self.grad = None
        if spec.grad_name is not None:
            self.grad_title = QGraphicsSimpleTextItem(spec.grad_name, self)
            self.grad = ArrayItem(spec.name, "grad", spec.shape, "diverging", numbers, look,
                                  self)
        self.set_look(look)

    def set_look(self, look: Look) -> None:
        bold = QFont(look.font)
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setBrush(look.text)
        line = self.title.boundingRect().height() + 2
        self.value.set_look(look)
        self.value.setPos(0, line)
        width = max(self.title.boundingRect().width(), self.value.size[0])
        height = line + self.value.size[1]
        if self.grad is not None:
            self.grad_title.setFont(bold)
            self.grad_title.setBrush(look.gradient)
            self.grad.set_look(look)
            self.grad_title.setPos(0, height + 8)
            self.grad.setPos(0, height + 8 + line)
            height += 8 + line + self.grad.size[1]
            width = max(width, self.grad.size[0], self.grad_title.boundingRect().width())
        self.setRect(QRectF(0, 0, width, height))

    def part(self, part: str) -> ArrayItem | None:
        return self.value if part == "value" else self.grad


def look_of(palette: QPalette, font: QFont) -> Look:
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.Mid)
    return Look(font=font, text=text, base=base,
                gradient=readable(colour("vermillion"), base),
                accent=readable(colour("blue"), base), muted=muted)


class LayerScene(QGraphicsScene):
    """Draws a layer graph; says which layer or which element the user clicked.

    Signals
    -------
    layer_clicked(str)
        A layer's name.
    cell_clicked(str, str, object)
        An array's name, ``"value"`` or ``"grad"``, and the element's index (a tuple).
    """

    layer_clicked = Signal(str)
    cell_clicked = Signal(str, str, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: LayerGraph | None = None
        self.zoom = 1.0
        self.look = look_of(QApplication.palette(), QApplication.font())
        self.cards: dict[str, ArrayCard] = {}
        self.boxes: dict[str, LayerBox] = {}
        self.back_arrows: dict[str, list[ArrowItem]] = {}
        self.content_rect = QRectF()
        self.selected_layer: str | None = None
        self.selected_cell: tuple[str, str, tuple[int, ...]] | None = None

    # -- look --------------------------------------------------------------------------------
    def set_palette_and_zoom(self, palette: QPalette, zoom: float = 1.0) -> None:
        """Colours from ``palette``, texts the application font's size times ``zoom``."""
        self.zoom = zoom
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * zoom)
        self.look = look_of(palette, font)
        self.setBackgroundBrush(self.look.base)
        if self.graph is not None:
            self.set_graph(self.graph)

    # -- building ----------------------------------------------------------------------------
    def set_graph(self, graph: LayerGraph) -> None:
        """Draw ``graph`` (its current state)."""
        self.clear()
        self.graph = graph
        numbers = not graph.batch
        self.cards = {spec.name: ArrayCard(spec, numbers, self.look) for spec in graph.arrays}
        self.boxes = {spec.name: LayerBox(spec.name, self.look) for spec in graph.layers}
        for item in (*self.cards.values(), *self.boxes.values()):
            self.addItem(item)
        self.back_arrows = {}
        self._place()
        self.content_rect = self.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.setSceneRect(self.content_rect)
        self.refresh()

    def _columns(self) -> list[tuple[str, str, list[str], list[str]]]:
        """The middle row left to right: ("card", name) or ("layer", name, above, below)."""
        graph = self.graph
        columns = [("card", graph.layers[0].inputs[0], [], [])]
        for spec in graph.layers:
            above = [n for n in spec.inputs[1:] if graph.array(n).role == "param"]
            below = list(spec.internals) + [n for n in spec.inputs[1:]
                                            if graph.array(n).role == "label"]
            columns.append(("layer", spec.name, above, below))
            columns.append(("card", spec.output, [], []))
        return columns

    def _row_width(self, names: list[str]) -> float:
        widths = [self.cards[n].rect().width() for n in names]
        return sum(widths) + CARD_SPACING * max(0, len(widths) - 1)

    def _place(self) -> None:
        columns = self._columns()
        middle = [self.cards[n].rect().height() if kind == "card" else
                  self.boxes[n].size[1] for kind, n, _, _ in columns]
        half = max(middle) / 2
        x, previous = 0.0, None
        for kind, name, above, below in columns:
            if kind == "card":
                card = self.cards[name]
                card.setPos(x, -card.rect().height() / 2)
                right = x + card.rect().width()
                if previous is not None:
                    self._chain_arrow(previous, name, name, into_card=True)
                previous = name
            else:
                right = self._place_layer(x, name, above, below, half)
                self._chain_arrow(previous, name, previous, into_card=False)
                previous = name
            x = right + COLUMN_GAP

    def _place_layer(self, x: float, name: str, above: list[str], below: list[str],
                     half: float) -> float:
        box = self.boxes[name]
        width = max(box.size[0], self._row_width(above), self._row_width(below))
        centre = x + width / 2
        box.setPos(centre - box.size[0] / 2, -box.size[1] / 2)
        for names, top in ((above, None), (below, half + ROW_GAP)):
            left = centre - self._row_width(names) / 2
            slots = len(names)
            for k, array in enumerate(names):
                card = self.cards[array]
                height = card.rect().height()
                y = -half - ROW_GAP - height if top is None else top
                card.setPos(left, y)
                self._side_arrow(name, array, k, slots, from_above=top is None)
                left += card.rect().width() + CARD_SPACING
        return x + width

    # -- arrows ------------------------------------------------------------------------------
    def _edge(self, name: str, side: str) -> QPointF:
        """The middle of ``side`` ("left", "right", "top", "bottom") of a card or a box."""
        item = self.cards.get(name) or self.boxes[name]
        rect = item.mapRectToScene(item.rect() if name in self.cards else
                                   QRectF(0, 0, *item.size))
        return {"left": QPointF(rect.left(), 0.0), "right": QPointF(rect.right(), 0.0),
                "top": QPointF(rect.center().x(), rect.top()),
                "bottom": QPointF(rect.center().x(), rect.bottom())}[side]

    def _chain_arrow(self, start: str, end: str, array: str, *, into_card: bool) -> None:
        p1, p2 = self._edge(start, "right") + QPointF(4, 0), self._edge(end, "left") - QPointF(4, 0)
        self._arrow(p1, p2, array, label_at=QPointF(0, -6), back=QPointF(0, BACK_OFFSET))

    def _side_arrow(self, layer: str, array: str, k: int, slots: int, *, from_above: bool) -> None:
        box = self.boxes[layer]
        rect = box.mapRectToScene(QRectF(0, 0, *box.size))
        card_edge = self._edge(array, "bottom" if from_above else "top")
        spread = rect.left() + rect.width() * (k + 1) / (slots + 1)
        x = min(max(card_edge.x(), spread - 14), spread + 14)
        spec = self.graph.array(array)
        card_point = QPointF(card_edge.x(), card_edge.y() + (4 if from_above else -4))
        box_point = QPointF(x, rect.top() - 4 if from_above else rect.bottom() + 4)
        if spec.role == "internal":  # the layer keeps it: dashed, from the layer
            self._arrow(box_point, card_point, array, dashed=True)
        else:
            self._arrow(card_point, box_point, array, label_at=QPointF(6, 0),
                        back=QPointF(BACK_OFFSET, 0))

    def _arrow(self, p1: QPointF, p2: QPointF, array: str, *, dashed: bool = False,
               label_at: QPointF | None = None, back: QPointF | None = None) -> None:
        look = self.look
        self.addItem(ArrowItem(p1, p2, look.text, dashed=dashed))
        if label_at is not None:
            text = self.graph.array(array).shape_text
            label = QGraphicsSimpleTextItem(text)
            label.setFont(look.font)
            label.setBrush(look.text)
            middle = (p1 + p2) / 2
            rect = label.boundingRect()
            if label_at.y() < 0:  # above a horizontal arrow
                label.setPos(middle.x() - rect.width() / 2, middle.y() - rect.height() - 2)
            else:  # right of a vertical arrow
                label.setPos(middle.x() + label_at.x() + BACK_OFFSET,
                             middle.y() - rect.height() / 2)
            self.addItem(label)
        if back is not None and self.graph.array(array).grad_name is not None:
            arrow = ArrowItem(p2 + back, p1 + back, look.gradient)
            self.addItem(arrow)
            self.back_arrows.setdefault(array, []).append(arrow)

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the graph's values, gradients, active layer and selection as they are now."""
        graph = self.graph
        if graph is None:
            return
        for name, card in self.cards.items():
            card.value.set_values(graph.value(name))
            if card.grad is not None:
                card.grad.set_values(graph.grad(name))
        for name, arrows in self.back_arrows.items():
            for arrow in arrows:
                arrow.setVisible(graph.grad(name) is not None)
        for name, box in self.boxes.items():
            box.set_state(active=graph.active == name, selected=self.selected_layer == name)
        self._show_cell_selection()

    def select_layer(self, name: str | None) -> None:
        self.selected_layer = name
        self.selected_cell = None
        self.refresh()

    def select_cell(self, array: str, part: str, index: tuple[int, ...]) -> None:
        self.selected_layer = None
        self.selected_cell = (array, part, tuple(index))
        self.refresh()

    def _show_cell_selection(self) -> None:
        for name, card in self.cards.items():
            for part in ("value", "grad"):
                item = card.part(part)
                if item is not None:
                    chosen = self.selected_cell
                    on = chosen is not None and chosen[:2] == (name, part)
                    item.select(chosen[2] if on else None)

    def array_item(self, name: str, part: str) -> ArrayItem | None:
        """The item drawing array ``name``'s value or gradient (for tests and clicks)."""
        card = self.cards.get(name)
        return None if card is None else card.part(part)
