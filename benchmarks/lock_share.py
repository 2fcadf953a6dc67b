"""Who holds Python's lock while the window trains: the GUI thread's share, sampled.

    pip install py-spy                       # the sampler (not a dependency of desktop_nn)
    python benchmarks/lock_share.py          # 3 rounds, a 20,000-iteration run sampled for 5 s
    python benchmarks/lock_share.py --repeat 5 --duration 8

The training thread needs Python's lock between its NumPy calls; every moment the GUI thread
holds it (running Python, or running Qt from inside a Python call) the training waits. Wall
times on a shared machine vary by more than the effect, so this counts the effect itself:
each round starts the window in a fresh process (offscreen, with empty settings and data
folders of its own), starts the book's configuration, lets it run ``--settle`` seconds, and
then samples it with ``py-spy record --gil --idle`` for ``--duration`` seconds. With ``--gil``
py-spy records only the thread holding the lock at each sample, so the shares below are the
shares of the time the lock was held, by thread; "of the wall time" divides by every sample
taken. To compare two versions, run this once with each version's package first on
``PYTHONPATH``. py-spy attaches to a running process: where the system forbids that to a
normal user (``kernel.yama.ptrace_scope``), run it as root or allow ptrace.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from gui_training import isolated_env, window_with_data  # this folder's window benchmark

SAMPLES_PER_SECOND = 250
#: A frame of the worker's own module: the GUI (main) thread's stacks all pass through it.
MAIN_MARK = "lock_share.py"
#: The training thread's stacks pass through the worker thread's run.
TRAINING_MARK = "_Runner.run"


def worker(iters: int) -> None:
    """Start the window, start a run, say RUNNING once it iterates, and finish it."""
    from PySide6.QtCore import QTimer

    app, window = window_with_data(iters)
    tab = window.training_tab
    tab.confirm_slow_runs = False
    said = []

    def first_metrics(_batch) -> None:
        if not said:
            said.append(True)
            print("RUNNING", flush=True)

    tab.controller.metrics.connect(first_metrics)
    tab.run_ended.connect(lambda _outcome: QTimer.singleShot(100, app.quit))
    QTimer.singleShot(200, tab.start)
    app.exec()
    window.close()


def shares(raw: str) -> dict:
    """The samples of a py-spy raw profile, counted by thread."""
    counts = {"main": 0, "training": 0, "other": 0}
    for line in raw.splitlines():
        stack, _, number = line.rpartition(" ")
        if not number.isdigit():
            continue
        kind = ("main" if MAIN_MARK in stack else
                "training" if TRAINING_MARK in stack else "other")
        counts[kind] += int(number)
    return counts


def py_spy() -> str | None:
    """The py-spy command: on PATH, or installed beside this interpreter (a venv's bin)."""
    beside = os.path.join(os.path.dirname(sys.executable), "py-spy")
    return shutil.which("py-spy") or (beside if os.access(beside, os.X_OK) else None)


def measure(iters: int, settle: float, duration: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="desktop_nn-benchmark-") as folder:
        env = isolated_env(folder)
        process = subprocess.Popen([sys.executable, __file__, "--worker", "--iters", str(iters)],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                   env=env)
        try:
            for line in process.stdout:
                if line.strip() == "RUNNING":
                    break
            time.sleep(settle)
            profile = os.path.join(folder, "profile.txt")
            subprocess.run([py_spy(), "record", "--pid", str(process.pid), "--gil", "--idle",
                            "--rate", str(SAMPLES_PER_SECOND), "--duration", str(duration),
                            "--format", "raw", "--output", profile],
                           check=True, capture_output=True)
            with open(profile, encoding="utf-8") as file:
                counts = shares(file.read())
        finally:
            process.stdout.close()
            process.wait()
    total = sum(counts.values())
    taken = SAMPLES_PER_SECOND * duration
    return {"samples_holding_the_lock": total,
            "gui_share_of_lock": counts["main"] / total,
            "training_share_of_lock": counts["training"] / total,
            "gui_share_of_wall": counts["main"] / taken,
            "training_share_of_wall": counts["training"] / taken}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds of the run before sampling (past its start)")
    parser.add_argument("--duration", type=int, default=5, help="seconds sampled")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.iters)
        return 0
    if py_spy() is None:
        parser.error("py-spy is not installed: pip install py-spy")
    rounds = []
    for round_number in range(1, args.repeat + 1):
        result = measure(args.iters, args.settle, args.duration)
        rounds.append(result)
        print(f"round {round_number}: {json.dumps(result)}", flush=True)
    print(f"\nthe book's configuration in the window, {args.iters:,} iterations, sampled "
          f"{args.duration:g} s after {args.settle:g} s; medians of {args.repeat} rounds")
    for key, text in (("gui_share_of_lock", "GUI thread, share of the lock's holding time"),
                      ("training_share_of_lock", "training thread, share of it"),
                      ("gui_share_of_wall", "GUI thread holding the lock, share of the time")):
        print(f"  {text:48s} {statistics.median(r[key] for r in rounds):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
