"""Shared fixtures: offscreen Qt, private cache, settings and data folders, the bundled MNIST once.

Tests never read or write the user's real cache, settings or kept runs: all point at
temporary folders before anything else is imported.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same cases on every run, so that CI is repeatable; explore new
# cases locally with HYPOTHESIS_PROFILE=explore.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="desktop_nn_tests_"))
os.environ["DESKTOP_NN_CACHE_DIR"] = str(_SESSION_DIR / "cache")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_DIR / "config")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_DIR / "xdg-cache")
os.environ["DESKTOP_NN_DATA_DIR"] = str(_SESSION_DIR / "data")
os.environ["XDG_DATA_HOME"] = str(_SESSION_DIR / "xdg-data")


@pytest.fixture(scope="session")
def mnist():
    """The bundled MNIST as the book's ``load_mnist()`` returns it (loaded once)."""
    from desktop_nn.data import load_mnist

    return load_mnist()


@pytest.fixture(scope="session")
def mnist_small(mnist):
    """2,000 training and 500 test images of the bundled MNIST, for quick training runs."""
    (x_train, t_train), (x_test, t_test) = mnist
    return (x_train[:2000], t_train[:2000]), (x_test[:500], t_test[:500])


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty cache folder for this test only."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("DESKTOP_NN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty data folder (where runs are kept) for this test only."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DESKTOP_NN_DATA_DIR", str(folder))
    return folder
