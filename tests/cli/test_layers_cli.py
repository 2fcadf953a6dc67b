"""``desktop-nn layers``: the contract of its JSON, its text and its one-line errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from desktop_nn.cli import main
from desktop_nn.core.functions import softmax
from desktop_nn.core.gradient import numerical_gradient
from desktop_nn.core.model_io import save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.simple_net import BOOK_T, BOOK_W, BOOK_X, simpleNet
from desktop_nn.core.training import TrainConfig

MNIST_ARRAYS = {"X": [3, 784], "W1": [784, 50], "b1": [50], "a1": [3, 50], "mask": [3, 50],
                "z1": [3, 50], "W2": [50, 10], "b2": [10], "a2": [3, 10], "t": [3, 10],
                "y": [3, 10], "L": []}
MNIST_GRADS = {"dW1": [784, 50], "db1": [50], "da1": [3, 50], "dz1": [3, 50],
               "dW2": [50, 10], "db2": [10], "da2": [3, 10], "dL": []}


def run_json(capsys, *args):
    code = main(["layers", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1  # nothing but the JSON object
    return json.loads(lines[0])


def same_central_difference(net, x, t, name, index):
    """The book's numerical_gradient on one element of the network's parameter."""
    param = net.params[name]
    original = param[tuple(index)]
    single = np.array([original])

    def loss(v):
        param[tuple(index)] = v[0]
        return net.loss(x, t)

    try:
        return float(numerical_gradient(loss, single)[0])
    finally:
        param[tuple(index)] = original


def test_mnist_json_equals_two_layer_net(capsys, mnist):
    result = run_json(capsys)
    assert set(result) == {"loss", "shapes", "grads", "numerical"}
    assert result["shapes"] == {**MNIST_ARRAYS, **MNIST_GRADS}
    (x_train, t_train), _ = mnist
    x, t = x_train[:3], t_train[:3]
    net = TwoLayerNet(784, 50, 10, seed=0)
    expected = net.gradient(x, t)
    assert list(result["grads"]) == ["W1", "b1", "W2", "b2"]
    for key, grad in expected.items():
        np.testing.assert_array_equal(np.array(result["grads"][key]), grad)
    assert result["loss"] == net.loss(x, t)
    for key, check in result["numerical"].items():
        grad = expected[key]
        assert tuple(check["index"]) == np.unravel_index(np.argmax(np.abs(grad)), grad.shape)
        assert check["backprop"] == grad[tuple(check["index"])]
        # The same central difference computed through TwoLayerNet.loss: the arithmetic is
        # the same, so only the loss's rounding (eps·|L|/h ≈ 5e-12) could separate them.
        reference = same_central_difference(net, x, t, key, check["index"])
        assert abs(check["numerical"] - reference) <= 1e-10
        # And it agrees with backprop up to the 1e-7 inside the log (relative delta/y_t,
        # y_t about 0.1 for an untrained network).
        assert check["numerical"] == pytest.approx(check["backprop"], rel=1e-4)


def test_options_of_a_fresh_network(capsys, mnist):
    result = run_json(capsys, "--samples", "2", "--hidden-size", "6", "--activation",
                      "sigmoid", "--seed", "7")
    assert result["shapes"]["X"] == [2, 784] and result["shapes"]["W1"] == [784, 6]
    assert "mask" not in result["shapes"]
    (x_train, t_train), _ = mnist
    net = TwoLayerNet(784, 6, 10, activation="sigmoid", seed=7)
    np.testing.assert_array_equal(result["grads"]["W2"], net.gradient(x_train[:2],
                                                                      t_train[:2])["W2"])


def test_simple_net_json_gives_the_books_numbers(capsys):
    result = run_json(capsys, "--net", "simple")
    assert result["shapes"] == {"x": [2], "W": [2, 3], "z": [3], "t": [3], "y": [3], "L": [],
                                "dx": [2], "dW": [2, 3], "dz": [3], "dL": []}
    assert result["loss"] == simpleNet().loss(BOOK_X, BOOK_T)
    assert round(result["loss"], 3) == 0.928
    y = softmax(BOOK_X @ BOOK_W)
    np.testing.assert_allclose(result["grads"]["W"], np.outer(BOOK_X, y - BOOK_T),
                               rtol=1e-15, atol=1e-16)
    assert list(result["grads"]) == ["W"]
    check = result["numerical"]["W"]
    assert check["index"] == [1, 2] and round(check["backprop"], 3) == -0.544
    assert check["numerical"] == pytest.approx(check["backprop"], rel=1e-5)


def test_simple_net_weights_and_seed(capsys):
    result = run_json(capsys, "--net", "simple", "--weights", "1,0,0,0,1,0")
    W = np.array([[1.0, 0, 0], [0, 1, 0]])
    assert result["loss"] == simpleNet(W).loss(BOOK_X, BOOK_T)
    result = run_json(capsys, "--net", "simple", "--seed", "2")
    assert result["loss"] == simpleNet(seed=2).loss(BOOK_X, BOOK_T)


def test_saved_model(capsys, tmp_path, mnist):
    network = TwoLayerNet(784, 8, 10, seed=4, weight_init_std=0.1, dtype=np.float32)
    path = tmp_path / "small.npz"
    save_model(path, network, TrainConfig(hidden_size=8, seed=4))
    result = run_json(capsys, "--model", str(path), "--samples", "5")
    assert result["shapes"]["W1"] == [784, 8] and result["shapes"]["X"] == [5, 784]
    (x_train, t_train), _ = mnist
    probe = TwoLayerNet(784, 8, 10)  # float64, the saved parameters
    probe.set_params(network.params)
    expected = probe.gradient(x_train[:5], t_train[:5])
    for key, grad in expected.items():
        np.testing.assert_array_equal(np.array(result["grads"][key]), grad)

    assert main(["layers", "--model", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("small.npz: TwoLayerNet(784, 8, 10), relu, on the first 3 MNIST "
                            "training images")


def test_text_output(capsys):
    assert main(["layers", "--samples", "1", "--hidden-size", "4"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == ("TwoLayerNet(784, 4, 10), relu, seed 0, on the first MNIST training "
                        "image, float64")
    assert lines[1].split() == ["layer", "output", "shape"]
    assert [line.split() for line in lines[2:6]] == [
        ["Affine1", "a1", "1×4"], ["Relu1", "z1", "1×4"], ["Affine2", "a2", "1×10"],
        ["SoftmaxWithLoss", "L", "scalar"]]
    assert lines[6].startswith("loss ") and float(lines[6].split()[1]) > 0
    assert lines[7].split()[:2] == ["param", "shape"]
    assert [line.split()[0] for line in lines[8:]] == ["W1", "b1", "W2", "b2"]
    assert lines[8].split()[1] == "784×4"

    assert main(["layers", "--net", "simple"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "simpleNet, W as the book prints it, x = [0.6, 0.9], t = [0, 0, 1]"
    assert lines[4] == "loss 0.928068"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--samples", "101"], "--samples 101 is too many: at most 100"),
        (["--hidden-size", "5000"], "--hidden-size 5000 is too large: at most 4096"),
        (["--seed", "-1"], "--seed -1 is out of range"),
        (["--seed", str(2**32)], "out of range"),
        (["--weights", "1,2,3,4,5,6"], "--weights applies to --net simple only"),
        (["--net", "simple", "--samples", "2"], "--samples applies to --net mnist only"),
        (["--net", "simple", "--model", "m.npz"], "--model applies to --net mnist only"),
        (["--net", "simple", "--hidden-size", "4"], "--hidden-size applies to --net mnist"),
        (["--net", "simple", "--activation", "relu"], "--activation applies to --net mnist"),
        (["--net", "simple", "--weights", "1,2,3,4,5,6", "--seed", "1"], "not both"),
        (["--net", "simple", "--weights", "1,2,3"], "--weights expects 6 finite numbers"),
        (["--net", "simple", "--weights", "a,b,c,d,e,f"], "6 finite numbers"),
        (["--net", "simple", "--weights", "1,2,3,4,5,nan"], "6 finite numbers"),
        (["--net", "simple", "--weights", "1.7e308,0,0,1.7e308,0,0"],
         "too large for a float"),
        (["--model", "m.npz", "--seed", "3"], "--seed cannot be used with --model"),
        (["--model", "m.npz", "--hidden-size", "3"], "--hidden-size cannot be used with"),
    ],
)
def test_invalid_values_exit_1_with_one_line(capsys, args, fragment):
    code = main(["layers", *args])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("desktop-nn layers: error: ")
    assert fragment in lines[0]


def test_bad_model_files_exit_1(capsys, tmp_path):
    missing = tmp_path / "missing.npz"
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip file")
    for path in (missing, garbage):
        code = main(["layers", "--model", str(path)])
        err = capsys.readouterr().err
        assert code == 1 and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1 and path.name in err


@pytest.mark.parametrize(
    "args", [["--net", "cnn"], ["--samples", "0"], ["--activation", "tanh"],
             ["--hidden-size", "x"], ["--seed", "1.5"]]
)
def test_usage_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as info:
        main(["layers", *args])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
