"""The wheel carries ``resources/`` and works from outside the source tree (no editable path)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("desktop_nn-*.whl")
    return built


def test_wheel_ships_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for file in ("train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        assert f"desktop_nn/resources/mnist/{file}" in names
    lessons = sorted(path.name for path in (ROOT / "resources" / "lessons").glob("*.json"))
    assert len(lessons) == 6
    for lesson in lessons:
        assert f"desktop_nn/resources/lessons/{lesson}" in names


@pytest.mark.slow
def test_installed_wheel_runs_outside_the_source_tree(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
         str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "PYTHONSAFEPATH": "1",
        "DESKTOP_NN_CACHE_DIR": str(tmp_path / "cache"),
    }
    where = subprocess.run(
        [sys.executable, "-c",
         "import desktop_nn, desktop_nn.resources as r; print(desktop_nn.__file__); "
         "print(r.resources_dir())"],
        cwd=workdir, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert where[0].startswith(str(target)), where
    assert where[1] == str(target / "desktop_nn" / "resources")

    result = subprocess.run(
        [sys.executable, "-m", "desktop_nn", "train", "--iters", "20", "--train-size", "500",
         "--seed", "3", "--json"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["iterations"] == 20
    assert 0.0 <= summary["final_test_acc"] <= 1.0
