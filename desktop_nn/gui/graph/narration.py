"""The sentence under the Computation graph tab's buttons: where the stepper is, and what the
last step did (the tab's texts, translation context ``GraphTab``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_nn.graph import ComputationGraph, Phase, format_value
from desktop_nn.gui.graph.controls import SHORTCUTS
from desktop_nn.gui.graph.detail import argument_name
from desktop_nn.gui.graph.names import Namer
from desktop_nn.gui.graph.stepping import forward_done


def step_text(graph: ComputationGraph, name_of: Namer) -> str:
    """The stepper's position and its last step, in the window's language."""
    nodes = len(graph.nodes)
    active = graph.active
    if graph.phase is Phase.IDLE:
        return QCoreApplication.translate(
            "GraphTab", "Ready: only the inputs are known. Press Forward step ({key}) to "
            "compute the first node.").format(key=SHORTCUTS["forward"])
    if graph.phase is Phase.FORWARD:
        node = graph.node(active)
        if forward_done(graph):
            text = QCoreApplication.translate(
                "GraphTab", "Forward pass, step {step} of {count}: the {symbol} node computed "
                "{name} = {value}. Forward pass done; now Backward step ({key}).")
        else:
            text = QCoreApplication.translate(
                "GraphTab", "Forward pass, step {step} of {count}: the {symbol} node computed "
                "{name} = {value}.")
        return text.format(step=graph.position, count=nodes, symbol=node.op.symbol,
                           name=name_of(node.label), value=format_value(graph.value(active)),
                           key=SHORTCUTS["backward"])
    if graph.phase is Phase.BACKWARD:
        node = graph.node(active)
        targets = ", ".join(dict.fromkeys(argument_name(graph, a, name_of) for a in node.args))
        return QCoreApplication.translate(
            "GraphTab", "Backward pass, step {step} of {count}: the {symbol} node passed "
            "gradients back to {targets}.").format(step=graph.position - nodes, count=nodes,
                                                   symbol=node.op.symbol, targets=targets)
    out = graph.output_value
    return QCoreApplication.translate(
        "GraphTab", "Done: {name} = {value}; every gradient is shown in red below its "
        "arrow.").format(name=name_of(graph.edges[-1].label),
                         value="?" if out is None else format_value(out))


def legend_text(gradient_colour: str) -> str:
    """How to read the drawing (rich text; the gradients' words in their colour)."""
    return QCoreApplication.translate(
        "GraphTab",
        "How to read it: the number above an arrow is the value flowing forward; "
        "<span style='color:{colour}'><b>the red number below</b></span> is the gradient "
        "flowing back, the derivative of the result with respect to that value. The node "
        "just computed is outlined (blue forward, red backward); numbers it just produced "
        "are bold.").format(colour=gradient_colour)
