"""The expression parser: good input, hostile input, and backprop against central differences."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_nn.core.layers import MulLayer
from desktop_nn.graph import GraphEvaluationError, sigmoid_graph
from desktop_nn.graph.expression import (
    MAX_LENGTH,
    ExpressionError,
    build_graph,
    parse_expression,
)


def value_of(text: str, **values: float) -> float:
    return build_graph(text, values).forward()


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("(a * b + c) * d", {"a": 2, "b": 3, "c": 4, "d": 5}, 50),
        ("a * b + c * d", {"a": 2, "b": 3, "c": 4, "d": 5}, 26),
        ("a - b - c", {"a": 10, "b": 3, "c": 2}, 5),
        ("a / b / c", {"a": 12, "b": 3, "c": 2}, 2),
        ("-a * b", {"a": 2, "b": 3}, -6),
        ("-(a + b)", {"a": 2, "b": 3}, -5),
        ("+a - -b", {"a": 2, "b": 3}, 5),
        ("2 * -3 + x", {"x": 1}, -5),
        ("1 / (1 + exp(-x))", {"x": 0}, 0.5),
        ("log(exp(log(exp(x))))", {"x": 1.5}, 1.5),
        ("exp(log(a) + log(b))", {"a": 2, "b": 3}, 6),
        ("x * x * x", {"x": 2}, 8),
        ("3", {}, 3),
        ("x", {"x": 4}, 4),
        ("2.5e1 / 5", {}, 5),
        ("a × b ÷ c − 1", {"a": 2, "b": 3, "c": 2}, 2),
        ("x^2", {"x": -3}, 9),
        ("x**2", {"x": -3}, 9),
        ("-x^2", {"x": 3}, -9),  # as in Python: -(x²)
        ("-x**2", {"x": -3}, -9),
        ("(-x)^2", {"x": 3}, 9),
        ("2^3^2", {}, 512),  # right-associative: 2^(3^2)
        ("2**3**2", {}, 512),
        ("(2^3)^2", {}, 64),
        ("x^-1", {"x": 4}, 0.25),
        ("2 * x^2 + x", {"x": 3}, 21),
        ("x ^ y", {"x": 2, "y": 10}, 1024),
        ("exp(x)^2", {"x": 1}, math.exp(2)),
        ("0.01*x^2 + 0.1*x", {"x": 5}, 0.75),
    ],
)
def test_good_expressions(text, values, expected):
    assert value_of(text, **values) == pytest.approx(expected)


def test_inputs_in_order_of_appearance_with_defaults():
    g = build_graph("b * a + c", {"a": 4.0, "unused": 9.0})
    assert g.input_names == ("b", "a", "c")
    assert g.inputs == {"b": 1.0, "a": 4.0, "c": 1.0}
    g.set_input("b", 2.0)
    assert g.forward() == pytest.approx(9)


def test_repeated_name_is_one_input_whose_gradient_sums():
    g = build_graph("x * x + x", {"x": 3.0})
    assert g.input_names == ("x",)
    assert g.backward()["x"] == pytest.approx(7)


def test_typed_sigmoid_is_the_books_graph():
    typed = build_graph("1 / (1 + exp(-x))", {"x": 0.7})
    book = sigmoid_graph(0.7)
    assert [n.op.name for n in typed.nodes] == [n.op.name for n in book.nodes]
    assert isinstance(typed.nodes[0].layer, MulLayer)
    assert sorted(typed.constants.values()) == [-1.0, 1.0]
    assert typed.backward() == pytest.approx(book.backward())
    assert [n.label for n in typed.nodes] == ["-x", "exp(-x)", "1 + exp(-x)", "1 / (1 + exp(-x))"]


def test_division_by_other_than_one_is_a_divide_node():
    g = build_graph("a / b")
    assert [n.op.symbol for n in g.nodes] == ["÷"]


@pytest.mark.parametrize(
    "text",
    [
        "(a * b + c) * d",
        "1 / (1 + exp(-x))",
        "log(a * a + 1) - b / (c + 2)",
        "exp(a - b) * c",
        "a / b - log(c)",
        "-(a * -b) + +c",
        "a^2 + b^3 - c^-1",
        "a ** b + c ** 0.5",
        "exp(a)^b",
    ],
)
def test_backprop_matches_central_differences(text):
    g = build_graph(text, {"a": 1.3, "b": 0.7, "c": 2.1, "d": -0.4, "x": 0.3})
    backprop = g.backward()
    numerical = g.numerical_gradients()
    for name in backprop:
        assert numerical[name] == pytest.approx(backprop[name], rel=1e-6, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os')", "calls to '__import__' are not allowed"),
        ("open('f')", "calls to 'open' are not allowed"),
        ("x.y", "attribute access 'x.y' is not allowed"),
        ("x.y()", "calls to 'x.y' are not allowed"),
        ("x[0]", "indexing 'x[0]' is not allowed"),
        ("lambda: 1", "lambda"),
        ("1 if x else 2", "conditional expression '1 if x else 2'"),
        ("x % 2", "'%' is not allowed: use +, -, *, /, **, ^, exp(), log()"),
        ("x ^^ 2", "syntax error at column 4"),
        ("  x^*2", "syntax error at column 5"),
        ("x ^", "syntax error at column 4"),
        ("x // 2", "'//' is not allowed"),
        ("a < b", "comparison 'a < b'"),
        ("a and b", "'and' is not allowed"),
        ("not a", "'not' is not allowed"),
        ("~a", "'~' is not allowed"),
        ("f(x)", "calls to 'f' are not allowed"),
        ("exp(x, y)", "exp() takes exactly one argument (2 given)"),
        ("exp()", "exp() takes exactly one argument (0 given)"),
        ("exp(x=1)", "exp() takes one positional argument, not 'x=1'"),
        ("log(*a)", "log() takes one plain argument"),
        ("exp", "'exp' is a function"),
        ('"s"', "string"),
        ("b'x'", "string"),
        ("1j", "complex number '1j'"),
        ("True", "'True' is not allowed"),
        ("None", "'None' is not allowed"),
        ("(1, 2)", "tuple"),
        ("[x]", "list"),
        ("{x: 1}", "dict"),
        ("[x for x in y]", "comprehension"),
        ("f'{x}'", "f-string"),
        ("(y := 2)", "assignment"),
        ("1e999", "too large"),
        ("9" * 400, "too large"),
        ("", "empty"),
        ("   ", "empty"),
        ("1 +", "syntax error at column 4"),
        ("a b", "syntax error at column 3"),
        ("(1", "syntax error at column 1"),
        ("x\x00", "U+0000"),
        ("x\n+1", "U+000A"),
        ("ｅｘｐ(x)", "U+FF45"),
        ("α + 1", "U+03B1"),
        ("x\u200b", "U+200B"),
    ],
)
def test_hostile_or_wrong_input_is_refused_with_a_reason(text, message):
    with pytest.raises(ExpressionError) as info:
        build_graph(text)
    assert message in str(info.value)


def test_very_long_input_is_refused_before_parsing():
    with pytest.raises(ExpressionError, match="too long"):
        parse_expression("x+" * MAX_LENGTH + "x")


def test_ten_thousand_nested_parentheses():
    with pytest.raises(ExpressionError):
        parse_expression("(" * 10_000 + "x" + ")" * 10_000)


@pytest.mark.parametrize(
    "text",
    [
        "(" * 240 + "x" + ")" * 240,  # within the length limit, beyond the parser's nesting
        "-" * 499 + "x",  # deep without parentheses
        "-(" * 166 + "x" + ")" * 166,
        "+".join(["x"] * 200),
    ],
)
def test_deep_input_within_the_length_limit_is_refused(text):
    assert len(text) <= MAX_LENGTH
    with pytest.raises(ExpressionError):
        parse_expression(text)


def test_too_many_operations_is_refused():
    text = "+".join(["x*x"] * 60)
    assert len(text) <= MAX_LENGTH
    with pytest.raises(ExpressionError, match="more than 100 operations"):
        parse_expression(text)


def test_evaluation_errors_are_clear():
    g = build_graph("log(x - 1)")  # default x = 1: log(0)
    with pytest.raises(GraphEvaluationError, match=r"log\(x\) needs x > 0"):
        g.forward()
    with pytest.raises(GraphEvaluationError, match="division by zero"):
        build_graph("a / (b - 1)").forward()
    with pytest.raises(GraphEvaluationError, match="too large"):
        build_graph("exp(exp(exp(x)))", {"x": 3}).forward()


def test_not_text_is_refused():
    with pytest.raises(ExpressionError, match="text"):
        parse_expression(42)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------

NAMES = ("a", "b", "c")

leaves = st.one_of(
    st.sampled_from(NAMES),
    st.integers(1, 5).map(str),
    st.floats(0.1, 3.0).map(lambda v: f"{v:.2f}"),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/", "**", "^"]), children).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"
    )
    unary = children.map(lambda e: f"-{e}")
    call = st.tuples(st.sampled_from(["exp", "log"]), children).map(lambda t: f"{t[0]}({t[1]})")
    power = st.tuples(children, st.sampled_from(["2", "3", "-1", "0.5", "-2"])).map(
        lambda t: f"{t[0]}^{t[1]}"
    )
    return st.one_of(binary, unary, call, power)


expressions = st.recursive(leaves, _combine, max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(
    text=expressions,
    a=st.floats(-2.0, 2.0),
    b=st.floats(-2.0, 2.0),
    c=st.floats(0.2, 2.0),
)
def test_backprop_matches_numerical_on_random_expressions(text, a, b, c):
    graph = build_graph(text, {"a": a, "b": b, "c": c})
    try:
        output = graph.forward()
        backprop = graph.backward()
    except GraphEvaluationError:
        assume(False)
    # Central differences are only accurate where the function is smooth at the scale of h:
    # stay away from the poles of log, 1/x and x/y and from very steep exp.
    for node in graph.nodes:
        args = [graph.value(arg) for arg in node.args]
        if node.op.name in ("log", "reciprocal"):
            assume(abs(args[0]) > 0.05)
        if node.op.name == "div":
            assume(abs(args[1]) > 0.05)
        if node.op.name == "exp":
            assume(args[0] < 20)
        if node.op.name == "pow":  # x^0.5 and x^-1 are steep near 0, x^y huge for large y
            assume(abs(args[0]) > 0.05 and abs(graph.value(node.id)) < 1e6)
    numerical = graph.numerical_gradients()
    for name, grad in backprop.items():
        assume(math.isfinite(numerical[name]) and abs(grad) < 1e6)
        tolerance = 1e-3 * abs(grad) + 1e-6 * (1.0 + abs(output))
        assert abs(numerical[name] - grad) <= tolerance, (name, grad, numerical[name])


#: Integer literals, to be read as floats by Python too (``5 ** 5 ** 5`` stays small).
_INTEGER = re.compile(r"(?<![\d.])(\d+)(?![\d.])")


def python_value(text: str, **values: float) -> float | None:
    """What Python makes of ``text`` (``^`` read as ``**``), or None if it fails.

    Only for the test: the parser under test never evaluates Python.
    """
    source = _INTEGER.sub(r"\1.0", text.replace("^", "**"))
    namespace = {"exp": math.exp, "log": math.log, **values}
    try:
        value = eval(source, {"__builtins__": {}}, namespace)  # generated text, names bound
    except (ArithmeticError, ValueError):
        return None
    return value if isinstance(value, float) and math.isfinite(value) else None


@settings(max_examples=300, deadline=None)
@given(
    text=expressions,
    a=st.floats(-3.0, 3.0),
    b=st.floats(-3.0, 3.0),
    c=st.floats(0.2, 3.0),
)
def test_operators_bind_and_group_as_in_python(text, a, b, c):
    """Precedence, associativity and unary minus (``-x^2`` is ``-(x²)``) are Python's."""
    try:
        ours = build_graph(text, {"a": a, "b": b, "c": c}).forward()
    except GraphEvaluationError:
        assume(False)
    assert ours == python_value(text, a=a, b=b, c=c), text


@pytest.mark.parametrize("text", ["-a^2", "a^b^c", "-a**-b", "a*b^c", "a/b**c", "-a^-b^c"])
def test_power_binds_and_groups_as_in_python(text):
    values = {"a": 1.7, "b": 0.6, "c": 2.3}
    assert value_of(text, **values) == python_value(text, **values)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60), st.text(alphabet=" ()+-*/.,=:[]{}'\"_abexplog0129jeE", max_size=60)
    )
)
def test_parser_raises_nothing_but_expression_error(text):
    try:
        graph = build_graph(text)
    except ExpressionError:
        return
    try:
        graph.backward()
    except GraphEvaluationError:
        return
    assert math.isfinite(graph.output_value)
