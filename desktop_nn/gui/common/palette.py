"""Colours: the Okabe-Ito palette (safe for colour-blind viewers), following the application's
light or dark palette, and the WCAG contrast rules that keep text readable on any of them."""

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


def relative_luminance(c: QColor) -> float:
    """WCAG relative luminance of a colour (0 black .. 1 white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def readable(base: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """``base``, darkened on a light background or lightened on a dark one until its contrast
    with ``background`` reaches ``minimum`` (4.5 is the WCAG level for normal text)."""
    target = QColor("black") if relative_luminance(background) > 0.18 else QColor("white")
    result = QColor(base)
    amount = 0.0
    while contrast_ratio(result, background) < minimum and amount < 1.0:
        amount = min(1.0, amount + 0.05)
        result = mix(base, target, amount)
    return result


def readable_text_colour(fill: QColor, palette: QPalette) -> QColor:
    """The palette's text or base colour, whichever stands out more on ``fill``."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return text if contrast_ratio(text, fill) >= contrast_ratio(base, fill) else base
