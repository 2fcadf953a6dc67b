"""The Evaluate tab's captions and hints, and how wide a caption is."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: The gallery shows at most this many mistakes (the most confident ones).
GALLERY_LIMIT = 200
THUMBNAIL_SCALE = 2
NO_MODEL_HINT = QT_TRANSLATE_NOOP("EvaluateTab",
                                  "Train a network or load one (File → Load model).")
METRIC_COLUMNS = (
    QT_TRANSLATE_NOOP("EvaluateTab", "Class"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Precision"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Recall"),
    QT_TRANSLATE_NOOP("EvaluateTab", "F1"),
    QT_TRANSLATE_NOOP("EvaluateTab", "Support"),
)


def no_model_hint() -> str:
    """:data:`NO_MODEL_HINT` in the current language."""
    return QCoreApplication.translate("EvaluateTab", NO_MODEL_HINT)


def text_width(text: str) -> int:
    """Width of ``text`` in character cells: Chinese and Japanese characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_percent(probability: float) -> str:
    """'87%', but '99.7%' rather than a rounded '100%' for a guess that was not certain."""
    percent = 100 * probability
    if 99.5 <= percent < 100:
        return f"{percent:.1f}%"
    return f"{percent:.0f}%"


def mistake_caption(truth: str, guess: str, confidence: float) -> str:
    """'true 4 → guess 9 (87%)', broken into lines so that nothing is cut off."""
    percent = format_percent(confidence)
    if max(text_width(truth), text_width(guess)) <= 2:
        return QCoreApplication.translate(
            "EvaluateTab", "true {true} → guess {guess}\n({confidence})").format(
            true=truth, guess=guess, confidence=percent)
    return QCoreApplication.translate(
        "EvaluateTab", "true {true}\n→ guess {guess}\n({confidence})").format(
        true=truth, guess=guess, confidence=percent)
