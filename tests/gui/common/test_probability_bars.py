"""ProbabilityBars: the class and percentage texts always fit beside a bar, in bold too."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from desktop_nn.gui.common.widgets import MIN_BAR_SPACE, ProbabilityBars


def bold_width(font: QFont, text: str) -> int:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(text)


def test_the_bars_ask_for_room_for_a_bold_100_percent_at_any_font_size(qtbot):
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    for points in (9, 18, 27):  # 100 %, 200 %, 300 % of the window's zoom
        font = QFont(bars.font())
        font.setPointSize(points)
        bars.setFont(font)
        needed = (bold_width(font, "100.0%") + max(bold_width(font, label) for label in bars.labels)
                  + MIN_BAR_SPACE)
        # The true class's row is bold: "100.0%" there is wider than in the regular weight,
        # and at 200 % it was cut off in the Training tab's narrow sample panel.
        assert bars.minimumWidth() >= needed, points
