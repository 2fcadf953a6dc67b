"""Asks for a new lesson's title and instructions before *Save lesson…* writes it."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_nn.lessons import Lesson
from desktop_nn.lessons.format import INSTRUCTIONS_LENGTH, TITLE_LENGTH


class SaveLessonDialog(QDialog):
    """The title and the instructions, in the window's language.

    A lesson's texts are kept by language; what is typed here is the text in the window's
    language and, as every lesson needs an English title, the English one too unless the
    lesson open now already has it (texts left unchanged keep all their languages).
    """

    def __init__(self, parent: QWidget | None, lesson: Lesson | None, language: str) -> None:
        super().__init__(parent)
        self.setObjectName("saveLessonDialog")
        self.setWindowTitle(self.tr("Save lesson"))
        self.lesson = lesson
        self.language = language
        self.title_edit = QLineEdit(lesson.title_in(language) if lesson else "")
        self.title_edit.setObjectName("lessonTitleEdit")
        self.title_edit.setMaxLength(TITLE_LENGTH)
        self.title_edit.setPlaceholderText(self.tr("What the class will do"))
        self.instructions_edit = QPlainTextEdit(lesson.instructions_in(language) if lesson else "")
        self.instructions_edit.setObjectName("lessonInstructionsEdit")
        self.instructions_edit.setPlaceholderText(self.tr(
            "What to look at, what to change, what to expect"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Instructions:"), self.instructions_edit)
        form.addRow(self.buttons)
        self.title_edit.textChanged.connect(self._update_button)
        self._update_button()
        self.resize(520, 320)

    @Slot()
    def _update_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.title_edit.text().strip()))

    def titles(self) -> dict[str, str]:
        old = self.lesson.title if self.lesson else {}
        return self._texts(self.title_edit.text().strip(), old)

    def instructions(self) -> dict[str, str]:
        old = self.lesson.instructions if self.lesson else {}
        text = self.instructions_edit.toPlainText().strip()[:INSTRUCTIONS_LENGTH]
        return self._texts(text, old) if text else {}

    def _texts(self, text: str, old: dict[str, str]) -> dict[str, str]:
        texts = dict(old)
        if texts.get(self.language, texts.get("en")) == text:
            return texts
        texts[self.language] = text
        if self.language != "en" and "en" not in old:
            texts["en"] = text
        return texts
