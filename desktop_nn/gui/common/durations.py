"""Durations as people write them, in the window's language.

An estimate is rounded to what is worth knowing ("about 12 minutes", "about 110 hours
(4.6 days)"); a measured time keeps its units ("2 min 05 s"). Neither is written as a clock
("110:18:29"), which reads as a time of day or leaves the reader counting colons.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

MINUTE = 60.0
HOUR = 3600.0
DAY = 24 * HOUR


def _number(value: float) -> str:
    """One decimal below 10 ('3.5'), whole numbers from there ('12', '1,234')."""
    if value < 9.95 and round(value, 1) != round(value):
        return f"{value:.1f}"
    return f"{round(value):,}"


def about(seconds: float) -> str:
    """An estimate: 'about 40 seconds', 'about 3.5 hours', 'about 110 hours (4.6 days)'."""
    if not math.isfinite(seconds) or seconds < 0:
        return QCoreApplication.translate("Durations", "unknown")
    if seconds < 1:
        return QCoreApplication.translate("Durations", "less than a second")
    if seconds < MINUTE:
        count = round(seconds)
        if count == 1:
            return QCoreApplication.translate("Durations", "about a second")
        return QCoreApplication.translate("Durations", "about {count} seconds").format(
            count=count)
    if seconds < HOUR - 30:
        count = round(seconds / MINUTE)
        if count == 1:
            return QCoreApplication.translate("Durations", "about a minute")
        return QCoreApplication.translate("Durations", "about {count} minutes").format(
            count=count)
    hours = seconds / HOUR
    if round(hours, 1) == 1:
        return QCoreApplication.translate("Durations", "about an hour")
    if seconds < 2 * DAY:
        return QCoreApplication.translate("Durations", "about {count} hours").format(
            count=_number(hours))
    return QCoreApplication.translate("Durations", "about {hours} hours ({days} days)").format(
        hours=f"{round(hours):,}", days=_number(seconds / DAY))


def measured(seconds: float) -> str:
    """A measured time: '0.4 s', '12 s', '2 min 05 s', '1 h 02 min'."""
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    if seconds < 10:
        return QCoreApplication.translate("Durations", "{seconds} s").format(
            seconds=f"{seconds:.1f}")
    whole = round(seconds)
    if whole < MINUTE:
        return QCoreApplication.translate("Durations", "{seconds} s").format(seconds=whole)
    if whole < HOUR:
        minutes, secs = divmod(whole, 60)
        return QCoreApplication.translate("Durations", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{secs:02d}")
    hours, rest = divmod(whole, 3600)
    return QCoreApplication.translate("Durations", "{hours} h {minutes} min").format(
        hours=f"{hours:,}", minutes=f"{rest // 60:02d}")
