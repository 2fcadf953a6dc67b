"""The book's graphs in Chinese and Japanese: labelled as the book's translations label them."""

from __future__ import annotations

import pytest

from desktop_nn.graph import preset
from desktop_nn.gui import i18n
from desktop_nn.gui.graph.tab import GraphTab

EXPECTED = {
    "zh_CN": {"apple": "苹果", "apple_num": "苹果的个数", "orange": "橘子",
              "orange_num": "橘子的个数", "tax": "消费税", "price": "支付金额"},
    "ja_JP": {"apple": "りんご", "apple_num": "りんごの個数", "orange": "みかん",
              "orange_num": "みかんの個数", "tax": "消費税", "price": "支払金額"},
    "en": {"apple": "apple", "apple_num": "apple_num", "orange": "orange",
           "orange_num": "orange_num", "tax": "tax", "price": "price"},
}


@pytest.fixture(params=["zh_CN", "ja_JP", "en"])
def language(request, qapp):
    assert i18n.install_translators(request.param) == request.param
    yield request.param
    i18n.install_translators("en")


@pytest.fixture
def tab(qtbot, language):
    widget = GraphTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    widget.shutdown()


def test_the_inputs_and_the_result_carry_the_books_labels(tab, language):
    names = EXPECTED[language]
    scene = tab.scene
    inputs = ["apple", "apple_num", "orange", "orange_num", "tax"]
    assert [scene.vertices[name].text_item.text() for name in inputs] == [
        names[name] for name in inputs]
    assert scene.edges[-1].name_label.text() == names["price"]
    table = tab.gradient_table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        names[name] for name in inputs]
    tab.run_all()
    assert names["price"] in tab.step_label.text() and "715" in tab.step_label.text()
    tab.select_vertex("apple")
    assert f"∂{names['price']}/∂{names['apple']}" in tab.detail_panel.text()


def test_the_graph_itself_and_typed_expressions_keep_their_names(tab, language):
    assert tab.graph.input_names == ("apple", "apple_num", "orange", "orange_num", "tax")
    assert preset("apple").edges[-1].label == "price"
    assert tab.build_expression("apple * tax")
    assert tab.scene.vertices["apple"].text_item.text() == "apple"
    assert tab.scene.edges[-1].name_label.text() != EXPECTED["zh_CN"]["price"]
