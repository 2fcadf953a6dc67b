"""Property tests of the command line's numeric options: any text at all as the number.

A value within the window's limits gets past the checks (the work itself is replaced by a
stub that stops at once); any other is refused before anything is allocated, with one
``error:`` line (argparse's usage line may precede it) and exit code 1 or 2. No traceback.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_nn.cli import download as download_command
from desktop_nn.cli import gradcheck as gradcheck_command
from desktop_nn.cli import main
from desktop_nn.cli import train as train_command
from desktop_nn.core.training import GRADCHECK_LIMITS, LIMITS
from desktop_nn.data import DataError
from desktop_nn.data.download import MAX_TIMEOUT, DownloadError
from desktop_nn.graph import INPUT_RANGE
from tests.contract import quick, traced_peak

STOP = "stopped before the work"

#: (command line before the option, option, int or float, (low, high), strict low bound)
OPTIONS = [
    (["train"], "--hidden-size", int, LIMITS["hidden_size"], False),
    (["train"], "--batch-size", int, LIMITS["batch_size"], False),
    (["train"], "--iters", int, LIMITS["iters"], False),
    (["train"], "--train-size", int, LIMITS["train_size"], False),
    (["train"], "--seed", int, LIMITS["seed"], False),
    (["train"], "--learning-rate", float, LIMITS["learning_rate"], False),
    (["train"], "--weight-init-std", float, LIMITS["weight_init_std"], False),
    (["gradcheck"], "--samples", int, GRADCHECK_LIMITS["samples"], False),
    (["gradcheck"], "--hidden-size", int, GRADCHECK_LIMITS["hidden_size"], False),
    (["gradcheck"], "--seed", int, GRADCHECK_LIMITS["seed"], False),
    (["gradcheck"], "--delta", float, GRADCHECK_LIMITS["delta"], False),
    (["download", "mnist", "--dest", "unused"], "--timeout", float, (0.0, MAX_TIMEOUT), True),
]

NUMBER_TEXTS = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.integers(-10, 5000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-1e4, 1e4).map(repr),
    st.sampled_from(["1e10", "1e400", "-0", "0x10", "nan", "inf", "-inf", "", " 5", "5 ",
                     "１２", "1_000", "9" * 5000, "1e-400", "4096.0", "0.5", "He"]),
    st.text(max_size=6),
)


def expected_inside(text: str, kind, limits, strict_low: bool) -> bool:
    """The oracle: does Python read ``text`` as a number within ``limits``?"""
    if kind is float and text.lower() in ("he", "xavier"):  # --weight-init-std's names
        return limits == LIMITS["weight_init_std"]
    try:
        value = kind(text)
    except ValueError:
        return False
    low, high = limits
    return math.isfinite(value) and (low < value if strict_low else low <= value) and (
        value <= high)


@pytest.fixture
def stubbed_work(monkeypatch):
    """Replace the data and the network access: a valid command stops right after its checks."""

    def stop(*args, **kwargs):
        raise DataError(STOP)

    def stop_download(*args, **kwargs):
        raise DownloadError(STOP, "none")

    monkeypatch.setattr(train_command, "load_mnist", stop)
    monkeypatch.setattr(gradcheck_command, "load_mnist", stop)
    monkeypatch.setattr(download_command.download, "iter_download_dataset", stop_download)


@quick(120)
@given(option=st.sampled_from(OPTIONS), text=NUMBER_TEXTS)
def test_any_number_is_checked_against_the_windows_limits(stubbed_work, capsys, option, text):
    before, name, kind, limits, strict_low = option
    argv = [*before, f"{name}={text}"]
    with traced_peak() as peak:
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"desktop-nn {before[0]}: error: "), err
    assert len(last) < 400
    accepted = code == 1 and STOP in last
    assert accepted == expected_inside(text, kind, limits, strict_low), (argv, err)
    assert code in (1, 2)
    assert peak.bytes < 64 * 2**20


@quick(60)
@given(text=NUMBER_TEXTS)
def test_any_graph_input_value_is_checked(capsys, text):
    code = main(["graph", "--expr", "x * 2", "--set", f"x={text}"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    inside = expected_inside(text, float, (-INPUT_RANGE, INPUT_RANGE), False)
    assert (code == 0) == inside, (text, err)
    if not inside:
        assert code == 1 and len(err.strip().splitlines()) == 1
