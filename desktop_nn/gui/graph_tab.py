"""The Computation graph tab: step through the forward and backward passes of chapter 5.

The tab is a thin view over a :class:`~desktop_nn.graph.ComputationGraph`: it listens to
the graph (``add_listener``) and redraws the :class:`~desktop_nn.gui.graph_scene.GraphScene`,
the buttons, the side panel and the gradient table whenever the stepper moves or an input
changes. It never computes a value or a gradient itself.

Stepping rules: *Forward step* runs forward steps only and is disabled once the forward pass is
complete; *Backward step* runs backward steps only and is enabled only once the forward pass is
complete (the backward pass needs every forward value). *Step back* undoes the last step of
either kind, *Run all* finishes both passes, *Reset* returns to the inputs alone. *Animate*
steps on a timer and stops by itself at the end.

Errors lose nothing: an expression that is not allowed leaves the previous graph in place and
shows why next to the field; a domain error (``log`` of a negative number, ``1/0``) keeps the
last state that could be computed and shows the message in the side panel; an input value that
would cause one is refused and the previous value restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.graph import (
    INPUT_RANGE,
    ComputationGraph,
    ExpressionError,
    GraphEvaluationError,
    Phase,
    build_graph,
    format_value,
    formula_number,
    preset,
)
from desktop_nn.graph.ops import RULE_CONTEXT
from desktop_nn.gui.common.palette import colour, readable
from desktop_nn.gui.common.shortcuts import add_command_key, key_text
from desktop_nn.gui.common.widgets import CompactSpinBox, StatusLabel
from desktop_nn.gui.graph_names import Namer, book_name, plain_name
from desktop_nn.gui.graph_scene import GraphScene, GraphView

__all__ = [
    "PRESET_CHOICES",
    "PRESET_FORMULAS",
    "SHORTCUTS",
    "GraphTab",
    "NodeDetailPanel",
    "VertexDescription",
    "describe_vertex",
]

#: (combo text in English, preset key); the key "expression" builds the graph from the
#: expression field. The texts are translated (context "GraphTab") when the combo is filled.
PRESET_CHOICES = (
    (QT_TRANSLATE_NOOP("GraphTab", "Apples"), "apple"),
    (QT_TRANSLATE_NOOP("GraphTab", "Apples and oranges"), "apple_orange"),
    (QT_TRANSLATE_NOOP("GraphTab", "Sigmoid"), "sigmoid"),
    (QT_TRANSLATE_NOOP("GraphTab", "Your own expression"), "expression"),
)
DEFAULT_PRESET = "apple_orange"
#: The formula of each preset, written in the expression field as a starting point.
PRESET_FORMULAS = {
    "apple": "apple * apple_num * tax",
    "apple_orange": "(apple * apple_num + orange * orange_num) * tax",
    "sigmoid": "1 / (1 + exp(-x))",
}
SHORTCUTS = {
    "forward": "F7",
    "backward": "F8",
    "back": "F9",
    "reset": "Ctrl+Shift+R",
    "zoom_in": QKeySequence.StandardKey.ZoomIn,
    "zoom_out": QKeySequence.StandardKey.ZoomOut,
    "fit": "Ctrl+0",
}
#: The Speed slider's value is twice the number of steps per second.
SPEED_RANGE = (1, 40)
DEFAULT_SPEED = 4


def _output_symbol(graph: ComputationGraph, name_of: Namer = plain_name) -> str:
    name = name_of(graph.edges[-1].label) if graph.edges else ""
    return name if 0 < len(name) <= 12 and " " not in name else "f"


@dataclass
class VertexDescription:
    """What the side panel says about one vertex."""

    title: str
    rule: str
    formula: str = ""
    numbers: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join([self.title, self.rule, self.formula, *self.numbers]).strip()


def _argument_name(graph: ComputationGraph, vertex_id: str,
                   name_of: Namer = plain_name) -> str:
    role = graph.role(vertex_id)
    if role == "node":
        return name_of(graph.node(vertex_id).label)
    if role == "constant":
        return QCoreApplication.translate("NodeDetailPanel", "the constant {value}").format(
            value=format_value(graph.constants[vertex_id]))
    return name_of(vertex_id)


def describe_vertex(graph: ComputationGraph, vertex_id: str,
                    numerical: dict[str, float] | None = None,
                    name_of: Namer = plain_name) -> VertexDescription:
    """The rule of a node with the current numbers substituted, or an input's gradients.

    Parameters
    ----------
    graph : ComputationGraph
    vertex_id : str
    numerical : dict, optional
        Central-difference gradients by input name (see ``numerical_gradients``).
    name_of : callable, optional
        How a value's name is shown (the book's labels in the window's language).
    """
    out = _output_symbol(graph, name_of)
    role = graph.role(vertex_id)
    if role == "input":
        shown = name_of(vertex_id)
        grad = graph.grad(vertex_id)
        slope = (numerical or {}).get(vertex_id)
        numbers = [QCoreApplication.translate(
            "NodeDetailPanel", "∂{output}/∂{input} by backpropagation: {gradient}").format(
                output=out, input=shown,
                gradient=(QCoreApplication.translate("NodeDetailPanel", "not reached yet")
                          if grad is None else format_value(grad)))]
        if slope is not None:
            numbers.append(QCoreApplication.translate(
                "NodeDetailPanel", "∂{output}/∂{input} by central difference: {gradient}").format(
                    output=out, input=shown,
                    gradient=(QCoreApplication.translate("NodeDetailPanel", "undefined here")
                              if slope != slope else format_value(slope))))
        return VertexDescription(
            QCoreApplication.translate("NodeDetailPanel", "Input {input}").format(
                input=shown),
            QCoreApplication.translate(
                "NodeDetailPanel",
                "An input of the graph. Its gradient says how much {output} changes when "
                "{input} grows by a small amount; change the value to see both update.",
            ).format(output=out, input=shown),
            numbers=numbers,
        )
    if role == "constant":
        value = format_value(graph.constants[vertex_id])
        grad = graph.grad(vertex_id)
        return VertexDescription(
            QCoreApplication.translate("NodeDetailPanel", "Constant {value}").format(
                value=value),
            QCoreApplication.translate(
                "NodeDetailPanel",
                "A fixed number. The backward pass sends a gradient to it too, but nothing "
                "can change it."),
            numbers=[QCoreApplication.translate("NodeDetailPanel", "gradient: {gradient}").format(
                gradient=(QCoreApplication.translate("NodeDetailPanel", "not reached yet")
                          if grad is None else format_value(grad)))],
        )

    node = graph.node(vertex_id)
    op = node.op
    ports = {e.port: i for i, e in enumerate(graph.edges) if e.target == vertex_id}
    args = [graph.value(a) for a in node.args]
    names = ["x", "y"][: op.arity]
    out_name = "z" if op.arity == 2 else "y"
    numbers = [f"{names[p]} = {_argument_name(graph, a, name_of)} = "
               f"{formula_number(graph.value(a))}"
               for p, a in enumerate(node.args)]
    value = graph.value(vertex_id)
    if value is None:
        numbers.append(QCoreApplication.translate(
            "NodeDetailPanel", "forward: {output} not computed yet (press Forward step)",
        ).format(output=out_name))
    else:
        numbers.append(QCoreApplication.translate("NodeDetailPanel", "forward: {formula}").format(
            formula=op.forward_text(args, value)))
    dout = graph.grad(vertex_id)
    grads = [graph.edge_grad(ports[p]) for p in range(op.arity)]
    if value is None or dout is None or any(g is None for g in grads):
        numbers.append(QCoreApplication.translate("NodeDetailPanel", "backward: not reached yet"))
    else:
        numbers.append(QCoreApplication.translate("NodeDetailPanel", "backward: dout = {dout}")
                       .format(dout=format_value(dout)))
        lines = op.backward_texts(dout, args, value, grads)
        numbers += [f"   {line}  → {_argument_name(graph, a, name_of)}"
                    for line, a in zip(lines, node.args, strict=True)]
    title = QCoreApplication.translate("NodeDetailPanel", "{symbol} node: {name}").format(
        symbol=op.symbol, name=name_of(node.label))
    if node.id != node.label:
        title += f"  ({node.id})"
    return VertexDescription(title, QCoreApplication.translate(RULE_CONTEXT, op.rule),
                             op.formula, numbers)


# --- widgets ----------------------------------------------------------------------------------


class NodeDetailPanel(QGroupBox):
    """The side panel: the clicked vertex's rule and numbers; an input's value editor.

    Signals
    -------
    value_edited(str, float)
        The user committed a new value for the input named by the first argument.
    """

    value_edited = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected node"))
        self.setObjectName("nodeDetailPanel")
        self.setToolTip(self.tr("The rule of the node you clicked, with the numbers of this "
                                "step."))
        self.hint = self.tr("Click a node in the graph to see its rule with the current "
                            "numbers; click an input to change its value.")
        self.vertex_id: str | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("nodeTitleLabel")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.rule_label = QLabel(self.hint)
        self.rule_label.setObjectName("nodeRuleLabel")
        self.formula_label = QLabel()
        self.formula_label.setObjectName("nodeFormulaLabel")
        self.numbers_label = QLabel()
        self.numbers_label.setObjectName("nodeNumbersLabel")
        for label in (self.title_label, self.rule_label, self.formula_label, self.numbers_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.value_spin = CompactSpinBox(decimals=6)  # 1.1 rather than 1.100000
        self.value_spin.setObjectName("inputValueSpin")
        self.value_spin.setRange(-INPUT_RANGE, INPUT_RANGE)
        self.value_spin.setKeyboardTracking(False)
        self.value_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.value_spin.setToolTip(self.tr(
            "The input's value: type a number and press Enter, or use the arrows; the graph "
            "recomputes what it has shown so far."))
        self.value_label = QLabel(self.tr("&Value:"))
        self.value_label.setBuddy(self.value_spin)
        self.value_row = QWidget()
        row = QHBoxLayout(self.value_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value_label)
        row.addWidget(self.value_spin, 1)
        self.value_row.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.value_row)
        layout.addWidget(self.numbers_label)
        self.value_spin.valueChanged.connect(self._on_value_changed)
        self.show_description(None)

    def show_description(self, description: VertexDescription | None,
                         vertex_id: str | None = None, input_value: float | None = None) -> None:
        """Show ``description`` (None: the hint); an input also gets the value editor."""
        self.vertex_id = vertex_id
        if description is None:
            self.title_label.setText(self.tr("Nothing selected"))
            self.rule_label.setText(self.hint)
            self.formula_label.setText("")
            self.numbers_label.setText("")
        else:
            self.title_label.setText(description.title)
            self.rule_label.setText(description.rule)
            self.formula_label.setText(description.formula)
            self.numbers_label.setText("\n".join(description.numbers))
        self.formula_label.setVisible(bool(self.formula_label.text()))
        self.numbers_label.setVisible(bool(self.numbers_label.text()))
        self.value_row.setVisible(input_value is not None)
        if input_value is not None and (self.value_spin.value() != input_value
                                        or not self.value_spin.hasFocus()):
            with QSignalBlocker(self.value_spin):
                self.value_spin.setValue(input_value)

    def text(self) -> str:
        """Everything the panel shows, as plain text."""
        labels = (self.title_label, self.rule_label, self.formula_label, self.numbers_label)
        return "\n".join(label.text() for label in labels if label.text())

    @Slot(float)
    def _on_value_changed(self, value: float) -> None:
        if self.vertex_id is not None:
            self.value_edited.emit(self.vertex_id, value)


class GraphTab(QWidget):
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
        self._build_controls()
        self._build_layout()
        self._connect()
        self._apply_palette()
        self._on_speed(self.speed_slider.value())
        self.load_preset(DEFAULT_PRESET)

    # -- construction ------------------------------------------------------------------------
    def _button(self, name: str, text: str, tooltip: str, key: str | None = None,
                ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if key is not None:
            add_command_key(button, SHORTCUTS[key])
            tooltip += f" ({key_text(SHORTCUTS[key])})"
        button.setToolTip(tooltip)
        return button

    def _table_headers(self) -> list[str]:
        return [self.tr("input"), self.tr("value"), self.tr("backprop"), self.tr("numerical")]

    def _speed_text(self, steps_per_second: float) -> str:
        return self.tr("{steps} steps/s").format(steps=f"{steps_per_second:g}")

    def _build_controls(self) -> None:
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("graphPresetCombo")
        for text, key in PRESET_CHOICES:
            self.preset_combo.addItem(QCoreApplication.translate("GraphTab", text), key)
        self.preset_combo.setToolTip(self.tr("Choose one of the book's graphs, or build one "
                                             "from the expression field."))
        self.preset_label = QLabel(self.tr("&Preset:"))
        self.preset_label.setBuddy(self.preset_combo)

        self.expression_edit = QLineEdit()
        self.expression_edit.setObjectName("graphExpressionEdit")
        self.expression_edit.setPlaceholderText(
            self.tr("e.g. {first}  or  {second}").format(
                first="(a * b + c) * d", second="1 / (1 + exp(-x))"))
        self.expression_edit.setClearButtonEnabled(True)
        self.expression_edit.setToolTip(self.tr(
            "Type a formula with + - * /, exp(), log(), numbers and names, then press Enter "
            "to draw its graph."))
        self.expression_label = QLabel(self.tr("E&xpression:"))
        self.expression_label.setBuddy(self.expression_edit)
        self.expression_error = QLabel()
        self.expression_error.setObjectName("graphExpressionError")
        self.expression_error.setWordWrap(True)
        self.expression_error.setToolTip(self.tr("Why the expression could not be drawn."))
        self.expression_error.setMinimumHeight(self.fontMetrics().lineSpacing())

        self.forward_button = self._button(
            "forwardStepButton", self.tr("For&ward step"),
            self.tr("Compute the next node of the forward pass"), "forward")
        self.backward_button = self._button(
            "backwardStepButton", self.tr("&Backward step"),
            self.tr("Pass the gradient back through the next node (after the forward pass)"),
            "backward")
        self.step_back_button = self._button(
            "stepBackButton", self.tr("Step bac&k"),
            self.tr("Undo the last step, forward or backward"), "back")
        self.run_all_button = self._button(
            "runAllButton", self.tr("R&un all"),
            self.tr("Finish the forward and the backward pass at once"))
        self.reset_button = self._button(
            "graphResetButton", self.tr("&Reset"),
            self.tr("Back to the start: only the inputs are known"), "reset")
        self.animate_button = self._button(
            "animateButton", self.tr("Ani&mate"),
            self.tr("Step through both passes on a timer; press again to pause"))
        self.animate_button.setCheckable(True)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("animationSpeedSlider")
        self.speed_slider.setRange(*SPEED_RANGE)
        self.speed_slider.setValue(DEFAULT_SPEED)
        self.speed_slider.setMaximumWidth(140)
        self.speed_slider.setToolTip(self.tr("How many steps per second the animation makes."))
        self.speed_label = QLabel(self.tr("&Speed:"))
        self.speed_label.setBuddy(self.speed_slider)
        self.speed_value = QLabel()
        self.speed_value.setObjectName("animationSpeedLabel")
        self.speed_value.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(self._speed_text(10.5)))
        self.zoom_out_button = self._button("zoomOutButton", "−", self.tr("Zoom out"),
                                            "zoom_out")
        self.zoom_in_button = self._button("zoomInButton", "+", self.tr("Zoom in"), "zoom_in")
        self.fit_button = self._button("fitButton", self.tr("Fit &all"),
                                       self.tr("Fit the whole graph into the view again"),
                                       "fit")
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setMaximumWidth(self.fontMetrics().horizontalAdvance("MM") + 24)
            button.setAccessibleName(button.toolTip())

        self.step_label = StatusLabel(lines=3)
        self.step_label.setObjectName("graphStepLabel")
        self.step_label.setToolTip(self.tr("Where the stepper is and what the last step did."))
        self.error_label = QLabel()
        self.error_label.setObjectName("graphErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setToolTip(self.tr("Why the last step could not be computed."))
        self.error_label.hide()
        self.detail_panel = NodeDetailPanel()
        self.gradient_table = QTableWidget(0, 4)
        self.gradient_table.setObjectName("gradientTable")
        self.gradient_table.setHorizontalHeaderLabels(self._table_headers())
        self.gradient_table.setAccessibleName(self.tr("Gradients of the inputs"))
        self.gradient_table.verticalHeader().hide()
        self.gradient_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gradient_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gradient_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.gradient_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.gradient_table.setToolTip(self.tr(
            "Each input's gradient by backpropagation beside the central difference {formula}; "
            "click a row to select that input.").format(formula="(f(x+h) − f(x−h)) / 2h"))
        self.legend_label = QLabel()
        self.legend_label.setObjectName("graphLegend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setToolTip(self.tr("How to read the drawing."))

    def _build_layout(self) -> None:
        top = QGridLayout()
        top.addWidget(self.preset_label, 0, 0)
        top.addWidget(self.preset_combo, 0, 1)
        top.addWidget(self.expression_label, 0, 2)
        top.addWidget(self.expression_edit, 0, 3)
        top.addWidget(self.expression_error, 1, 3)
        # The view's zoom sits with the top row, so the stepper's row fits a 1024-pixel screen
        # in every language.
        zoom = QHBoxLayout()
        zoom.addSpacing(12)
        zoom.addWidget(QLabel(self.tr("Zoom:")))
        zoom.addWidget(self.zoom_out_button)
        zoom.addWidget(self.zoom_in_button)
        zoom.addWidget(self.fit_button)
        top.addLayout(zoom, 0, 4)
        top.setColumnStretch(3, 1)
        top.setColumnMinimumWidth(1, 180)

        buttons = QHBoxLayout()
        for button in (self.forward_button, self.backward_button, self.step_back_button,
                       self.run_all_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.animate_button)
        buttons.addWidget(self.speed_label)
        buttons.addWidget(self.speed_slider)
        buttons.addWidget(self.speed_value)
        buttons.addStretch(1)

        table_box = self.table_box = QGroupBox(self.tr("Gradients: backprop vs numerical"))
        table_box.setToolTip(self.tr("Backpropagation against the numerical derivative of "
                                     "chapter 4."))
        table_layout = QVBoxLayout(table_box)
        table_layout.addWidget(self.gradient_table)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 4, 0)
        side_layout.addWidget(self.step_label)
        side_layout.addWidget(self.error_label)
        side_layout.addWidget(self.detail_panel)
        side_layout.addWidget(table_box)
        side_layout.addWidget(self.legend_label)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(340)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll = scroll

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([960, 380])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.expression_edit.returnPressed.connect(self._on_expression_entered)
        self.forward_button.clicked.connect(self.forward_step)
        self.backward_button.clicked.connect(self.backward_step)
        self.step_back_button.clicked.connect(self.step_back)
        self.run_all_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset)
        self.animate_button.toggled.connect(self.set_animating)
        self.speed_slider.valueChanged.connect(self._on_speed)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_by(GraphView.ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_by(1 / GraphView.ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.fit)
        self.scene.vertex_selected.connect(self._on_vertex_selected)
        self.detail_panel.value_edited.connect(self.set_input)
        self.gradient_table.itemSelectionChanged.connect(self._on_table_selection)

    # -- choosing a graph --------------------------------------------------------------------
    def load_preset(self, key: str) -> None:
        """Show one of the book's graphs: ``"apple"``, ``"apple_orange"`` or ``"sigmoid"``."""
        graph = preset(key)
        self.preset_key = key
        self._select_combo(key)
        self.expression_edit.setText(PRESET_FORMULAS[key])
        self._show_expression_error("")
        self.set_graph(graph)
        self.status.emit(self.tr("Graph: {name}").format(name=self.preset_combo.currentText()))

    def build_expression(self, text: str) -> bool:
        """Draw the graph of ``text``; on a refused expression keep the current graph.

        Returns True if the graph was built; otherwise the reason is shown under the field.
        """
        values = self.graph.inputs if self.graph is not None else None
        try:
            graph = build_graph(text, values)
        except ExpressionError as exc:
            self._show_expression_error(self.tr("Not drawn:") + " " + str(exc))
            self.status.emit(self.tr("Expression not drawn:") + " " + str(exc))
            self._select_combo(self.preset_key)
            return False
        self.preset_key = "expression"
        self._select_combo("expression")
        if self.expression_edit.text() != text:
            self.expression_edit.setText(text)
        self._show_expression_error("")
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
        self._fill_table()
        self._on_graph_changed()

    def _select_combo(self, key: str) -> None:
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key == "expression":
            if not self.build_expression(self.expression_edit.text()):
                self.expression_edit.setFocus()
        else:
            self.load_preset(key)

    @Slot()
    def _on_expression_entered(self) -> None:
        self.build_expression(self.expression_edit.text())

    def _show_expression_error(self, message: str) -> None:
        self.expression_error.setText(message)

    # -- stepping ----------------------------------------------------------------------------
    @property
    def forward_done(self) -> bool:
        return self.graph is not None and self.graph.position >= len(self.graph.nodes)

    @Slot()
    def forward_step(self) -> bool:
        """One forward step; False (and nothing done) once the forward pass is complete."""
        if self.graph is None or self.forward_done:
            return False
        return self._run(self.graph.step)

    @Slot()
    def backward_step(self) -> bool:
        """One backward step; False (and nothing done) before the forward pass is complete
        or when the backward pass is finished."""
        graph = self.graph
        if graph is None or not self.forward_done or graph.position >= graph.step_count:
            return False
        return self._run(self._step)

    def _step(self) -> None:
        """The next step; the last backward step also finishes (the core's closing step
        changes nothing on screen, and the stepper would otherwise ask for a step more)."""
        graph = self.graph
        target = graph.position + 1
        if target == graph.step_count - 1 and target > len(graph.nodes):  # the last backward
            target = graph.step_count
        graph.seek(target)

    @Slot()
    def step_back(self) -> bool:
        """Undo the last step (from the end: the last backward step)."""
        graph = self.graph
        if graph is None or graph.position == 0:
            return False
        self.set_animating(False)
        target = graph.position - 1
        if graph.phase is Phase.DONE and target == graph.step_count - 1 \
                and target > len(graph.nodes):
            target -= 1
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
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
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

    @Slot(int)
    def _on_speed(self, value: int) -> None:
        steps_per_second = value / 2
        self.animation_timer.setInterval(round(1000 / steps_per_second))
        self.speed_value.setText(self._speed_text(steps_per_second))

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
        if self.graph is not None and vertex_id in self.graph.input_names:
            row = self.graph.input_names.index(vertex_id)
            with QSignalBlocker(self.gradient_table):
                self.gradient_table.selectRow(row)
        else:
            with QSignalBlocker(self.gradient_table):
                self.gradient_table.clearSelection()

    @Slot()
    def _on_table_selection(self) -> None:
        rows = self.gradient_table.selectionModel().selectedRows()
        if rows and self.graph is not None:
            self.select_vertex(self.graph.input_names[rows[0].row()])

    # -- showing the state -------------------------------------------------------------------
    def _on_graph_changed(self) -> None:
        if self.graph is None:
            return
        self.scene.refresh()
        self._update_buttons()
        self._update_step_text()
        self._update_detail()
        self._update_table()

    def _update_buttons(self) -> None:
        graph = self.graph
        position, total = graph.position, graph.step_count
        self.forward_button.setEnabled(not self.forward_done)
        self.backward_button.setEnabled(self.forward_done and position < total)
        self.step_back_button.setEnabled(position > 0)
        self.run_all_button.setEnabled(position < total)
        self.reset_button.setEnabled(position > 0)

    def _update_step_text(self) -> None:
        graph = self.graph
        nodes = len(graph.nodes)
        active = graph.active
        if graph.phase is Phase.IDLE:
            text = self.tr("Ready: only the inputs are known. Press Forward step ({key}) to "
                           "compute the first node.").format(key=SHORTCUTS["forward"])
        elif graph.phase is Phase.FORWARD:
            node = graph.node(active)
            if self.forward_done:
                text = self.tr(
                    "Forward pass, step {step} of {count}: the {symbol} node computed {name} = "
                    "{value}. Forward pass done; now Backward step ({key}).")
            else:
                text = self.tr(
                    "Forward pass, step {step} of {count}: the {symbol} node computed {name} = "
                    "{value}.")
            text = text.format(step=graph.position, count=nodes, symbol=node.op.symbol,
                               name=self.name_of(node.label),
                               value=format_value(graph.value(active)),
                               key=SHORTCUTS["backward"])
        elif graph.phase is Phase.BACKWARD:
            node = graph.node(active)
            targets = ", ".join(dict.fromkeys(_argument_name(graph, a, self.name_of)
                                              for a in node.args))
            text = self.tr(
                "Backward pass, step {step} of {count}: the {symbol} node passed gradients "
                "back to {targets}.").format(step=graph.position - nodes, count=nodes,
                                             symbol=node.op.symbol, targets=targets)
        else:
            out = graph.output_value
            text = self.tr("Done: {name} = {value}; every gradient is shown in red below its "
                           "arrow.").format(name=self.name_of(graph.edges[-1].label),
                                            value="?" if out is None else format_value(out))
        self.step_label.setText(text)

    def _update_detail(self) -> None:
        graph = self.graph
        vertex_id = self.scene.selected_vertex()
        if graph is None or vertex_id is None or not graph.has_vertex(vertex_id):
            self.detail_panel.show_description(None)
            return
        description = describe_vertex(graph, vertex_id, self.numerical, self.name_of)
        value = graph.inputs.get(vertex_id)
        self.detail_panel.show_description(description, vertex_id, value)

    def _fill_table(self) -> None:
        graph = self.graph
        table = self.gradient_table
        with QSignalBlocker(table):
            table.clearContents()
            table.setRowCount(len(graph.input_names))
            for row, name in enumerate(graph.input_names):
                for column in range(4):
                    item = QTableWidgetItem()
                    align = Qt.AlignmentFlag.AlignVCenter | (
                        Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight)
                    item.setTextAlignment(align)
                    table.setItem(row, column, item)
                table.item(row, 0).setText(self.name_of(name))
        out = _output_symbol(graph, self.name_of)
        table.setHorizontalHeaderLabels(self._table_headers())
        self.table_box.setTitle(
            self.tr("Gradients ∂{output}/∂input: backprop vs numerical").format(output=out))
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 6)

    def _update_table(self) -> None:
        graph = self.graph
        table = self.gradient_table
        values = graph.inputs
        for row, name in enumerate(graph.input_names):
            if table.item(row, 1) is None:
                continue
            grad = graph.grad(name)
            slope = self.numerical.get(name)
            table.item(row, 1).setText(format_value(values[name]))
            table.item(row, 2).setText("–" if grad is None else format_value(grad))
            table.item(row, 3).setText(
                "–" if slope is None else (self.tr("undefined") if slope != slope
                                           else format_value(slope)))

    # -- palette -----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        red = readable(colour("vermillion"), base)
        for label in (self.expression_error, self.error_label):
            label_palette = label.palette()
            label_palette.setColor(QPalette.ColorRole.WindowText, red)
            label.setPalette(label_palette)
        gradient = readable(colour("vermillion"), palette.color(QPalette.ColorRole.Base))
        self.legend_label.setText(self.tr(
            "How to read it: the number above an arrow is the value flowing forward; "
            "<span style='color:{colour}'><b>the red number below</b></span> is the gradient "
            "flowing back, the derivative of the result with respect to that value. The node "
            "just computed is outlined (blue forward, red backward); numbers it just produced "
            "are bold.").format(colour=gradient.name()))
