"""``desktop-nn runs`` and ``desktop-nn train --keep``: the kept runs on the command line."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from desktop_nn.cli import main
from desktop_nn.cli import train as train_command
from desktop_nn.cli.common import cell_width, pad_cells
from desktop_nn.core.model_io import load_model
from desktop_nn.core.run_store import RunStore
from tests.run_records import made_up

QUICK = ["train", "--iters", "50", "--train-size", "2000", "--seed", "1"]


def run_cli(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def assert_one_error(err: str, *fragments: str, command: str = "desktop-nn runs") -> None:
    lines = [line for line in err.strip().splitlines() if "[y/N]" not in line]
    assert "Traceback" not in err
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{command}: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_a_kept_run_is_listed_and_shown_as_trained(capsys, data_dir, tmp_path):
    model = tmp_path / "model.npz"
    code, out, err = run_cli(capsys, *QUICK, "--keep", "--json", "--save-model", str(model))
    assert code == 0, err
    trained = last_json(out)
    assert f"kept as 'run 1' (run 1) in {data_dir / 'runs'}" in out
    assert trained["kept"] == {"name": "run 1", "number": 1, "has_model": True,
                               "folder": str(data_dir / "runs" / "000001")}
    code, out, err = run_cli(capsys, "runs", "show", "run 1", "--json")
    assert code == 0 and err == ""
    shown = last_json(out)
    for key in ("train_loss_list", "train_acc_list", "test_acc_list", "epoch_iterations",
                "config", "final_train_acc", "final_test_acc", "seconds"):
        assert shown[key] == trained[key], key
    assert shown["status"] == "finished" and shown["learning_rates"] == [[0, 0.1]]
    store = RunStore()
    kept = store.load_model(store.load().runs[0])
    saved = load_model(model)
    for key, value in saved.network.params.items():
        np.testing.assert_array_equal(kept.network.params[key], value)


def test_the_list_shows_what_changed(capsys, data_dir):
    for args in ([], ["--learning-rate", "0.5", "--no-keep-model"]):
        assert run_cli(capsys, *QUICK, "--keep", *args)[0] == 0
    code, out, err = run_cli(capsys, "runs", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"2 runs kept in {data_dir / 'runs'} (")
    assert lines[1].split()[:3] == ["#", "name", "status"]
    assert lines[2].split()[:4] == ["1", "run", "1", "finished"]
    assert lines[3].endswith("learning_rate 0.1 -> 0.5")
    listed = last_json(run_cli(capsys, "runs", "list", "--json")[1])
    assert [r["has_model"] for r in listed["runs"]] == [True, False]
    assert listed["runs"][1]["changes"] == [
        {"name": "learning_rate", "before": 0.1, "after": 0.5}]


def test_groups_get_mean_and_std(capsys, data_dir):
    store = RunStore()
    for seed in (0, 1, 2):
        store.keep(made_up(seed, group="seeds"))
    code, out, _ = run_cli(capsys, "runs", "list")
    assert code == 0
    assert "group 'seeds': 3 runs, final test acc 0." in out and " ± 0." in out
    [group] = last_json(run_cli(capsys, "runs", "list", "--json")[1])["groups"]
    assert group["seeds"] == [0, 1, 2] and group["runs"] == ["run 1", "run 2", "run 3"]


def test_a_diverged_run_is_kept(capsys, data_dir):
    code, out, err = run_cli(capsys, *QUICK, "--iters", "150", "--learning-rate", "1000",
                             "--keep")
    assert code == train_command.EXIT_DIVERGED
    assert "kept as 'run 1'" in out
    shown = last_json(run_cli(capsys, "runs", "show", "1", "--json")[1])
    assert shown["status"] == "diverged"
    assert shown["iterations"] == len(shown["train_loss_list"])
    assert "diverged at iteration" in err


def test_ctrl_c_keeps_a_stopped_run(capsys, data_dir, monkeypatch):
    update = train_command.Progress.update

    def interrupt(self, done, loss):
        update(self, done, loss)
        if done == 30:
            raise KeyboardInterrupt

    monkeypatch.setattr(train_command.Progress, "update", interrupt)
    code, out, err = run_cli(capsys, *QUICK, "--keep")
    assert code == 130 and "interrupted" in err and "kept as 'run 1'" in out
    [run] = RunStore().load().runs
    assert run.status == "stopped" and run.iterations == 30 and run.has_model
    assert run.history.epoch_iterations == [0, 20]


def test_no_keep_model_needs_keep(capsys, data_dir):
    code, _, err = run_cli(capsys, *QUICK, "--no-keep-model")
    assert code == 1
    assert_one_error(err, "--no-keep-model goes with --keep", command="desktop-nn train")


def test_a_store_that_cannot_be_written_is_one_line(capsys, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("in the way")
    monkeypatch.setenv("DESKTOP_NN_DATA_DIR", str(tmp_path / "file"))
    code, _, err = run_cli(capsys, *QUICK, "--keep")
    assert code == 1
    assert_one_error(err, "cannot keep runs here", command="desktop-nn train")


def test_show_finds_by_name_then_number(capsys, data_dir):
    store = RunStore()
    store.keep(made_up(0, name="2"))
    store.keep(made_up(1))
    assert last_json(run_cli(capsys, "runs", "show", "2", "--json")[1])["number"] == 1
    assert last_json(run_cli(capsys, "runs", "show", "#2", "--json")[1])["name"] == "run 2"
    code, out, err = run_cli(capsys, "runs", "show", "run 2")
    assert code == 0
    assert out.startswith("run 2 (number 2): finished, started 2024-05-06 07:09:09 UTC")
    assert "learning rate: 0.1, 0.05 from iteration 30" in out
    assert "changed from the run before: seed 0 -> 1" in out
    code, _, err = run_cli(capsys, "runs", "show", "nothing")
    assert code == 1
    assert_one_error(err, "no run is called 'nothing'")


def test_a_damaged_run_is_a_note_and_the_rest_is_listed(capsys, data_dir):
    store = RunStore()
    for seed in (0, 1):
        store.keep(made_up(seed))
    (store.folder_of(1) / "run.json").write_text("{")
    code, out, err = run_cli(capsys, "runs", "list")
    assert code == 0
    assert err.startswith("desktop-nn runs: note: 000001: skipped: run.json is not valid JSON")
    assert len(err.splitlines()) == 1
    assert "run 2" in out and "1 run kept" in out


def test_export_writes_both_files(capsys, data_dir, tmp_path):
    store = RunStore()
    records = [store.keep(made_up(seed, group="g" if seed else None))[0] for seed in (0, 1, 2)]
    target = tmp_path / "all.csv"
    code, out, err = run_cli(capsys, "runs", "export", str(target))
    assert code == 0, err
    assert out.splitlines() == [f"3 runs, 9 epoch rows written to {target}",
                                f"summary written to {tmp_path / 'all-summary.csv'}"]
    epochs = pd.read_csv(target)
    summary = pd.read_csv(tmp_path / "all-summary.csv")
    assert epochs["run"].tolist() == [r.name for r in records for _ in range(3)]
    np.testing.assert_allclose(
        epochs["test_acc"], [a for r in records for a in r.history.test_acc_list], rtol=2**-51)
    assert summary["group_runs"].fillna(0).tolist() == [0, 2, 2]
    code, _, err = run_cli(capsys, "runs", "export", str(target), "--summary", str(target))
    assert code == 1
    assert_one_error(err, "the summary needs a file of its own")
    code, _, err = run_cli(capsys, "runs", "export", str(tmp_path / "missing" / "a.csv"))
    assert code == 1
    assert_one_error(err, "a.csv: could not write")


def test_rename_and_remove(capsys, data_dir, monkeypatch):
    store = RunStore()
    for seed in (0, 1):
        store.keep(made_up(seed))
    assert run_cli(capsys, "runs", "rename", "run 1", "baseline")[0] == 0
    code, _, err = run_cli(capsys, "runs", "rename", "run 2", "baseline")
    assert code == 1
    assert_one_error(err, "a run called 'baseline' exists already")
    code, _, err = run_cli(capsys, "runs", "rename", "run 2", "two\nlines")
    assert_one_error(err, "cannot hold the character U+000A")
    code, _, err = run_cli(capsys, "runs", "remove", "baseline", stdin="no\n",
                           monkeypatch=monkeypatch)
    assert code == 1
    assert_one_error(err, "nothing removed")
    assert "Remove run 1 ('baseline') from" in err
    assert [r.name for r in store.load().runs] == ["baseline", "run 2"]
    code, out, _ = run_cli(capsys, "runs", "remove", "baseline", stdin="y\n",
                           monkeypatch=monkeypatch)
    assert code == 0 and out == "removed run 1 ('baseline')\n"
    assert [r.name for r in store.load().runs] == ["run 2"]


@pytest.mark.parametrize("answer", ["", "n\n", "maybe\n", "Y"], ids=["eof", "n", "maybe", "Y"])
def test_clear_asks_first(capsys, data_dir, monkeypatch, answer):
    store = RunStore()
    for seed in (0, 1):
        store.keep(made_up(seed))
    code, out, err = run_cli(capsys, "runs", "clear", stdin=answer, monkeypatch=monkeypatch)
    if answer == "Y":
        assert code == 0 and out == "removed 2 runs\n"
        assert store.load().runs == []
    else:
        assert code == 1
        assert f"Remove all 2 kept runs from {store.folder}? [y/N] \n" in err
        assert_one_error(err, "nothing removed (answer y, or pass --yes)")
        assert len(store.load().runs) == 2


def test_clear_with_yes_and_when_empty(capsys, data_dir):
    store = RunStore()
    store.keep(made_up(0))
    (store.folder / "000002").mkdir()  # a damaged run goes too
    assert run_cli(capsys, "runs", "clear", "--yes")[1] == "removed 2 runs\n"
    assert store.numbers() == []
    code, out, _ = run_cli(capsys, "runs", "clear")
    assert code == 0 and out == f"no runs kept in {store.folder}\n"
    code, out, _ = run_cli(capsys, "runs", "list")
    assert out == f"no runs kept in {store.folder}\n"
    assert last_json(run_cli(capsys, "runs", "list", "--json")[1])["runs"] == []


def test_runs_needs_an_action(capsys):
    with pytest.raises(SystemExit) as info:
        main(["runs"])
    assert info.value.code == 2
    assert "the following arguments are required: ACTION" in capsys.readouterr().err


def test_cjk_names_keep_the_columns_aligned(capsys, data_dir):
    """A wide character takes two terminal cells: the columns after the name line up."""
    store = RunStore()
    for seed, name in enumerate(["学習率0.5", "run 2", "ｆｕｌｌ ｗｉｄｔｈ", "café"]):
        store.keep(made_up(seed, name=name))
    code, out, err = run_cli(capsys, "runs", "list")
    assert code == 0 and err == ""
    table = out.splitlines()[1:6]
    starts = {cell_width(line[:line.index(word)])
              for line, word in zip(table, ["status", *["finished"] * 4], strict=True)}
    assert len(starts) == 1, table


def test_cell_width_counts_terminal_cells():
    assert cell_width("run 1") == 5
    assert cell_width("学習率") == 6 and cell_width("学习率") == 6  # W: two cells each
    assert cell_width("ＡＢ") == 4  # full-width forms (F)
    assert cell_width("cafe\u0301") == 4  # a combining accent takes no cell
    assert pad_cells("学習", 6) == "学習  " and pad_cells("toolong", 3) == "toolong"
