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
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.evaluation import Evaluation, evaluate_model
from desktop_nn.core.model_io import check_compatible
from desktop_nn.data.datasets import NUM_CLASSES, dataset_title
from desktop_nn.gui.common.class_names import display_class_names
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.model_loading import read_model
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.tab_contract import TabContract
from desktop_nn.gui.common.widgets import StatusLabel
from desktop_nn.gui.common.zoom import follow_font
from desktop_nn.gui.evaluate.confusion import ConfusionMatrixView
from desktop_nn.gui.evaluate.metrics import MetricsTable
from desktop_nn.gui.evaluate.mistakes import MistakeDetail, MistakesBox
from desktop_nn.gui.evaluate.texts import no_model_hint

ModelLoader = Callable[[str | os.PathLike], bool]


class EvaluateTab(QWidget, TabContract):
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
        self.run_button = QPushButton(self.tr("Evaluate &on the test set"))
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
        follow_font(self.accuracy_label, 1.5, bold=True)
        self.accuracy_label.setWordWrap(True)  # a large zoom in a small window: two lines
        self.accuracy_label.setToolTip(
            self.tr("Share of the test images whose top guess is right."))
        self.info_label = StatusLabel()
        self.info_label.setObjectName("evaluateInfo")
        self.confusion_view = ConfusionMatrixView()
        self.metrics_table = MetricsTable()
        self.mistakes = MistakesBox()
        self.mistakes.fit_grid(self.labels)
        self.gallery = self.mistakes.gallery
        self.gallery_label = self.mistakes.gallery_label
        self.show_all_button = self.mistakes.show_all_button
        self.detail = MistakeDetail()
        self.detail_caption = self.detail.caption
        self.detail_bars = self.detail.bars

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.load_button)
        top.addSpacing(16)
        top.addWidget(self.accuracy_label, 1)

        confusion_box = QGroupBox(self.tr("Confusion matrix"))
        QVBoxLayout(confusion_box).addWidget(self.confusion_view, 1)
        metrics_box = QGroupBox(self.tr("Per class"))
        QVBoxLayout(metrics_box).addWidget(self.metrics_table)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(metrics_box, 1)
        middle_layout.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(confusion_box)
        splitter.addWidget(middle)
        splitter.addWidget(self.mistakes)
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
        self.mistakes.fit_grid(self.labels)
        mistakes = result.num_samples - result.num_correct
        self.accuracy_label.setText(self.tr(
            "Test accuracy {accuracy}%  ({right} of {total} right, {wrong} wrong)"
        ).format(accuracy=f"{100 * result.accuracy:.2f}", right=f"{result.num_correct:,}",
                 total=f"{result.num_samples:,}", wrong=f"{mistakes:,}"))
        self.info_label.setText(self._describe_model())
        self.confusion_view.set_matrix(result.confusion, self.labels)
        self.metrics_table.fill(result, self.labels)
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

    # -- gallery -------------------------------------------------------------------------------
    def _gallery_indices(self) -> np.ndarray:
        result = self.evaluation
        if result is None:
            return np.empty(0, dtype=np.int64)
        if self.filter is None:
            return result.misclassified
        return result.mistakes_between(*self.filter)

    def _fill_gallery(self) -> None:
        result = self.evaluation
        x_test = self.state.data[1][0] if self.state.data is not None else None
        self.mistakes.fill(result, self._gallery_indices(), self.filter, self.labels, x_test)
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
        self.detail.show_image(result, self.state.data[1][0][index], index, self.labels)
        self.shown_index = index

    def _clear_detail(self, text: str) -> None:
        self.detail.clear(text)
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
        loaded = read_model(path, self.state, self._show_message)
        if loaded is None:
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
        self.mistakes.clear()
        self._clear_detail("")

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(self.state.network is not None and self.state.data is not None)

    # -- the tab contract --------------------------------------------------------------------
    tab_key = "evaluate"

    def main_view(self) -> QWidget:
        """The confusion matrix."""
        return self.confusion_view

    # -- showing -------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        """Coming to the tab evaluates the current weights if nothing (current) is shown."""
        super().showEvent(event)
        self.metrics_table.fit_columns()  # now in the font and style the window shows
        if (self.evaluation is None or self.stale) and self.run_button.isEnabled():
            self.evaluate()

    def _show_message(self, title: str, text: str) -> None:
        show_message(self, title, text, name="evaluateMessage")
