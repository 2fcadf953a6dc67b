"""Each graph operation, defined once: its backward against a central difference, its texts,
and its spelling in the expression parser."""

from __future__ import annotations

import math

import pytest

from desktop_nn.graph import OPERATIONS, GraphEvaluationError, build_graph, format_value
from desktop_nn.graph.ops import FUNCTIONS, OPERATOR_ALIASES, OPERATORS, Power

#: A point inside every operation's domain (log and 1/x need x > 0, division y != 0).
POINT = (1.3, 0.7)

#: Every kind of node: the operations, and the power by a number (the book's "**2" node).
KINDS = {**OPERATIONS, **{f"pow_by_{c:g}": Power.by(c) for c in (2, 3, -1, 0.5, 0)}}


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


@pytest.mark.parametrize("name", sorted(KINDS))
def test_backward_matches_a_central_difference(name):
    op = KINDS[name]
    args = POINT[: op.arity]
    layer = op()
    layer.forward(*args)
    grads = layer.backward(1.0)
    grads = (grads,) if op.arity == 1 else grads
    for port in range(op.arity):
        assert grads[port] == pytest.approx(central_difference(op, args, port), abs=1e-6)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_operation_explains_itself_with_the_numbers(name):
    op = KINDS[name]
    assert op.name == name.partition("_by_")[0] and op.symbol and op.rule and op.formula
    assert op.arity in (1, 2)
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
    if getattr(op, "exponent", None) is not None:
        return f"a ** {op.exponent!r}"  # the book's "**2" node
    if op.operator is not None:
        return f"a {op.operator} b" if op.arity == 2 else f"{op.operator}a"
    if op.function is not None:
        return f"{op.function}(a)"
    return {"reciprocal": "1 / a"}[op.name]  # the book's "/" node of the Sigmoid graph


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_operation_can_be_typed(name):
    op = KINDS[name]
    spelled = [spelling(op)]
    spelled += [spelled[0].replace(op.operator, alias) for alias in op.aliases]
    for text in spelled:
        graph = build_graph(text, {"a": POINT[0], "b": POINT[1]})
        assert [node.op for node in graph.nodes] == [op], text
        layer = op()
        assert graph.forward() == layer.forward(*POINT[: op.arity])


def test_the_parser_reads_the_registry():
    assert set(OPERATORS) == {"+", "-", "*", "/", "**"}
    assert OPERATOR_ALIASES == {"^": "**"}
    assert set(FUNCTIONS) == {"exp", "log"}
    assert all(math.isfinite(OPERATIONS[n]().forward(*POINT[: OPERATIONS[n].arity]))
               for n in OPERATIONS)


# --- the power: a number as the exponent, or a variable one -----------------------------------


def test_a_number_as_the_exponent_is_one_kind_per_number_with_one_input():
    assert Power.by(2) is Power.by(2.0) and Power.by(2) is not Power.by(3)
    assert issubclass(Power.by(2), Power) and Power.by(2).arity == 1
    assert Power.by(2).symbol == "**2"  # as the book draws it (figure 5-7)
    assert Power.by(-1.5).formula == "y = x^-1.5;  ∂y/∂x = -1.5·x^-2.5"
    assert Power.exponent is None and Power.arity == 2


def test_square_of_a_negative_number_forward_and_backward():
    # The book's f(x0, x1) = x0² + x1² at x0 = -3: the exponent needs no gradient.
    graph = build_graph("x^2", {"x": -3.0})
    assert graph.forward() == 9.0
    assert graph.backward() == {"x": -6.0}
    graph.set_input("x", 0.0)
    assert graph.backward() == {"x": 0.0}


@pytest.mark.parametrize(
    ("text", "values", "value", "grads"),
    [
        ("x ** y", {"x": 2.0, "y": 3.0}, 8.0, {"x": 12.0, "y": 8.0 * math.log(2.0)}),
        ("x ** y", {"x": 0.0, "y": 2.0}, 0.0, {"x": 0.0, "y": 0.0}),  # z·log(x) -> 0 as x -> 0
        ("x ** 0", {"x": 0.0}, 1.0, {"x": 0.0}),
        ("x ** 1", {"x": 0.0}, 0.0, {"x": 1.0}),
        ("x ** -1", {"x": -2.0}, -0.5, {"x": -0.25}),
        ("x ** 0.5", {"x": 4.0}, 2.0, {"x": 0.25}),
    ],
)
def test_power_values_and_gradients(text, values, value, grads):
    graph = build_graph(text, values)
    assert graph.forward() == value
    assert graph.backward() == pytest.approx(grads, rel=1e-15)


@pytest.mark.parametrize(
    ("text", "values", "message"),
    [
        # A variable exponent at a negative base: forward works, its gradient does not exist.
        ("x ^ y", {"x": -3.0, "y": 2.0}, "z·log(x), needs x > 0, here x = -3"),
        ("x ^ 0.5", {"x": 0.0}, "infinite at x = 0"),
    ],
)
def test_undefined_gradients_of_the_power_are_named(text, values, message):
    graph = build_graph(text, values)
    graph.forward()
    with pytest.raises(GraphEvaluationError, match="undefined") as info:
        graph.backward()
    assert message in str(info.value) and "x ** " in str(info.value)


@pytest.mark.parametrize(
    ("text", "values", "message"),
    [("x ^ 0.5", {"x": -4.0}, "undefined for x < 0 unless y is a whole number, here x = -4"),
     ("x ^ y", {"x": -8.0, "y": 1 / 3}, "here x = -8 and y = 0.3333"),
     ("x ^ -1", {"x": 0.0}, "undefined at x = 0 when y < 0, here y = -1"),
     ("x ^ y", {"x": 10.0, "y": 400.0}, "too large for a float"),
     ("x ^ 400", {"x": -10.0}, "too large for a float")],
)
def test_undefined_powers_are_named(text, values, message):
    with pytest.raises(GraphEvaluationError, match="cannot compute") as info:
        build_graph(text, values).forward()
    assert message in str(info.value)


def test_power_texts_with_numbers():
    layer = Power.by(2)()
    out = layer.forward(-3.0)
    grad = layer.backward(1.0)
    assert Power.by(2).forward_text([-3.0], out) == "y = x^2 = (-3)^2 = 9"
    assert Power.by(2).backward_texts(1.0, [-3.0], out, [grad]) == [
        "dx = dout·2·x^1 = 1 × 2 × (-3)^1 = -6"
    ]
