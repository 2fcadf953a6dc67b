"""File → Export view… and Copy picture: the current tab's main view as PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsView

from desktop_nn.gui.common.pictures import picture_size
from tests.gui.messages import close_messages, last_message

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()  # raises on a document that is not well-formed
    assert root.tag == f"{SVG}svg"
    return [" ".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")]


def image_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine()).copy()


def train(window, qtbot, iters=60) -> None:
    tab = window.training_tab
    tab.panel.train_size_spin.setValue(2000)
    tab.panel.iters_spin.setValue(iters)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()


def show(window, tab) -> None:
    window.tabs.setCurrentWidget(tab)
    for _ in range(3):
        QApplication.processEvents()


def test_the_actions_have_their_names(window):
    for name in ("exportViewAction", "copyPictureAction"):
        assert window.findChild(QAction, name) is not None, name
    menu_kind = type(window.menuBar().actions()[0].menu())
    file_menu = window.findChild(menu_kind, "fileMenu")
    edit_menu = window.findChild(menu_kind, "editMenu")
    assert window.pictures.export_action in file_menu.actions()
    assert window.pictures.copy_action in edit_menu.actions()


def test_the_training_plots_export_as_svg_with_text_and_png_at_any_scale(window, qtbot, tmp_path):
    train(window, qtbot)
    show(window, window.training_tab)
    view = window.pictures.current_view()
    assert view is window.training_tab.main_view()
    assert window.pictures.export_to(tmp_path / "plots.svg") == tmp_path / "plots.svg"
    texts = svg_texts(tmp_path / "plots.svg")
    assert {"iteration", "epoch", "loss", "accuracy"} <= set(texts)
    assert any(text.startswith("run 1") for text in texts)  # the legend, as text
    size = picture_size(view)
    for scale, name in ((None, "screen.png"), (2.0, "twice.png"), (1.5, "more.png")):
        assert window.pictures.export_to(tmp_path / name, scale) is not None
        image = QImage(str(tmp_path / name))
        factor = scale or view.devicePixelRatioF()
        assert (image.width(), image.height()) == (round(size.width() * factor),
                                                   round(size.height() * factor))


def test_the_graph_exports_its_labels_as_text(window, tmp_path):
    tab = window.graph_tab
    tab.load_preset("apple")
    tab.run_all()
    show(window, tab)
    assert window.pictures.current_view() is tab.view
    window.pictures.export_to(tmp_path / "graph.svg")
    texts = svg_texts(tmp_path / "graph.svg")
    for label in tab.scene.value_texts() + tab.scene.gradient_texts():
        if label:
            assert label in texts
    window.pictures.export_to(tmp_path / "graph.png", 2.0)
    image = QImage(str(tmp_path / "graph.png"))
    viewport = tab.view.viewport().size()
    assert (image.width(), image.height()) == (2 * viewport.width(), 2 * viewport.height())


def test_no_hover_readout_in_an_exported_picture(window, qtbot, tmp_path):
    train(window, qtbot)
    show(window, window.training_tab)
    plot = window.training_tab.loss_plot
    QApplication.sendEvent(plot.viewport(), QEvent(QEvent.Type.Leave))
    window.pictures.export_to(tmp_path / "plain.png")
    QTest.mouseMove(plot.viewport(), plot.viewport().rect().center())
    QApplication.processEvents()
    readout = plot.readout.text()
    assert readout.startswith("iteration")
    window.pictures.export_to(tmp_path / "hovered.png")
    window.pictures.export_to(tmp_path / "hovered.svg")
    plain, hovered = (image_array(QImage(str(tmp_path / name)))
                      for name in ("plain.png", "hovered.png"))
    np.testing.assert_array_equal(plain, hovered)
    assert not any(readout.split()[0] in text and ":" in text
                   for text in svg_texts(tmp_path / "hovered.svg"))
    assert plot.readout.label.isVisible() and plot.readout.text() == readout  # still on screen


def test_no_selection_outline_in_an_exported_picture(window, tmp_path):
    tab = window.graph_tab
    tab.load_preset("apple")
    show(window, tab)
    plain = image_array(QImage(window.pictures.current_view().grab().toImage()))
    window.pictures.export_to(tmp_path / "plain.png", 1.0)
    vertex = next(iter(tab.scene.vertices))
    tab.select_vertex(vertex)
    assert tab.scene.selected_vertex() == vertex
    selected = image_array(window.pictures.current_view().grab().toImage())
    assert not np.array_equal(plain, selected)  # the outline shows on screen
    window.pictures.export_to(tmp_path / "selected.png", 1.0)
    np.testing.assert_array_equal(image_array(QImage(str(tmp_path / "plain.png"))),
                                  image_array(QImage(str(tmp_path / "selected.png"))))
    assert tab.scene.selected_vertex() == vertex  # still selected on screen


def test_copy_picture_puts_an_image_on_the_clipboard(window):
    show(window, window.graph_tab)
    QApplication.clipboard().clear()
    window.pictures.copy_action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage()
    image = QImage(mime.imageData())
    size = picture_size(window.graph_tab.view)
    scale = window.graph_tab.view.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(size.width() * scale),
                                               round(size.height() * scale))


def test_every_tab_exports_its_main_view(window, tmp_path):
    from desktop_nn.gui.presentation.pictures import main_view_of

    views = {window.training_tab: window.training_tab.curves_area,
             window.graph_tab: window.graph_tab.view,
             window.gradcheck_tab: window.gradcheck_tab.results,
             window.evaluate_tab: window.evaluate_tab.confusion_view,
             window.inside_tab: window.inside_tab.views,
             window.draw_tab: window.draw_tab,
             window.chapter4_tab: window.chapter4_tab.main_view(),  # the part on screen
             window.layers_tab: window.layers_tab.view}
    assert len(views) == window.tabs.count()
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        assert main_view_of(tab) is views[tab] is tab.main_view()
        show(window, tab)
        assert window.pictures.export_to(tmp_path / f"tab{index}.svg") is not None
        svg_texts(tmp_path / f"tab{index}.svg")
        assert window.pictures.export_to(tmp_path / f"tab{index}.png") is not None
        image = QImage(str(tmp_path / f"tab{index}.png"))
        size = picture_size(views[tab])
        assert (image.width(), image.height()) == (size.width(), size.height())


def test_a_widget_without_a_main_view_exports_itself(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop_nn.gui.common.tab_contract import TabContract
    from desktop_nn.gui.presentation.pictures import main_view_of

    class Bare(QWidget, TabContract):
        pass

    plain, bare = QWidget(), Bare()
    assert main_view_of(plain) is plain and main_view_of(bare) is bare


@pytest.mark.parametrize("name", ["view.txt", "missing-folder/view.png"])
def test_a_bad_path_writes_nothing_and_says_why(window, tmp_path, name):
    folder = tmp_path / "pictures"
    folder.mkdir()
    target = folder / name
    assert window.pictures.export_to(target) is None
    assert last_message(window, "warningMessage") is not None
    close_messages(window, "warningMessage")
    assert not target.exists()
    assert sorted(p.name for p in folder.iterdir()) == []


def test_a_failed_export_keeps_the_old_file(window, tmp_path, monkeypatch):
    folder = tmp_path / "pictures"
    folder.mkdir()
    target = folder / "view.png"
    target.write_bytes(b"old picture")
    monkeypatch.setattr(QImage, "save", lambda *args: False)
    assert window.pictures.export_to(target) is None
    close_messages(window, "warningMessage")
    assert target.read_bytes() == b"old picture"
    assert [p.name for p in folder.iterdir()] == ["view.png"]


def test_the_scale_is_checked(window, tmp_path):
    assert window.pictures.export_to(tmp_path / "view.png", 100.0) is None
    assert "scale" in last_message(window, "warningMessage")[1]
    close_messages(window, "warningMessage")


def test_a_graphics_view_picture_is_its_viewport_without_scroll_bars(window):
    view = window.graph_tab.view
    assert isinstance(view, QGraphicsView)
    assert picture_size(view) == view.viewport().size() != view.size()
    assert QPoint(0, 0) == view.viewport().rect().topLeft()
