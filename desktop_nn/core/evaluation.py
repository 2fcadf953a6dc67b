"""How well a trained network does on a labelled set: accuracy, confusion matrix, per-class
precision/recall/F1, and which images it got wrong (most confident mistakes first).

The book stops at accuracy and names precision and recall as the next step; this module goes
that step with NumPy alone, so the window, the command line and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from desktop_nn.core.functions import softmax
from desktop_nn.core.metrics import ClassMetrics, confusion_matrix, precision_recall_f1
from desktop_nn.core.network import TwoLayerNet

__all__ = ["Evaluation", "evaluate_model"]


@dataclass(frozen=True)
class Evaluation:
    """The outcome of :func:`evaluate_model` on N samples of C classes.

    Attributes
    ----------
    accuracy : float
        Fraction of samples whose highest score is the true class (``network.accuracy``).
    confusion : ndarray of int64, shape (C, C)
        Row ``i``, column ``j``: samples of true class ``i`` predicted as ``j``.
    metrics : ClassMetrics
        Per-class ``precision``, ``recall``, ``f1`` and ``support``, each of shape (C,).
    labels : ndarray of int64, shape (N,)
        The true classes.
    predictions : ndarray of int64, shape (N,)
        The predicted classes (argmax of the scores).
    probabilities : ndarray of float32, shape (N, C)
        Softmax of the scores: the network's confidence in each class.
    misclassified : ndarray of int64, shape (M,)
        Indices of the wrongly predicted samples, the most confident mistake first (ties in
        index order).
    """

    accuracy: float
    confusion: np.ndarray
    metrics: ClassMetrics
    labels: np.ndarray = field(repr=False)
    predictions: np.ndarray = field(repr=False)
    probabilities: np.ndarray = field(repr=False)
    misclassified: np.ndarray = field(repr=False)

    @property
    def num_samples(self) -> int:
        return int(self.labels.shape[0])

    @property
    def num_correct(self) -> int:
        return int(np.trace(self.confusion))

    @property
    def precision(self) -> np.ndarray:
        return self.metrics.precision

    @property
    def recall(self) -> np.ndarray:
        return self.metrics.recall

    @property
    def f1(self) -> np.ndarray:
        return self.metrics.f1

    def confidence(self, index: int) -> float:
        """The probability the network gave its own guess for sample ``index``."""
        return float(self.probabilities[index, self.predictions[index]])

    def mistakes_between(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Indices of the misclassified samples of one (true, predicted) pair, same order."""
        chosen = self.misclassified
        mask = (self.labels[chosen] == true_class) & (self.predictions[chosen] == predicted_class)
        return chosen[mask]


def evaluate_model(
    network: TwoLayerNet, x: np.ndarray, t: np.ndarray, num_classes: int = 10
) -> Evaluation:
    """Score ``network`` on images ``x`` with labels ``t``.

    Parameters
    ----------
    network : TwoLayerNet
        Must map ``x.shape[1]`` inputs to ``num_classes`` scores.
    x : ndarray, shape (N, input_size)
    t : ndarray, shape (N,) class indices or (N, num_classes) one-hot rows
    num_classes : int, default 10

    Returns
    -------
    Evaluation

    Raises
    ------
    ValueError
        If the shapes of the network, the images and the labels do not fit together, or a
        label lies outside ``0 .. num_classes - 1``.
    """
    x = np.asarray(x)
    t = np.asarray(t)
    if t.ndim == 2:
        t = np.argmax(t, axis=1)
    if x.ndim != 2 or t.ndim != 1 or x.shape[0] != t.shape[0]:
        raise ValueError(
            f"images of shape {x.shape} and labels of shape {t.shape} do not fit: "
            "expected (N, inputs) and (N,)"
        )
    if x.shape[1] != network.input_size or network.output_size != num_classes:
        raise ValueError(
            f"the network maps {network.input_size} inputs to {network.output_size} classes; "
            f"the data has {x.shape[1]} inputs and {num_classes} classes"
        )
    labels = t.astype(np.int64)

    count = x.shape[0]
    # Scored as network.accuracy scores, so the two agree to the last image.
    with np.errstate(all="ignore"):  # a diverged network gives nan scores, not warnings
        scores = network.predict_in_blocks(x)
        predictions = np.argmax(scores, axis=1).astype(np.int64)
        probabilities = softmax(scores.astype(np.float64)).astype(np.float32)

    cm = confusion_matrix(labels, predictions, num_classes)
    wrong = np.flatnonzero(predictions != labels)
    wrong_confidence = probabilities[wrong, predictions[wrong]]
    # Most confident first; nan (a broken network) sorts last; stable, so ties keep index order.
    order = np.argsort(-np.nan_to_num(wrong_confidence, nan=-1.0), kind="stable")
    return Evaluation(
        accuracy=int(np.count_nonzero(predictions == labels)) / float(count) if count else 0.0,
        confusion=cm,
        metrics=precision_recall_f1(cm),
        labels=labels,
        predictions=predictions,
        probabilities=probabilities,
        misclassified=wrong[order],
    )
