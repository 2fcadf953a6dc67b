"""Layer graphs: the network drawn as its layers, its arrays and shapes, the stepper, edits."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.layers import InputAffine, Relu, Sigmoid, SoftmaxWithLoss
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.simple_net import BOOK_T, BOOK_W, BOOK_X, simpleNet
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.graph import (
    GraphEvaluationError,
    LayerGraph,
    Phase,
    network_graph,
    simple_graph,
    training_batch,
)
from desktop_nn.graph.layer_arrays import book_shape
from desktop_nn.graph.layer_nets import MAX_SAMPLES, prepare_batch


@pytest.fixture(scope="module")
def batch(mnist):
    (x_train, t_train), _ = mnist
    return x_train[:3], t_train[:3]


@pytest.fixture
def graph(batch):
    return network_graph(TwoLayerNet(784, 50, 10, seed=0), *batch)


# --- structure ----------------------------------------------------------------------------


def test_network_is_drawn_as_the_books_layers(graph):
    assert [spec.name for spec in graph.layers] == [
        "Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"]
    assert [spec.inputs for spec in graph.layers] == [
        ("X", "W1", "b1"), ("a1",), ("z1", "W2", "b2"), ("a2", "t")]
    assert [spec.output for spec in graph.layers] == ["a1", "z1", "a2", "L"]
    net = graph.network
    # The graph runs the network's own layer objects.
    assert graph.layer("Affine1").layer is net.layers["Affine1"]
    assert isinstance(graph.layer("Affine1").layer, InputAffine)
    assert isinstance(graph.layer("Relu1").layer, Relu)
    assert graph.layer("SoftmaxWithLoss").layer is net.lastLayer
    assert isinstance(net.lastLayer, SoftmaxWithLoss)
    assert graph.value("W1").base is net.params["W1"] or graph.value("W1") is net.params["W1"]
    assert graph.parameters == ("W1", "b1", "W2", "b2")


def test_shapes_as_the_book_writes_them(graph):
    expected = {
        "X": ((3, 784), "N×784", "input", "dX"),
        "W1": ((784, 50), "784×50", "param", "dW1"),
        "b1": ((50,), "50", "param", "db1"),
        "a1": ((3, 50), "N×50", "activation", "da1"),
        "mask": ((3, 50), "N×50", "internal", None),
        "z1": ((3, 50), "N×50", "activation", "dz1"),
        "W2": ((50, 10), "50×10", "param", "dW2"),
        "b2": ((10,), "10", "param", "db2"),
        "a2": ((3, 10), "N×10", "activation", "da2"),
        "t": ((3, 10), "N×10", "label", None),
        "y": ((3, 10), "N×10", "internal", None),
        "L": ((), "", "loss", "dL"),
    }
    assert [a.name for a in graph.arrays] == list(expected)
    for name, (shape, text, role, grad_name) in expected.items():
        spec = graph.array(name)
        assert (spec.shape, spec.shape_text, spec.role) == (shape, text, role), name
        if name != "X":
            assert spec.grad_name == grad_name, name
    # InputAffine skips the gradient of the images: nothing arrives at X.
    assert graph.array("X").grad_name is None
    assert graph.batch_size == 3
    assert graph.array("a1").source == "Affine1" and graph.array("a1").target == "Relu1"
    assert graph.consumer("a1").name == "Relu1"
    assert graph.array_of_grad("dW2").name == "W2"


def test_book_shape():
    assert book_shape((100, 784), batch=True) == "N×784"
    assert book_shape((784, 50), batch=False) == "784×50"
    assert book_shape((), batch=True) == ""


def test_sigmoid_network(batch):
    graph = network_graph(TwoLayerNet(784, 5, 10, activation="sigmoid", seed=0), *batch)
    assert [spec.name for spec in graph.layers][1] == "Sigmoid1"
    assert isinstance(graph.layer("Sigmoid1").layer, Sigmoid)
    assert "mask" not in [a.name for a in graph.arrays]


def test_simple_net_graph():
    graph = simple_graph()
    assert graph.name == "simpleNet"
    assert [spec.name for spec in graph.layers] == ["MatMul", "SoftmaxWithLoss"]
    shapes = {a.name: (a.shape, a.shape_text) for a in graph.arrays}
    assert shapes == {"x": ((2,), "2"), "W": ((2, 3), "2×3"), "z": ((3,), "3"),
                      "t": ((3,), "3"), "L": ((), ""), "y": ((3,), "3")}
    assert graph.editable == ("x", "W", "t")
    assert graph.batch_size == 1
    np.testing.assert_array_equal(graph.value("W"), BOOK_W)
    np.testing.assert_array_equal(graph.value("x"), BOOK_X)
    np.testing.assert_array_equal(graph.value("t"), BOOK_T)


# --- the numbers ----------------------------------------------------------------------------


def test_gradients_equal_two_layer_net_gradient(graph, batch):
    grads = graph.run_all()
    probe = TwoLayerNet(784, 50, 10, seed=0)  # the same parameters
    expected = probe.gradient(*batch)
    assert list(grads) == ["W1", "b1", "W2", "b2"]
    for key in expected:
        np.testing.assert_array_equal(grads[key], expected[key])
    assert graph.loss == probe.loss(*batch)


def test_simple_net_graph_gives_the_books_numbers():
    graph = simple_graph()
    net = graph.network
    assert graph.forward() == net.loss(BOOK_X, BOOK_T)
    assert round(graph.loss, 3) == 0.928
    np.testing.assert_array_equal(graph.value("z"), net.predict(BOOK_X))
    grads = graph.run_all()
    # dW = xᵀ·(y − t), the book's numbers to three decimals.
    np.testing.assert_array_equal(np.round(grads["W"], 3),
                                  [[0.219, 0.144, -0.363], [0.329, 0.215, -0.544]])


def test_float32_network_is_shown_in_float64_and_left_alone(batch):
    net = TwoLayerNet(784, 6, 10, seed=3, dtype=np.float32)
    before = net.copy_params()
    graph = network_graph(net, *batch)
    graph.run_all()
    assert graph.network is not net and graph.network.dtype == np.float64
    assert graph.value("W1").dtype == np.float64 and graph.value("X").dtype == np.float64
    for key, value in before.items():
        np.testing.assert_array_equal(net.params[key], value)
        np.testing.assert_array_equal(graph.value(key), value.astype(np.float64))
    assert net.layers["Affine1"].x is None  # the network's own layers never ran


def test_values_are_read_only(graph):
    graph.run_all()
    for name in ("X", "W1", "a1", "y"):
        with pytest.raises(ValueError, match="read-only"):
            graph.value(name)[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        graph.grad("W1")[0, 0] = 1.0


# --- the stepper ----------------------------------------------------------------------------


def test_schedule_and_what_is_known_at_each_step(graph):
    assert graph.step_count == 9
    assert graph.schedule[0] == (Phase.FORWARD, "Affine1")
    assert graph.schedule[4] == (Phase.BACKWARD, "SoftmaxWithLoss")
    assert graph.schedule[-1] == (Phase.DONE, None)
    # Idle: inputs and parameters only.
    assert graph.phase is Phase.IDLE and graph.active is None
    assert graph.value("X") is not None and graph.value("W2") is not None
    assert graph.value("a1") is None and graph.loss is None and graph.grad("W1") is None

    assert graph.forward_step() and graph.active == "Affine1"
    assert graph.value("a1") is not None and graph.value("z1") is None
    assert not graph.backward_step()  # not before the forward pass is done
    assert graph.position == 1
    graph.forward_step()
    assert graph.value("mask") is not None
    graph.forward_step()
    graph.forward_step()
    assert graph.forward_done and graph.loss is not None and graph.value("y") is not None
    assert not graph.forward_step()

    assert graph.backward_step() and graph.active == "SoftmaxWithLoss"
    assert graph.grad("L") == 1.0
    assert graph.grad("a2") is not None and graph.grad("z1") is None
    assert graph.grad("t") is None
    graph.backward_step()
    assert graph.grad("W2") is not None and graph.grad("z1") is not None
    assert graph.grad("a1") is None
    graph.backward_step()
    graph.backward_step()
    assert graph.grad("W1") is not None and graph.grad("X") is None
    assert graph.backward_step() and graph.phase is Phase.DONE
    assert not graph.backward_step() and not graph.step()


def test_step_back_and_reset_recompute_exactly(graph):
    states = []
    while True:
        states.append(snapshot(graph))
        if not graph.step():
            break
    for expected in reversed(states[:-1]):
        assert graph.step_back()
        assert snapshot(graph) == expected
    assert not graph.step_back()
    graph.run_all()
    graph.reset()
    assert snapshot(graph) == states[0]


def snapshot(graph):
    """Everything shown, as comparable bytes."""
    def dump(value):
        return None if value is None else np.asarray(value).tobytes()

    return (graph.position, graph.phase, graph.active,
            tuple(dump(graph.value(a.name)) for a in graph.arrays),
            tuple(dump(graph.grad(a.name)) for a in graph.arrays))


def test_listeners_hear_every_change(graph):
    heard = []

    def listener():
        heard.append(graph.position)

    graph.add_listener(listener)
    graph.step()
    graph.step_back()
    graph.run_all()
    graph.reset()
    assert heard == [1, 0, 9, 0]
    graph.remove_listener(listener)
    graph.step()
    assert heard == [1, 0, 9, 0]


def test_seek_out_of_range(graph):
    with pytest.raises(ValueError, match="between 0 and 9"):
        graph.seek(10)


# --- editing simpleNet ----------------------------------------------------------------------


def test_editing_w_recomputes_at_the_same_position():
    graph = simple_graph()
    graph.seek(3)  # forward done, softmax backward done, MatMul backward done
    new_w = BOOK_W * 2
    graph.set_input("W", new_w)
    assert graph.position == 3
    fresh = simple_graph(simpleNet(new_w))
    fresh.seek(3)
    assert graph.loss == fresh.loss
    np.testing.assert_array_equal(graph.grad("W"), fresh.grad("W"))
    # The graph's W is the network's: its loss follows.
    np.testing.assert_array_equal(graph.network.W, new_w)
    assert graph.network.loss(BOOK_X, BOOK_T) == graph.loss


def test_editing_x_and_t_and_single_elements():
    graph = simple_graph()
    graph.forward()
    graph.set_element("x", (0,), 1.0)
    np.testing.assert_array_equal(graph.value("x"), [1.0, 0.9])
    assert graph.loss == simpleNet().loss(np.array([1.0, 0.9]), BOOK_T)
    graph.set_input("t", 0)  # a class index becomes a one-hot row
    np.testing.assert_array_equal(graph.value("t"), [1.0, 0.0, 0.0])
    graph.set_element("W", (1, 2), -0.5)
    assert graph.value("W")[1, 2] == -0.5
    assert graph.position == 2 and graph.loss is not None


@pytest.mark.parametrize(
    ("name", "value", "error", "match"),
    [
        ("x", [1.0, 2.0, 3.0], ValueError, "shape"),
        ("W", [[np.nan, 0, 0], [0, 0, 0]], ValueError, "finite"),
        ("t", [0.5, 0.0, 0.5], ValueError, "one-hot"),
        ("t", [1.0, 1.0, 0.0], ValueError, "one-hot"),
        ("t", 3, ValueError, r"0\.\.2"),
        ("t", np.nan, ValueError, "finite"),
        ("z", [1.0, 2.0, 3.0], KeyError, "cannot be edited"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(name, value, error, match):
    graph = simple_graph()
    graph.run_all()
    before = snapshot(graph)
    with pytest.raises(error, match=match):
        graph.set_input(name, value)
    assert snapshot(graph) == before


def test_an_edit_that_overflows_stops_before_the_failing_step():
    graph = simple_graph()
    graph.run_all()
    with pytest.raises(GraphEvaluationError, match="too large"):
        graph.set_input("x", [1.5e308, 1.5e308])  # x·W overflows
    assert graph.position == 0 and graph.error is not None
    graph.set_input("x", BOOK_X)
    graph.run_all()
    assert graph.error is None and round(graph.loss, 3) == 0.928


def test_graphs_refuse_values_that_are_not_finite():
    with pytest.raises(ValueError, match="x: every value must be a finite number"):
        simple_graph(x=np.array([np.inf, 1.0]))
    with pytest.raises(GraphEvaluationError, match="cannot compute 'z' \\(layer 'MatMul'\\)"):
        simple_graph(simpleNet([[1.7e308, 0, 0], [1.7e308, 0, 0]]))
    inputs = {"x": BOOK_X, "W": BOOK_W.astype(np.float32), "t": BOOK_T}
    with pytest.raises(ValueError, match="float64 array"):
        LayerGraph("simpleNet", simple_graph().layers, inputs, batch=False)


def test_mnist_inputs_are_not_editable(graph):
    assert graph.editable == ()
    with pytest.raises(KeyError, match="cannot be edited"):
        graph.set_input("X", np.zeros((3, 784)))


# --- batches ------------------------------------------------------------------------------


def test_training_batch_is_the_first_images(mnist):
    (x_train, t_train), _ = mnist
    x, t = training_batch()
    np.testing.assert_array_equal(x, x_train[:3])
    np.testing.assert_array_equal(t, t_train[:3])
    x, _ = training_batch(100)
    assert len(x) == 100
    for samples in (0, 101):
        with pytest.raises(ValueError, match=r"1\.\.100"):
            training_batch(samples)


def test_large_batches_are_cut_to_the_first_hundred(mnist):
    (x_train, t_train), _ = mnist
    graph = network_graph(TwoLayerNet(784, 4, 10, seed=0), x_train[:250], t_train[:250])
    assert graph.batch_size == MAX_SAMPLES == 100
    np.testing.assert_array_equal(graph.value("X"), x_train[:100].astype(np.float64))


def test_a_paused_training_iteration_can_be_opened(mnist_small):
    trainer = Trainer(TrainConfig(iters=3, batch_size=120, seed=5), mnist_small)
    trainer.train_step()
    x, t = trainer.last_batch()
    graph = network_graph(trainer.network, x, t)
    assert graph.batch_size == 100
    graph.run_all()
    probe = TwoLayerNet(784, 50, 10)
    probe.set_params(trainer.network.params)
    expected = probe.gradient(x[:100], t[:100])
    for key, value in expected.items():
        np.testing.assert_array_equal(graph.grad(key), value)


def test_one_hot_and_image_shaped_batches(batch):
    x, t = batch
    one_hot = np.eye(10)[t]
    xs, ts = prepare_batch(x.reshape(3, 1, 28, 28), one_hot, 784, 10)
    np.testing.assert_array_equal(xs, x.astype(np.float64))
    np.testing.assert_array_equal(ts, one_hot)


@pytest.mark.parametrize(
    ("x", "t", "match"),
    [
        (np.zeros((2, 783)), np.zeros(2, dtype=int), "rows of 784"),
        (np.zeros((0, 784)), np.zeros(0, dtype=int), "rows of 784"),
        (np.zeros(784), np.zeros(1, dtype=int), "rows of 784"),
        (np.zeros((2, 784)), np.zeros(3, dtype=int), "2 images"),
        (np.zeros((2, 784)), np.array([0, 10]), r"classes 0\.\.9"),
        (np.zeros((2, 784)), np.array([0.5, 1]), r"classes 0\.\.9"),
    ],
)
def test_bad_batches_are_refused(x, t, match):
    with pytest.raises(ValueError, match=match):
        network_graph(TwoLayerNet(784, 4, 10, seed=0), x, t)
