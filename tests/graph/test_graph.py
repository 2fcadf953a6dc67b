"""Computation graphs: the book's numbers, the stepper, editing, layout, domain errors."""

from __future__ import annotations

import math

import pytest

from desktop_nn.core.layers import AddLayer, MulLayer
from desktop_nn.graph import (
    OPERATIONS,
    ComputationGraph,
    GraphEvaluationError,
    Phase,
    apple_graph,
    apple_orange_graph,
    format_value,
    preset,
    sigmoid_graph,
)


def test_apple_graph_gives_the_books_numbers():
    g = apple_graph()
    assert g.forward() == pytest.approx(220)
    grads = g.backward()
    assert grads == pytest.approx({"apple": 2.2, "apple_num": 110, "tax": 200})
    assert format_value(g.output_value) == "220"
    assert [format_value(grads[k]) for k in ("apple", "apple_num", "tax")] == ["2.2", "110", "200"]
    assert g.output_value == 220.00000000000003  # full precision is kept in the model


def test_apple_orange_graph_gives_the_books_numbers():
    g = apple_orange_graph()
    assert g.forward() == pytest.approx(715)
    grads = g.backward()
    expected = {"apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650}
    assert grads == pytest.approx(expected)
    assert grads["orange"] == 3.3000000000000003
    assert format_value(g.output_value) == "715"
    assert {k: format_value(v) for k, v in grads.items()} == {
        "apple": "2.2",
        "apple_num": "110",
        "orange": "3.3",
        "orange_num": "165",
        "tax": "650",
    }
    assert g.value("mul_apple_layer") == 200
    assert g.value("mul_orange_layer") == 450
    assert g.value("add_apple_orange_layer") == 650


def test_apple_orange_is_built_from_the_books_layers():
    g = apple_orange_graph()
    assert [n.id for n in g.nodes] == [
        "mul_apple_layer",
        "mul_orange_layer",
        "add_apple_orange_layer",
        "mul_tax_layer",
    ]
    assert [n.label for n in g.nodes] == ["apple_price", "orange_price", "all_price", "price"]
    layers = [n.layer for n in g.nodes]
    assert [isinstance(layer, MulLayer) for layer in layers] == [True, True, False, True]
    assert isinstance(layers[2], AddLayer)
    g.forward()
    assert g.node("mul_tax_layer").layer.x == 650  # the MulLayer really ran


def test_preset_accepts_hyphen_and_underscore():
    assert preset("apple-orange").name == preset("apple_orange").name == "apple_orange"
    with pytest.raises(KeyError):
        preset("pear")


def test_sigmoid_graph_is_the_books_decomposition():
    g = sigmoid_graph()
    assert [n.op.symbol for n in g.nodes] == ["×", "exp", "+", "/"]
    assert sorted(g.constants.values()) == [-1.0, 1.0]
    assert format_value(g.forward()) == "0.7311"


@pytest.mark.parametrize("x", [-30.0, -10.0, -3.0, -1.0, -0.5, 0.0, 0.25, 1.0, 2.0, 5.0, 30.0])
def test_sigmoid_gradient_is_y_times_one_minus_y(x):
    g = sigmoid_graph(x)
    y = g.forward()
    assert y == pytest.approx(1.0 / (1.0 + math.exp(-x)))
    grad = g.backward()["x"]
    # 1 - y cancels for large x (y = 1 - 9.4e-14 at x = 30), so y(1 - y) is only good to about
    # 1e-16 absolute there; the graph's product y² exp(-x) is accurate to the last digits.
    assert grad == pytest.approx(y * (1.0 - y), rel=1e-9, abs=1e-15)
    assert grad == pytest.approx(math.exp(-x) / (1.0 + math.exp(-x)) ** 2, rel=1e-12)


def test_step_order_for_apple_orange():
    g = apple_orange_graph()
    seen = []
    while g.step():
        seen.append((g.phase, g.active))
    assert seen == [
        (Phase.FORWARD, "mul_apple_layer"),
        (Phase.FORWARD, "mul_orange_layer"),
        (Phase.FORWARD, "add_apple_orange_layer"),
        (Phase.FORWARD, "mul_tax_layer"),
        (Phase.BACKWARD, "mul_tax_layer"),
        (Phase.BACKWARD, "add_apple_orange_layer"),
        (Phase.BACKWARD, "mul_orange_layer"),
        (Phase.BACKWARD, "mul_apple_layer"),
        (Phase.DONE, None),
    ]
    assert g.step() is False
    assert g.position == g.step_count == 9


def test_values_and_gradients_appear_step_by_step():
    g = apple_graph()
    edges = g.edges
    out_edge = len(edges) - 1
    assert edges[out_edge].target is None and edges[out_edge].label == "price"
    assert g.phase == "idle" and g.active is None
    # inputs are known from the start; nothing else is
    assert [g.edge_value(i) for i in range(len(edges))] == [100, 2, None, 1.1, None]
    assert all(g.edge_grad(i) is None for i in range(len(edges)))

    g.step()  # mul_apple_layer forward
    assert g.value("mul_apple_layer") == 200 and g.value("mul_tax_layer") is None
    g.step()  # mul_tax_layer forward
    assert g.output_value == pytest.approx(220)
    assert g.edge_grad(out_edge) is None
    g.step()  # mul_tax_layer backward
    assert g.edge_grad(out_edge) == 1.0
    assert g.grad("tax") == pytest.approx(200)
    assert g.grad("apple") is None
    g.step()  # mul_apple_layer backward
    assert g.grads() == pytest.approx({"apple": 2.2, "apple_num": 110, "tax": 200})
    g.step()
    assert g.phase is Phase.DONE


def test_step_back_restores_every_previous_state():
    g = apple_orange_graph()
    states = [g.snapshot()]
    while g.step():
        states.append(g.snapshot())
    assert len(states) == g.step_count + 1
    for expected in reversed(states[:-1]):
        assert g.step_back()
        assert g.snapshot() == expected
    assert g.step_back() is False
    assert g.phase is Phase.IDLE


def test_editing_an_input_recomputes_what_is_shown_and_keeps_the_position():
    g = apple_graph()
    g.seek(3)  # forward done, mul_tax_layer backward
    g.set_input("apple", 150)
    assert g.position == 3
    assert g.output_value == pytest.approx(330)
    assert g.grad("tax") == pytest.approx(300)
    assert g.grad("apple") is None  # not reached yet
    g.backward()
    assert g.grads()["apple_num"] == pytest.approx(165)
    with pytest.raises(KeyError, match="unknown input"):
        g.set_input("pear", 1)
    with pytest.raises(ValueError, match="finite"):
        g.set_input("apple", math.inf)


def test_forward_backward_and_dout():
    g = apple_graph()
    assert g.backward(dout=2.0)["tax"] == pytest.approx(400)
    assert g.dout == 2.0
    assert g.backward()["tax"] == pytest.approx(200)
    g.forward()
    assert g.phase is Phase.FORWARD and g.grads()["tax"] is None


def test_listeners_hear_every_change():
    g = apple_graph()
    calls = []
    g.add_listener(lambda: calls.append(g.position))
    g.step()
    g.step_back()
    g.set_input("tax", 1.08)
    assert calls == [1, 0, 0]
    g.remove_listener(g._listeners[0])
    g.step()
    assert len(calls) == 3


def test_layout_places_inputs_left_and_result_right():
    layout = apple_orange_graph().layout()
    assert {name: layout[name][0] for name in ("apple", "apple_num", "orange", "tax")} == {
        "apple": 0,
        "apple_num": 0,
        "orange": 0,
        "tax": 0,
    }
    assert layout["mul_apple_layer"][0] == layout["mul_orange_layer"][0] == 1
    assert layout["add_apple_orange_layer"][0] == 2
    assert layout["mul_tax_layer"][0] == 3
    rows = [layout[n][1] for n in ("apple", "apple_num", "orange", "orange_num", "tax")]
    assert rows == sorted(rows) and len(set(rows)) == 5
    assert apple_orange_graph().layout() == layout  # deterministic


def test_layout_never_puts_two_vertices_in_one_place():
    g = ComputationGraph()
    g.add_input("a")
    g.add_input("b")
    g.add_node("mul", "a", "b")
    g.add_node("add", "a", "b")
    g.add_node("sub", "mul#3", "add#4")
    places = list(g.layout().values())
    assert len(places) == len(set(places))


def test_sigmoid_layout_puts_constants_beside_their_nodes():
    layout = sigmoid_graph().layout()
    assert [layout[n][0] for n in ("x", "mul", "exp", "add", "reciprocal")] == [0, 1, 2, 3, 4]
    assert layout["1"][0] == layout["add"][0] - 1
    assert layout["1"][1] < layout["add"][1]


def test_every_kind_explains_itself():
    for kind in OPERATIONS.values():
        assert kind.symbol and kind.rule and kind.formula
    assert OPERATIONS["mul"].rule.startswith("multiply: passes dout·y to x and dout·x to y")
    assert OPERATIONS["reciprocal"].symbol == "/"


@pytest.mark.parametrize(
    ("kind", "arg", "message"),
    [
        ("log", -2.0, "log"),
        ("log", 0.0, "log"),
        ("reciprocal", 0.0, "1/x"),
        ("exp", 1000.0, "too large"),
    ],
)
def test_domain_errors_are_clear_and_keep_the_state(kind, arg, message):
    g = ComputationGraph()
    g.add_input("x", arg)
    g.add_node(kind, "x", node_id="f")
    with pytest.raises(GraphEvaluationError, match=message):
        g.forward()
    assert g.position == 0 and g.error and message in g.error
    assert g.numerical_gradients()["x"] != g.numerical_gradients()["x"]  # nan


def test_overflow_in_a_product_is_an_error_not_inf():
    g = ComputationGraph()
    g.add_input("a", 1e200)
    g.add_input("b", 1e200)
    g.add_node("mul", "a", "b")
    with pytest.raises(GraphEvaluationError, match="too large"):
        g.forward()


def test_division_by_zero_is_an_error():
    g = ComputationGraph()
    g.add_input("a", 1.0)
    g.add_input("b", 0.0)
    g.add_node("div", "a", "b")
    with pytest.raises(GraphEvaluationError, match="division by zero"):
        g.forward()


def test_editing_into_a_domain_error_stops_before_the_failing_step():
    g = sigmoid_graph(1.0)
    g.backward()
    with pytest.raises(GraphEvaluationError):
        g.set_input("x", -1000.0)  # exp(1000) overflows at the second step
    assert g.inputs["x"] == -1000.0
    assert g.position == 1 and g.error
    g.set_input("x", 0.0)
    g.backward()
    assert g.error is None and g.grads()["x"] == pytest.approx(0.25)


def test_numerical_gradients_agree_with_backprop_on_presets():
    for name in ("apple", "apple_orange", "sigmoid"):
        g = preset(name)
        backprop = g.backward()
        numerical = g.numerical_gradients()
        for key in backprop:
            assert numerical[key] == pytest.approx(backprop[key], rel=1e-6)


def test_evaluate_does_not_touch_the_stepper():
    g = apple_graph()
    g.seek(2)
    before = g.snapshot()
    assert g.evaluate({"apple": 10}) == pytest.approx(22)
    assert g.snapshot() == before
    assert g.node("mul_apple_layer").layer.x == 100


def test_building_mistakes_are_refused():
    g = ComputationGraph()
    g.add_input("a")
    with pytest.raises(ValueError, match="already"):
        g.add_input("a")
    with pytest.raises(KeyError):
        g.add_node("mul", "a", "missing")
    with pytest.raises(ValueError, match="takes 2"):
        g.add_node("mul", "a")
    with pytest.raises(ValueError, match="finite"):
        g.add_constant(math.nan)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.3000000000000003, "3.3"),
        (220.00000000000003, "220"),
        (715.0000000000001, "715"),
        (110.00000000000001, "110"),
        (2.2, "2.2"),
        (0.7310585786300049, "0.7311"),
        (0.19661193324148188, "0.1966"),
        (0.0, "0"),
        (-0.0, "0"),
        (-1.0, "-1"),
        (1e-7, "1e-07"),
        (1e20, "1e+20"),
        (math.nan, "nan"),
        (-math.inf, "-inf"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


# --- copies and refused inputs -------------------------------------------------------------


def test_a_copy_runs_to_the_end_without_touching_the_graph():
    graph = sigmoid_graph(0.5)
    graph.step()
    graph.step()
    before = graph.snapshot()
    heard = []
    graph.add_listener(lambda: heard.append(1))
    twin = graph.copy()
    grads = twin.backward(2.0)
    assert graph.snapshot() == before and not heard
    assert twin.position == twin.step_count and graph.position == 2
    assert [e.label for e in twin.edges] == [e.label for e in graph.edges]
    assert twin.inputs == graph.inputs and twin.constants == graph.constants
    assert [(n.id, n.op, n.args) for n in twin.nodes] == [(n.id, n.op, n.args)
                                                          for n in graph.nodes]
    assert twin.output == graph.output
    y = 1 / (1 + math.exp(-0.5))
    assert grads["x"] == pytest.approx(2.0 * y * (1 - y), rel=1e-12)


def test_a_copy_keeps_dout():
    graph = apple_graph()
    graph.backward(3.0)
    twin = graph.copy()
    assert twin.dout == 3.0 and twin.position == 0
    assert twin.backward(3.0)["apple"] == graph.grads()["apple"]


def test_an_input_that_breaks_a_step_is_put_back_with_the_stepper():
    graph = ComputationGraph("log")
    graph.add_input("x", 2.0)
    graph.add_node("log", "x")
    graph.backward()
    done = graph.snapshot()
    with pytest.raises(GraphEvaluationError, match="log"):
        graph.change_input("x", -1.0)
    assert graph.snapshot() == done and graph.inputs["x"] == 2.0
    graph.change_input("x", 4.0)  # a good value is taken as set_input takes it
    assert graph.inputs["x"] == 4.0 and graph.position == graph.step_count
    with pytest.raises(KeyError):
        graph.change_input("y", 1.0)
