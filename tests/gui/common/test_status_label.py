"""StatusLabel: a text that changes often keeps its height, unless it needs more lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from desktop_nn.gui.common.widgets import StatusLabel, line_height

LONG = ("Train a network or load one first. Then draw a digit in the black square, and watch "
        "the network read it as you write.")


def wrapped_height(label: StatusLabel) -> int:
    return label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 100_000),
                                            int(Qt.TextFlag.TextWordWrap), label.text()).height()


def test_a_long_text_makes_a_narrow_label_tall_enough(qtbot):
    label = StatusLabel("short", lines=2)
    qtbot.addWidget(label)
    label.show()  # resize events reach a shown widget
    label.resize(400, label.height())
    two_lines = label.height()
    assert two_lines == 2 * line_height(label.fontMetrics()) + 4
    label.setText(LONG)
    label.resize(150, label.height())
    assert label.height() - 4 >= wrapped_height(label) > 2 * label.fontMetrics().lineSpacing()
    label.setText("short")  # back to the lines it was made with
    assert label.height() == two_lines


def test_a_one_line_label_keeps_its_height(qtbot):
    label = StatusLabel("short")
    qtbot.addWidget(label)
    label.show()  # resize events reach a shown widget
    height = label.height()
    label.resize(60, height)
    label.setText(LONG)
    assert label.height() == height  # one line elides instead
