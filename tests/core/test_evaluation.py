"""evaluate_model: hand-checked small cases and a briefly trained network on real MNIST."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.evaluation import evaluate_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig, Trainer


def oracle_network(num_classes: int) -> TwoLayerNet:
    """A network whose scores equal its input: identity weights, zero biases, ReLU."""
    net = TwoLayerNet(num_classes, num_classes, num_classes, seed=0)
    net.set_params({
        "W1": np.eye(num_classes), "b1": np.zeros(num_classes),
        "W2": np.eye(num_classes), "b2": np.zeros(num_classes),
    })
    return net


def test_a_tiny_network_checked_by_hand():
    # Hidden = relu(x), scores = hidden @ W2 + b2 with W2 = [[1,0,0],[0,1,0]], b2 = [0,0,0.5].
    net = TwoLayerNet(2, 2, 3, seed=0)
    net.set_params({
        "W1": np.eye(2), "b1": np.zeros(2),
        "W2": np.array([[1.0, 0, 0], [0, 1, 0]]), "b2": np.array([0, 0, 0.5]),
    })
    x = np.array([[2.0, 0.0],   # scores (2, 0, 0.5) -> 0
                  [0.0, 2.0],   # (0, 2, 0.5)        -> 1
                  [0.0, 0.0],   # (0, 0, 0.5)        -> 2
                  [0.3, 0.0]])  # (0.3, 0, 0.5)      -> 2
    t = np.array([0, 0, 2, 0])
    result = evaluate_model(net, x, t, num_classes=3)

    assert result.predictions.tolist() == [0, 1, 2, 2]
    assert result.accuracy == 0.5
    assert result.confusion.tolist() == [[1, 1, 1], [0, 0, 0], [0, 0, 1]]
    # softmax(2, 0, 0.5): e^2 = 7.389056, e^0 = 1, e^0.5 = 1.648721; sum 10.037777.
    assert result.probabilities.dtype == np.float32
    assert result.probabilities.shape == (4, 3)
    np.testing.assert_allclose(result.probabilities[0], [0.736125, 0.099624, 0.164251],
                               atol=1e-6)
    # The wrong ones: sample 1 guessed 1 with softmax(0, 2, 0.5)[1] = 0.736125, sample 3 guessed
    # 2 with softmax(0.3, 0, 0.5)[2] = e^0.5 / (e^0.3 + 1 + e^0.5) = 1.648721 / 3.998580.
    assert result.misclassified.tolist() == [1, 3]
    assert result.confidence(3) == pytest.approx(0.412327, abs=1e-6)
    assert result.num_correct == 2 and result.num_samples == 4
    # Class 1 is never the truth: recall 0; it is predicted once, wrongly: precision 0.
    assert result.recall.tolist() == pytest.approx([1 / 3, 0.0, 1.0])
    assert result.precision.tolist() == pytest.approx([1.0, 0.0, 0.5])


def test_precision_recall_f1_against_a_confusion_matrix_worked_by_hand():
    t_true = np.array([0, 0, 0, 0, 1, 1, 2, 2, 2, 2])
    t_pred = np.array([0, 0, 0, 1, 1, 0, 2, 2, 1, 2])
    # Worked out on paper:
    #             predicted 0  1  2     row sums (support)
    # true 0               3  1  0     4
    # true 1               1  1  0     2
    # true 2               0  1  3     4
    # column sums          4  3  3
    # precision = diagonal / column sums = 3/4, 1/3, 3/3
    # recall    = diagonal / row sums    = 3/4, 1/2, 3/4
    # F1 = 2pr / (p + r): 0.75; 2(1/3)(1/2) / (5/6) = 0.4; 2(0.75) / 1.75 = 6/7
    x = 5.0 * np.eye(3)[t_pred]  # the oracle network's scores are its inputs
    result = evaluate_model(oracle_network(3), x, t_true, num_classes=3)

    assert result.confusion.tolist() == [[3, 1, 0], [1, 1, 0], [0, 1, 3]]
    np.testing.assert_allclose(result.precision, [0.75, 1 / 3, 1.0])
    np.testing.assert_allclose(result.recall, [0.75, 0.5, 0.75])
    np.testing.assert_allclose(result.f1, [0.75, 0.4, 6 / 7])
    assert result.metrics.support.tolist() == [4, 2, 4]
    assert result.accuracy == 0.7
    assert sorted(result.misclassified.tolist()) == [3, 5, 8]
    assert result.mistakes_between(0, 1).tolist() == [3]
    assert result.mistakes_between(2, 0).tolist() == []


def test_one_hot_labels_give_the_same_result():
    t = np.array([0, 1, 2, 1])
    x = 5.0 * np.eye(3)[[0, 2, 2, 1]]
    by_index = evaluate_model(oracle_network(3), x, t, num_classes=3)
    by_one_hot = evaluate_model(oracle_network(3), x, np.eye(3)[t], num_classes=3)
    assert by_index.confusion.tolist() == by_one_hot.confusion.tolist()
    assert by_index.accuracy == by_one_hot.accuracy == 0.75


@pytest.mark.parametrize(
    ("x_shape", "t_shape", "classes"),
    [((4, 5), (4,), 3), ((4, 3), (5,), 3), ((4, 3), (4,), 10), ((12,), (4,), 3)],
)
def test_shapes_that_do_not_fit_are_refused(x_shape, t_shape, classes):
    with pytest.raises(ValueError, match=r"do not fit|the network maps"):
        evaluate_model(oracle_network(3), np.zeros(x_shape), np.zeros(t_shape, dtype=int),
                       num_classes=classes)


def test_labels_out_of_range_are_refused():
    with pytest.raises(ValueError, match=r"true labels must lie in 0\.\.2"):
        evaluate_model(oracle_network(3), np.eye(3), np.array([0, 1, 3]), num_classes=3)


@pytest.fixture(scope="module")
def trained(mnist_small):
    """A network trained for 300 iterations on 2,000 MNIST images (about 85% on the test set)."""
    trainer = Trainer(TrainConfig(iters=300, seed=1), mnist_small)
    for _event in trainer.run():
        pass
    return trainer.network


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_on_real_mnist_it_agrees_with_the_network(trained, mnist, dtype):
    network = trained
    if dtype == "float64":  # the other code path: the images are converted block by block
        network = TwoLayerNet(784, trained.hidden_size, 10, seed=0, dtype=np.float64)
        network.set_params(trained.params)
    _, (x_test, t_test) = mnist
    result = evaluate_model(network, x_test, t_test)

    assert result.accuracy == network.accuracy(x_test, t_test)
    assert 0.7 < result.accuracy < 1.0
    assert result.confusion.shape == (10, 10)
    assert result.confusion.dtype == np.int64
    assert result.confusion.sum(axis=1).tolist() == np.bincount(t_test, minlength=10).tolist()
    assert result.confusion.sum(axis=0).tolist() == np.bincount(result.predictions,
                                                                minlength=10).tolist()
    assert result.num_correct == round(result.accuracy * len(t_test))

    assert result.predictions.shape == (10_000,)
    np.testing.assert_array_equal(result.predictions, np.argmax(network.predict(x_test), axis=1))
    assert result.probabilities.shape == (10_000, 10)
    assert result.probabilities.dtype == np.float32
    np.testing.assert_allclose(result.probabilities.sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(np.argmax(result.probabilities, axis=1), result.predictions)

    wrong = result.misclassified
    assert len(wrong) == 10_000 - result.num_correct
    assert np.all(result.predictions[wrong] != t_test[wrong])
    confidence = result.probabilities[wrong, result.predictions[wrong]]
    assert np.all(np.diff(confidence) <= 0), "most confident mistakes must come first"
    assert 0.1 < confidence[-1] <= confidence[0] <= 1.0

    cm = result.confusion
    np.testing.assert_allclose(result.recall, np.diag(cm) / cm.sum(axis=1))
    np.testing.assert_allclose(result.precision, np.diag(cm) / cm.sum(axis=0))
