"""The datasets the program knows, defined once: their names, titles and classes.

The window and the command line take the list of datasets, the title to show and the names of
the classes from here; the names themselves are the choices a training configuration accepts
(:data:`desktop_nn.core.dataset_names.DATASETS`), which the core defines without knowing this
package. Fashion-MNIST's class names are marked for Qt's translation tools
(context ``ClassNames``): the window shows them in its language, the command line in English.
"""

from __future__ import annotations

from desktop_nn.core.dataset_names import DATASETS
from desktop_nn.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "CLASS_NAMES_CONTEXT", "DATASETS", "DATASET_TITLES", "FASHION_MNIST_CLASSES", "NUM_CLASSES",
    "class_names", "dataset_title",
]

#: How each dataset is called on screen and in messages (names: never translated).
DATASET_TITLES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
#: Both datasets have ten classes, labelled 0 to 9.
NUM_CLASSES = 10
#: Short names of the Fashion-MNIST classes, label 0 first.
FASHION_MNIST_CLASSES = (
    QT_TRANSLATE_NOOP("ClassNames", "T-shirt"),
    QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
    QT_TRANSLATE_NOOP("ClassNames", "Pullover"),
    QT_TRANSLATE_NOOP("ClassNames", "Dress"),
    QT_TRANSLATE_NOOP("ClassNames", "Coat"),
    QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
    QT_TRANSLATE_NOOP("ClassNames", "Shirt"),
    QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
    QT_TRANSLATE_NOOP("ClassNames", "Bag"),
    QT_TRANSLATE_NOOP("ClassNames", "Boot"),
)
#: The translation context of :data:`FASHION_MNIST_CLASSES`.
CLASS_NAMES_CONTEXT = "ClassNames"


def dataset_title(dataset: str | None) -> str:
    """'MNIST', 'Fashion-MNIST'; an unknown name as it is (None: MNIST, the default)."""
    name = dataset or "mnist"
    return DATASET_TITLES.get(name, name)


def class_names(dataset: str | None, num_classes: int = NUM_CLASSES) -> list[str]:
    """Names to show for the classes: clothing names for Fashion-MNIST, else the digits."""
    if dataset == "fashion-mnist" and num_classes == len(FASHION_MNIST_CLASSES):
        return list(FASHION_MNIST_CLASSES)
    return [str(k) for k in range(num_classes)]


def dataset_available(dataset: str) -> bool:
    """True if ``dataset``'s four files are on this computer (bundled or downloaded)."""
    from desktop_nn.data.mnist import DataError, dataset_dir  # NumPy: only when asked

    try:
        dataset_dir(dataset)
    except DataError:
        return False
    return True
