"""The Computation graph tab's stepping rules over a graph's schedule (no Qt).

*Forward step* runs forward steps only, until the forward pass is complete; *Backward step*
then runs backward steps only (the backward pass needs every forward value). The graph's
schedule ends with a closing "done" step that changes nothing on screen, so the last backward
step also takes it, and stepping back from the end skips it.
"""

from __future__ import annotations

from desktop_nn.graph import ComputationGraph, Phase


def forward_done(graph: ComputationGraph | None) -> bool:
    """True once every node's forward step has run."""
    return graph is not None and graph.position >= len(graph.nodes)


def can_step_forward(graph: ComputationGraph | None) -> bool:
    return graph is not None and not forward_done(graph)


def can_step_backward(graph: ComputationGraph | None) -> bool:
    return forward_done(graph) and graph.position < graph.step_count


def next_position(graph: ComputationGraph) -> int:
    """Where the next step leads: one step on, the last backward step to the end."""
    target = graph.position + 1
    if target == graph.step_count - 1 and target > len(graph.nodes):  # the last backward
        target = graph.step_count
    return target


def previous_position(graph: ComputationGraph) -> int:
    """Where stepping back leads: one step back, from the end to before the last backward."""
    target = graph.position - 1
    if graph.phase is Phase.DONE and target == graph.step_count - 1 and target > len(graph.nodes):
        target -= 1
    return target
