"""Each graph operation, defined once: its backward against a central difference, its texts,
and its spelling in the expression parser."""

from __future__ import annotations

import math

import pytest

from desktop_nn.graph import OPERATIONS, build_graph, format_value
from desktop_nn.graph.ops import FUNCTIONS, OPERATORS

#: A point inside every operation's domain (log and 1/x need x > 0, division y != 0).
POINT = (1.3, 0.7)


def central_difference(op, args, port, h=1e-6):
    """d op / d args[port] by a central difference on fresh layers.

    Error analysis: truncation h²·|f'''|/6 (below 1e-11 here, the third derivatives at POINT
    being below 10) plus rounding about eps·|f|/h (below 1e-8 for |f| < 10): a tolerance of
    1e-6 is safe on any CPU.
    """
    plus, minus = list(args), list(args)
    plus[port] += h
    minus[port] -= h
    return (op().forward(*plus) - op().forward(*minus)) / (2 * h)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_backward_matches_a_central_difference(name):
    op = OPERATIONS[name]
    args = POINT[: op.arity]
    layer = op()
    layer.forward(*args)
    grads = layer.backward(1.0)
    grads = (grads,) if op.arity == 1 else grads
    for port in range(op.arity):
        assert grads[port] == pytest.approx(central_difference(op, args, port), abs=1e-6)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_explains_itself_with_the_numbers(name):
    op = OPERATIONS[name]
    assert op.name == name and op.symbol and op.rule and op.formula and op.arity in (1, 2)
    args = POINT[: op.arity]
    layer = op()
    out = layer.forward(*args)
    grads = layer.backward(2.0)
    grads = (grads,) if op.arity == 1 else grads
    assert op.forward_text(args, out).endswith(f"= {format_value(out)}")
    lines = op.backward_texts(2.0, args, out, grads)
    assert len(lines) == op.arity
    for line, grad in zip(lines, grads, strict=True):
        assert line.endswith(f"= {format_value(grad)}")


def spelling(op) -> str:
    """An expression whose graph holds a node of ``op``."""
    if op.operator is not None:
        return f"a {op.operator} b" if op.arity == 2 else f"{op.operator}a"
    if op.function is not None:
        return f"{op.function}(a)"
    return {"reciprocal": "1 / a"}[op.name]  # the book's "/" node of the Sigmoid graph


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_can_be_typed(name):
    op = OPERATIONS[name]
    graph = build_graph(spelling(op), {"a": POINT[0], "b": POINT[1]})
    assert [node.op for node in graph.nodes] == [op]
    layer = op()
    assert graph.forward() == pytest.approx(layer.forward(*POINT[: op.arity]))


def test_the_parser_reads_the_registry():
    assert set(OPERATORS) == {"+", "-", "*", "/"}
    assert set(FUNCTIONS) == {"exp", "log"}
    assert all(math.isfinite(OPERATIONS[n]().forward(*POINT[: OPERATIONS[n].arity]))
               for n in OPERATIONS)
