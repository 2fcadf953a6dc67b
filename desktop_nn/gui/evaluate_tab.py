"""The Evaluate tab: the current model on the test set, beyond accuracy.

Shows the accuracy, the confusion matrix as a heat map, per-class precision/recall/F1 in a
sortable table, and a gallery of the misclassified test images (most confident mistakes first);
selecting one shows its probabilities. Scoring 10,000 images takes a few tens of milliseconds,
so it runs on the GUI thread, where the training thread's weight snapshots are also applied:
an evaluation always sees one consistent set of weights, and keeps its own copies of the
predictions and probabilities.

The tab evaluates ``state.network``. Its "Load model…" button goes through the window's own
loading path when one is given (so a loaded model becomes the current model everywhere, exactly
as File → Load model does) and evaluates it at once.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.evaluation import Evaluation, evaluate_model
from desktop_nn.core.model_io import ModelFileError, check_compatible, load_model
from desktop_nn.data.datasets import NUM_CLASSES, dataset_title
from desktop_nn.gui.common.class_names import display_class_names
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.widgets import DigitView, ProbabilityBars, StatusLabel
from desktop_nn.gui.confusion_view import ConfusionMatrixView
from desktop_nn.image_files import grey_qimage

#: The gallery shows at most this many mistakes (the most confident ones).
GALLERY_LIMIT = 200
THUMBNAIL_SCALE = 2
NO_MODEL_HINT = QT_TRANSLATE_NOOP("EvaluateTab",
                                  "Train a network or load one (File → Load model).")
METRIC_COLUMNS = (
    QT_TRANSLATE_NOOP("EvaluateTab", "Class"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Precision"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Recall"),
    QT_TRANSLATE_NOOP("EvaluateTab", "F1"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Support"),
)
ModelLoader = Callable[[str | os.PathLike], bool]


def no_model_hint() -> str:
    """:data:`NO_MODEL_HINT` in the current language."""
    return QCoreApplication.translate("EvaluateTab", NO_MODEL_HINT)


def text_width(text: str) -> int:
    """Width of ``text`` in character cells: Chinese and Japanese characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_percent(probability: float) -> str:
    """'87%', but '99.7%' rather than a rounded '100%' for a guess that was not certain."""
    percent = 100 * probability
    if 99.5 <= percent < 100:
        return f"{percent:.1f}%"
    return f"{percent:.0f}%"


def mistake_caption(truth: str, guess: str, confidence: float) -> str:
    """'true 4 → guess 9 (87%)', broken into lines so that nothing is cut off."""
    percent = format_percent(confidence)
    if max(text_width(truth), text_width(guess)) <= 2:
        return QCoreApplication.translate(
            "EvaluateTab", "true {true} → guess {guess}\n({confidence})").format(
            true=truth, guess=guess, confidence=percent)
    return QCoreApplication.translate(
        "EvaluateTab", "true {true}\n→ guess {guess}\n({confidence})").format(
        true=truth, guess=guess, confidence=percent)


class NumericItem(QTableWidgetItem):
    """A table cell shown as text but sorted by its number."""

    def __init__(self, value: float, text: str) -> None:
        super().__init__(text)
        self.value = float(value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, NumericItem):
            return self.value < other.value
        return super().__lt__(other)


class EvaluateTab(QWidget):
    """Evaluate the current model on the test set.

    Parameters
    ----------
    state : AppState
    load_model : callable, optional
        ``load_model(path) -> bool`` makes the file's network the current model and reports its
        own errors (the window passes ``MainWindow.load_model_from``). Without it the tab loads
        the file itself and calls ``state.set_model``.

    Signals
    -------
    evaluated()
        A new evaluation is shown.
    """

    evaluated = Signal()

    def __init__(self, state: AppState, load_model: ModelLoader | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluateTab")
        self.state = state
        self._load_model = load_model or self._load_model_here
        self.evaluation: Evaluation | None = None
        self.stale = False
        self.filter: tuple[int, int] | None = None
        self.shown_index: int | None = None
        self.labels = display_class_names(None)
        self._build_controls()
        self._build_layout()
        self._connect()
        self._show_nothing()
        self._update_buttons()

    # -- construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.run_button = QPushButton(self.tr("E&valuate on the test set"))
        self.run_button.setObjectName("evaluateRunButton")
        self.run_button.setToolTip(self.tr(
            "Score the current model on all test images: accuracy, confusion matrix, "
            "per-class metrics and the mistakes."
        ))
        self.load_button = QPushButton(self.tr("Load &model…"))
        self.load_button.setObjectName("evaluateLoadButton")
        self.load_button.setToolTip(self.tr(
            "Open a saved model (.npz); it becomes the current model and is evaluated at once."
        ))
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("evaluateAccuracyLabel")
        font = self.accuracy_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.accuracy_label.setToolTip(
            self.tr("Share of the test images whose top guess is right."))
        self.info_label = StatusLabel()
        self.info_label.setObjectName("evaluateInfo")

        self.confusion_view = ConfusionMatrixView()

        self.metrics_table = QTableWidget(0, len(METRIC_COLUMNS))
        self.metrics_table.setObjectName("classMetricsTable")
        self.metrics_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("EvaluateTab", column) for column in METRIC_COLUMNS])
        self.metrics_table.setAccessibleName(self.tr("Per-class precision, recall and F1"))
        self.metrics_table.verticalHeader().setVisible(False)
        # Rows sized to the text; the table takes the room that is left (all ten classes in a
        # window of ordinary size) but can shrink to four rows on a small screen.
        self.metrics_table.verticalHeader().setDefaultSectionSize(
            self.metrics_table.fontMetrics().height() + 10)
        self.metrics_table.setMinimumHeight(
            self.metrics_table.horizontalHeader().sizeHint().height()
            + 4 * self.metrics_table.verticalHeader().defaultSectionSize()
            + 2 * self.metrics_table.frameWidth() + 2)
        self.metrics_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.metrics_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Each figure's column as wide as its header (with the sort arrow) or its numbers; the
        # class column takes what is left.
        self.metrics_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.metrics_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.metrics_table.horizontalHeader().setStretchLastSection(False)
        self._fit_metrics_columns()
        self.metrics_table.setToolTip(self.tr(
            "Precision: of the images guessed as this class, the share that are. Recall: of "
            "this class's images, the share found. F1: their harmonic mean. Click a header "
            "to sort."
        ))

        self.gallery = QListWidget()
        self.gallery.setObjectName("misclassifiedGallery")
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setWordWrap(True)
        self.gallery.setUniformItemSizes(True)
        side = 28 * THUMBNAIL_SCALE
        self.gallery.setIconSize(QSize(side, side))
        self._set_gallery_grid()
        self.gallery.setSpacing(2)
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

        self.detail_digit = DigitView(scale=4)
        # Three lines of text; room for four, as Chinese and Japanese lines are taller.
        self.detail_caption = StatusLabel(lines=4)
        self.detail_caption.setObjectName("mistakeCaption")
        self.detail_bars = ProbabilityBars(row_height=17)  # compact: the table keeps its rows
        self.detail_bars.setObjectName("mistakeProbabilities")
        self.detail_bars.setToolTip(self.tr(
            "The network's probability for each class; the true class's label is bold."
        ))

    def _fit_metrics_columns(self) -> None:
        """Make the table wide enough for every column's header with the sort arrow and for
        its cells, in any language, so that no header is ever cut."""
        table = self.metrics_table
        header = table.horizontalHeader()
        header.setSortIndicatorShown(True)  # any column can be sorted: room for the arrow
        needed = sum(max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
                     for column in range(table.columnCount()))
        table.setMinimumWidth(needed + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width())

    def _set_gallery_grid(self) -> None:
        """Room for the thumbnail and its caption (two lines for digits, three for names),
        measured in the font that draws it: Chinese and Japanese lines are taller."""
        side = 28 * THUMBNAIL_SCALE
        longest = max(self.labels, key=text_width)
        caption = mistake_caption(longest, longest, 0.997)
        height = self.gallery.fontMetrics().boundingRect(
            QRect(0, 0, side + 54, 10 * side), int(Qt.TextFlag.TextWordWrap), caption).height()
        self.gallery.setGridSize(QSize(side + 60, side + height + 14))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.load_button)
        top.addSpacing(16)
        top.addWidget(self.accuracy_label, 1)

        confusion_box = QGroupBox(self.tr("Confusion matrix"))
        confusion_layout = QVBoxLayout(confusion_box)
        confusion_layout.addWidget(self.confusion_view, 1)

        metrics_box = QGroupBox(self.tr("Per class"))
        metrics_layout = QVBoxLayout(metrics_box)
        metrics_layout.addWidget(self.metrics_table)

        detail_box = QGroupBox(self.tr("Selected mistake"))
        detail_layout = QHBoxLayout(detail_box)
        digit_column = QVBoxLayout()
        digit_column.addWidget(self.detail_digit)
        digit_column.addStretch(1)
        detail_layout.addLayout(digit_column)
        text_column = QVBoxLayout()
        text_column.addWidget(self.detail_caption)
        text_column.addWidget(self.detail_bars, 1)
        detail_layout.addLayout(text_column, 1)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(metrics_box, 1)
        middle_layout.addWidget(detail_box)

        gallery_box = QGroupBox(self.tr("Misclassified test images"))
        gallery_layout = QVBoxLayout(gallery_box)
        gallery_layout.addWidget(self.gallery_label)  # the pane's whole width for the text
        gallery_layout.addWidget(self.gallery, 1)
        gallery_footer = QHBoxLayout()
        gallery_footer.addStretch(1)
        gallery_footer.addWidget(self.show_all_button)
        gallery_layout.addLayout(gallery_footer)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(confusion_box)
        splitter.addWidget(middle)
        splitter.addWidget(gallery_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([580, 360, 420])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.run_button.clicked.connect(self.evaluate)
        self.load_button.clicked.connect(self.choose_model_file)
        self.show_all_button.clicked.connect(self.show_all_mistakes)
        self.confusion_view.cell_clicked.connect(self._on_cell_clicked)
        self.gallery.currentItemChanged.connect(self._on_current_item)
        self.state.model_changed.connect(self._on_model_changed)
        self.state.params_updated.connect(self._on_params_updated)
        self.state.data_changed.connect(self._on_data_changed)

    # -- evaluation ----------------------------------------------------------------------------
    @Slot()
    def evaluate(self) -> Evaluation | None:
        """Score ``state.network`` on the test set and show the result (None if impossible)."""
        network, data = self.state.network, self.state.data
        if network is None:
            self.info_label.setText(no_model_hint())
            return None
        if data is None:
            self.info_label.setText(self.tr("Waiting for the test images to load…"))
            return None
        x_test, t_test = data[1]
        try:
            check_compatible(network, input_size=x_test.shape[1], output_size=NUM_CLASSES)
            result = evaluate_model(network, x_test, t_test, NUM_CLASSES)
        except ValueError as exc:
            self._show_message(self.tr("Cannot evaluate this model"),
                               self.tr("This model does not fit the test images:") + "\n"
                               + str(exc))
            return None
        self.show_evaluation(result)
        return result

    def show_evaluation(self, result: Evaluation) -> None:
        """Fill the accuracy, the heat map, the table and the gallery from ``result``."""
        self.evaluation = result
        self.stale = False
        self.labels = display_class_names(self.state.dataset_name, NUM_CLASSES)
        self.detail_bars.labels = self.labels
        self._set_gallery_grid()
        mistakes = result.num_samples - result.num_correct
        self.accuracy_label.setText(self.tr(
            "Test accuracy {accuracy}%  ({right} of {total} right, {wrong} wrong)"
        ).format(accuracy=f"{100 * result.accuracy:.2f}", right=f"{result.num_correct:,}",
                 total=f"{result.num_samples:,}", wrong=f"{mistakes:,}"))
        self.info_label.setText(self._describe_model())
        self.confusion_view.set_matrix(result.confusion, self.labels)
        self._fill_metrics(result)
        self.filter = None
        self._fill_gallery()
        self._update_buttons()
        self.evaluated.emit()

    def _describe_model(self) -> str:
        network, config = self.state.network, self.state.config
        dataset = self.state.dataset_name or "mnist"
        parts = [self.tr("TwoLayerNet(784, {hidden}, 10), {activation}, on the {dataset} test set")
                 .format(hidden=network.hidden_size, activation=network.activation,
                         dataset=dataset_title(dataset))]
        if config is not None and config.seed is not None:
            parts.append(self.tr("seed {seed}").format(seed=config.seed))
        if self.state.is_training:
            parts.append(self.tr("weights as they were at this moment of the running training"))
        if config is not None and config.dataset != dataset:
            parts.append(self.tr("note: this model was trained on {dataset}").format(
                dataset=dataset_title(config.dataset)))
        return " · ".join(parts)

    def _fill_metrics(self, result: Evaluation) -> None:
        table = self.metrics_table
        table.setSortingEnabled(False)
        table.setRowCount(NUM_CLASSES)
        metrics = result.metrics
        for k in range(NUM_CLASSES):
            row = [
                NumericItem(k, self.labels[k]),
                NumericItem(metrics.precision[k], f"{metrics.precision[k]:.3f}"),
                NumericItem(metrics.recall[k], f"{metrics.recall[k]:.3f}"),
                NumericItem(metrics.f1[k], f"{metrics.f1[k]:.3f}"),
                NumericItem(metrics.support[k], f"{int(metrics.support[k]):,}"),
            ]
            row[0].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate(row):
                table.setItem(k, column, item)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    # -- gallery -------------------------------------------------------------------------------
    def _gallery_indices(self) -> np.ndarray:
        result = self.evaluation
        if result is None:
            return np.empty(0, dtype=np.int64)
        if self.filter is None:
            return result.misclassified
        return result.mistakes_between(*self.filter)

    def _fill_gallery(self) -> None:
        self.gallery.clear()
        result = self.evaluation
        indices = self._gallery_indices()
        shown = indices[:GALLERY_LIMIT]
        x_test = self.state.data[1][0] if self.state.data is not None else None
        side = 28 * THUMBNAIL_SCALE
        cell = self.gallery.gridSize() - QSize(6, 6)
        for index in shown:
            index = int(index)
            guess, truth = int(result.predictions[index]), int(result.labels[index])
            item = QListWidgetItem(mistake_caption(
                self.labels[truth], self.labels[guess], result.confidence(index)))
            if x_test is not None and index < len(x_test):
                pixmap = QPixmap.fromImage(grey_qimage(x_test[index].reshape(28, 28))).scaled(
                    side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.FastTransformation)
                item.setIcon(QIcon(pixmap))
            item.setSizeHint(cell)  # the caption may use the whole cell, not the icon's width
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(self.tr("Test image {index}").format(index=f"{index:,}"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.gallery.addItem(item)
        total = len(indices)
        if self.filter is None:
            text = self.tr("{count} mistakes").format(count=f"{total:,}")
        else:
            text = self.tr("{count} images of {true} taken for {guess}").format(
                count=f"{total:,}", true=self.labels[self.filter[0]],
                guess=self.labels[self.filter[1]])
        if total > 1:
            text = self.tr("{list}, the most confident first").format(list=text)
        if total > GALLERY_LIMIT:
            text = self.tr("{list} (the first {limit} shown)").format(list=text,
                                                                     limit=GALLERY_LIMIT)
        self.gallery_label.setText(text)
        self.show_all_button.setEnabled(self.filter is not None)
        self.confusion_view.select(self.filter)
        if self.gallery.count():
            self.gallery.setCurrentRow(0)
        else:
            self._clear_detail(self.tr("No mistakes to show.") if result is not None else "")

    @Slot(int, int)
    def _on_cell_clicked(self, true_class: int, predicted_class: int) -> None:
        if self.evaluation is None:
            return
        self.filter = None if true_class == predicted_class else (true_class, predicted_class)
        self._fill_gallery()

    @Slot()
    def show_all_mistakes(self) -> None:
        self.filter = None
        self._fill_gallery()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_item(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        self.show_sample(int(current.data(Qt.ItemDataRole.UserRole)))

    def show_sample(self, index: int) -> None:
        """Show test image ``index`` with the evaluation's probabilities for it."""
        result = self.evaluation
        if result is None or self.state.data is None:
            return
        self.detail_digit.set_pixels(self.state.data[1][0][index].reshape(28, 28))
        truth, guess = int(result.labels[index]), int(result.predictions[index])
        probabilities = result.probabilities[index].astype(np.float64)
        if truth == guess:
            caption = self.tr("Test image {index}: true {true}, guessed {guess} with "
                              "{guess_percent}% (right).")
        else:
            caption = self.tr("Test image {index}: true {true}, guessed {guess} with "
                              "{guess_percent}% (wrong). The true class had {true_percent}%.")
        self.detail_caption.setText(caption.format(
            index=f"{index:,}", true=self.labels[truth], guess=self.labels[guess],
            guess_percent=f"{100 * probabilities[guess]:.1f}",
            true_percent=f"{100 * probabilities[truth]:.1f}"))
        self.detail_bars.set_probabilities(np.nan_to_num(probabilities), truth)
        self.shown_index = index

    def _clear_detail(self, text: str) -> None:
        self.detail_digit.clear_image()
        self.detail_caption.setText(text)
        self.detail_bars.set_probabilities(None)
        self.shown_index = None

    # -- loading -------------------------------------------------------------------------------
    @Slot()
    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load model"), "",
                                              self.tr("Models (*.npz)"))
        if path:
            self.load_model_from(path)

    def load_model_from(self, path: str | os.PathLike) -> bool:
        """Make the model in ``path`` the current one and evaluate it; False if it failed."""
        if not self._load_model(path):
            return False
        self.evaluate()
        return True

    def _load_model_here(self, path: str | os.PathLike) -> bool:
        """Load without a window: errors go to a message box; nothing changes on failure."""
        if self.state.is_training:
            self._show_message(self.tr("Training is running"),
                               self.tr("Stop the run before loading a model."))
            return False
        try:
            loaded = load_model(path)
            check_compatible(loaded.network)
        except ModelFileError as exc:
            self._show_message(self.tr("Could not load the model"),
                               self.tr("The file could not be read as a model:") + "\n"
                               + str(exc))
            return False
        self.state.set_model(loaded.network, loaded.config)
        return True

    # -- state changes -------------------------------------------------------------------------
    @Slot()
    def _on_model_changed(self) -> None:
        if self.state.network is None:
            self.evaluation = None
            self._show_nothing()
        elif self.evaluation is not None:
            self._mark_stale(self.tr("A different model is current now"))
        else:
            self._show_nothing()
        self._update_buttons()

    @Slot()
    def _on_params_updated(self) -> None:
        if self.evaluation is not None and not self.stale:
            self._mark_stale(self.tr("The weights have changed (training)"))

    @Slot()
    def _on_data_changed(self) -> None:
        if self.evaluation is not None:
            self._mark_stale(self.tr("Another dataset is loaded"))
        self._update_buttons()

    def _mark_stale(self, reason: str) -> None:
        self.stale = True
        self.info_label.setText(self.tr(
            "{reason} since this evaluation: press Evaluate to score the current weights."
        ).format(reason=reason))

    def _show_nothing(self) -> None:
        has_model = self.state.network is not None
        self.accuracy_label.setText(self.tr("No evaluation yet") if has_model
                                    else self.tr("No model yet"))
        self.info_label.setText(
            self.tr("Press Evaluate to score the current model on the test set.")
            if has_model else no_model_hint()
        )
        self.confusion_view.empty_text = (
            self.tr("Press Evaluate.") if has_model else no_model_hint())
        self.confusion_view.set_matrix(None)
        self.metrics_table.setRowCount(0)
        self.gallery.clear()
        self.gallery_label.setText("")
        self.show_all_button.setEnabled(False)
        self._clear_detail("")

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(self.state.network is not None and self.state.data is not None)

    # -- showing -------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        """Coming to the tab evaluates the current weights if nothing (current) is shown."""
        super().showEvent(event)
        self._fit_metrics_columns()  # now in the font and style the window shows
        if (self.evaluation is None or self.stale) and self.run_button.isEnabled():
            self.evaluate()

    def _show_message(self, title: str, text: str) -> None:
        show_message(self, title, text, name="evaluateMessage")
