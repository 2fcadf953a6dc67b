"""Small reusable widgets: a digit image, a bar chart of class probabilities, a status line
that changes often, and a number box that writes only the decimals a value needs."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSizePolicy, QWidget

from desktop_nn.gui.common.palette import TEST_COLOUR, TRAIN_COLOUR, colour
from desktop_nn.image_files import grey_qimage


class DigitView(QLabel):
    """Shows a 28x28 image enlarged with sharp pixels."""

    def __init__(self, scale: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.setFixedSize(28 * scale, 28 * scale)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QLabel.Shape.Box)
        self.setAccessibleName(self.tr("Digit image"))
        self.clear_image()

    def clear_image(self) -> None:
        blank = QPixmap(28 * self.scale, 28 * self.scale)
        blank.fill(QColor("black"))
        self.setPixmap(blank)

    def set_pixels(self, pixels: np.ndarray) -> None:
        image = grey_qimage(pixels)
        self.setPixmap(
            QPixmap.fromImage(image).scaled(
                image.width() * self.scale,
                image.height() * self.scale,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )


#: The least room the probability bars keep for a bar beside their texts (pixels).
MIN_BAR_SPACE = 40


class ProbabilityBars(QWidget):
    """Horizontal bars, one per class, with the class label and the percentage.

    The predicted class is drawn in the accent colour; the true class, when known, is marked.
    """

    def __init__(self, labels: list[str] | None = None, parent: QWidget | None = None,
                 *, row_height: int = 20) -> None:
        super().__init__(parent)
        self.labels = labels or [str(i) for i in range(10)]
        self.probabilities = np.zeros(len(self.labels))
        self.true_class: int | None = None
        self._base_row_height = self.row_height = row_height
        # It fills its own background: a new prediction repaints the bars alone, not the
        # widgets beneath them first (a run's preview changes at every epoch).
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._fit_rows()
        self.setAccessibleName(self.tr("Class probabilities"))

    def _fit_rows(self) -> None:
        """Rows as tall as the text needs (taller when the window's zoom enlarges it), and
        wide enough for the texts beside a short bar."""
        text = self.fontMetrics().height()
        self.row_height = max(self._base_row_height, text + 2)
        self.setMinimumHeight(max(min(18, self._base_row_height), text) * len(self.labels))
        label_width, value_width = self._text_widths()
        self.setMinimumWidth(label_width + value_width + MIN_BAR_SPACE)
        self.updateGeometry()

    def _text_widths(self) -> tuple[int, int]:
        """Widths of the class column and the percentage column, measured in bold (the true
        class's row is bold, and "100.0%" in bold is wider than in the regular weight)."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        label_width = max(metrics.horizontalAdvance(label) for label in self.labels) + 8
        return label_width, metrics.horizontalAdvance("100.0%") + 6

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def sizeHint(self) -> QSize:
        return QSize(220, self.row_height * len(self.labels))

    def set_probabilities(self, probabilities: np.ndarray | None, true_class: int | None = None):
        if probabilities is None:
            self.probabilities = np.zeros(len(self.labels))
        else:
            self.probabilities = np.asarray(probabilities, dtype=np.float64)
        self.true_class = true_class
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        label_width, value_width = self._text_widths()
        row_height = self.height() / len(self.labels)
        bar_space = max(10.0, self.width() - label_width - value_width)
        best = int(np.argmax(self.probabilities)) if self.probabilities.any() else -1
        for i, (label, p) in enumerate(zip(self.labels, self.probabilities, strict=True)):
            top = i * row_height
            painter.setPen(text_colour)
            font = painter.font()
            font.setBold(i == self.true_class)
            painter.setFont(font)
            painter.drawText(
                QRectF(0, top, label_width - 6, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar_colour = (
                colour(TEST_COLOUR, 230) if i == best else colour(TRAIN_COLOUR, 140)
            )
            painter.fillRect(
                QRectF(label_width, top + row_height * 0.18, bar_space * float(p),
                       row_height * 0.64),
                bar_colour,
            )
            painter.drawText(
                QRectF(label_width + bar_space + 4, top, value_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{100 * p:.1f}%",
            )
        painter.end()


def line_height(metrics: QFontMetrics) -> int:
    """Height of one line of text, including the taller CJK fallback fonts."""
    sample = metrics.boundingRect("Ág国あ")
    return max(metrics.lineSpacing(), sample.height() + 2)


class StatusLabel(QWidget):
    """Text that changes often (several times a second) without disturbing the layout.

    A QLabel asks for a new layout whenever its text changes, which re-lays out and repaints
    the whole window; this widget keeps the height of ``lines`` lines, wraps words itself and
    only repaints its own rectangle. A text of several lines that needs more of them at the
    widget's width (a large zoom, a narrow window, a wider language) makes it taller: the
    one change of size that asks for a new layout, and only when the number of lines changes.
    """

    def __init__(self, text: str = "", lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.lines = lines
        self.alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()
        self.setAutoFillBackground(True)  # opaque: the widgets beneath need no repaint

    def _fit_height(self) -> None:
        self.setFixedHeight(line_height(self.fontMetrics()) * self.lines_needed() + 4)

    def lines_needed(self) -> int:
        """``lines``, or more when the wrapped text needs more at the current width."""
        if self.lines == 1 or not self._text:
            return self.lines
        flags = int(Qt.TextFlag.TextWordWrap)
        metrics = self.fontMetrics()
        height = metrics.boundingRect(0, 0, max(self.width(), 1), 1 << 20, flags,
                                      self._text).height()
        return max(self.lines, -(-height // metrics.lineSpacing()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the window's zoom
            self._fit_height()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setToolTip(text if self.lines == 1 else "")
            if self.lines > 1:
                self._fit_height()
            self.update()

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        self.alignment = alignment | Qt.AlignmentFlag.AlignVCenter
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        flags = self.alignment
        text = self._text
        if self.lines == 1:
            text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.width())
        else:
            flags |= Qt.TextFlag.TextWordWrap
        painter.drawText(self.rect().adjusted(0, 2, 0, -2), int(flags), text)
        painter.end()


class CompactSpinBox(QDoubleSpinBox):
    """A number box that writes no more decimals than a value needs, and at least ``shown``:
    '1.1' rather than '1.100000' (``shown`` 0), '0.1000' and '0.00015' (``shown`` 4).

    Parameters
    ----------
    decimals : int
        The precision the box keeps.
    shown : int
        Decimals always written.
    """

    def __init__(self, decimals: int = 6, shown: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = shown
        self.setDecimals(decimals)

    def textFromValue(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(float(value), "f", self.decimals())
        if not self.isGroupSeparatorShown():
            text = text.replace(locale.groupSeparator(), "")
        point = locale.decimalPoint()
        if point in text:
            keep = len(text) - (self.decimals() - self.shown)
            text = text[:keep] + text[keep:].rstrip("0")
            text = text.removesuffix(point)
        return text
