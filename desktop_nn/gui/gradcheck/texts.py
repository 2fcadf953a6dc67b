"""The Gradient check tab's words and figures: table headers, numbers as the tab writes them,
and what the figures mean (translation context ``GradientCheckTab``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: Column headers (English; translated when the table is built).
TABLE_COLUMNS = (
    QT_TRANSLATE_NOOP("GradientCheckTab", "Parameter"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Shape"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "mean |diff|"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "max |diff|"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "max relative error"),
)
#: The parameters' names are the book's and stay as they are in every language.
HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("GradientCheckTab", "1e-7 in log"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Samples"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Hidden"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Activation"),
    QT_TRANSLATE_NOOP("GradientCheckTab", "Seed"),
    "W1", "b1", "W2", "b2",
    QT_TRANSLATE_NOOP("GradientCheckTab", "Speed ratio"),
)


def translated(texts: tuple[str, ...]) -> list[str]:
    """The tab's translations of English ``texts`` (names without one stay as they are)."""
    return [QCoreApplication.translate("GradientCheckTab", text) for text in texts]


def format_sci(value: float) -> str:
    """Scientific notation with three significant digits: 5.07e-10."""
    return f"{value:.2e}"


def format_seconds(seconds: float) -> str:
    """'12.3 s' for the slow method, '0.412 ms' for the fast one."""
    if seconds >= 1.0:
        return f"{seconds:.1f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e3:.3f} ms"


def round_speedup(speedup: float) -> str:
    """'20,000' for 19,876.5: two significant figures from 100 on (the timings are noisy)."""
    if speedup >= 100:
        digits = len(str(int(speedup))) - 2
        speedup = round(speedup, -digits)
    return f"{speedup:,.0f}"


def explanation_html() -> str:
    """What the figures mean, in the current language (three rich-text paragraphs)."""
    why = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>Why the two gradients are not identical.</b> The numerical gradient estimates "
        "each slope by central differences, (f(x+h) − f(x−h)) / 2h with the book's "
        "h = 10<sup>−4</sup>. That estimate carries a truncation error which shrinks like h², "
        "and a rounding error of about ε/h (ε ≈ 10<sup>−16</sup> in float64) from subtracting "
        "two almost equal losses. Both are tiny: around 10<sup>−10</sup> at most.</p>")
    delta = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>The 10<sup>−7</sup> inside the log.</b> The book's cross_entropy_error computes "
        "−log(y + 10<sup>−7</sup>) so that log(0) can never happen. The numerical gradient "
        "differentiates that loss, constant and all, while backpropagation uses the clean "
        "formula (y − t) / N, which is the slope of the loss <i>without</i> the constant. So "
        "the two methods differentiate slightly different functions, and the gap grows to "
        "about 10<sup>−7</sup> for b2, the parameter nearest the loss. Untick the box to make "
        "the constant 0: both then differentiate the same loss, and the differences fall to "
        "the book's printed 10<sup>−13</sup> to 10<sup>−10</sup>.</p>")
    reading = QCoreApplication.translate(
        "GradientCheckTab",
        "<p><b>Reading the table.</b> A correct backpropagation gives differences many orders "
        "of magnitude below the gradients themselves (relative errors well under "
        "10<sup>−4</sup>); a bug in a backward pass shows up as a relative error near 1.</p>")
    return why + delta + reading
