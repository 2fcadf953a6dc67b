"""Locate the files in ``resources/``, from a source checkout or an installed wheel.

The wheel carries ``resources/`` as ``desktop_nn/resources`` (hatchling ``force-include``); a
source checkout or an editable install finds it beside the package, at the top of the tree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """Return the folder holding the shipped resources (``mnist/``, icons, translations).

    Raises
    ------
    FileNotFoundError
        If neither the installed nor the source-checkout location exists.
    """
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "mnist").is_dir():
            return candidate
    raise FileNotFoundError(
        "desktop_nn's resources folder is missing: reinstall the package "
        f"(looked in {_PACKAGE_DIR / 'resources'} and {_PACKAGE_DIR.parent / 'resources'})"
    )


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("mnist")``."""
    return resources_dir().joinpath(*parts)
