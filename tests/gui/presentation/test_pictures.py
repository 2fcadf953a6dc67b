"""Any widget as a picture: tables without their selection, plain widgets with their children."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_nn.gui.common.pictures import export_view, render_image, svg_bytes

SVG = "{http://www.w3.org/2000/svg}"


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine()).copy()


def make_table(qtbot) -> QTableWidget:
    table = QTableWidget(3, 2)
    for row in range(3):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"cell {row}{column}"))
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_table_picture_has_no_selection_and_keeps_it_on_screen(qtbot):
    table = make_table(qtbot)
    plain = pixels(render_image(table, 1.0))
    table.setFocus()
    table.setCurrentCell(1, 1)
    # Selected through the model: selectRow() follows the keyboard modifiers of the moment,
    # which an earlier test's key presses can leave behind.
    table.selectionModel().select(
        table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert table.selectionModel().isRowSelected(1)
    selections = []
    table.selectionModel().selectionChanged.connect(lambda *args: selections.append(args))
    assert not np.array_equal(plain, pixels(table.grab().toImage()))  # the selection shows
    np.testing.assert_array_equal(plain, pixels(render_image(table, 1.0)))
    assert table.currentRow() == 1 and table.selectionModel().isRowSelected(1)
    assert selections == []  # nobody was told of the picture's passing changes
    table.selectionModel().select(table.model().index(0, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_a_table_svg_has_its_cells_as_text(qtbot):
    table = make_table(qtbot)
    root = ET.fromstring(svg_bytes(table))
    texts = {"".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")}
    assert {f"cell {row}{column}" for row in range(3) for column in range(2)} <= texts


def test_a_plain_widget_is_drawn_with_its_children_at_the_scale(qtbot, tmp_path):
    widget = QWidget()
    QVBoxLayout(widget).addWidget(QLabel("a label inside"))
    qtbot.addWidget(widget)
    widget.resize(200, 80)
    widget.show()
    qtbot.waitExposed(widget)
    export_view(widget, tmp_path / "w.png", 3.0)
    image = QImage(str(tmp_path / "w.png"))
    assert (image.width(), image.height()) == (600, 240)
    export_view(widget, tmp_path / "w.svg")
    root = ET.parse(tmp_path / "w.svg").getroot()
    assert "a label inside" in {"".join(e.itertext()).strip() for e in root.iter(f"{SVG}text")}


def test_a_widget_drawing_its_own_selection_leaves_it_out(qtbot):
    from desktop_nn.gui.evaluate.confusion import ConfusionMatrixView

    view = ConfusionMatrixView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_matrix(np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]]))
    plain = pixels(render_image(view, 1.0))
    view.select((1, 0))
    assert not np.array_equal(plain, pixels(view.grab().toImage()))  # outlined on screen
    np.testing.assert_array_equal(plain, pixels(render_image(view, 1.0)))
    assert view.selected == (1, 0)
