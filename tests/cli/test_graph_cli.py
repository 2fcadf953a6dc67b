"""``desktop-nn graph``, run in-process."""

from __future__ import annotations

import json

import pytest

from desktop_nn.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["graph", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_apple_text_output(capsys):
    code, out, err = run(capsys, "apple")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "price = 220"
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:]}
    assert rows == {
        "apple": ["100", "2.2", "2.2"],
        "apple_num": ["2", "110", "110"],
        "tax": ["1.1", "200", "200"],
    }


@pytest.mark.parametrize("name", ["apple-orange", "apple_orange"])
def test_apple_orange_json(capsys, name):
    code, out, _ = run(capsys, name, "--json")
    assert code == 0
    assert len(out.splitlines()) == 1
    data = json.loads(out)
    assert data["output"] == pytest.approx(715)
    assert data["values"] == {
        "apple": 100,
        "apple_num": 2,
        "orange": 150,
        "orange_num": 3,
        "tax": 1.1,
    }
    assert data["grads"] == pytest.approx(
        {"apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650}
    )
    assert data["grads"]["orange"] == 3.3000000000000003  # full precision, not rounded
    assert data["output"] == 715.0000000000001
    assert data["numerical_grads"] == pytest.approx(data["grads"], rel=1e-6)


def test_set_changes_a_preset_input(capsys):
    code, out, _ = run(capsys, "apple", "--set", "apple_num=3", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["output"] == pytest.approx(330)
    assert data["grads"]["tax"] == pytest.approx(300)


def test_expression_with_sets(capsys):
    code, out, _ = run(capsys, "--expr", "(a * b + c) * d", "--set", "a=2", "--set", "b=3",
                       "--set", "d=5", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["values"] == {"a": 2, "b": 3, "c": 1, "d": 5}
    assert data["output"] == pytest.approx(35)
    assert data["grads"] == pytest.approx({"a": 15, "b": 10, "c": 5, "d": 7})


def test_expression_text_output(capsys):
    code, out, _ = run(capsys, "--expr", "1 / (1 + exp(-x))", "--set", "x=0")
    assert code == 0
    assert out.splitlines()[0] == "1 / (1 + exp(-x)) = 0.5"
    assert out.splitlines()[2].split() == ["x", "0", "0.25", "0.25"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["apple", "--set", "pear=1"], "unknown input 'pear'"),
        (["apple", "--set", "apple=abc"], "--set apple: 'abc' is not a number"),
        (["apple", "--set", "apple=nan"], "not a finite number"),
        (["apple", "--set", "apple"], "NAME=VALUE"),
        (["--expr", "x % 2"], "'%' is not allowed"),
        (["--expr", "__import__('os').system('true')"], "calls to '__import__('os').system'"),
        (["--expr", "log(x)", "--set", "x=-1"], "log(x) needs x > 0"),
        ([], "either"),
        (["apple", "--expr", "x"], "either"),
    ],
)
def test_errors_are_one_line_without_traceback(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("desktop-nn graph: error:")
    assert message in err
