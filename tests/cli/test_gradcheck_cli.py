"""``desktop-nn gradcheck``: the book's gradient_check.py on real MNIST, small and quick."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from desktop_nn.cli import main

SMALL = ["gradcheck", "--hidden-size", "5", "--samples", "2"]
PARAMS = ("W1", "b1", "W2", "b2")


@pytest.fixture(scope="module")
def json_results(mnist):
    """--json output with the book's delta and with delta 0 (the same net and samples)."""
    results = {}
    for delta in ("1e-7", "0"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main([*SMALL, "--json", "--delta", delta])
        assert code == 0
        lines = out.getvalue().strip().splitlines()
        assert len(lines) == 1  # nothing but the JSON object
        results[delta] = json.loads(lines[0])
    return results


def test_json_keys_and_values(json_results):
    result = json_results["1e-7"]
    for key in PARAMS:
        entry = result[key]
        assert set(entry) >= {"mean_abs_diff", "max_abs_diff", "max_rel_error"}
        assert 0 <= entry["mean_abs_diff"] <= entry["max_abs_diff"]
        assert 0 <= entry["max_rel_error"] <= 1
    assert result["W1"]["shape"] == [784, 5]
    assert result["b2"]["shape"] == [10]
    assert result["numerical_seconds"] > 0 and result["backprop_seconds"] > 0
    assert result["samples"] == 2 and result["hidden_size"] == 5
    assert result["delta"] == 1e-7
    # The book's orders of magnitude: tiny for W1, about 1e-7 for b2.
    assert result["W1"]["mean_abs_diff"] < 1e-8
    assert 1e-8 < result["b2"]["mean_abs_diff"] < 1e-6


def test_delta_zero_lowers_the_differences(json_results):
    book, exact = json_results["1e-7"], json_results["0"]
    assert exact["delta"] == 0
    for key in PARAMS:
        assert exact[key]["mean_abs_diff"] < 1e-9, key
        assert exact[key]["mean_abs_diff"] < book[key]["mean_abs_diff"], key
    assert book["b2"]["mean_abs_diff"] >= 100 * exact["b2"]["mean_abs_diff"]


def test_text_table(capsys, mnist):
    code = main([*SMALL, "--seed", "3"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("gradient check on 2 MNIST training images")
    assert "TwoLayerNet(784, 5, 10)" in lines[0] and "seed 3" in lines[0]
    header = lines[1].split()
    assert header[:2] == ["param", "shape"] and "|diff|" in lines[1]
    rows = {line.split()[0]: line.split() for line in lines[2:6]}
    assert list(rows) == list(PARAMS)
    assert rows["W1"][1] == "784x5" and rows["b1"][1] == "5"
    assert rows["W2"][1] == "5x10" and rows["b2"][1] == "10"
    for row in rows.values():
        assert all(float(value) >= 0 for value in row[2:5])
    assert "times faster" in lines[6]


def test_sigmoid(capsys, mnist):
    code = main([*SMALL, "--samples", "1", "--hidden-size", "3", "--activation", "sigmoid",
                 "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["activation"] == "sigmoid"
    assert result["W1"]["mean_abs_diff"] < 1e-8


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--samples", "5000"], "--samples 5000 is out of range"),
        (["--delta", "0.5"], "--delta 0.5 is out of range"),
        (["--delta=-1e-7"], "out of range"),
        (["--seed", "-1"], "--seed -1 is out of range"),
    ],
)
def test_invalid_values_exit_1(capsys, args, fragment):
    code = main(["gradcheck", *args])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("desktop-nn gradcheck: error: ")
    assert fragment in lines[0]


@pytest.mark.parametrize(
    "args", [["--samples", "0"], ["--delta", "nan"], ["--activation", "tanh"],
             ["--hidden-size", "x"]]
)
def test_bad_arguments_exit_2(capsys, args):
    with pytest.raises(SystemExit) as info:
        main(["gradcheck", *args])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_missing_data_dir_exits_1(capsys, tmp_path):
    code = main([*SMALL, "--data-dir", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 1
    assert "nowhere" in err and len(err.strip().splitlines()) == 1
