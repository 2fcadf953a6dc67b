"""FlowLayout: a row of controls that wraps instead of widening the window."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QPushButton, QWidget

from desktop_nn.gui.common.flow import FlowLayout


def test_the_row_wraps_when_narrow_and_nothing_overlaps(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host)
    buttons = [QPushButton(f"Button number {index}") for index in range(4)]
    for button in buttons:
        layout.addWidget(button)
    widest = max(button.sizeHint().width() for button in buttons)
    assert host.minimumSizeHint().width() == widest
    one_row = layout.sizeHint()
    assert one_row.width() >= sum(button.sizeHint().width() for button in buttons)
    host.resize(one_row.width(), layout.heightForWidth(one_row.width()))
    host.show()
    assert len({button.y() for button in buttons}) == 1
    narrow = widest + 10
    assert layout.heightForWidth(narrow) >= 4 * buttons[0].sizeHint().height()
    host.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({button.y() for button in buttons}) == 4)
    for first, second in pairwise(buttons):
        assert not first.geometry().intersects(second.geometry())
        assert first.geometry().right() < narrow


def test_the_graph_and_layer_controls_are_narrower_than_their_row(qtbot):
    from desktop_nn.gui.graph.controls import StepperBar
    from desktop_nn.gui.layers.controls import NetChooser

    for bar in (StepperBar(), NetChooser()):
        qtbot.addWidget(bar)
        # Well narrower than its one-row width: its controls can wrap onto further rows.
        assert bar.minimumSizeHint().width() < 0.6 * bar.layout().sizeHint().width()
