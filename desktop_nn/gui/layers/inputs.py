"""simpleNet's editable inputs: x, t and W typed as numbers, applied with Enter.

Values are written as the book prints arrays, without brackets: ``0.6, 0.9`` for x, ``0, 0, 1``
for t (or the class, ``2``), and W row by row with a semicolon between the rows. A value that
cannot be read, has the wrong shape, is not one-hot or would overflow is refused with one
message, and the field shows the value kept.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_nn.graph import LayerGraph

#: The editable inputs, in the order shown.
FIELDS = ("x", "t", "W")


def parse_array(text: str) -> np.ndarray:
    """``"1, 2; 3, 4"`` -> ``[[1, 2], [3, 4]]``; ``"0.6 0.9"`` -> ``[0.6, 0.9]``; ``"2"`` -> 2.

    Raises ValueError if a part is not a number or the rows differ in length.
    """
    rows = []
    for part in text.replace("[", " ").replace("]", " ").split(";"):
        items = part.replace(",", " ").split()
        try:
            rows.append([float(item) for item in items])
        except ValueError:
            raise ValueError(f"{part.strip()!r} is not a list of numbers") from None
    rows = [row for row in rows if row]
    if not rows:
        raise ValueError("no numbers given")
    if len({len(row) for row in rows}) != 1:
        raise ValueError("every row must have as many numbers")
    array = np.array(rows, dtype=np.float64)
    if ";" in text:
        return array
    return array[0, 0] if array.size == 1 else array[0]


def array_text(value) -> str:
    """An array as the fields write it (``repr`` precision, so nothing is lost)."""
    array = np.asarray(value, dtype=np.float64)
    if array.ndim == 0:
        return repr(float(array))
    if array.ndim == 1:
        return ", ".join(f"{v:.10g}" for v in array)
    return "; ".join(array_text(row) for row in array)


class InputFields(QWidget):
    """A field for each editable input; ``edited(name, text)`` when Enter is pressed."""

    edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Inputs (Enter applies):"))
        row.addWidget(self.title)
        tips = {
            "x": self.tr("The input x: two numbers, as 0.6, 0.9"),
            "t": self.tr("The label t: one-hot as 0, 0, 1, or the class as 2"),
            "W": self.tr("The weights W: two rows of three, a semicolon between the rows"),
        }
        for name in FIELDS:
            field = QLineEdit()
            field.setObjectName(f"layerInput{name.upper()}")
            field.setToolTip(tips[name])
            field.returnPressed.connect(lambda name=name: self._on_return(name))
            label = QLabel(f"{name} =")
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field, 3 if name == "W" else 1)
            self.fields[name] = field
        self.error_label = QLabel()
        self.error_label.setObjectName("layerInputError")
        self.error_label.setWordWrap(True)

    @Slot()
    def _on_return(self, name: str) -> None:
        self.edited.emit(name, self.fields[name].text())

    def show_values(self, graph: LayerGraph) -> None:
        """Write the graph's current inputs into the fields."""
        for name, field in self.fields.items():
            if name in graph.editable:
                field.setText(array_text(graph.value(name)))
                field.setCursorPosition(0)  # the start of a long W shows
