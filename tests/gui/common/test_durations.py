"""Durations as people write them, in the window's languages."""

from __future__ import annotations

import pytest

from desktop_nn.gui import i18n
from desktop_nn.gui.common.durations import about, measured


@pytest.mark.parametrize(("seconds", "text"), [
    (0.3, "less than a second"), (1.2, "about a second"), (40.4, "about 40 seconds"),
    (61, "about a minute"), (90, "about 2 minutes"), (3590, "about an hour"),
    (5400, "about 1.5 hours"), (12 * 3600 + 100, "about 12 hours"),
    (397_109, "about 110 hours (4.6 days)"), (float("inf"), "unknown"),
])
def test_estimates(seconds, text):
    assert about(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (0.04, "0.0 s"), (5.23, "5.2 s"), (42.4, "42 s"), (125, "2 min 05 s"),
    (3725, "1 h 02 min"), (397_109, "110 h 18 min"),
])
def test_measured_times(seconds, text):
    assert measured(seconds) == text


@pytest.mark.parametrize("language", ["zh_CN", "ja_JP"])
def test_durations_are_translated(qapp, language):
    try:
        assert i18n.install_translators(language) == language
        for text in (about(397_109), about(90), measured(125), measured(3725)):
            assert not text.isascii(), text
        assert "110" in about(397_109) and "4.6" in about(397_109)
    finally:
        i18n.install_translators("en")
