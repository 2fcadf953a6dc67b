"""The application font is global: every test here leaves it at actual size."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def actual_size_afterwards(qapp):
    yield
    from desktop_nn.gui.common.zoom import Zoom

    Zoom().set_percent(100)
