"""Colours and pens: the Okabe-Ito palette (safe for colour-blind viewers), following the
application's light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: Colours for earlier runs, in turn.
RUN_COLOURS = ("bluish_green", "reddish_purple", "orange", "sky_blue", "yellow")
TRAIN_COLOUR = "blue"
TEST_COLOUR = "vermillion"


def colour(name: str, alpha: int = 255) -> QColor:
    """An Okabe-Ito colour by name, with optional transparency (0-255)."""
    result = QColor(OKABE_ITO[name])
    result.setAlpha(alpha)
    return result


def tint(base: QColor, strength: float) -> QColor:
    """``base`` mixed with the plot background: ``strength`` 1 is ``base``, 0 the background."""
    back = plot_background()
    return QColor(
        round(back.red() + (base.red() - back.red()) * strength),
        round(back.green() + (base.green() - back.green()) * strength),
        round(back.blue() + (base.blue() - back.blue()) * strength),
    )


def is_dark() -> bool:
    """True if the application's window background is dark."""
    app = QApplication.instance()
    palette = app.palette() if app else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def plot_background() -> QColor:
    app = QApplication.instance()
    palette = app.palette() if app else QPalette()
    return palette.color(QPalette.ColorRole.Base)


def plot_foreground() -> QColor:
    app = QApplication.instance()
    palette = app.palette() if app else QPalette()
    return palette.color(QPalette.ColorRole.Text)
