"""The Layer graph tab's words in another language, its zoom and its palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_nn.graph.layer_kinds import LAYER_KINDS, RULE_CONTEXT
from desktop_nn.gui.common.palette import contrast_ratio
from desktop_nn.gui.layers.tab import LayersTab

#: The translation contexts of the layers feature, and the layer kinds' rules.
LAYER_CONTEXTS = {"LayersTab", "NetChooser", "LayerStepper", "InputFields", "DetailWriter",
                  "LayerGraphView", RULE_CONTEXT}


class MarkingTranslator(QTranslator):
    """Translates every text of the feature's contexts into "‹text›"; others stay English."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"‹{source}›" if context in LAYER_CONTEXTS else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked_tab(qtbot):
    app = QApplication.instance()
    translator = MarkingTranslator()
    app.installTranslator(translator)
    try:
        widget = LayersTab()
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        yield widget
    finally:
        app.removeTranslator(translator)


def test_the_words_are_translated_and_the_formulas_and_numbers_are_not(marked_tab):
    tab = marked_tab
    for button in tab.findChildren(QPushButton):
        assert button.text().startswith("‹") and button.toolTip().startswith("‹")
    combo = tab.chooser.net_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["simple", "current", "fresh"]
    assert all(combo.itemText(i).startswith("‹") for i in range(combo.count()))
    assert tab.stepper.step_label.text().startswith("‹Ready")
    tab.run_all()
    assert tab.scene.array_item("W", "grad").texts()[:3] == ["0.219", "0.144", "-0.363"]
    tab.select_layer("MatMul")
    text = tab.detail_panel.toPlainText()
    assert f"‹{LAYER_KINDS['matmul'].rule}›" in text
    assert LAYER_KINDS["matmul"].formula in text  # symbols, never translated
    assert "‹Backpropagation:›" in text and "dW[1, 2] = x[1]·dz[2]" in text


def test_the_window_zoom_scales_the_drawings_texts_once(window):
    tab = window.layers_tab
    tab.apply_lesson_state({"net": "simple"})
    box = tab.scene.boxes["MatMul"]
    before = box.size
    size = tab.scene.look.font.pointSizeF()
    window.set_zoom_percent(150)
    for _ in range(3):  # the new font reaches the widgets through events
        QApplication.processEvents()
    assert tab.scene.look.font.pointSizeF() == pytest.approx(1.5 * size, abs=0.5)
    assert tab.scene.boxes["MatMul"].size[1] > before[1]
    tab.run_all()
    window.set_zoom_percent(100)
    for _ in range(3):
        QApplication.processEvents()
    assert tab.scene.look.font.pointSizeF() == pytest.approx(size)
    assert tab.scene.array_item("L", "value").texts() == ["0.928"]  # the state is kept


def test_the_drawing_follows_a_dark_palette(tab):
    palette = QPalette(tab.palette())
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202020"), (roles.Base, "#101010"),
                         (roles.Text, "#f0f0f0"), (roles.WindowText, "#f0f0f0")):
        palette.setColor(role, QColor(colour))
    tab.setPalette(palette)
    look = tab.scene.look
    assert look.base == QColor("#101010") and look.text == QColor("#f0f0f0")
    assert contrast_ratio(look.gradient, look.base) >= 4.5
    assert tab.scene.backgroundBrush().color() == QColor("#101010")


@pytest.fixture
def tab(qtbot):
    widget = LayersTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget
