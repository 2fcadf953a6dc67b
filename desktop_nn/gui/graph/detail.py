"""What the Computation graph tab says about one vertex: its rule with this step's numbers.

:func:`describe_vertex` words the rule of a node with the numbers substituted (the operation's
own texts from :mod:`desktop_nn.graph.ops`), or an input's gradients by backpropagation and by
central differences; :class:`NodeDetailPanel` shows it, with a value editor for an input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.graph import INPUT_RANGE, ComputationGraph, format_value, formula_number
from desktop_nn.graph.ops import RULE_CONTEXT
from desktop_nn.gui.common.widgets import CompactSpinBox
from desktop_nn.gui.common.zoom import follow_font
from desktop_nn.gui.graph.names import Namer, plain_name


def output_symbol(graph: ComputationGraph, name_of: Namer = plain_name) -> str:
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


def argument_name(graph: ComputationGraph, vertex_id: str,
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
    role = graph.role(vertex_id)
    if role == "input":
        return _describe_input(graph, vertex_id, numerical or {}, name_of)
    if role == "constant":
        return _describe_constant(graph, vertex_id)
    return _describe_node(graph, vertex_id, name_of)


def _not_reached_or(value: float | None) -> str:
    if value is None:
        return QCoreApplication.translate("NodeDetailPanel", "not reached yet")
    return format_value(value)


def _describe_input(graph: ComputationGraph, vertex_id: str, numerical: dict[str, float],
                    name_of: Namer) -> VertexDescription:
    out, shown = output_symbol(graph, name_of), name_of(vertex_id)
    numbers = [QCoreApplication.translate(
        "NodeDetailPanel", "∂{output}/∂{input} by backpropagation: {gradient}").format(
            output=out, input=shown, gradient=_not_reached_or(graph.grad(vertex_id)))]
    slope = numerical.get(vertex_id)
    if slope is not None:
        numbers.append(QCoreApplication.translate(
            "NodeDetailPanel", "∂{output}/∂{input} by central difference: {gradient}").format(
                output=out, input=shown,
                gradient=(QCoreApplication.translate("NodeDetailPanel", "undefined here")
                          if slope != slope else format_value(slope))))
    return VertexDescription(
        QCoreApplication.translate("NodeDetailPanel", "Input {input}").format(input=shown),
        QCoreApplication.translate(
            "NodeDetailPanel",
            "An input of the graph. Its gradient says how much {output} changes when "
            "{input} grows by a small amount; change the value to see both update.",
        ).format(output=out, input=shown),
        numbers=numbers,
    )


def _describe_constant(graph: ComputationGraph, vertex_id: str) -> VertexDescription:
    value = format_value(graph.constants[vertex_id])
    return VertexDescription(
        QCoreApplication.translate("NodeDetailPanel", "Constant {value}").format(value=value),
        QCoreApplication.translate(
            "NodeDetailPanel",
            "A fixed number. The backward pass sends a gradient to it too, but nothing "
            "can change it."),
        numbers=[QCoreApplication.translate("NodeDetailPanel", "gradient: {gradient}").format(
            gradient=_not_reached_or(graph.grad(vertex_id)))],
    )


def _describe_node(graph: ComputationGraph, vertex_id: str,
                   name_of: Namer) -> VertexDescription:
    node = graph.node(vertex_id)
    op = node.op
    ports = {e.port: i for i, e in enumerate(graph.edges) if e.target == vertex_id}
    args = [graph.value(a) for a in node.args]
    names = ["x", "y"][: op.arity]
    numbers = [f"{names[p]} = {argument_name(graph, a, name_of)} = "
               f"{formula_number(graph.value(a))}"
               for p, a in enumerate(node.args)]
    value = graph.value(vertex_id)
    if value is None:
        numbers.append(QCoreApplication.translate(
            "NodeDetailPanel", "forward: {output} not computed yet (press Forward step)",
        ).format(output="z" if op.arity == 2 else "y"))
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
        numbers += [f"   {line}  → {argument_name(graph, a, name_of)}"
                    for line, a in zip(lines, node.args, strict=True)]
    title = QCoreApplication.translate("NodeDetailPanel", "{symbol} node: {name}").format(
        symbol=op.symbol, name=name_of(node.label))
    if node.id != node.label:
        title += f"  ({node.id})"
    return VertexDescription(title, QCoreApplication.translate(RULE_CONTEXT, op.rule),
                             op.formula, numbers)


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
        follow_font(self.title_label, 1.1, bold=True)
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
        self.value_label = QLabel(self.tr("Val&ue:"))
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
