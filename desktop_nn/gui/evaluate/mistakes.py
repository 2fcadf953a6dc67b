"""The misclassified test images as a gallery, and the selected one with its probabilities."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.evaluation import Evaluation
from desktop_nn.gui.common.widgets import DigitView, ProbabilityBars, StatusLabel
from desktop_nn.gui.common.zoom import refit_on_font_change
from desktop_nn.gui.evaluate.texts import (
    GALLERY_LIMIT,
    THUMBNAIL_SCALE,
    mistake_caption,
    text_width,
)
from desktop_nn.image_files import grey_qimage


class MistakesBox(QGroupBox):
    """The gallery: up to :data:`GALLERY_LIMIT` mistakes, the most confident first.

    ``gallery`` holds one item per image, its test index in ``Qt.UserRole``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Misclassified test images"), parent)
        self.gallery = QListWidget()
        self.gallery.setObjectName("misclassifiedGallery")
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setWordWrap(True)
        self.gallery.setUniformItemSizes(True)
        side = 28 * THUMBNAIL_SCALE
        self.gallery.setIconSize(QSize(side, side))
        self.gallery.setSpacing(2)
        self._labels = [str(digit) for digit in range(10)]
        refit_on_font_change(self.gallery, lambda: self.fit_grid(self._labels))  # the zoom
        self.gallery.setToolTip(self.tr(
            "Test images the network got wrong, the most confident mistakes first; select one "
            "to see its probabilities."
        ))
        self.gallery.setAccessibleName(self.tr("Misclassified test images"))
        self.gallery_label = StatusLabel(lines=2)
        self.gallery_label.setObjectName("galleryLabel")
        self.show_all_button = QPushButton(self.tr("Show &all"))
        self.show_all_button.setObjectName("galleryShowAllButton")
        self.show_all_button.setToolTip(
            self.tr("List every kind of mistake again, not one cell's."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.gallery_label)  # the pane's whole width for the text
        layout.addWidget(self.gallery, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.show_all_button)
        layout.addLayout(footer)

    def fit_grid(self, labels: list[str]) -> None:
        """Room for the thumbnail and its caption (two lines for digits, three for names),
        measured in the font that draws it: Chinese and Japanese lines are taller."""
        self._labels = labels
        side = 28 * THUMBNAIL_SCALE
        longest = max(labels, key=text_width)
        caption = mistake_caption(longest, longest, 0.997)
        metrics = self.gallery.fontMetrics()
        # As wide as the caption's longest line at the zoom (within reason), then wrapped.
        width = min(max(side + 54, *(metrics.horizontalAdvance(line)
                                     for line in caption.split("\n"))), 5 * side)
        height = metrics.boundingRect(
            QRect(0, 0, width, 10 * side), int(Qt.TextFlag.TextWordWrap), caption).height()
        self.gallery.setGridSize(QSize(width + 6, side + height + 14))

    def clear(self) -> None:
        self.gallery.clear()
        self.gallery_label.setText("")
        self.show_all_button.setEnabled(False)

    def fill(self, result: Evaluation, indices: np.ndarray, cell: tuple[int, int] | None,
             labels: list[str], x_test: np.ndarray | None) -> None:
        """List the images ``indices`` (N,) of ``result``; ``cell`` is the (true, guess) pair
        they were chosen by, or None for every mistake."""
        self.gallery.clear()
        for index in indices[:GALLERY_LIMIT]:
            self.gallery.addItem(self._item(result, int(index), labels, x_test))
        self.gallery_label.setText(self._describe(len(indices), cell, labels))
        self.show_all_button.setEnabled(cell is not None)

    def _item(self, result: Evaluation, index: int, labels: list[str],
              x_test: np.ndarray | None) -> QListWidgetItem:
        side = 28 * THUMBNAIL_SCALE
        guess, truth = int(result.predictions[index]), int(result.labels[index])
        item = QListWidgetItem(mistake_caption(labels[truth], labels[guess],
                                               result.confidence(index)))
        if x_test is not None and index < len(x_test):
            pixmap = QPixmap.fromImage(grey_qimage(x_test[index].reshape(28, 28))).scaled(
                side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation)
            item.setIcon(QIcon(pixmap))
        # The caption may use the whole cell, not the icon's width.
        item.setSizeHint(self.gallery.gridSize() - QSize(6, 6))
        item.setData(Qt.ItemDataRole.UserRole, index)
        item.setToolTip(self.tr("Test image {index}").format(index=f"{index:,}"))
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return item

    def _describe(self, total: int, cell: tuple[int, int] | None, labels: list[str]) -> str:
        if cell is None:
            text = self.tr("{count} mistakes").format(count=f"{total:,}")
        else:
            text = self.tr("{count} images of {true} taken for {guess}").format(
                count=f"{total:,}", true=labels[cell[0]], guess=labels[cell[1]])
        if total > 1:
            text = self.tr("{list}, the most confident first").format(list=text)
        if total > GALLERY_LIMIT:
            text = self.tr("{list} (the first {limit} shown)").format(list=text,
                                                                     limit=GALLERY_LIMIT)
        return text


class MistakeDetail(QGroupBox):
    """One test image, what the network made of it, and its probability for every class."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Selected mistake"), parent)
        self.digit = DigitView(scale=4)
        # Three lines of text; room for four, as Chinese and Japanese lines are taller.
        self.caption = StatusLabel(lines=4)
        self.caption.setObjectName("mistakeCaption")
        self.bars = ProbabilityBars(row_height=17)  # compact: the table keeps its rows
        self.bars.setObjectName("mistakeProbabilities")
        self.bars.setToolTip(self.tr(
            "The network's probability for each class; the true class's label is bold."
        ))
        layout = QHBoxLayout(self)
        digit_column = QVBoxLayout()
        digit_column.addWidget(self.digit)
        digit_column.addStretch(1)
        layout.addLayout(digit_column)
        text_column = QVBoxLayout()
        text_column.addWidget(self.caption)
        text_column.addWidget(self.bars, 1)
        layout.addLayout(text_column, 1)

    def show_image(self, result: Evaluation, image: np.ndarray, index: int,
                   labels: list[str]) -> None:
        """Show test image ``index`` (its 784 pixels ``image``) as ``result`` scored it."""
        self.digit.set_pixels(image.reshape(28, 28))
        truth, guess = int(result.labels[index]), int(result.predictions[index])
        probabilities = result.probabilities[index].astype(np.float64)
        if truth == guess:
            caption = self.tr("Test image {index}: true {true}, guessed {guess} with "
                              "{guess_percent}% (right).")
        else:
            caption = self.tr("Test image {index}: true {true}, guessed {guess} with "
                              "{guess_percent}% (wrong). The true class had {true_percent}%.")
        self.caption.setText(caption.format(
            index=f"{index:,}", true=labels[truth], guess=labels[guess],
            guess_percent=f"{100 * probabilities[guess]:.1f}",
            true_percent=f"{100 * probabilities[truth]:.1f}"))
        self.bars.set_probabilities(np.nan_to_num(probabilities), truth)

    def clear(self, text: str) -> None:
        self.digit.clear_image()
        self.caption.setText(text)
        self.bars.set_probabilities(None)
