"""Which graph the Computation graph tab shows: one of the book's, or an expression typed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

#: (combo text in English, preset key); the key "expression" builds the graph from the
#: expression field. The texts are translated (context "GraphTab") when the combo is filled.
PRESET_CHOICES = (
    (QT_TRANSLATE_NOOP("GraphTab", "Apples"), "apple"),
    (QT_TRANSLATE_NOOP("GraphTab", "Apples and oranges"), "apple_orange"),
    (QT_TRANSLATE_NOOP("GraphTab", "Sigmoid"), "sigmoid"),
    (QT_TRANSLATE_NOOP("GraphTab", "Your own expression"), "expression"),
)


class GraphChooser(QObject):
    """The preset box and the expression field with its error line (widgets the tab lays out).

    Signals
    -------
    chosen(str)
        A preset key was chosen in the box ("expression": the field's expression).
    expression_entered(str)
        Enter was pressed in the expression field.
    """

    chosen = Signal(str)
    expression_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("graphPresetCombo")
        for text, key in PRESET_CHOICES:
            self.preset_combo.addItem(QCoreApplication.translate("GraphTab", text), key)
        self.preset_combo.setToolTip(self.tr("Choose one of the book's graphs, or build one "
                                             "from the expression field."))
        self.preset_label = QLabel(self.tr("&Preset:"))
        self.preset_label.setBuddy(self.preset_combo)
        self.expression_edit = QLineEdit()
        self.expression_edit.setObjectName("graphExpressionEdit")
        self.expression_edit.setPlaceholderText(
            self.tr("e.g. {first}  or  {second}").format(
                first="(a * b + c) * d", second="1 / (1 + exp(-x))"))
        self.expression_edit.setClearButtonEnabled(True)
        self.expression_edit.setToolTip(self.tr(
            "Type a formula with + - * /, exp(), log(), numbers and names, then press Enter "
            "to draw its graph."))
        self.expression_label = QLabel(self.tr("E&xpression:"))
        self.expression_label.setBuddy(self.expression_edit)
        self.expression_error = QLabel()
        self.expression_error.setObjectName("graphExpressionError")
        self.expression_error.setWordWrap(True)
        self.expression_error.setToolTip(self.tr("Why the expression could not be drawn."))
        self.expression_error.setMinimumHeight(self.expression_error.fontMetrics().lineSpacing())
        self.preset_combo.activated.connect(
            lambda index: self.chosen.emit(self.preset_combo.itemData(index)))
        self.expression_edit.returnPressed.connect(
            lambda: self.expression_entered.emit(self.expression_edit.text()))

    def select(self, key: str) -> None:
        """Show ``key`` chosen in the box (without emitting ``chosen``)."""
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))

    def title(self) -> str:
        """The chosen entry as the box shows it."""
        return self.preset_combo.currentText()

    def expression(self) -> str:
        return self.expression_edit.text()

    def show_expression(self, text: str) -> None:
        if self.expression_edit.text() != text:
            self.expression_edit.setText(text)

    def show_error(self, message: str) -> None:
        """Why the expression was not drawn ("" when it was)."""
        self.expression_error.setText(message)
