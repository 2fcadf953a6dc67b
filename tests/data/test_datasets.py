"""The datasets' names, titles and classes are defined once, and everyone uses them."""

from __future__ import annotations

from desktop_nn.core.training import CHOICES
from desktop_nn.data import datasets
from desktop_nn.data.datasets import (
    DATASET_TITLES,
    DATASETS,
    FASHION_MNIST_CLASSES,
    NUM_CLASSES,
    class_names,
    dataset_title,
)
from desktop_nn.data.download import REMOTE_FILES


def test_every_dataset_has_a_title_files_and_is_a_training_choice():
    assert set(DATASET_TITLES) == set(DATASETS) == set(REMOTE_FILES)
    assert CHOICES["dataset"] == DATASETS


def test_titles():
    assert dataset_title("fashion-mnist") == "Fashion-MNIST"
    assert dataset_title(None) == "MNIST"
    assert dataset_title("emnist") == "emnist"


def test_class_names():
    assert class_names("mnist") == [str(k) for k in range(NUM_CLASSES)]
    assert class_names("fashion-mnist") == list(FASHION_MNIST_CLASSES)
    assert class_names("fashion-mnist", 3) == ["0", "1", "2"]
    assert class_names(None) == class_names("mnist")
    fashion = class_names("fashion-mnist")
    assert fashion[0] == "T-shirt" and fashion[9] == "Boot"
    assert len(FASHION_MNIST_CLASSES) == NUM_CLASSES


def test_the_marker_leaves_the_names_as_they_are():
    assert datasets.QT_TRANSLATE_NOOP("ClassNames", "Bag") == "Bag"
