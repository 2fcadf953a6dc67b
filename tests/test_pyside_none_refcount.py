"""Regression guard: PySide6(-Essentials) 6.12.0 on Python 3.11 loses a reference to None.

Every Qt call that returns nothing dropped one reference; after a few thousand calls None's
count reached zero and the process aborted with "Fatal Python error: none_dealloc" (minutes
into a training run). pyproject.toml excludes that release; this test makes 20,000 such calls
in a fresh interpreter so that a future release with the same defect is caught at once.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

PROBE = f"""
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for _ in range({CALLS}):
    obj.setObjectName("probe")   # returns None
    obj.blockSignals(False)      # returns a bool, for contrast
after = sys.getrefcount(None)
print(before, after)
"""


def test_qt_calls_returning_nothing_keep_none_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, (
        f"the probe died (exit {result.returncode}): {result.stderr.strip()[-500:]}"
    )
    before, after = (int(v) for v in result.stdout.split())
    # Python 3.12+ makes None immortal (the count never moves); on 3.11 a correct binding
    # leaves it where it was, while the 6.12.0 defect would have lowered it by ~20,000.
    assert after >= before - 100, f"None lost {before - after} references in {CALLS} Qt calls"
