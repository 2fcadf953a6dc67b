"""The lesson's side panel: its title and instructions in the window's language, and a button
that closes the lesson."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from desktop_nn.lessons import Lesson

#: The narrowest the panel is as a column beside the tabs (pixels).
COLUMN_WIDTH = 240


class LessonPanel(QDockWidget):
    """``lessonPanel``: a dock at the window's side, shown while a lesson is open.

    At the left or right it is a column (title, instructions, the close button); at the top or
    bottom (a window too narrow for a column beside its tabs: a 1024-pixel projector) a strip,
    with the instructions a few lines high.

    Signals
    -------
    close_requested()
        The *Close lesson* button was pressed.
    """

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lesson"), parent)
        self.setObjectName("lessonPanel")
        # Closed with its own button, which also brings the hidden controls back.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.title_label = QLabel()
        self.title_label.setObjectName("lessonTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.instructions = QTextBrowser()
        self.instructions.setObjectName("lessonInstructions")
        self.instructions.setOpenLinks(False)
        self.instructions.setAccessibleName(self.tr("The lesson's instructions"))
        self.close_button = QPushButton(self.tr("Close lesson"))
        self.close_button.setObjectName("closeLessonButton")
        self.close_button.setToolTip(self.tr(
            "Close the lesson: the controls it hid come back; the settings stay as they are."))
        self.close_button.clicked.connect(self.close_requested)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.setWidget(body)
        self.dockLocationChanged.connect(self.arrange)
        self.arrange(Qt.DockWidgetArea.RightDockWidgetArea)

    def arrange(self, area: Qt.DockWidgetArea) -> None:
        """Lay the panel out as a column (left, right) or a strip (top, bottom)."""
        strip = area in (Qt.DockWidgetArea.TopDockWidgetArea,
                         Qt.DockWidgetArea.BottomDockWidgetArea)
        grid = self.grid
        for widget in (self.title_label, self.instructions, self.close_button):
            grid.removeWidget(widget)
        grid.addWidget(self.title_label, 0, 0)
        grid.addWidget(self.instructions, 1, 0)
        lines = self.instructions.fontMetrics().lineSpacing()
        if strip:
            grid.addWidget(self.close_button, 1, 1, Qt.AlignmentFlag.AlignBottom)
            self.instructions.setMinimumHeight(3 * lines)
            self.instructions.setMaximumHeight(5 * lines)
            self.widget().setMinimumWidth(0)
        else:
            grid.addWidget(self.close_button, 2, 0)
            self.instructions.setMinimumHeight(3 * lines)
            self.instructions.setMaximumHeight(16_777_215)
            self.widget().setMinimumWidth(COLUMN_WIDTH)

    def column_width(self) -> int:
        """The width the panel needs as a column beside the tabs, however it is laid out now."""
        margins = self.grid.contentsMargins()
        button = self.close_button.minimumSizeHint().width() + margins.left() + margins.right()
        return max(COLUMN_WIDTH, button)

    def show_lesson(self, lesson: Lesson, language: str) -> None:
        """Show ``lesson``'s title and instructions in ``language`` (English if it has none)."""
        self.title_label.setText(f"<h3>{html.escape(lesson.title_in(language), quote=False)}</h3>")
        self.instructions.setPlainText(lesson.instructions_in(language))
