"""CI does what the README tells a user to do: the same test command, the same libraries."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
CI = (ROOT / ".ci" / "run").read_text()


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def ci_packages() -> set[str]:
    listed = re.search(r"^packages=\((.*?)\)", CI, re.MULTILINE | re.DOTALL).group(1)
    return set(listed.split())


def test_ci_runs_the_readmes_test_command_verbatim():
    command = re.search(r"```sh\n(.*?)\n```", section("Test it"), re.DOTALL).group(1)
    assert CI.rstrip().splitlines()[-1] == command


def test_ci_installs_the_libraries_the_readme_lists_and_an_x_server():
    line = next(line for line in section("Run it").splitlines()
                if line.startswith("sudo apt-get install "))
    listed = set(shlex.split(line)[3:])
    assert "libxcb-cursor0" in listed and "libxcb-icccm4" in listed
    assert listed <= ci_packages(), listed - ci_packages()
    assert {"xvfb", "xdotool"} <= ci_packages()
