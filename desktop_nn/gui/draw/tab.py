"""The Draw tab: write a digit and watch the network read it as you write.

What you draw is prepared the way MNIST's digits were (:mod:`desktop_nn.core.preprocess`); the
tab shows the 28x28 image the network receives and the network's answer with the probability
of every class. The answer is recomputed as the strokes arrive, at most ``UPDATE_HZ`` times a
second (preparing and reading one digit takes about a millisecond), and whenever the model
changes while the tab is shown.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop_nn.core.functions import softmax
from desktop_nn.core.preprocess import ink_on_black, to_mnist
from desktop_nn.gui.common.class_names import display_class_names
from desktop_nn.gui.common.messages import show_message
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.common.tab_contract import TabContract
from desktop_nn.gui.common.widgets import DigitView, ProbabilityBars, StatusLabel
from desktop_nn.gui.common.zoom import refit_on_font_change
from desktop_nn.gui.draw.canvas import PEN_WIDTH_RANGE, DrawCanvas

UPDATE_HZ = 20
NO_MODEL_HINT = QT_TRANSLATE_NOOP("DrawTab", "Train a network or load one first.")
EMPTY_HINT = QT_TRANSLATE_NOOP("DrawTab", "Draw a digit in the black square.")


def translate(text: str) -> str:
    """One of the tab's texts in the current language."""
    return QCoreApplication.translate("DrawTab", text)


#: The answer's height in pixels at the window's actual size.
ANSWER_PIXELS = 96


class PredictionView(QGroupBox):
    """The network's answer: the class it reads, large, and the bars of all probabilities."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The network reads"))
        self.setObjectName("drawPredictionView")
        self.setToolTip(
            self.tr("The class the network gives the highest probability, and all ten."))
        self.labels = [str(i) for i in range(10)]
        self.answer = QLabel("–")
        self.answer.setObjectName("drawAnswerLabel")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_zoom(1.0)
        self.answer.setMinimumWidth(140)
        self.answer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.detail = StatusLabel(translate(EMPTY_HINT), lines=2)
        self.detail.setObjectName("drawPredictionText")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.bars = ProbabilityBars()
        self.bars.setObjectName("drawProbabilityBars")
        self.bars.setMinimumHeight(230)
        self._prediction: int | None = None
        self.probabilities: np.ndarray | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.answer)
        layout.addWidget(self.detail)
        layout.addWidget(self.bars, 1)

    def set_zoom(self, factor: float) -> None:
        """Draw the answer ``factor`` times its size at the window's actual size."""
        font = QFont(self.answer.font())
        font.setPixelSize(round(ANSWER_PIXELS * factor))
        font.setBold(True)
        self.answer.setFont(font)

    def prediction(self) -> int | None:
        """The class shown, or None while a hint is shown instead."""
        return self._prediction

    def hint(self) -> str:
        """The text under the answer (a hint to draw or to train, or the confidence)."""
        return self.detail.text()

    def set_labels(self, labels: list[str]) -> None:
        self.labels = labels
        self.bars.labels = labels
        self.bars.update()

    def show_hint(self, text: str) -> None:
        self._prediction = None
        self.probabilities = None
        self.answer.setText("–")
        self.detail.setText(text)
        self.bars.set_probabilities(None)

    def show_probabilities(self, probabilities: np.ndarray) -> None:
        best = int(np.argmax(probabilities))
        self._prediction = best
        self.probabilities = probabilities
        self.answer.setText(self.labels[best])
        runner_up = int(np.argsort(probabilities)[-2])
        self.detail.setText(self.tr("{percent}% sure; next: {runner_up} ({runner_up_percent}%)")
                            .format(percent=f"{100 * probabilities[best]:.1f}",
                                    runner_up=self.labels[runner_up],
                                    runner_up_percent=f"{100 * probabilities[runner_up]:.1f}"))
        self.bars.set_probabilities(probabilities)


class DrawTab(QWidget, TabContract):
    """Write a digit with the mouse or a pen; see what the network makes of it."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawTab")
        self.state = state
        self.rng = np.random.default_rng()
        self.update_count = 0
        self.network_input: np.ndarray | None = None  # the (28, 28) image last read
        self._stale = True

        self.canvas = DrawCanvas()
        self.digit_view = DigitView(scale=8)
        self.digit_view.setObjectName("drawDigitView")
        self.digit_view.setToolTip(
            self.tr("The 28×28 image the network receives, pixel for pixel."))
        self.prediction_view = PredictionView()
        self._build_controls()
        self._build_layout()

        self.update_timer = QTimer(self)
        self.update_timer.setSingleShot(True)
        self.update_timer.setInterval(int(1000 / UPDATE_HZ))
        self.update_timer.timeout.connect(self.update_prediction)

        self.canvas.changed.connect(self._on_canvas_changed)
        self.pen_slider.valueChanged.connect(self._on_pen_width)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.sample_button.clicked.connect(self.draw_test_sample)
        self.open_button.clicked.connect(self.open_picture_dialog)
        for key in (QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.canvas.clear)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.canvas.undo)
        state.model_changed.connect(self._on_model)
        state.params_updated.connect(self._on_model)
        state.data_changed.connect(self._update_buttons)
        self._on_pen_width(self.pen_slider.value())
        self._update_buttons()
        self.update_prediction()

    # -- construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.clear_button = QPushButton(self.tr("Cle&ar"))
        self.clear_button.setObjectName("drawClearButton")
        self.clear_button.setToolTip(self.tr("Wipe the canvas to write another digit (Delete)."))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setObjectName("drawUndoButton")
        self.undo_button.setToolTip(self.tr("Take back the last stroke or clear (Ctrl+Z)."))
        self.sample_button = QPushButton(self.tr("&Sample digit"))
        self.sample_button.setObjectName("drawSampleButton")
        self.sample_button.setToolTip(
            self.tr("Paint a random MNIST test digit, ten times enlarged, onto the canvas."))
        self.open_button = QPushButton(self.tr("&Open picture…"))
        self.open_button.setObjectName("drawOpenButton")
        self.open_button.setToolTip(self.tr(
            "Read a photo or scan of one digit (dark on light or light on dark) onto the "
            "canvas."))
        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setObjectName("drawPenWidthSlider")
        self.pen_slider.setRange(*PEN_WIDTH_RANGE)
        self.pen_slider.setValue(self.canvas.pen_width)
        self.pen_slider.setToolTip(self.tr(
            "Width of the pen in pixels of the 280-pixel square; about 24 writes like MNIST."))
        self.pen_slider.setAccessibleName(self.tr("Pen width"))
        self.pen_label = QLabel(self.tr("Pen &width:"))
        self.pen_label.setBuddy(self.pen_slider)
        self.pen_value = QLabel()
        self.pen_value.setMinimumWidth(self.pen_value.fontMetrics().horizontalAdvance("48 px "))

    def _build_layout(self) -> None:
        canvas_box = QGroupBox(self.tr("Write a digit"))
        canvas_layout = QVBoxLayout(canvas_box)
        canvas_layout.addWidget(self.canvas, 1)
        pen_row = QHBoxLayout()
        pen_row.addWidget(self.pen_label)
        pen_row.addWidget(self.pen_slider, 1)
        pen_row.addWidget(self.pen_value)
        canvas_layout.addLayout(pen_row)
        # Two by two, so that the tab fits a narrow window in every language.
        buttons = QGridLayout()
        for index, button in enumerate((self.clear_button, self.undo_button,
                                        self.sample_button, self.open_button)):
            buttons.addWidget(button, index // 2, index % 2)
        canvas_layout.addLayout(buttons)

        seen_box = QGroupBox(self.tr("What the network sees"))
        seen_layout = QVBoxLayout(seen_box)
        seen_layout.addWidget(self.digit_view, 0, Qt.AlignmentFlag.AlignHCenter)
        steps = QLabel(self.tr(
            "As MNIST's digits were made: cropped to the ink, scaled so that the longer side is "
            "20 pixels (keeping the shape), and placed in 28×28 with its centre of mass in the "
            "middle."))
        steps.setWordWrap(True)
        seen_layout.addWidget(steps)
        seen_layout.addStretch(1)
        self._fit_seen_box(seen_box)
        refit_on_font_change(seen_box, lambda: self._fit_seen_box(seen_box))  # the zoom

        self.prediction_view.setMinimumWidth(240)
        self.prediction_view.setMaximumWidth(460)
        layout = QHBoxLayout(self)
        layout.addWidget(canvas_box, 3)
        layout.addWidget(seen_box, 0)
        layout.addWidget(self.prediction_view, 2)

    def _fit_seen_box(self, box: QGroupBox) -> None:
        """Room for the 28×28 image and for the box's title in the current font."""
        title = box.fontMetrics().horizontalAdvance(box.title()) + 24
        box.setFixedWidth(max(self.digit_view.width() + 40, title))

    # -- reading the drawing -----------------------------------------------------------------
    @Slot()
    def _on_canvas_changed(self) -> None:
        self._stale = True
        self._update_buttons()
        if not self.update_timer.isActive():
            self.update_timer.start()

    @Slot()
    def _on_model(self) -> None:
        self._stale = True
        if self.isVisible() and not self.update_timer.isActive():
            self.update_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.update_prediction()

    @Slot()
    def update_prediction(self) -> None:
        """Prepare the drawing as MNIST's digits were and show what the network reads."""
        self.update_timer.stop()
        self._stale = False
        self.update_count += 1
        config = self.state.config
        self.prediction_view.set_labels(
            display_class_names(config.dataset if config is not None
                                else self.state.dataset_name))
        digit = None if self.canvas.is_empty() else to_mnist(self.canvas.pixels())
        self.network_input = digit
        if digit is None:
            self.digit_view.clear_image()
            self.prediction_view.show_hint(
                translate(EMPTY_HINT) if self.state.network is not None else
                self.tr("Train a network or load one first. Then draw a digit in the black "
                        "square."))
            return
        self.digit_view.set_pixels(digit)
        probabilities = self.read_digit(digit)
        if probabilities is None:
            self.prediction_view.show_hint(translate(NO_MODEL_HINT))
        else:
            self.prediction_view.show_probabilities(probabilities)

    def read_digit(self, digit: np.ndarray) -> np.ndarray | None:
        """The current network's probabilities (10,) for a prepared (28, 28) digit, or None."""
        network = self.state.network
        if network is None or network.input_size != digit.size:
            return None
        with np.errstate(all="ignore"):
            scores = network.predict(digit.reshape(1, -1))[0].astype(np.float64)
            probabilities = softmax(scores)
        return probabilities if np.all(np.isfinite(probabilities)) else None

    # -- the tab contract --------------------------------------------------------------------
    tab_key = "draw"

    def main_view(self) -> QWidget:
        """The whole tab: the drawing, the 28×28 image the network sees, and its answer."""
        return self

    def set_zoom(self, factor: float) -> None:
        self.prediction_view.set_zoom(factor)

    # -- other controls ----------------------------------------------------------------------
    @Slot(int)
    def _on_pen_width(self, width: int) -> None:
        self.canvas.set_pen_width(width)
        self.pen_value.setText(f"{width} px")

    def _update_buttons(self) -> None:
        self.sample_button.setEnabled(self.state.data is not None)
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.clear_button.setEnabled(not self.canvas.is_empty())

    @Slot()
    def draw_test_sample(self) -> int | None:
        """Paint a random test image onto the canvas; return its index (None without data)."""
        if self.state.data is None:
            return None
        x_test = self.state.data[1][0]
        index = int(self.rng.integers(len(x_test)))
        self.canvas.set_image(x_test[index].reshape(28, 28))
        return index

    @Slot()
    def open_picture_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a picture of a digit"), "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;"
                    "All files (*)"))
        if path:
            self.open_picture(path)

    def open_picture(self, path: str) -> bool:
        """Put a picture file on the canvas (inverted if it is dark on light); False on error."""
        from desktop_nn.image_files import ImageFileError, read_grey

        try:
            picture = ink_on_black(read_grey(path))
        except ImageFileError as exc:
            self._show_message(self.tr("Cannot open the picture"),
                               self.tr("The file could not be read as a picture:") + "\n"
                               + str(exc))
            return False
        if not picture.any():
            self._show_message(self.tr("No digit found"),
                               self.tr("{path}: the picture is blank or has too little "
                                       "contrast.").format(path=path))
            return False
        self.canvas.set_image(picture)
        return True

    def _show_message(self, title: str, text: str) -> None:
        show_message(self, title, text, name="drawMessage")
