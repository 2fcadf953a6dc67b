"""The Layer graph tab: TwoLayerNet (or simpleNet) as its layers, stepped forward and backward.

The tab is a thin view over a :class:`~desktop_nn.graph.LayerGraph`: it listens to the graph
and redraws the :class:`~desktop_nn.gui.layers.scene.LayerScene`, the buttons and the detail
panel whenever the stepper moves or an input changes; the explanations are the core's
(:func:`~desktop_nn.graph.explain_backward`, :func:`~desktop_nn.graph.explain_forward`), worded
by :class:`~desktop_nn.gui.layers.detail.DetailWriter`. The window hands it a training batch
through :meth:`LayersTab.open_batch`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from desktop_nn.data import DataError
from desktop_nn.graph import GraphEvaluationError, LayerGraph, Phase, network_graph
from desktop_nn.gui.common.palette import colour, readable
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.tab_contract import TabContract, refusal
from desktop_nn.gui.layers import nets
from desktop_nn.gui.layers.controls import LayerStepper, NetChooser
from desktop_nn.gui.layers.detail import DetailWriter
from desktop_nn.gui.layers.inputs import InputFields, parse_array
from desktop_nn.gui.layers.lesson import read_state
from desktop_nn.gui.layers.scene import LayerScene
from desktop_nn.gui.layers.view import LayerGraphView
from desktop_nn.translatable import QT_TRANSLATE_NOOP


class LayersTab(QWidget, TabContract):
    """Step through the network's layers; click a layer or an element to see its numbers.

    Signals
    -------
    status(str)
        A message for the window's status bar.
    """

    tab_key = "layers"
    status = Signal(str)

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layersTab")
        self.state = state
        self.graph: LayerGraph | None = None
        self.selection: tuple | None = None  # ("layer", name) or ("cell", array, part, index)
        self.from_iteration = False  # the graph shows a training iteration's batch
        self._model_version = self._built_version = 0
        self.scene = LayerScene(self)
        self.view = LayerGraphView(self.scene)
        self.chooser = NetChooser()
        self.stepper = LayerStepper()
        self.inputs = InputFields()
        self.writer = DetailWriter()
        self.detail_panel = QTextBrowser()
        self.detail_panel.setObjectName("layerDetailPanel")
        self.detail_panel.setToolTip(self.tr("The rule of the layer or element you clicked, "
                                             "with this batch's numbers"))
        self.error_label = QLabel()
        self.error_label.setObjectName("layerErrorLabel")
        self.error_label.setWordWrap(True)
        self._build_layout()
        self._connect()
        self._apply_palette()
        self.chooser.show_choice()
        self.set_graph(nets.build(nets.Choice("simple"), None, None))

    # -- construction ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1100, 300])
        self.detail_panel.setMinimumWidth(220)
        self.chooser.row.addWidget(self.stepper.fit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.stepper)
        layout.addWidget(self.inputs)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        stepper = self.stepper
        stepper.forward_button.clicked.connect(self.forward_step)
        stepper.backward_button.clicked.connect(self.backward_step)
        stepper.step_back_button.clicked.connect(self.step_back)
        stepper.run_all_button.clicked.connect(self.run_all)
        stepper.reset_button.clicked.connect(self.reset)
        stepper.fit_button.clicked.connect(self.view.fit)
        self.chooser.net_combo.currentIndexChanged.connect(self._on_choice)
        self.chooser.samples_spin.valueChanged.connect(self._on_choice)
        self.chooser.seed_spin.valueChanged.connect(self._on_choice)
        self.scene.layer_clicked.connect(self.select_layer)
        self.scene.cell_clicked.connect(self.select_cell)
        self.inputs.edited.connect(self.set_input)
        if self.state is not None:
            self.state.model_changed.connect(self._on_model_changed)
            self.state.params_updated.connect(self._on_model_changed)

    # -- choosing the graph ------------------------------------------------------------------
    def choice(self) -> nets.Choice:
        chooser = self.chooser
        return nets.Choice(chooser.net(), chooser.samples_spin.value(), chooser.seed_spin.value())

    @Slot()
    def _on_choice(self) -> bool:
        self.chooser.show_choice()
        return self.rebuild()

    def rebuild(self, position: int = 0) -> bool:
        """Draw the chosen network anew (stepped to ``position``); keep the old one on failure."""
        state = self.state
        data = state.data if state is not None else None
        network = state.network if state is not None else None
        try:
            graph = nets.build(self.choice(), data, network)
        except LookupError:
            self._show_error(self.tr("There is no model yet: train one or load one, or "
                                     "choose a fresh network."))
            return False
        except (ValueError, GraphEvaluationError, DataError) as exc:
            self._show_error(self.tr("This network cannot be drawn:") + " " + str(exc))
            return False
        self.from_iteration = False
        self._built_version = self._model_version
        self.set_graph(graph)
        self._run(lambda: graph.seek(min(position, graph.step_count)))
        return True

    def open_batch(self, x: np.ndarray, t: np.ndarray) -> bool:
        """Show the current model on a training iteration's batch (its first 100 images)."""
        network = self.state.network if self.state is not None else None
        if network is None:
            return False
        try:
            graph = network_graph(network, x, t)
        except (ValueError, GraphEvaluationError) as exc:
            self._show_error(self.tr("This batch cannot be drawn:") + " " + str(exc))
            return False
        chooser = self.chooser
        with QSignalBlocker(chooser.net_combo), QSignalBlocker(chooser.samples_spin):
            chooser.net_combo.setCurrentIndex(chooser.net_combo.findData("current"))
            chooser.samples_spin.setValue(graph.batch_size)
        chooser.show_choice()
        self.from_iteration = True
        self.set_graph(graph)
        self.status.emit(self.tr("The paused iteration's batch in the layer graph: {count} "
                                 "images").format(count=graph.batch_size))
        return True

    def set_graph(self, graph: LayerGraph) -> None:
        """Show ``graph`` (replacing the current one) from its current state."""
        if self.graph is not None:
            self.graph.remove_listener(self._on_graph_changed)
        self.graph = graph
        graph.add_listener(self._on_graph_changed)
        self.selection = None
        self._show_error("")
        simple = not graph.batch
        self.inputs.setVisible(simple)
        if simple:
            self.inputs.show_values(graph)
        self.scene.set_graph(graph)
        self.view.fit()
        self._show_source()
        self._on_graph_changed()

    def _show_source(self) -> None:
        graph = self.graph
        if not graph.batch:
            text = self.tr("x, W and t as the book prints them; edit them below.")
        elif self.from_iteration:
            text = self.tr("The current model (already updated by this iteration) on the "
                           "paused iteration's batch.")
        else:
            text = self.tr("TwoLayerNet({sizes}) on the first {n} training images.").format(
                sizes=", ".join(str(s) for s in (graph.array("W1").shape
                                                 + graph.array("W2").shape[1:])),
                n=graph.batch_size)
        self.chooser.source_label.setText(text)

    @Slot()
    def _on_model_changed(self) -> None:
        self._model_version += 1

    def showEvent(self, event) -> None:
        super().showEvent(event)
        stale = self._built_version != self._model_version
        if self.graph is not None and self.chooser.net() == "current" and stale \
                and not self.from_iteration:
            self.rebuild(self.graph.position)

    # -- stepping ----------------------------------------------------------------------------
    @Slot()
    def forward_step(self) -> bool:
        """Run the next layer forward; False once the forward pass is done."""
        return not self.graph.forward_done and self._run(self.graph.step)

    @Slot()
    def backward_step(self) -> bool:
        """Pass the gradient back through the next layer; False before the loss is known."""
        graph = self.graph
        return graph.forward_done and graph.position < graph.step_count \
            and self._run(lambda: graph.seek(_next_backward(graph)))

    @Slot()
    def step_back(self) -> bool:
        """Undo the last step (from the end: the last backward step)."""
        graph = self.graph
        if graph.position == 0:
            return False
        target = graph.position - (2 if graph.phase is Phase.DONE else 1)
        return self._run(lambda: graph.seek(max(0, target)))

    @Slot()
    def run_all(self) -> bool:
        """Finish the forward and the backward pass."""
        return self._run(lambda: self.graph.seek(self.graph.step_count))

    @Slot()
    def reset(self) -> bool:
        """Back to the start: only the data and the parameters are known."""
        return self._run(self.graph.reset)

    def _run(self, action) -> bool:
        try:
            action()
        except GraphEvaluationError as exc:
            self._show_error(self.tr("The graph stops here:") + " " + str(exc))
            return False
        return True

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        if message:
            self.status.emit(message)

    # -- inputs ------------------------------------------------------------------------------
    @Slot(str, str)
    def set_input(self, name: str, text: str) -> bool:
        """Change simpleNet's ``x``, ``t`` or ``W``; a refused value keeps the old one."""
        graph = self.graph
        old, position = np.array(graph.value(name)), graph.position
        try:
            graph.set_input(name, parse_array(text))
        except ValueError as exc:
            return self._refuse(name, str(exc))
        except GraphEvaluationError as exc:
            graph.set_input(name, old)
            graph.seek(position)
            return self._refuse(name, str(exc))
        self._show_error("")
        self.inputs.show_values(graph)
        self.status.emit(self.tr("{name} changed; the graph is recomputed").format(name=name))
        return True

    def _refuse(self, name: str, reason: str) -> bool:
        self._show_error(self.tr("{name} refused; the old value is kept:").format(name=name)
                         + " " + reason)
        self.inputs.show_values(self.graph)
        return False

    # -- selection and detail ----------------------------------------------------------------
    @Slot(str)
    def select_layer(self, name: str) -> None:
        """Show layer ``name``'s rule with this batch's numbers (as a click on it does)."""
        self.selection = ("layer", name)
        self.scene.select_layer(name)
        self._update_detail()

    @Slot(str, str, object)
    def select_cell(self, array: str, part: str, index) -> None:
        """Show element ``index`` of ``array``'s value or gradient (``part``)."""
        self.selection = ("cell", array, part, tuple(index))
        self.scene.select_cell(array, part, tuple(index))
        self._update_detail()

    def _update_detail(self) -> None:
        selection, graph = self.selection, self.graph
        if selection is None:
            self.detail_panel.setHtml(self._hint())
            return
        try:
            if selection[0] == "layer":
                text = self.writer.layer(graph, selection[1])
            else:
                text = self.writer.cell(graph, *selection[1:])
        except ValueError:
            text = "<p><i>" + self.tr("Not computed yet: step on to reach it.") + "</i></p>"
        self.detail_panel.setHtml(text)

    def _hint(self) -> str:
        return "<p>" + self.tr(
            "Click a layer to see its rule with this batch's numbers, or an element of a "
            "picture to see how it was computed, beside its numerical derivative.") + "</p>"

    # -- showing the state -------------------------------------------------------------------
    def _on_graph_changed(self) -> None:
        graph = self.graph
        self.scene.refresh()
        self.stepper.show_graph(graph)
        self._update_detail()

    # -- the tab contract --------------------------------------------------------------------
    def main_view(self) -> QWidget:
        return self.view

    def lesson_state(self) -> dict:
        graph, choice = self.graph, self.choice()
        state = {"net": "simple" if choice.net == "simple" else "mnist",
                 "samples": choice.samples, "seed": choice.seed, "pass": nets.pass_of(graph)}
        if not graph.batch:
            for name in ("x", "t", "W"):
                state[name] = np.asarray(graph.value(name)).tolist()
            state["t"] = [int(v) for v in state["t"]]
        return state

    def apply_lesson_state(self, state) -> None:
        current = "simple" if self.chooser.net() == "simple" else "mnist"
        plan = read_state(state, current)
        net = plan.get("net", current)
        choice = nets.Choice("simple" if net == "simple" else "fresh",
                             plan.get("samples", self.chooser.samples_spin.value()),
                             plan.get("seed", self.chooser.seed_spin.value()))
        try:
            if net == "simple":
                graph = nets.simple_with(plan.get("x"), plan.get("t"), plan.get("W"))
            else:
                graph = nets.build(choice, self.state.data if self.state else None, None)
            nets.seek_pass(graph, plan.get("pass", "none"))
        except (ValueError, GraphEvaluationError, DataError) as exc:
            raise refusal(QT_TRANSLATE_NOOP("LessonState",
                                            "the layer graph cannot be built: {reason}"),
                          reason=exc) from None
        chooser = self.chooser
        with QSignalBlocker(chooser.net_combo), QSignalBlocker(chooser.samples_spin), \
                QSignalBlocker(chooser.seed_spin):
            chooser.net_combo.setCurrentIndex(chooser.net_combo.findData(choice.net))
            chooser.samples_spin.setValue(choice.samples)
            chooser.seed_spin.setValue(choice.seed)
        chooser.show_choice()
        self.from_iteration = False
        self.set_graph(graph)

    def hideable_controls(self) -> dict[str, QWidget]:
        widgets = [self.chooser.net_combo, self.chooser.samples_spin, self.chooser.seed_spin,
                   self.stepper.forward_button, self.stepper.backward_button,
                   self.stepper.step_back_button, self.stepper.run_all_button,
                   self.stepper.reset_button, self.detail_panel,
                   *self.inputs.fields.values()]
        return {widget.objectName(): widget for widget in widgets}

    def set_zoom(self, factor: float) -> None:
        # The window's zoom scales the application font, which the drawing's texts take.
        self.scene.set_palette_and_zoom(self.view.palette())
        self.view.set_text_zoom(factor, refit=True)

    # -- palette -----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        red = readable(colour("vermillion"), palette.color(QPalette.ColorRole.Base))
        self.writer.gradient = red.name()
        label_palette = self.error_label.palette()
        label_palette.setColor(QPalette.ColorRole.WindowText,
                               readable(colour("vermillion"),
                                        palette.color(QPalette.ColorRole.Window)))
        self.error_label.setPalette(label_palette)
        self.scene.set_palette_and_zoom(palette, self.scene.zoom)


def _next_backward(graph: LayerGraph) -> int:
    """The position after the next backward step; the last one also reaches "done"."""
    target = graph.position + 1
    return graph.step_count if target == graph.step_count - 1 else target
