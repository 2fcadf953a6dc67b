"""The Computation graph tab, driven as a learner would (pytest-qt, offscreen)."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QColor, QPainterPathStroker, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QWidget,
)

from desktop_nn.graph import OPERATIONS, Phase, format_value
from desktop_nn.graph.ops import RULE_CONTEXT, Power
from desktop_nn.gui.common.palette import contrast_ratio
from desktop_nn.gui.graph.tab import GraphTab

NAMED_WIDGETS = {
    "graphView": QGraphicsView,
    "graphPresetCombo": QComboBox,
    "graphExpressionEdit": QLineEdit,
    "forwardStepButton": QPushButton,
    "backwardStepButton": QPushButton,
    "stepBackButton": QPushButton,
    "runAllButton": QPushButton,
    "graphResetButton": QPushButton,
    "nodeDetailPanel": QWidget,
    "animateButton": QPushButton,
    "animationSpeedSlider": QSlider,
}
#: The apple-orange graph's edges, in order: apple, apple_num, orange, orange_num,
#: apple_price, orange_price, all_price, tax, price.
BOOK_VALUES = ["100", "2", "150", "3", "200", "450", "650", "1.1", "715"]
BOOK_GRADIENTS = ["2.2", "110", "3.3", "165", "1.1", "1.1", "1.1", "650", "1"]


@pytest.fixture
def tab(qtbot):
    widget = GraphTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def texts(tab: GraphTab) -> list[str]:
    return tab.scene.texts()


def click_vertex(qtbot, tab: GraphTab, vertex_id: str) -> None:
    view = tab.view
    point = view.mapFromScene(tab.scene.vertex_position(vertex_id))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_tab_is_in_the_window_with_its_automation_names(window):
    assert window.tabs.tabText(window.tabs.indexOf(window.graph_tab)) == "&Computation graph"
    for name, kind in NAMED_WIDGETS.items():
        widget = window.findChild(kind, name)
        assert widget is not None, f"no {kind.__name__} named {name}"
        assert widget.toolTip().strip(), f"{name} has no tooltip"
    combo = window.findChild(QComboBox, "graphPresetCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Apples", "Apples and oranges", "Sigmoid", "Your own expression"]
    for button in window.graph_tab.findChildren(QPushButton):
        assert button.toolTip().strip(), f"{button.objectName()} has no tooltip"


def test_forward_steps_fill_the_value_labels_in_order(qtbot, tab):
    assert tab.preset_combo.currentText() == "Apples and oranges"
    assert "715" not in texts(tab)
    assert {"100", "2", "150", "3", "1.1"} <= set(texts(tab))  # the inputs are known
    assert not tab.backward_button.isEnabled()
    expected_new = ["200", "450", "650", "715"]
    for step, value in enumerate(expected_new):
        assert value not in texts(tab)
        qtbot.mouseClick(tab.forward_button, Qt.MouseButton.LeftButton)
        assert tab.graph.position == step + 1
        assert value in texts(tab)
        assert tab.scene.selected_vertex() is None
    assert {"715", "200", "450", "650", "1.1"} <= set(texts(tab))
    assert tab.scene.value_texts() == BOOK_VALUES
    assert tab.scene.gradient_texts() == [""] * 9  # no gradient before the backward pass
    assert not tab.forward_button.isEnabled()
    assert tab.backward_button.isEnabled()
    assert tab.forward_step() is False and tab.graph.position == 4  # forward only


def test_the_backward_button_waits_for_the_forward_pass(tab):
    tab.forward_step()
    assert not tab.backward_button.isEnabled()
    assert tab.backward_step() is False
    assert tab.graph.position == 1 and tab.graph.phase is Phase.FORWARD


def test_the_backward_pass_fills_the_red_gradients(qtbot, tab):
    tab.run_all()
    tab.reset()
    for _ in range(4):
        tab.forward_step()
    seen = []
    while tab.backward_button.isEnabled():
        qtbot.mouseClick(tab.backward_button, Qt.MouseButton.LeftButton)
        seen.append([t for t in tab.scene.gradient_texts() if t])
    # the output arrow's dout comes first; the fourth press, for the fourth node, finishes
    assert [len(s) for s in seen] == [3, 5, 7, 9]
    assert tab.scene.gradient_texts() == BOOK_GRADIENTS
    assert {"2.2", "110", "3.3", "165", "650", "1.1"} <= set(texts(tab))
    assert "3.3000000000000003" not in texts(tab)
    assert tab.graph.phase is Phase.DONE
    assert not tab.backward_button.isEnabled() and not tab.run_all_button.isEnabled()
    # the gradients are red, the values are not
    edge = tab.scene.edges[0]
    red = edge.grad_label.brush().color()
    assert red.red() > red.green() + 60 and red.red() > red.blue() + 60
    assert edge.value_label.brush().color() != red


def test_the_step_text_counts_the_steps_that_are_left(tab):
    nodes = len(tab.graph.nodes)
    for _ in range(nodes):
        tab.forward_step()
    assert f"step {nodes} of {nodes}" in tab.step_label.text()
    said = []
    while tab.backward_step():
        said.append(tab.step_label.text())
    assert len(said) == nodes  # one press per node, as the text counts them
    for step, text in enumerate(said[:-1], 1):
        assert text.startswith(f"Backward pass, step {step} of {nodes}:"), text
    assert said[-1].startswith("Done: price = 715")
    assert not any("one more step" in text for text in said)
    tab.step_back()  # from the end: back before the last backward step
    assert tab.step_label.text().startswith(f"Backward pass, step {nodes - 1} of {nodes}:")
    assert tab.backward_step() and tab.graph.phase is Phase.DONE


def test_step_back_removes_the_last_label(qtbot, tab):
    tab.forward_step()
    assert "200" in texts(tab)
    qtbot.mouseClick(tab.step_back_button, Qt.MouseButton.LeftButton)
    assert "200" not in texts(tab) and tab.graph.position == 0
    assert not tab.step_back_button.isEnabled()
    for _ in range(5):
        tab.forward_step() or tab.backward_step()
    assert tab.scene.gradient_texts()[7] == "650"  # dtax, from the first backward step
    tab.step_back()
    assert tab.scene.gradient_texts()[7] == ""
    assert "650" in tab.scene.value_texts()  # all_price's value stays
    assert tab.graph.position == 4 and tab.backward_button.isEnabled()


def test_run_all_then_reset(qtbot, tab):
    qtbot.mouseClick(tab.run_all_button, Qt.MouseButton.LeftButton)
    assert tab.scene.value_texts() == BOOK_VALUES
    assert tab.scene.gradient_texts() == BOOK_GRADIENTS
    assert "Done" in tab.step_label.text()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.graph.phase is Phase.IDLE
    assert "715" not in texts(tab) and "100" in texts(tab)
    assert tab.scene.gradient_texts() == [""] * 9
    assert tab.forward_button.isEnabled() and not tab.reset_button.isEnabled()


def test_keyboard_shortcuts_step(qtbot, tab):
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F7)  # a button's shortcut clicks it after a short flash
    qtbot.waitUntil(lambda: tab.graph.position == 1, timeout=30_000)
    qtbot.keyClick(tab, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: tab.graph.position == 0, timeout=30_000)
    tab.run_all()
    tab.reset()
    for _ in range(4):
        tab.forward_step()
    qtbot.keyClick(tab, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: tab.graph.phase is Phase.BACKWARD, timeout=30_000)


def test_the_active_node_is_highlighted(tab):
    tab.forward_step()
    active = tab.scene.vertices["mul_apple_layer"]
    other = tab.scene.vertices["mul_orange_layer"]
    assert active.pen().color() == tab.scene.colours.forward
    assert active.pen().widthF() > other.pen().widthF()
    assert tab.scene.edges[4].value_label.font().bold()  # the value it just produced
    tab.run_all()
    tab.reset()
    for _ in range(5):
        tab.forward_step() or tab.backward_step()
    assert tab.scene.vertices["mul_tax_layer"].pen().color() == tab.scene.colours.backward


def test_clicking_a_node_shows_its_rule_with_the_numbers(qtbot, tab):
    tab.run_all()
    click_vertex(qtbot, tab, "mul_tax_layer")
    assert tab.scene.selected_vertex() == "mul_tax_layer"
    text = tab.detail_panel.text()
    assert OPERATIONS["mul"].rule in text
    assert OPERATIONS["mul"].formula in text
    assert "z = x·y = 650 × 1.1 = 715" in text
    assert "dx = dout·y = 1 × 1.1 = 1.1" in text
    assert "dy = dout·x = 1 × 650 = 650" in text
    click_vertex(qtbot, tab, "mul_apple_layer")
    text = tab.detail_panel.text()
    assert "dout = 1.1" in text and "dx = dout·y = 1.1 × 2 = 2.2" in text
    assert "dy = dout·x = 1.1 × 100 = 110" in text
    click_vertex(qtbot, tab, "add_apple_orange_layer")
    assert OPERATIONS["add"].rule in tab.detail_panel.text()
    assert not tab.detail_panel.value_row.isVisible()


def test_the_detail_panel_follows_the_stepper(tab):
    tab.select_vertex("mul_apple_layer")
    assert "not computed yet" in tab.detail_panel.text()
    tab.forward_step()
    assert "z = x·y = 100 × 2 = 200" in tab.detail_panel.text()
    assert "backward: not reached yet" in tab.detail_panel.text()


def test_editing_an_input_updates_the_labels(qtbot, tab):
    tab.run_all()
    click_vertex(qtbot, tab, "apple")
    panel = tab.detail_panel
    assert panel.value_row.isVisible()
    spin = panel.findChild(QDoubleSpinBox, "inputValueSpin")
    assert spin.value() == 100 and spin.text() == "100"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "150")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert tab.graph.inputs["apple"] == 150
    assert "825" in texts(tab) and "715" not in texts(tab)  # (150·2 + 450)·1.1
    assert tab.scene.value_texts()[0] == "150"
    assert tab.scene.gradient_texts()[7] == "750"  # dtax = all_price
    table = tab.gradient_table
    assert table.item(0, 1).text() == "150"
    assert table.item(1, 2).text() == table.item(1, 3).text() == "165"  # dapple_num
    assert "∂price/∂apple by backpropagation: 2.2" in panel.text()


def test_every_input_shows_backprop_beside_the_numerical_gradient(tab):
    table = tab.gradient_table
    assert table.rowCount() == 5
    assert [table.item(r, 2).text() for r in range(5)] == ["–"] * 5
    assert [table.item(r, 3).text() for r in range(5)] == ["2.2", "110", "3.3", "165", "650"]
    tab.run_all()
    assert [table.item(r, 2).text() for r in range(5)] == ["2.2", "110", "3.3", "165", "650"]
    table.selectRow(3)
    assert tab.scene.selected_vertex() == "orange_num"


@pytest.mark.parametrize("x", [-3.0, 0.0, 1.0, 2.5])
def test_the_sigmoid_gradient_label_is_y_times_one_minus_y(tab, x):
    tab.preset_combo.setCurrentIndex(2)
    tab.preset_combo.activated.emit(2)
    assert tab.expression_edit.text() == "1 / (1 + exp(-x))"
    assert {"-1", "1"} <= set(texts(tab))  # the book's constants
    assert tab.set_input("x", x)
    tab.run_all()
    y = 1 / (1 + math.exp(-x))
    x_edge = next(i for i, e in enumerate(tab.graph.edges) if e.source == "x")
    assert tab.scene.gradient_texts()[x_edge] == format_value(y * (1 - y))
    assert tab.scene.value_texts()[-1] == format_value(y)


def test_an_expression_builds_and_steps(qtbot, tab):
    edit = tab.expression_edit
    edit.clear()
    qtbot.keyClicks(edit, "(a * b + c) * d")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert tab.preset_combo.currentText() == "Your own expression"
    assert tab.graph.input_names == ("a", "b", "c", "d")
    assert tab.expression_error.text() == ""
    for name, value in zip("abcd", (2, 3, 4, 5), strict=True):
        tab.set_input(name, value)
    for _ in range(3):
        assert tab.forward_step()
    assert "50" in texts(tab)
    tab.run_all()
    assert [tab.gradient_table.item(r, 2).text() for r in range(4)] == ["15", "10", "5", "10"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("__import__('os')", "__import__"), ("x % 2", "'%' is not allowed")],
)
def test_a_refused_expression_keeps_the_previous_graph(qtbot, tab, text, message):
    tab.run_all()
    graph, before = tab.graph, texts(tab)
    tab.expression_edit.setText(text)
    qtbot.keyClick(tab.expression_edit, Qt.Key.Key_Return)
    assert message in tab.expression_error.text()
    assert tab.expression_error.isVisible()
    assert tab.graph is graph and texts(tab) == before
    assert tab.preset_combo.currentText() == "Apples and oranges"
    assert tab.expression_edit.text() == text  # nothing the user typed is lost
    assert tab.build_expression("a * b")  # and a good one still works afterwards
    assert tab.expression_error.text() == ""


def test_choosing_your_own_expression_with_a_bad_field(tab):
    tab.expression_edit.setText("exp(")
    tab.preset_combo.setCurrentIndex(3)
    tab.preset_combo.activated.emit(3)
    assert "syntax error" in tab.expression_error.text()
    assert tab.preset_combo.currentText() == "Apples and oranges"


def test_a_domain_error_keeps_the_last_good_state(tab):
    assert tab.build_expression("log(x) * y")
    tab.set_input("x", -1.0)  # nothing computed yet: accepted
    assert tab.forward_step() is False
    assert "log(x) needs x > 0" in tab.error_label.text() and tab.error_label.isVisible()
    assert tab.graph.position == 0
    tab.set_input("x", 2.0)
    assert tab.run_all() and not tab.error_label.isVisible()
    assert tab.set_input("x", 0.0) is False  # refused: the value goes back
    assert tab.graph.inputs["x"] == 2.0 and tab.graph.phase is Phase.DONE
    assert "refused" in tab.error_label.text()
    assert tab.scene.value_texts()[-1] == format_value(math.log(2.0))


def test_animate_runs_to_the_end_and_stops(qtbot, tab):
    tab.speed_slider.setValue(tab.speed_slider.maximum())
    assert tab.animation_timer.interval() <= 50
    qtbot.mouseClick(tab.animate_button, Qt.MouseButton.LeftButton)
    assert tab.animating and tab.animate_button.isChecked()
    qtbot.waitUntil(lambda: not tab.animating, timeout=30_000)
    assert tab.graph.phase is Phase.DONE
    assert not tab.animate_button.isChecked()
    assert tab.scene.gradient_texts() == BOOK_GRADIENTS
    tab.set_animating(True)  # from the end: starts over
    assert tab.graph.position == 0 and tab.animating
    tab.reset()
    assert not tab.animating


def test_closing_the_window_while_animating_stops_the_timer(window, qtbot):
    tab = window.graph_tab
    window.tabs.setCurrentWidget(tab)
    tab.speed_slider.setValue(1)  # slow: it is still running when the window closes
    tab.animate_button.click()
    assert tab.animating
    window.close()
    assert not tab.animating and not tab.animation_timer.isActive()


def test_the_view_follows_the_palette(tab):
    dark = QPalette(tab.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    tab.run_all()
    for palette in (dark, QPalette(QColor("#efefef"))):
        tab.view.setPalette(palette)
        scene = tab.scene
        base = palette.color(QPalette.ColorRole.Base)
        assert scene.backgroundBrush().color() == base
        edge = scene.edges[0]
        assert edge.value_label.brush().color() == palette.color(QPalette.ColorRole.Text)
        assert contrast_ratio(edge.grad_label.brush().color(), base) >= 4.5
        assert contrast_ratio(edge.value_label.brush().color(), base) >= 4.5


@pytest.mark.parametrize(
    "choice", ["apple", "apple_orange", "sigmoid", "(a * b + c) * d", "x * x", "a * b + a"])
def test_labels_overlap_neither_each_other_nor_the_arrows(tab, choice):
    if choice in ("apple", "apple_orange", "sigmoid"):
        tab.load_preset(choice)
    else:
        assert tab.build_expression(choice)
    tab.run_all()
    scene = tab.scene
    labels = [label for edge in scene.edges
              for label in (edge.value_label, edge.grad_label, edge.name_label)
              if label is not None and label.isVisible()]
    labels += [vertex.text_item for vertex in scene.vertices.values()]
    assert len(labels) >= 2 * len(scene.edges)
    rects = [label.sceneBoundingRect() for label in labels]
    for (a, ra), (b, rb) in itertools.combinations(zip(labels, rects, strict=True), 2):
        if a.parentItem() is None or b.parentItem() is None:
            assert not ra.intersects(rb), f"{a.text()!r} overlaps {b.text()!r}"
    stroker = QPainterPathStroker()
    stroker.setWidth(2.0)
    for edge in scene.edges:
        for label in (edge.value_label, edge.grad_label):
            for other in scene.edges:
                path = other.mapToScene(stroker.createStroke(other.path()))
                assert not path.intersects(label.sceneBoundingRect()), (
                    f"label {label.text()!r} lies on arrow {other.index}")
        for vertex in scene.vertices.values():
            for label in (edge.value_label, edge.grad_label):
                assert not vertex.sceneBoundingRect().intersects(label.sceneBoundingRect())


def test_zoom_pan_and_fit(qtbot, tab):
    view = tab.view
    assert view.auto_fit
    fitted = view.zoom
    qtbot.mouseClick(tab.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.zoom == pytest.approx(fitted * 1.2) and not view.auto_fit
    tab.resize(900, 600)
    qtbot.waitUntil(lambda: view.width() < 700)
    assert view.zoom == pytest.approx(fitted * 1.2)  # the user's zoom is kept on resize
    center = QPointF(view.viewport().rect().center())
    event = QWheelEvent(center, view.mapToGlobal(center.toPoint()), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom == pytest.approx(fitted * 1.44)
    assert view.dragMode() == QGraphicsView.DragMode.ScrollHandDrag
    qtbot.mouseClick(tab.fit_button, Qt.MouseButton.LeftButton)
    assert view.auto_fit
    small = view.zoom
    tab.resize(1300, 800)
    qtbot.waitUntil(lambda: view.zoom > small)  # fits again on resize


def test_presets_switch_and_keep_the_field_in_step(tab):
    tab.preset_combo.setCurrentIndex(0)
    tab.preset_combo.activated.emit(0)
    assert tab.graph.name == "apple"
    assert tab.expression_edit.text() == "apple * apple_num * tax"
    tab.run_all()
    assert tab.scene.gradient_texts() == ["2.2", "110", "1.1", "200", "1"]


def test_mnemonics_do_not_clash_with_the_window(window):
    def letter(text: str) -> str | None:
        index = text.replace("&&", "").find("&")
        return text.replace("&&", "")[index + 1].lower() if index >= 0 else None

    tab = window.graph_tab
    window.tabs.setCurrentWidget(tab)
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [action.text() for action in window.menuBar().actions()]
    texts += [w.text() for w in tab.findChildren(QPushButton)]
    texts += [w.text() for w in tab.findChildren(QLabel) if w.buddy() is not None]
    letters = [c for c in map(letter, texts) if c]
    assert len(letters) >= 12
    assert len(letters) == len(set(letters)), sorted(letters)


# --- translation --------------------------------------------------------------------------------

#: The translation contexts of the graph feature: the classes of gui/graph/ that show text.
GRAPH_CONTEXTS = {"GraphTab", "GraphChooser", "StepperBar", "ZoomControls", "SidePanel",
                  "GradientTable", "GraphScene", "GraphView", "NodeDetailPanel", "NodeKind"}


class MarkingTranslator(QTranslator):
    """Translates every text of the graph tab's contexts into "‹text›"; others stay English."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"‹{source}›" if context in GRAPH_CONTEXTS else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked_tab(qtbot):
    app = QApplication.instance()
    translator = MarkingTranslator()
    app.installTranslator(translator)
    try:
        widget = GraphTab()
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        qtbot.waitExposed(widget)
        yield widget
        widget.shutdown()
    finally:
        app.removeTranslator(translator)


def test_every_operations_rule_is_in_each_translation_file():
    import xml.etree.ElementTree as ET

    from desktop_nn.resources import resource_path

    for ts in sorted(resource_path("i18n").glob("*.ts")):
        root = ET.parse(ts).getroot()
        translated = {
            message.findtext("source"): message.findtext("translation")
            for context in root.iter("context") if context.findtext("name") == RULE_CONTEXT
            for message in context.iter("message")
        }
        kinds = {**OPERATIONS, "pow by a constant": Power.by(2)}
        for name, op in kinds.items():
            assert translated.get(op.rule), (ts.name, name)


def test_the_words_are_translated_and_the_numbers_names_and_formulas_are_not(marked_tab):
    tab = marked_tab
    combo = tab.preset_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "‹Apples›", "‹Apples and oranges›", "‹Sigmoid›", "‹Your own expression›"]
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "apple", "apple_orange", "sigmoid", "expression"]
    for button in tab.findChildren(QPushButton):
        assert button.toolTip().startswith("‹"), button.objectName()
        if button.text() not in ("+", "−"):
            assert button.text().startswith("‹") and "&" in button.text()
    assert tab.step_label.text().startswith("‹Ready") and "(F7)" in tab.step_label.text()
    assert tab.legend_label.text().startswith("‹How to read it")
    assert "{colour}" not in tab.legend_label.text()
    header = tab.gradient_table.horizontalHeaderItem
    assert [header(c).text() for c in range(4)] == [
        "‹input›", "‹value›", "‹backprop›", "‹numerical›"]
    assert tab.view.toolTip().startswith("‹") and tab.view.accessibleName().startswith("‹")
    assert tab.scene.vertices["apple"].toolTip() == "‹Input apple: click to edit its value›"

    tab.run_all()
    assert tab.scene.value_texts() == BOOK_VALUES  # the drawing has no words to translate
    assert tab.scene.gradient_texts() == BOOK_GRADIENTS
    assert tab.step_label.text() == (
        "‹Done: price = 715; every gradient is shown in red below its arrow.›")
    tab.select_vertex("mul_tax_layer")
    text = tab.detail_panel.text().splitlines()
    assert text[0] == "‹× node: price›  (mul_tax_layer)"
    assert text[1] == f"‹{OPERATIONS['mul'].rule}›"
    assert text[2] == OPERATIONS["mul"].formula
    assert "‹forward: z = x·y = 650 × 1.1 = 715›" in text
    assert "   dx = dout·y = 1 × 1.1 = 1.1  → all_price" in text
    tab.select_vertex("apple")
    assert "‹∂price/∂apple by backpropagation: 2.2›" in tab.detail_panel.text()


def test_error_messages_of_the_core_follow_a_translated_lead_in(marked_tab):
    tab = marked_tab
    assert not tab.build_expression("x % 2")
    assert tab.expression_error.text().startswith("‹Not drawn:› ")
    assert "'%' is not allowed" in tab.expression_error.text()
    assert tab.build_expression("log(x) * y")
    tab.set_input("x", -1.0)
    assert tab.forward_step() is False
    message = tab.error_label.text()
    assert message.startswith("‹The graph stops here:› ") and "log(x) needs x > 0" in message
