"""``desktop-nn diff``: the book's numerical derivatives, run in-process."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_nn.cli import main

FUNCTION_1 = "0.01*x^2 + 0.1*x"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 1  # nothing but the JSON object
    return json.loads(out)


@pytest.mark.parametrize(("x", "book"), [("5", "0.1999999999990898"), ("10", "0.2999999999986347")])
def test_the_books_numerical_diff(capsys, x, book):
    code, out, err = run(capsys, FUNCTION_1, "--at", x)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "f(x) = 0.01 * x ** 2 + 0.1 * x"
    assert lines[3].split()[:2] == ["d/dx", book]
    assert lines[-1] == "central difference, h = 0.0001; exact: backpropagation"
    data = run_json(capsys, FUNCTION_1, "--at", f"x={x}")
    assert repr(data["gradient"]["x"]) == book
    assert data["exact"]["x"] == pytest.approx(0.02 * float(x) + 0.1, rel=1e-15)
    assert data["h"] == 1e-4 and data["method"] == "central"
    assert data["value"] == pytest.approx(0.01 * float(x) ** 2 + 0.1 * float(x), rel=1e-15)


@pytest.mark.parametrize(
    ("point", "book"), [((3, 4), (6, 8)), ((0, 2), (0, 4)), ((3, 0), (6, 0))]
)
def test_the_books_gradients(capsys, point, book):
    data = run_json(capsys, "x0^2 + x1^2", "--at", f"x0={point[0]}", "--at", f"x1={point[1]}")
    # The book prints [6. 8.]: NumPy's eight digits. Central differences of a quadratic are
    # exact but for rounding, about eps·|f|/h = 6e-11 here.
    expected = {"x0": book[0], "x1": book[1]}
    assert data["gradient"] == pytest.approx(expected, abs=1e-10)
    assert data["exact"] == expected
    assert data["at"] == {"x0": point[0], "x1": point[1]}
    assert set(data) >= {"value", "gradient", "exact", "h"}


def test_a_text_table_for_several_variables(capsys):
    code, out, _ = run(capsys, "x0^2 + x1^2", "--at", "x1=4", "--at", "x0=3")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["f(x0, x1) = x0 ** 2 + x1 ** 2", "f(3, 4) = 25"]
    assert lines[2].split() == ["variable", "numerical", "exact", "difference"]
    assert [line.split()[0] for line in lines[3:5]] == ["d/dx0", "d/dx1"]
    assert [float(line.split()[1]) for line in lines[3:5]] == pytest.approx([6, 8], abs=1e-10)


def test_the_books_bad_step_gives_zero(capsys):
    data = run_json(capsys, FUNCTION_1, "--at", "5", "--h", "1e-50")
    assert data["gradient"] == {"x": 0.0} and data["h"] == 1e-50


def test_forward_difference(capsys):
    # (f(x+h) - f(x)) / h of 0.01x² + 0.1x is 0.2 + 0.01h at x = 5: truncation 1e-3 at h = 0.1.
    data = run_json(capsys, FUNCTION_1, "--at", "5", "--h", "0.1", "--method", "forward")
    assert data["gradient"]["x"] == pytest.approx(0.201, abs=1e-12)
    assert data["method"] == "forward"


def test_a_negative_base_squared(capsys):
    data = run_json(capsys, "x^2", "--at", "-3")
    assert data["value"] == 9 and data["exact"] == {"x": -6.0}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([FUNCTION_1], "no value for x: give --at NAME=VALUE"),
        (["x0 + x1", "--at", "3"], "the expression has the variables x0, x1"),
        (["x0 + x1", "--at", "x0=3"], "no value for x1"),
        ([FUNCTION_1, "--at", "y=3"], "unknown variable"),
        ([FUNCTION_1, "--at", "x=3", "--at", "x=4"], "given twice"),
        ([FUNCTION_1, "--at", "abc"], "'abc' is not a number"),
        ([FUNCTION_1, "--at", "x=inf"], "not a finite number"),
        (["x % 2", "--at", "1"], "bad expression: '%' is not allowed"),
        (["3 + 4", "--at", "1"], "has no variable"),
        (["log(x)", "--at", "-1"], "log(x) needs x > 0"),
        (["log(x)", "--at", "1e-5"], "the difference needs f at x ± h"),
        (["x ^ y", "--at", "x=-3", "--at", "y=2"], "needs x > 0, here x = -3"),
    ],
)
def test_errors_are_one_line_without_traceback(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("desktop-nn diff: error:")
    assert message in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--h", "0"], "h must be in"), (["--h", "2"], "h must be in"),
     (["--h", "1e-301"], "h must be in"), (["--h", "nan"], "h must be in"),
     (["--h", "x"], "'x' is not a number"), (["--method", "backward"], "invalid choice")],
)
def test_options_out_of_bounds_are_refused_by_argparse(capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main(["diff", FUNCTION_1, "--at", "5", *argv])
    assert info.value.code == 2
    assert message in capsys.readouterr().err


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"xy0123456789.+-*/^() ", "**", "exp(", "log(", "1e308"]),
                  max_size=20).map("".join),
    at=st.lists(st.sampled_from(["1", "-3", "0", "x=2", "y=-1", "x=1e300", "y=0", "z=1"]),
                max_size=3),
    h=st.sampled_from(["1e-4", "1e-50", "1"]),
)
def test_anything_typed_ends_in_a_result_or_one_clear_line(text, at, h):
    out, err = io.StringIO(), io.StringIO()
    # "--" ends the options, so that an expression such as "-x" is not read as one.
    argv = ["diff", "--h", h, *(arg for value in at for arg in ("--at", value)), "--", text]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    if code == 0:
        json.loads(main_json(argv))
        assert err.getvalue() == ""
    else:
        assert code == 1 and out.getvalue() == ""
        assert err.getvalue().startswith("desktop-nn diff: error: ")
        assert err.getvalue().count("\n") == 1


def main_json(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([argv[0], "--json", *argv[1:]]) == 0
    return out.getvalue()


def test_an_expression_starting_with_a_minus_goes_after_a_double_dash(capsys):
    data = json.loads(main_json(["diff", "--at", "3", "--", "-x^2"]))
    assert data["value"] == -9 and data["exact"] == {"x": -6.0}
