"""``desktop-nn descent``: the book's gradient_method.py, run in-process."""

from __future__ import annotations

import json

import numpy as np
import pytest

from desktop_nn.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["descent", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 1
    return json.loads(out)


def printed(values) -> str:
    """NumPy's default printing, as the book shows its results."""
    return np.array2string(np.array(values))


@pytest.mark.parametrize(
    ("lr", "book"),
    [
        ("0.1", "[-6.11110793e-10  8.14814391e-10]"),
        ("10", "[-2.58983747e+13 -1.29524862e+12]"),
        ("1e-10", "[-2.99999994  3.99999992]"),
    ],
)
def test_the_books_three_learning_rates(capsys, lr, book):
    data = run_json(capsys, "--lr", lr)
    assert data["names"] == ["x0", "x1"]
    assert printed([data["final"]["x0"], data["final"]["x1"]]) == book
    assert len(data["path"]) == 101 and data["path"][0] == [-3.0, 4.0]
    assert data["path"][-1] == [data["final"]["x0"], data["final"]["x1"]]
    assert len(data["values"]) == 101 and data["values"][0] == 25.0
    # The text table ends with the same final point, every digit.
    code, out, _ = run(capsys, "--lr", lr)
    assert code == 0
    last = out.splitlines()[-1].split()
    assert last[0] == "100"
    assert printed([float(last[1]), float(last[2])]) == book


def test_defaults_are_the_books(capsys):
    explicit = run_json(capsys, "x0^2 + x1^2", "--init", "x0=-3", "--init", "x1=4",
                        "--lr", "0.1", "--steps", "100")
    assert run_json(capsys) == explicit
    assert explicit["lr"] == 0.1 and explicit["steps"] == 100


def test_values_are_f_along_the_path(capsys):
    data = run_json(capsys, "--steps", "5")
    assert data["values"] == [x0 * x0 + x1 * x1 for x0, x1 in data["path"]]


def test_the_path_in_the_order_of_names(capsys):
    data = run_json(capsys, "(y - 1)^2 + 2 * x^2", "--init", "y=3", "--init", "x=1",
                    "--steps", "1")
    assert data["names"] == ["x", "y"]
    assert data["path"][0] == [1.0, 3.0]
    # One step of lr 0.1: x -= 0.1 * 4x, y -= 0.1 * 2(y - 1); central differences of a
    # quadratic are exact but for rounding (about eps·f/h = 3e-11).
    assert data["path"][1] == pytest.approx([0.6, 2.6], abs=1e-10)


def test_text_table(capsys):
    code, out, err = run(capsys, "(x - 1)^2", "--init", "x=5", "--steps", "20")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "f(x) = (x - 1) ** 2: 20 steps of x -= 0.1 * numerical_gradient(f, x)"
    assert lines[1].split() == ["step", "x", "f"]
    assert lines[2].split() == ["0", "5", "16"]
    assert [line.split()[0] for line in lines[2:]] == [str(i) for i in range(0, 21, 2)]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["x^2"], "no value for x: give --init NAME=VALUE"),
        (["--init", "x2=1"], "unknown variable"),
        (["--init", "x0=nan"], "not a finite number"),
        (["x0 + x1", "--init", "1"], "write --init NAME=VALUE"),
        (["exp(", "--init", "x=1"], "bad expression"),
        # x = 0.5 - 1 / 0.5 = -1.5 after step 1: step 2 cannot take log near it.
        (["log(x)", "--init", "x=0.5", "--lr", "1"], "step 2: cannot compute 'log(x)'"),
        # x = 3 - 6e300 after step 1: its square is beyond the floats.
        (["1e300 * x^2", "--init", "x=3", "--lr", "1"], "step 2: cannot compute 'x ** 2'"),
        # lr · f'(3) = 1e6 · 6e305 is beyond the floats.
        (["1e305 * x^2", "--init", "x=3", "--lr", "1e6"], "step 1 left the range"),
    ],
)
def test_errors_are_one_line_without_traceback(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("desktop-nn descent: error:")
    assert message in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--lr", "0"], "learning rate must be in"), (["--lr", "-0.1"], "learning rate must be in"),
     (["--lr", "1e7"], "learning rate must be in"), (["--lr", "nan"], "learning rate must be in"),
     (["--steps", "0"], "from 1 to 10000"), (["--steps", "10001"], "from 1 to 10000"),
     (["--steps", "2.5"], "not a whole number")],
)
def test_options_out_of_bounds_are_refused_by_argparse(capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main(["descent", *argv])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
