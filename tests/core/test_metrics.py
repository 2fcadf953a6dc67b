"""Confusion matrix, precision/recall/F1: a small example worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_nn.core.metrics import (
    accuracy_from_confusion,
    confusion_matrix,
    precision_recall_f1,
)
from desktop_nn.core.network import TwoLayerNet

# Nine samples of three classes.
T_TRUE = np.array([0, 0, 0, 0, 1, 1, 2, 2, 2])
T_PRED = np.array([0, 0, 1, 2, 1, 0, 2, 2, 2])
# Row = true class, column = predicted class, counted by hand:
#   true 0 -> predicted 0, 0, 1, 2;  true 1 -> 1, 0;  true 2 -> 2, 2, 2.
HAND_CM = np.array([[2, 1, 1], [1, 1, 0], [0, 0, 3]])
# Precision = diagonal / column sums (3, 2, 4); recall = diagonal / row sums (4, 2, 3).
HAND_PRECISION = [2 / 3, 1 / 2, 3 / 4]
HAND_RECALL = [2 / 4, 1 / 2, 3 / 3]
# F1 = 2PR / (P + R): class 0: (2/3)/(7/6) = 4/7; class 1: 1/2; class 2: 1.5/1.75 = 6/7.
HAND_F1 = [4 / 7, 1 / 2, 6 / 7]


def test_confusion_matrix_by_hand():
    cm = confusion_matrix(T_TRUE, T_PRED, num_classes=3)
    np.testing.assert_array_equal(cm, HAND_CM)
    assert cm.dtype == np.int64


def test_precision_recall_f1_by_hand():
    metrics = precision_recall_f1(HAND_CM)
    np.testing.assert_allclose(metrics.precision, HAND_PRECISION, rtol=1e-15)
    np.testing.assert_allclose(metrics.recall, HAND_RECALL, rtol=1e-15)
    np.testing.assert_allclose(metrics.f1, HAND_F1, rtol=1e-15)
    np.testing.assert_array_equal(metrics.support, [4, 2, 3])


def test_accuracy_from_confusion_by_hand():
    assert accuracy_from_confusion(HAND_CM) == pytest.approx(6 / 9)
    assert accuracy_from_confusion(np.zeros((3, 3), dtype=int)) == 0.0


def test_default_ten_classes():
    cm = confusion_matrix([9, 9, 0], [9, 1, 0])
    assert cm.shape == (10, 10)
    assert cm[9, 9] == 1 and cm[9, 1] == 1 and cm[0, 0] == 1 and cm.sum() == 3


def test_class_never_predicted_and_class_absent():
    # Class 1 occurs but is never predicted; class 2 neither occurs nor is predicted.
    cm = confusion_matrix([0, 1, 0, 1], [0, 0, 0, 0], num_classes=3)
    np.testing.assert_array_equal(cm, [[2, 0, 0], [2, 0, 0], [0, 0, 0]])
    metrics = precision_recall_f1(cm)  # no division warnings (they would be errors here)
    np.testing.assert_allclose(metrics.precision, [0.5, 0.0, 0.0])
    np.testing.assert_allclose(metrics.recall, [1.0, 0.0, 0.0])
    np.testing.assert_allclose(metrics.f1, [2 / 3, 0.0, 0.0])
    assert np.all(np.isfinite(metrics.f1))


def test_predicted_but_never_true():
    cm = confusion_matrix([0, 0], [1, 0], num_classes=2)
    metrics = precision_recall_f1(cm)
    np.testing.assert_allclose(metrics.precision, [1.0, 0.0])
    np.testing.assert_allclose(metrics.recall, [0.5, 0.0])


def test_confusion_matrix_against_a_loop():
    rng = np.random.default_rng(0)
    t_true, t_pred = rng.integers(0, 10, 1000), rng.integers(0, 10, 1000)
    expected = np.zeros((10, 10), dtype=int)
    for a, b in zip(t_true, t_pred, strict=True):
        expected[a, b] += 1
    np.testing.assert_array_equal(confusion_matrix(t_true, t_pred), expected)


def test_accuracy_from_confusion_equals_network_accuracy(mnist_small):
    _, (x_test, t_test) = mnist_small
    net = TwoLayerNet(784, 10, 10, seed=0, weight_init_std=0.1)
    predicted = net.predict(x_test).argmax(axis=1)
    cm = confusion_matrix(t_test, predicted)
    assert cm.sum() == len(t_test)
    assert accuracy_from_confusion(cm) == pytest.approx(net.accuracy(x_test, t_test))


@pytest.mark.parametrize(
    ("t_true", "t_pred", "match"),
    [
        ([0, 1, 2], [0, 1], "3 true labels but 2 predictions"),
        ([0, 1, 3], [0, 1, 2], "true labels must lie in 0..2"),
        ([0, 1, 2], [0, -1, 2], "predictions must lie in 0..2"),
    ],
)
def test_invalid_labels(t_true, t_pred, match):
    with pytest.raises(ValueError, match=match):
        confusion_matrix(t_true, t_pred, num_classes=3)


def test_empty_labels():
    cm = confusion_matrix([], [], num_classes=3)
    np.testing.assert_array_equal(cm, np.zeros((3, 3)))
    assert accuracy_from_confusion(cm) == 0.0
