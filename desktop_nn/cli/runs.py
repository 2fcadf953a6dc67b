"""``desktop-nn runs``: the kept runs (the window's runs table) on the command line.

``list`` prints the table, ``show NAME`` one run with its epochs, ``export FILE`` the two CSV
files of every run, ``rename NAME NEW`` and ``remove NAME`` change one run, ``clear`` removes
them all. ``remove`` and ``clear`` ask first unless ``--yes``. A run is named by its name or
its number. ``desktop-nn train --keep`` adds runs (see :func:`keep_run`).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from desktop_nn.cli.common import CliError, cell_width, pad_cells, path_text, print_json
from desktop_nn.core.run_export import (
    describe_changes,
    describe_rates,
    write_runs_csv,
    write_summary_csv,
)
from desktop_nn.core.run_record import RunRecord, record_run
from desktop_nn.core.run_store import RunStore, RunStoreError, StoredRuns
from desktop_nn.core.run_table import RunRow, run_row, run_rows
from desktop_nn.core.seeds import GroupSummary, MeanStd, group_summaries
from desktop_nn.core.training import Trainer

COMMAND = "desktop-nn runs"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "runs",
        help="list, show, export or clear the kept runs (the window's runs table)",
        description=(
            "The runs kept in the data folder: those of the window, and those trained with "
            "'desktop-nn train --keep'. A run is named by its name or its number."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="one line per run, as the runs table shows it")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(func=run_list)
    show = actions.add_parser("show", help="one run: its settings, epochs and accuracies")
    show.add_argument("name", metavar="NAME", help="the run's name or number")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(func=run_show)
    export = actions.add_parser(
        "export", help="write every run as CSV: a row per run and epoch, and a summary")
    export.add_argument("file", type=path_text, metavar="FILE")
    export.add_argument("--summary", type=path_text, metavar="FILE",
                        help="where the summary goes (default: FILE with -summary added)")
    export.set_defaults(func=run_export)
    rename = actions.add_parser("rename", help="give a run a new name")
    rename.add_argument("name", metavar="NAME", help="the run's name or number")
    rename.add_argument("new_name", metavar="NEW")
    rename.set_defaults(func=run_rename)
    for action, text in (("remove", "remove one run"), ("clear", "remove every run")):
        sub = actions.add_parser(action, help=f"{text} (asks first)")
        if action == "remove":
            sub.add_argument("name", metavar="NAME", help="the run's name or number")
        sub.add_argument("--yes", action="store_true", help="do not ask")
        sub.set_defaults(func=run_remove if action == "remove" else run_clear)


def load_runs(store: RunStore | None = None) -> tuple[RunStore, list[RunRecord]]:
    """Read the store; each damaged run folder is one note on stderr."""
    store = store or RunStore()
    found: StoredRuns = store.load()
    for note in found.notes:
        print(f"{COMMAND}: note: {note}", file=sys.stderr)
    return store, found.runs


def find_run(runs: list[RunRecord], text: str) -> RunRecord:
    """The run called ``text``, else the run numbered ``text``; CliError if none or several."""
    named = [run for run in runs if run.name == text]
    if len(named) > 1:
        raise CliError(f"several runs are called {text!r}: name one by its number")
    if named:
        return named[0]
    number = text.removeprefix("#")
    if number.isascii() and number.isdigit():
        for run in runs:
            if run.number == int(number):
                return run
    raise CliError(f"no run is called {text!r} (see '{COMMAND} list')")


def run_list(args: argparse.Namespace) -> int:
    store, runs = load_runs()
    rows, groups = run_rows(runs), group_summaries(runs)
    if args.json:
        print_json({"folder": str(store.folder), "bytes": store.size(),
                    "runs": [row_json(run, row) for run, row in zip(runs, rows, strict=True)],
                    "groups": [group_json(group) for group in groups]})
        return 0
    if not runs:
        print(f"no runs kept in {store.folder}")
        return 0
    count = f"{len(runs)} run{'s' if len(runs) != 1 else ''}"
    print(f"{count} kept in {store.folder} ({store.size() / 1e6:.1f} MB)")
    print_table([list(TABLE_HEADER), *(table_cells(row) for row in rows)])
    for group in groups:
        print(f"group {group.group!r}: {len(group.names)} runs, final test acc "
              f"{plus_minus(group.final_test_acc)}, train acc "
              f"{plus_minus(group.final_train_acc)}")
    return 0


TABLE_HEADER = ("#", "name", "status", "train acc", "test acc", "best test (epoch)",
                "iterations", "time", "changed from the run before")


def table_cells(row: RunRow) -> list[str]:
    changes = describe_changes(row)
    if row.rate_changes:
        changes = "; ".join(filter(None, [changes, "lr " + describe_rates(row.rate_changes)]))
    best = "-" if row.best_test_acc is None else f"{row.best_test_acc:.4f} ({row.best_epoch})"
    return [str(row.number), row.name, row.status, accuracy(row.final_train_acc),
            accuracy(row.final_test_acc), best, f"{row.iterations:,}",
            f"{row.seconds:.1f} s", changes]


def print_table(lines: list[list[str]]) -> None:
    """Columns padded to their widest cell (in terminal cells: a CJK character takes two); the
    last one left as it is."""
    widths = [max(cell_width(line[i]) for line in lines) for i in range(len(lines[0]) - 1)]
    for line in lines:
        cells = [pad_cells(cell, width) for cell, width in zip(line, widths, strict=False)]
        print("  ".join([*cells, line[-1]]).rstrip())


def accuracy(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def plus_minus(stats: MeanStd) -> str:
    if stats.count == 0:
        return "-"
    if math.isnan(stats.std):
        return f"{stats.mean:.4f}"
    return f"{stats.mean:.4f} ± {stats.std:.4f}"


def run_show(args: argparse.Namespace) -> int:
    store, runs = load_runs()
    run = find_run(runs, args.name)
    index = runs.index(run)
    row = run_row(run, runs[index - 1].config if index else None)
    if args.json:
        print_json(show_json(run, row, store))
        return 0
    history = run.history
    print(f"{run.name} (number {run.number}): {run.status}, started "
          f"{run.started:%Y-%m-%d %H:%M:%S %Z}, {run.iterations:,} iterations in "
          f"{run.seconds:.1f} s")
    print("settings: " + ", ".join(f"{k} {v}" for k, v in run.config.to_dict().items()))
    if row.changes:
        print(f"changed from the run before: {describe_changes(row)}")
    rates = [repr(rate) for _, rate in history.learning_rates[:1]]
    rates += [f"{rate!r} from iteration {i}" for i, rate in row.rate_changes]
    if rates:
        print(f"learning rate: {', '.join(rates)}")
    if run.group is not None:
        print(f"group: {run.group}")
    if run.message:
        print(f"message: {run.message}")
    print(f"model: {'kept' if run.has_model else 'not kept'}")
    lines = [["epoch", "iteration", "train acc", "test acc"]]
    lines += [[str(e), str(i), f"{tr:.4f}", f"{te:.4f}"] for e, (i, tr, te) in enumerate(zip(
        history.epoch_iterations, history.train_acc_list, history.test_acc_list, strict=True))]
    print_table([[cell.rjust(len(head)) for cell, head in zip(line, lines[0], strict=True)]
                 for line in lines])
    print(f"final: train acc {accuracy(row.final_train_acc)}, test acc "
          f"{accuracy(row.final_test_acc)}; best test acc {accuracy(row.best_test_acc)}"
          + ("" if row.best_epoch is None else
             f" at epoch {row.best_epoch} (iteration {row.best_iteration})"))
    return 0


def row_json(run: RunRecord, row: RunRow) -> dict[str, Any]:
    """A table row as JSON."""
    return {
        "name": row.name, "number": row.number, "status": row.status, "seed": row.seed,
        "group": row.group,
        "changes": [{"name": c.name, "before": c.before, "after": c.after} for c in row.changes],
        "rate_changes": [list(change) for change in row.rate_changes],
        "final_train_acc": row.final_train_acc, "final_test_acc": row.final_test_acc,
        "best_test_acc": row.best_test_acc, "best_epoch": row.best_epoch,
        "best_iteration": row.best_iteration, "seconds": row.seconds,
        "iterations": row.iterations, "has_model": row.has_model,
        "started": run.started.isoformat(),
    }


def group_json(group: GroupSummary) -> dict[str, Any]:
    return {
        "group": group.group, "runs": list(group.names), "seeds": list(group.seeds),
        "final_train_acc": {"mean": group.final_train_acc.mean, "std": group.final_train_acc.std},
        "final_test_acc": {"mean": group.final_test_acc.mean, "std": group.final_test_acc.std},
    }


def show_json(run: RunRecord, row: RunRow, store: RunStore) -> dict[str, Any]:
    """One run as JSON: the table's row, its settings and its whole history."""
    history = run.history
    return {
        **row_json(run, row), "config": run.config.to_dict(), "message": run.message,
        "learning_rates": [list(change) for change in history.learning_rates],
        "train_loss_list": history.train_loss_list, "train_acc_list": history.train_acc_list,
        "test_acc_list": history.test_acc_list, "epoch_iterations": history.epoch_iterations,
        "folder": str(store.folder_of(run.number or 0)),
    }


def run_export(args: argparse.Namespace) -> int:
    _, runs = load_runs()
    path = Path(args.file)
    summary = Path(args.summary) if args.summary else path.with_name(
        f"{path.stem}-summary{path.suffix}")
    if summary == path:
        raise CliError("the summary needs a file of its own")
    for target, write in ((path, write_runs_csv), (summary, write_summary_csv)):
        try:
            write(target, runs)
        except OSError as exc:
            raise CliError(f"{target}: could not write ({exc.strerror or exc})") from None
    epochs = sum(len(run.history.test_acc_list) for run in runs)
    print(f"{len(runs)} run{'s' if len(runs) != 1 else ''}, {epochs} epoch rows written to "
          f"{path}")
    print(f"summary written to {summary}")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    store, runs = load_runs()
    run = find_run(runs, args.name)
    try:
        store.rename(run.number or 0, args.new_name)
    except (ValueError, RunStoreError) as exc:
        raise CliError(str(exc)) from None
    print(f"run {run.number} renamed from {run.name!r} to {args.new_name!r}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    store, runs = load_runs()
    run = find_run(runs, args.name)
    confirm(args, f"Remove run {run.number} ({run.name!r}) from {store.folder}?")
    try:
        store.remove(run.number or 0)
    except RunStoreError as exc:
        raise CliError(str(exc)) from None
    print(f"removed run {run.number} ({run.name!r})")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    store, _ = load_runs()
    count = len(store.numbers())
    try:
        if count == 0:
            store.clear()  # leftovers of interrupted writes, if any
            print(f"no runs kept in {store.folder}")
            return 0
        confirm(args, f"Remove all {count} kept run{'s' if count != 1 else ''} from "
                      f"{store.folder}?")
        removed = store.clear()
    except RunStoreError as exc:
        raise CliError(str(exc)) from None
    print(f"removed {removed} run{'s' if removed != 1 else ''}")
    return 0


def confirm(args: argparse.Namespace, question: str) -> None:
    """Ask on stderr, read one line of stdin; anything but y or yes refuses (CliError)."""
    if args.yes:
        return
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline() if sys.stdin is not None else ""
        typed = sys.stdin.isatty() and answer.endswith("\n")
    except (OSError, ValueError):
        answer, typed = "", False
    if not typed:  # nothing echoed the answer's line break
        sys.stderr.write("\n")
    if answer.strip().lower() not in ("y", "yes"):
        raise CliError("nothing removed (answer y, or pass --yes)")


def keep_run(trainer: Trainer, status: str, *, keep_model: bool = True,
             **details: Any) -> dict[str, Any]:
    """Keep the run ``trainer`` made (``desktop-nn train --keep``); print where it went.

    ``details`` go to :func:`record_run` (``seconds``, ``started``, ``final``, ``message``).
    Returns the run's name, number and folder, for ``--json``.
    """
    store = RunStore(keep_models=keep_model)
    record = record_run(trainer, status, **details)
    try:
        kept, dropped = store.keep(record, trainer.network)
    except RunStoreError as exc:
        raise CliError(str(exc)) from None
    print(f"kept as {kept.name!r} (run {kept.number}) in {store.folder}", flush=True)
    if dropped:
        print(f"the size limit dropped the oldest run{'s' if len(dropped) > 1 else ''}: "
              f"{', '.join(map(str, dropped))}", flush=True)
    return {"name": kept.name, "number": kept.number, "has_model": kept.has_model,
            "folder": str(store.folder_of(kept.number or 0))}
