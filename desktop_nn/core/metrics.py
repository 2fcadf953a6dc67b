"""Classification metrics beyond accuracy: the confusion matrix, precision, recall and F1."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def confusion_matrix(t_true: np.ndarray, t_pred: np.ndarray, num_classes: int = 10) -> np.ndarray:
    """Count how often each true class was predicted as each class.

    Parameters
    ----------
    t_true, t_pred : ndarray of int, shape (N,)
        True and predicted class indices in ``0 .. num_classes - 1``.
    num_classes : int, default 10

    Returns
    -------
    ndarray of int64, shape (num_classes, num_classes)
        Row ``i``, column ``j``: the number of samples of true class ``i`` predicted as ``j``.
    """
    t_true = np.asarray(t_true, dtype=np.int64).ravel()
    t_pred = np.asarray(t_pred, dtype=np.int64).ravel()
    if t_true.shape != t_pred.shape:
        raise ValueError(f"{t_true.size} true labels but {t_pred.size} predictions")
    for name, values in (("true labels", t_true), ("predictions", t_pred)):
        if values.size and (values.min() < 0 or values.max() >= num_classes):
            raise ValueError(f"{name} must lie in 0..{num_classes - 1}")
    flat = np.bincount(t_true * num_classes + t_pred, minlength=num_classes * num_classes)
    return flat.reshape(num_classes, num_classes)


@dataclass(frozen=True)
class ClassMetrics:
    """Per-class precision, recall and F1, each an array of shape (num_classes,).

    A class never predicted has precision 0; a class absent from the true labels has recall 0;
    F1 is 0 where precision + recall is 0.
    """

    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray


def _safe_divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    numerator = numerator.astype(np.float64)
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)


def precision_recall_f1(cm: np.ndarray) -> ClassMetrics:
    """Compute per-class metrics from a confusion matrix (rows true, columns predicted).

    Precision of class k: ``cm[k, k] / cm[:, k].sum()`` (of the samples predicted k, how many
    are k). Recall: ``cm[k, k] / cm[k, :].sum()`` (of the samples of class k, how many were
    found). F1: their harmonic mean.
    """
    cm = np.asarray(cm)
    true_positive = np.diag(cm)
    precision = _safe_divide(true_positive, cm.sum(axis=0))
    recall = _safe_divide(true_positive, cm.sum(axis=1))
    f1 = _safe_divide(2 * precision * recall, precision + recall)
    return ClassMetrics(precision=precision, recall=recall, f1=f1, support=cm.sum(axis=1))


def accuracy_from_confusion(cm: np.ndarray) -> float:
    """The fraction of samples on the diagonal."""
    total = int(np.sum(cm))
    return float(np.trace(cm)) / total if total else 0.0
