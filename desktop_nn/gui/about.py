"""The About box's text: what the program is, the book, the data and their licences, versions.

Its sentences keep the translation context of the main window, which shows them.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion

from desktop_nn import __version__

#: The book's title and its editions, the same in every language (names are not translated).
BOOK_TITLE = "<i>Deep Learning from Scratch</i>"
BOOK_EDITIONS = (
    "ゼロから作るDeep Learning, O'Reilly Japan, 2016; "
    "深度学习入门：基于Python的理论与实现, 人民邮电出版社, 2018"
)
MNIST_AUTHORS = "Yann LeCun, Corinna Cortes, Christopher J. C. Burges"
MNIST_LICENCE = "CC BY-SA 3.0"
FASHION_MNIST_AUTHORS = "Han Xiao, Kashif Rasul, Roland Vollgraf (Zalando Research)"


def about_text() -> str:
    """The About box as rich text, in the window's language."""
    # The book's titles, the names of people and the licences stay as they are.
    import numpy as np  # here: the window is shown before pyqtgraph is imported
    import pyqtgraph as pg

    return (
        f"<h3>desktop_nn {__version__}</h3>"
        + QCoreApplication.translate(
            "MainWindow",
            "<p>A lab for chapters 4 and 5 of the book: train the two-layer network "
            "on MNIST and watch it learn, compare numerical and backpropagated "
            "gradients, and step through computation graphs.</p>")
        + QCoreApplication.translate(
            "MainWindow", "<p>Book: Koki Saito, {title} ({editions}), chapters 4 and 5.</p>"
        ).format(title=BOOK_TITLE, editions=BOOK_EDITIONS)
        + QCoreApplication.translate(
            "MainWindow",
            "<p>Data: the MNIST database of handwritten digits by {mnist_authors}, "
            "licensed under {mnist_licence}. Fashion-MNIST (downloaded on request) by "
            "{fashion_authors}, MIT licence.</p>").format(
            mnist_authors=MNIST_AUTHORS, mnist_licence=MNIST_LICENCE,
            fashion_authors=FASHION_MNIST_AUTHORS)
        + f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 "
        f"{pyside_version} · NumPy {np.__version__} · pyqtgraph {pg.__version__}</p>"
    )
