"""The classes' names as the window shows them: digits as they are, clothing translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_nn.data.datasets import (
    CLASS_NAMES_CONTEXT,
    FASHION_MNIST_CLASSES,
    NUM_CLASSES,
    class_names,
)


def display_class_names(dataset: str | None, num_classes: int = NUM_CLASSES) -> list[str]:
    """The names of ``dataset``'s classes in the window's language."""
    return [QCoreApplication.translate(CLASS_NAMES_CONTEXT, name)
            if name in FASHION_MNIST_CLASSES else name
            for name in class_names(dataset, num_classes)]
