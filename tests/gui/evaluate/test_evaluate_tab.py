"""The Evaluate tab: a briefly trained model scored on the real MNIST test set."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QPushButton, QTableWidget

from desktop_nn.core.evaluation import evaluate_model
from desktop_nn.core.model_io import save_model
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.gui.common.palette import colour, contrast_ratio, readable_text_colour
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.evaluate.confusion import ConfusionMatrixView, cell_strengths
from desktop_nn.gui.evaluate.tab import EvaluateTab
from desktop_nn.gui.evaluate.texts import GALLERY_LIMIT, NO_MODEL_HINT
from tests.gui.messages import last_message

RECALL_COLUMN, SUPPORT_COLUMN = 2, 4


@pytest.fixture(scope="module")
def trained(mnist_small):
    """(network, config) after 300 iterations on 2,000 images: about 85% right."""
    trainer = Trainer(TrainConfig(iters=300, seed=4), mnist_small)
    for _event in trainer.run():
        pass
    return trainer.network, trainer.config


def fresh_copy(network: TwoLayerNet) -> TwoLayerNet:
    copy = TwoLayerNet(784, network.hidden_size, 10, seed=0, dtype=network.dtype)
    copy.set_params(network.params)
    return copy


@pytest.fixture
def evaluated(window, trained, qtbot):
    """The window with the trained model set and evaluated through the Run button."""
    network, config = trained
    window.state.set_model(fresh_copy(network), config)
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.evaluated, timeout=30_000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    return tab


def column_values(table: QTableWidget, column: int) -> list[float]:
    return [table.item(row, column).value for row in range(table.rowCount())]


def test_without_a_model_the_tab_explains_what_to_do(window):
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Eva&luate"
    assert window.state.network is None
    assert not tab.run_button.isEnabled()
    assert tab.info_label.text() == NO_MODEL_HINT
    assert "File → Load model" in NO_MODEL_HINT
    assert tab.evaluate() is None
    assert tab.confusion_view.matrix() is None
    for name, kind in (("evaluateRunButton", QPushButton), ("classMetricsTable", QTableWidget),
                       ("misclassifiedGallery", QListWidget),
                       ("confusionMatrixView", ConfusionMatrixView)):
        assert window.findChild(kind, name) is not None, name
    for button in tab.findChildren(QPushButton):
        assert button.toolTip().strip() and "&" in button.text(), button.objectName()
    # Alt+letter of a button must not also select a tab or open a menu.
    window_keys = {text[text.find("&") + 1].lower()
                   for text in [window.tabs.tabText(i) for i in range(window.tabs.count())]
                   + [action.text() for action in window.menuBar().actions()] if "&" in text}
    for button in tab.findChildren(QPushButton):
        text = button.text()
        assert text[text.find("&") + 1].lower() not in window_keys, text


def test_run_fills_the_matrix_the_table_and_the_gallery(evaluated, window, trained):
    tab = evaluated
    _, (x_test, t_test) = window.state.data
    expected = evaluate_model(trained[0], x_test, t_test)

    cm = tab.confusion_view.matrix()
    assert cm.shape == (10, 10) and cm.sum() == 10_000
    np.testing.assert_array_equal(cm, expected.confusion)
    assert f"{100 * expected.accuracy:.2f}%" in tab.accuracy_label.text()
    assert f"{expected.num_correct:,} of 10,000" in tab.accuracy_label.text()

    table = tab.metrics_table
    assert table.rowCount() == 10
    assert [table.item(row, 0).text() for row in range(10)] == [str(k) for k in range(10)]
    np.testing.assert_allclose(column_values(table, RECALL_COLUMN), expected.recall)
    assert table.item(3, 1).text() == f"{expected.precision[3]:.3f}"

    mistakes = len(expected.misclassified)
    assert 200 < mistakes < 3000
    assert tab.gallery.count() == min(GALLERY_LIMIT, mistakes)
    assert f"{mistakes:,} mistakes" in tab.gallery_label.text()
    first = tab.gallery.item(0)
    index = int(first.data(Qt.ItemDataRole.UserRole))
    assert index == expected.misclassified[0]
    truth, guess = int(t_test[index]), int(expected.predictions[index])
    assert first.text().replace("\n", " ").startswith(f"true {truth} → guess {guess} (")
    assert not first.icon().isNull()
    assert first.icon().availableSizes()[0].width() >= 56


def test_clicking_a_mistake_shows_its_probabilities(evaluated, qtbot):
    tab = evaluated
    item = tab.gallery.item(5)
    rect = tab.gallery.visualItemRect(item)
    qtbot.mouseClick(tab.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    index = int(item.data(Qt.ItemDataRole.UserRole))
    assert tab.shown_index == index
    result = tab.evaluation
    np.testing.assert_allclose(tab.detail_bars.probabilities, result.probabilities[index],
                               rtol=1e-6)
    assert tab.detail_bars.true_class == result.labels[index]
    assert int(np.argmax(tab.detail_bars.probabilities)) == result.predictions[index]
    assert f"Test image {index:,}" in tab.detail_caption.text()
    assert "(wrong)" in tab.detail_caption.text()


def test_sorting_the_class_table_is_numeric(evaluated, qtbot):
    table = evaluated.metrics_table
    recall = evaluated.evaluation.recall
    header = table.horizontalHeader()
    click = QPoint(header.sectionViewportPosition(RECALL_COLUMN) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert header.sortIndicatorSection() == RECALL_COLUMN
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    values = column_values(table, RECALL_COLUMN)
    assert values == sorted(values)
    classes = [int(table.item(row, 0).value) for row in range(10)]
    assert classes == list(np.argsort(recall, kind="stable"))
    table.sortItems(RECALL_COLUMN, Qt.SortOrder.DescendingOrder)
    values = column_values(table, RECALL_COLUMN)
    assert values == sorted(values, reverse=True)
    # Support has thousands separators: as text "1,135" < "892", as numbers it is not.
    table.sortItems(SUPPORT_COLUMN, Qt.SortOrder.AscendingOrder)
    supports = column_values(table, SUPPORT_COLUMN)
    assert supports == sorted(supports) and supports[-1] == 1135


def test_clicking_a_cell_lists_its_mistakes(evaluated, qtbot):
    tab = evaluated
    cm = tab.confusion_view.matrix()
    off = np.where(np.eye(10, dtype=bool), -1, cm)
    true_class, predicted = np.unravel_index(np.argmax(off), off.shape)
    assert cm[true_class, predicted] > 0
    assert tab.confusion_view.cell_at(tab.confusion_view.cell_rect(
        true_class, predicted).center()) == (true_class, predicted)
    centre = tab.confusion_view.cell_rect(true_class, predicted).center().toPoint()
    qtbot.mouseClick(tab.confusion_view, Qt.MouseButton.LeftButton, pos=centre)

    assert tab.filter == (true_class, predicted)
    assert tab.gallery.count() == min(GALLERY_LIMIT, cm[true_class, predicted])
    for row in range(tab.gallery.count()):
        assert tab.gallery.item(row).text().replace("\n", " ").startswith(
            f"true {true_class} → guess {predicted} (")
    assert tab.show_all_button.isEnabled()
    qtbot.mouseClick(tab.show_all_button, Qt.MouseButton.LeftButton)
    assert tab.filter is None and tab.gallery.count() == GALLERY_LIMIT
    # A click outside the grid changes nothing.
    qtbot.mouseClick(tab.confusion_view, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert tab.filter is None


def test_a_corrupt_model_file_leaves_the_tab_working(evaluated, window, tmp_path, qtbot):
    tab = evaluated
    before = tab.evaluation
    network = window.state.network
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 not a zip archive at all")
    assert tab.load_model_from(corrupt) is False
    assert last_message(window, "warningMessage")[0] == "Could not load the model"
    assert "corrupt.npz" in last_message(window, "warningMessage")[1]
    assert window.state.network is network and tab.evaluation is before
    with qtbot.waitSignal(tab.evaluated, timeout=30_000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.confusion_view.matrix().sum() == 10_000


def test_loading_a_model_makes_it_current_and_evaluates_it(window, tmp_path, qtbot):
    # Weights that always answer 3: every 3 is right, everything else wrong.
    network = TwoLayerNet(784, 4, 10, seed=0)
    network.params["b2"][3] = 5.0
    path = tmp_path / "threes.npz"
    save_model(path, network, TrainConfig(hidden_size=4))
    tab = window.evaluate_tab
    with qtbot.waitSignal(tab.evaluated, timeout=30_000):
        assert tab.load_model_from(path) is True
    assert window.state.network.hidden_size == 4
    cm = tab.confusion_view.matrix()
    assert cm[:, 3].sum() == 10_000
    assert tab.evaluation.recall[3] == 1.0 and tab.evaluation.precision[3] == pytest.approx(0.101)


def test_the_result_is_marked_stale_when_the_weights_change(evaluated, window):
    tab = evaluated
    window.state.update_params(window.state.network.copy_params())
    assert tab.stale and "press Evaluate" in tab.info_label.text()
    tab.evaluate()
    assert not tab.stale


def test_coming_to_the_tab_evaluates_the_current_model(window, trained, qtbot):
    window.state.set_model(fresh_copy(trained[0]), trained[1])
    tab = window.evaluate_tab
    assert tab.evaluation is None
    with qtbot.waitSignal(tab.evaluated, timeout=30_000):
        window.tabs.setCurrentWidget(tab)
    assert tab.confusion_view.matrix().sum() == 10_000


def test_without_a_window_the_tab_loads_files_itself(qtbot, tmp_path, trained):
    state = AppState()
    tab = EvaluateTab(state)
    qtbot.addWidget(tab)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    assert tab.load_model_from(bad) is False
    assert last_message(tab, "evaluateMessage")[0] == "Could not load the model"
    assert state.network is None
    good = tmp_path / "good.npz"
    save_model(good, trained[0], trained[1])
    assert tab.load_model_from(good) is True
    assert state.network is not None and tab.run_button.isEnabled() is False  # no data yet
    assert "Waiting for the test images" in tab.info_label.text()


def test_the_heat_map_keeps_its_text_readable(qtbot):
    view = ConfusionMatrixView()
    qtbot.addWidget(view)
    cm = np.array([[50, 0, 5], [1, 40, 0], [10, 2, 30]])
    strengths = cell_strengths(cm)
    assert strengths[1, 2] == 0 and strengths[0, 1] == 0
    assert strengths[2, 0] == 1.0  # the largest mistake is the darkest
    assert 0 < strengths[1, 0] < strengths[0, 2] < strengths[2, 0]
    view.set_matrix(cm, ["a", "b", "c"])
    view.resize(400, 400)
    image = view.grab().toImage()
    assert not image.isNull()
    for fill in (colour("blue"), colour("vermillion"), view.palette().base().color()):
        ink = readable_text_colour(fill, view.palette())
        assert contrast_ratio(ink, fill) >= 3.0
    assert "true c taken for a: 10 images" in view.describe_cell(2, 0)
