"""The Computation graph tab: step through the forward and backward passes of chapter 5.

The tab is a thin view over a :class:`~desktop_nn.graph.ComputationGraph`: it listens to the
graph (``add_listener``) and redraws the :class:`~desktop_nn.gui.graph.scene.GraphScene`, the
buttons, the side panel and the gradient table whenever the stepper moves or an input changes.
It never computes a value or a gradient itself; its stepping rules are
:mod:`~desktop_nn.gui.graph.stepping`. *Animate* steps on a timer and stops by itself at the end.

Errors lose nothing: an expression that is not allowed leaves the previous graph in place and
shows why next to the field; a domain error (``log`` of a negative number, ``1/0``) keeps the
last state that could be computed and shows the message in the side panel; an input value that
would cause one is refused and the previous value restored (``ComputationGraph.change_input``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.graph import (
    ComputationGraph,
    ExpressionError,
    GraphEvaluationError,
    Phase,
    build_graph,
    format_value,
    preset,
)
from desktop_nn.graph.presets import PRESET_FORMULAS
from desktop_nn.gui.common.palette import colour, readable
from desktop_nn.gui.graph import stepping
from desktop_nn.gui.graph.chooser import GraphChooser
from desktop_nn.gui.graph.controls import StepperBar, ZoomControls
from desktop_nn.gui.graph.detail import describe_vertex
from desktop_nn.gui.graph.lesson import GraphLesson
from desktop_nn.gui.graph.names import Namer, book_name, plain_name
from desktop_nn.gui.graph.narration import step_text
from desktop_nn.gui.graph.scene import GraphScene
from desktop_nn.gui.graph.side_panel import SidePanel
from desktop_nn.gui.graph.view import GraphView

DEFAULT_PRESET = "apple_orange"


class GraphTab(QWidget, GraphLesson):
    """Step through a computation graph: the book's presets or your own expression.

    Signals
    -------
    status(str)
        A message for the window's status bar.
    """

    status = Signal(str)

    def __init__(self, state=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphTab")
        self.state = state  # unused: the graphs need no data; kept for a uniform constructor
        self.graph: ComputationGraph | None = None
        self.preset_key = DEFAULT_PRESET
        self.numerical: dict[str, float] = {}
        self.error_message = ""
        self.scene = GraphScene(self)
        self.name_of: Namer = plain_name  # how the shown graph's names are written
        self.view = GraphView(self.scene)
        self.animation_timer = QTimer(self)
        self.animation_timer.setObjectName("graphAnimationTimer")
        self.animation_timer.timeout.connect(self._animate_step)
        self.chooser = GraphChooser(self)
        self.preset_combo = self.chooser.preset_combo
        self.expression_edit = self.chooser.expression_edit
        self.expression_error = self.chooser.expression_error
        self.side = SidePanel()
        for name in ("step_label", "error_label", "detail_panel", "table_box", "legend_label"):
            setattr(self, name, getattr(self.side, name))
        self.gradient_table = self.table_box.table
        self.stepper = StepperBar()
        for name in ("forward", "backward", "step_back", "run_all", "reset", "animate"):
            setattr(self, f"{name}_button", getattr(self.stepper, f"{name}_button"))
        self.speed_slider = self.stepper.speed_slider
        self.zoom = ZoomControls(self.view)
        self.zoom_in_button, self.fit_button = self.zoom.zoom_in_button, self.zoom.fit_button
        self._build_layout()
        self._connect()
        self._apply_palette()
        self._on_speed()
        self.load_preset(DEFAULT_PRESET)

    # -- construction ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        top = QGridLayout()
        chooser = self.chooser
        top.addWidget(chooser.preset_label, 0, 0)
        top.addWidget(chooser.preset_combo, 0, 1)
        top.addWidget(chooser.expression_label, 0, 2)
        top.addWidget(chooser.expression_edit, 0, 3)
        top.addWidget(chooser.expression_error, 1, 3)
        # The view's zoom sits with the top row, so the stepper's row fits a 1024-pixel screen
        # in every language.
        top.addWidget(self.zoom, 0, 4)
        top.setColumnStretch(3, 1)
        top.setColumnMinimumWidth(1, 180)

        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([960, 380])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stepper)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.chooser.chosen.connect(self._on_preset_chosen)
        self.chooser.expression_entered.connect(self.build_expression)
        self.forward_button.clicked.connect(self.forward_step)
        self.backward_button.clicked.connect(self.backward_step)
        self.step_back_button.clicked.connect(self.step_back)
        self.run_all_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset)
        self.animate_button.toggled.connect(self.set_animating)
        self.speed_slider.valueChanged.connect(self._on_speed)
        self.scene.vertex_selected.connect(self._on_vertex_selected)
        self.detail_panel.value_edited.connect(self.set_input)
        self.gradient_table.itemSelectionChanged.connect(self._on_table_selection)

    # -- choosing a graph --------------------------------------------------------------------
    def load_preset(self, key: str) -> None:
        """Show one of the book's graphs: ``"apple"``, ``"apple_orange"`` or ``"sigmoid"``."""
        graph = preset(key)
        self.preset_key = key
        self.chooser.select(key)
        self.expression_edit.setText(PRESET_FORMULAS[key])
        self.chooser.show_error("")
        self.set_graph(graph)
        self.status.emit(self.tr("Graph: {name}").format(name=self.chooser.title()))

    @Slot(str)
    def build_expression(self, text: str) -> bool:
        """Draw the graph of ``text``; on a refused expression keep the current graph.

        Returns True if the graph was built; otherwise the reason is shown under the field.
        """
        values = self.graph.inputs if self.graph is not None else None
        try:
            graph = build_graph(text, values)
        except ExpressionError as exc:
            self.chooser.show_error(self.tr("Not drawn:") + " " + str(exc))
            self.status.emit(self.tr("Expression not drawn:") + " " + str(exc))
            self.chooser.select(self.preset_key)
            return False
        self.preset_key = "expression"
        self.chooser.select("expression")
        self.chooser.show_expression(text)
        self.chooser.show_error("")
        self.set_graph(graph)
        self.status.emit(self.tr("Graph of {expression}").format(expression=graph.name))
        return True

    def set_graph(self, graph: ComputationGraph) -> None:
        """Show ``graph`` (replacing the current one) from its current state."""
        self.set_animating(False)
        if self.graph is not None:
            self.graph.remove_listener(self._on_graph_changed)
        self.graph = graph
        graph.add_listener(self._on_graph_changed)
        self.error_message = ""
        # The book's graphs speak the window's language; a typed expression keeps its names.
        self.name_of = book_name if self.preset_key in ("apple", "apple_orange") else plain_name
        self.scene.set_graph(graph, self.name_of)
        self.view.fit()
        self._refresh_numerical()
        self.table_box.fill(graph, self.name_of)
        self._on_graph_changed()

    @Slot(str)
    def _on_preset_chosen(self, key: str) -> None:
        if key != "expression":
            self.load_preset(key)
        elif not self.build_expression(self.chooser.expression()):
            self.expression_edit.setFocus()

    # -- stepping ----------------------------------------------------------------------------
    @property
    def forward_done(self) -> bool:
        return stepping.forward_done(self.graph)

    @Slot()
    def forward_step(self) -> bool:
        """One forward step; False (and nothing done) once the forward pass is complete."""
        return stepping.can_step_forward(self.graph) and self._run(self.graph.step)

    @Slot()
    def backward_step(self) -> bool:
        """One backward step; False (and nothing done) before the forward pass is complete
        or when the backward pass is finished."""
        return stepping.can_step_backward(self.graph) and self._run(self._step)

    def _step(self) -> None:
        self.graph.seek(stepping.next_position(self.graph))

    @Slot()
    def step_back(self) -> bool:
        """Undo the last step (from the end: the last backward step)."""
        graph = self.graph
        if graph is None or graph.position == 0:
            return False
        self.set_animating(False)
        target = stepping.previous_position(graph)
        return self._run(lambda: graph.seek(target))

    @Slot()
    def run_all(self) -> bool:
        """Finish the forward and the backward pass."""
        if self.graph is None:
            return False
        self.set_animating(False)
        return self._run(lambda: self.graph.seek(self.graph.step_count))

    @Slot()
    def reset(self) -> bool:
        """Back to idle: only the inputs (and constants) are known."""
        if self.graph is None:
            return False
        self.set_animating(False)
        return self._run(self.graph.reset)

    def _run(self, action) -> bool:
        try:
            action()
        except GraphEvaluationError as exc:
            self._show_error(self.tr("The graph stops here:") + " " + str(exc))
            self.set_animating(False)
            return False
        if self.error_message:
            self._show_error("")
        return True

    def _show_error(self, message: str) -> None:
        self.error_message = message
        self.side.show_error(message)
        if message:
            self.status.emit(message)

    # -- animation ---------------------------------------------------------------------------
    @property
    def animating(self) -> bool:
        return self.animation_timer.isActive()

    @Slot(bool)
    def set_animating(self, on: bool) -> None:
        """Start or stop stepping on the timer (from the start again if the graph is done)."""
        if (on and self.graph is not None and self.graph.phase is Phase.DONE
                and not self._run(self.graph.reset)):
            on = False
        if on:
            self.animation_timer.start()
        else:
            self.animation_timer.stop()
        if self.animate_button.isChecked() != on:
            with QSignalBlocker(self.animate_button):
                self.animate_button.setChecked(on)

    @Slot()
    def _animate_step(self) -> None:
        graph = self.graph
        if graph is None or graph.phase is Phase.DONE:
            self.set_animating(False)
            return
        if self._run(self._step if self.forward_done else graph.step) \
                and graph.phase is Phase.DONE:
            self.set_animating(False)

    @Slot()
    def _on_speed(self) -> None:
        self.animation_timer.setInterval(round(1000 / self.stepper.steps_per_second()))

    def shutdown(self) -> None:
        """Stop the animation (the window is closing)."""
        self.set_animating(False)

    # -- inputs ------------------------------------------------------------------------------
    @Slot(str, float)
    def set_input(self, name: str, value: float) -> bool:
        """Change an input; a value that makes a step fail is refused and the old one kept."""
        graph = self.graph
        if graph is None or name not in graph.input_names:
            return False
        if value == graph.inputs[name]:
            return True
        try:
            graph.change_input(name, value)
        except GraphEvaluationError as exc:
            self._show_error(self.tr("{name} = {value} refused:").format(
                name=self.name_of(name), value=format_value(value)) + " " + str(exc))
            self._refresh_numerical()
            self._on_graph_changed()
            return False
        except ValueError as exc:
            self._show_error(self.tr("Value refused:") + " " + str(exc))
            return False
        self._show_error("")
        self._refresh_numerical()
        self._on_graph_changed()
        self.status.emit(f"{self.name_of(name)} = {format_value(value)}")
        return True

    def _refresh_numerical(self) -> None:
        self.numerical = self.graph.numerical_gradients() if self.graph is not None else {}

    # -- selection ---------------------------------------------------------------------------
    def select_vertex(self, vertex_id: str | None) -> None:
        """Select a vertex as if it were clicked (None clears the selection)."""
        self.scene.select_vertex(vertex_id)

    @Slot(str)
    def _on_vertex_selected(self, vertex_id: str) -> None:
        self._update_detail()
        inputs = self.graph.input_names if self.graph is not None else ()
        self.table_box.select_input(inputs.index(vertex_id) if vertex_id in inputs else None)

    @Slot()
    def _on_table_selection(self) -> None:
        rows = self.gradient_table.selectionModel().selectedRows()
        if rows and self.graph is not None:
            self.select_vertex(self.graph.input_names[rows[0].row()])

    # -- showing the state -------------------------------------------------------------------
    def _on_graph_changed(self) -> None:
        graph = self.graph
        if graph is None:
            return
        self.scene.refresh()
        self.stepper.show_state(position=graph.position, total=graph.step_count,
                                forward_done=self.forward_done)
        self.step_label.setText(step_text(graph, self.name_of))
        self._update_detail()
        self.table_box.show_values(graph, self.numerical)

    def _update_detail(self) -> None:
        graph = self.graph
        vertex_id = self.scene.selected_vertex()
        if graph is None or vertex_id is None or not graph.has_vertex(vertex_id):
            self.detail_panel.show_description(None)
            return
        description = describe_vertex(graph, vertex_id, self.numerical, self.name_of)
        self.detail_panel.show_description(description, vertex_id, graph.inputs.get(vertex_id))

    # -- the tab contract --------------------------------------------------------------------
    tab_key = "graph"

    def main_view(self) -> QWidget:
        return self.view

    def set_zoom(self, factor: float) -> None:
        self.view.set_text_zoom(factor)

    # -- palette -----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        red = readable(colour("vermillion"), palette.color(QPalette.ColorRole.Window))
        for label in (self.expression_error, self.error_label):
            label_palette = label.palette()
            label_palette.setColor(QPalette.ColorRole.WindowText, red)
            label.setPalette(label_palette)
        gradient = readable(colour("vermillion"), palette.color(QPalette.ColorRole.Base))
        self.side.show_legend(gradient.name())
