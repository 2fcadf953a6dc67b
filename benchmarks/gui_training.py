"""The window's cost: training in the window (the training process, live plots) against
headless.

    python benchmarks/gui_training.py              # book configuration, 3 interleaved rounds
    python benchmarks/gui_training.py --iters 3000 --repeat 5
    python benchmarks/gui_training.py --iters 3000 --hidden   # also the window hidden
    python benchmarks/gui_training.py --iters 3000 --thread   # also the runs on a thread

Each measurement runs in a fresh interpreter, offscreen (QT_QPA_PLATFORM=offscreen unless a
display is set), alternating headless and window runs so that machine noise hits both alike.
Reported: median wall time of the training run (start to finish, data already loaded), the
ratio window / headless, the longest time the GUI thread was blocked from 0.2 s before the
click on Start to 0.3 s after "finished" (a 10 ms timer probe measuring the gaps between its
ticks; it stops before the application quits, since closing the window, which ends the
training process, is not part of a run), and how often the curves were redrawn: the median
rate while iterations flow, and the overall rate (during each full evaluation of the 70,000
images there is nothing new to draw).
Also: the time from launching the process to the window's first paint (desktop-nn's own start,
``run_gui``), and to the first paint of the Training tab's plots, with the CPU time the process
had used by then (on a busy machine the wall time also counts the waits for a core);
``--startup-only`` measures only these.
Every measurement runs with a settings folder and a data folder of its own (``XDG_CONFIG_HOME``,
``DESKTOP_NN_DATA_DIR``), empty at the start: the user's saved settings and kept runs neither
change it nor are changed by it (kept runs would be drawn as earlier runs' curves).
The window's runs train in the training process; the benchmark waits until that process is
ready before the click (a user reads the window for a moment first) and reports how long it
took to be ready after the data was loaded, and its CPU time over the run. With ``--thread``
the window's runs on a thread (``DESKTOP_NN_TRAINING=thread``) are measured in turn, and
split into phases: from the click to the first iteration (building the trainer, starting the
thread), the training itself (what the headless run measures; with the training thread's CPU
time), and from the trainer's end to ``run_ended`` (keeping the run, the last redraw); and the
GUI thread's CPU time over the run, in total and per redraw.
Where Linux's scheduler statistics are readable (``/proc/thread-self/schedstat``), the
training thread's time, in the window and headless, is split further: its CPU time, its
time waiting for a core, and the rest, its time waiting otherwise (for the scoring threads of
an evaluation, for Python's lock).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

#: The window run's phases and GUI-thread costs, reported as medians (the phases of the
#: training on a thread; the CPU time and readiness of the training process).
WINDOW_PHASES = ("click_to_training", "training_seconds", "training_cpu_seconds",
                 "training_to_finished", "gui_cpu_seconds", "gui_cpu_ms_per_redraw",
                 "process_cpu_seconds", "process_ready_seconds")
#: How the training thread spent its time (Linux only), reported as medians for both kinds.
THREAD_SPLIT = ("thread_cpu", "thread_core_wait", "thread_other_wait")
#: The probe runs this long before the click on Start and after "finished" (ms).
BEFORE_START_MS = 200
AFTER_END_MS = 300
CONFIG = {"hidden_size": 50, "learning_rate": 0.1, "batch_size": 100, "seed": 0}


def isolated_env(folder: str, **extra: str) -> dict:
    """The environment of a measured process: settings and data folders of its own under
    ``folder`` (empty at the start), offscreen unless a display is set, and ``extra``."""
    env = {**os.environ, "XDG_CONFIG_HOME": os.path.join(folder, "settings"),
           "DESKTOP_NN_DATA_DIR": os.path.join(folder, "data"), **extra}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def window_with_data(iters: int):
    """The application and its main window (1360 x 820) with the data loaded, the Training
    tab set to the book's configuration for ``iters`` iterations on every training image."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from desktop_nn.gui import MainWindow

    main = MainWindow()
    main.resize(1360, 820)
    main.show()
    while main.state.data is None:
        app.processEvents()
        time.sleep(0.005)
    panel = main.training_tab.panel
    panel.set_config(panel.config().replace(iters=iters, train_size=None, **CONFIG))
    return app, main


def scheduler_times() -> tuple[float, float] | None:
    """The calling thread's CPU time and time spent waiting for a core, in seconds, from
    Linux's scheduler statistics; None where they cannot be read."""
    try:
        with open("/proc/thread-self/schedstat") as stats:
            cpu_ns, wait_ns = stats.read().split()[:2]
    except (OSError, ValueError):
        return None
    return int(cpu_ns) / 1e9, int(wait_ns) / 1e9


def thread_split(before: tuple[float, float] | None, after: tuple[float, float] | None,
                 seconds: float) -> dict:
    """``seconds`` of a thread split into its CPU time, its wait for a core and the rest
    (empty without scheduler statistics)."""
    if before is None or after is None:
        return {}
    cpu, core_wait = after[0] - before[0], after[1] - before[1]
    return {"thread_cpu": cpu, "thread_core_wait": core_wait,
            "thread_other_wait": seconds - cpu - core_wait}


def headless(iters: int) -> dict:
    from desktop_nn.core.training import FinishedEvent, TrainConfig, Trainer
    from desktop_nn.data import load_mnist

    data = load_mnist()
    trainer = Trainer(TrainConfig(iters=iters, **CONFIG), data)
    times = scheduler_times()
    start = time.perf_counter()
    for event in trainer.run():
        if isinstance(event, FinishedEvent):
            break
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **thread_split(times, scheduler_times(), seconds)}


def _time_training_thread(marks: dict) -> None:
    """Record when ``Trainer.run`` starts and ends, and its thread's CPU time, in ``marks``."""
    from desktop_nn.core.training import Trainer

    original = Trainer.run

    def timed(self):
        marks["training_started"] = time.perf_counter()
        cpu = time.thread_time()
        times = scheduler_times()
        try:
            return (yield from original(self))
        finally:
            marks["training_ended"] = time.perf_counter()
            marks["training_cpu"] = time.thread_time() - cpu
            marks["split"] = thread_split(
                times, scheduler_times(), marks["training_ended"] - marks["training_started"])

    Trainer.run = timed


def window(iters: int, hidden: bool = False) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer

    marks: dict = {}
    _time_training_thread(marks)

    app, main = window_with_data(iters)
    if hidden:  # everything of the window's run but its painting
        main.hide()
    tab = main.training_tab
    process = tab.controller.process
    if process is not None:  # a user reads the window for a moment before clicking Start
        loaded = time.perf_counter()
        process.wait_ready()
        marks["process_ready"] = time.perf_counter() - loaded
        marks["process_cpu"] = process_cpu_seconds(process.pid)

    gaps: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(10)

    tick_times: list[float] = []

    def tick() -> None:
        gaps.append(clock.restart())
        tick_times.append(time.perf_counter())

    probe.timeout.connect(tick)
    # Every redraw of the curves sets the smoothed loss line's data once.
    redraw_times: list[float] = []
    tab.loss_plot.smooth_curve.sigPlotChanged.connect(
        lambda _item: redraw_times.append(time.perf_counter()))
    ended: list[str] = []
    moments: dict[str, float] = {}

    def click() -> None:
        moments["gui_cpu"] = time.thread_time()
        moments["start"] = time.perf_counter()
        tab.start()

    def finished(outcome: str) -> None:
        moments["end"] = time.perf_counter()
        moments["gui_cpu"] = time.thread_time() - moments["gui_cpu"]
        if process is not None:
            marks["process_cpu"] = process_cpu_seconds(process.pid) - marks["process_cpu"]
        ended.append(outcome)
        # The probe goes on a moment after "finished": what the end of a run leaves for later
        # turns of the event loop counts as well. It stops before the application quits:
        # closing the window (which ends the training process) is not part of the run.
        QTimer.singleShot(AFTER_END_MS, stop_and_quit)

    def stop_and_quit() -> None:
        probe.stop()
        app.quit()

    tab.run_ended.connect(finished)
    clock.start()
    probe.start()
    # The click comes from the running event loop, with the probe already ticking, so that a
    # block at the start of the run is measured too.
    QTimer.singleShot(BEFORE_START_MS, click)
    app.exec()  # the real event loop, as in the application
    probe.stop()
    start = moments["start"]
    seconds = moments["end"] - start
    gui_cpu = moments["gui_cpu"]
    redraws = sum(start <= moment <= moments["end"] for moment in redraw_times)
    main.close()
    intervals = sorted(b - a for a, b in itertools.pairwise(redraw_times))
    median_interval = intervals[len(intervals) // 2] if intervals else float("inf")
    return {
        "seconds": seconds,
        "outcome": ended[0],
        "max_gui_block_ms": max(gaps) if gaps else 0.0,
        # When the longest gap ended, in seconds from the click (after "finished" if > seconds).
        "max_gui_block_at": tick_times[gaps.index(max(gaps))] - start if gaps else 0.0,
        "gaps_over_30ms_at": [round(t - start, 3)
                              for g, t in zip(gaps, tick_times, strict=True) if g > 30],
        "redraw_hz_overall": redraws / seconds,
        "redraw_hz": 1.0 / median_interval,
        "gui_cpu_seconds": gui_cpu,
        "gui_cpu_ms_per_redraw": 1000 * gui_cpu / max(redraws, 1),
        **training_phases(marks, start, seconds),
    }


def training_phases(marks: dict, start: float, seconds: float) -> dict:
    """The phases of a run trained on the window's thread, or what is known of a run in the
    training process: its CPU time (all its threads) and how long it took to be ready."""
    if "process_cpu" in marks:
        return {"process_cpu_seconds": marks["process_cpu"],
                "process_ready_seconds": marks["process_ready"]}
    return {
        "click_to_training": marks["training_started"] - start,
        "training_seconds": marks["training_ended"] - marks["training_started"],
        "training_cpu_seconds": marks["training_cpu"],
        "training_to_finished": start + seconds - marks["training_ended"],
        **marks["split"],
    }


def process_cpu_seconds(pid: int) -> float:
    """CPU time a process has used, user and system, all threads (Linux's /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def startup() -> dict:
    """desktop-nn's own start (``run_gui``): seconds and CPU seconds to the window's first paint
    and to the first paint of the Training tab's loss plot; then the window is closed."""
    launched = float(os.environ["DESKTOP_NN_LAUNCHED"])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    times: dict[str, tuple[float, float]] = {}

    class Paints(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                parent = obj.parent() if obj.isWidgetType() else None
                name = "window" if obj.objectName() == "mainWindow" else (
                    "plots" if parent is not None and parent.objectName() == "lossPlot" else "")
                if name and name not in times:
                    times[name] = (time.time() - launched, time.process_time())
                    if name == "plots":
                        from desktop_nn.gui.app import close_main_windows

                        QTimer.singleShot(0, close_main_windows)
            return False

    watcher = Paints()
    app.installEventFilter(watcher)
    from desktop_nn.gui.app import run_gui

    run_gui()
    return {"seconds_to_window": times["window"][0], "cpu_seconds_to_window": times["window"][1],
            "seconds_to_plots": times["plots"][0], "cpu_seconds_to_plots": times["plots"][1]}


def measure(kind: str, iters: int) -> dict:
    """One measurement of ``kind`` in a fresh process; "thread" is the window with its runs
    trained on a thread of its own process instead of the training process."""
    extra = {"DESKTOP_NN_TRAINING": "thread"} if kind == "thread" else {}
    worker = "window" if kind == "thread" else kind
    with tempfile.TemporaryDirectory(prefix="desktop_nn-benchmark-") as folder:
        env = isolated_env(folder, DESKTOP_NN_LAUNCHED=repr(time.time()), **extra)
        output = subprocess.run(
            [sys.executable, __file__, "--worker", worker, "--iters", str(iters)],
            check=True, capture_output=True, text=True, env=env,
        ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure only the start: launch to the window and to the plots")
    parser.add_argument("--hidden", action="store_true",
                        help="also measure the window's run with the window hidden (nothing "
                             "painted), in turn with the others: what the window costs "
                             "besides drawing")
    parser.add_argument("--thread", action="store_true",
                        help="also measure the window with its runs trained on a thread of "
                             "its own process (as before the training process), in turn")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker = {"headless": headless, "window": window,
                  "hidden": lambda iters: window(iters, hidden=True)}.get(args.worker)
        result = startup() if args.worker == "startup" else worker(args.iters)
        print(json.dumps(result))
        return 0
    if args.startup_only:
        return report_startup([measure("startup", 0) for _ in range(args.repeat)], args.json)

    kinds = ("headless", "window", *(("hidden",) if args.hidden else ()),
             *(("thread",) if args.thread else ()), "startup")
    runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for round_index in range(args.repeat):
        for kind in kinds:
            result = measure(kind, args.iters)
            runs[kind].append(result)
            print(f"round {round_index + 1}: {kind:<8} {json.dumps(result)}", file=sys.stderr,
                  flush=True)
    headless_s = statistics.median(r["seconds"] for r in runs["headless"])
    window_s = statistics.median(r["seconds"] for r in runs["window"])
    summary = {
        "iters": args.iters,
        "repeat": args.repeat,
        "headless_seconds": headless_s,
        "window_seconds": window_s,
        "window_over_headless": window_s / headless_s,
        "max_gui_block_ms": max(r["max_gui_block_ms"] for r in runs["window"]),
        "median_redraw_hz": statistics.median(r["redraw_hz"] for r in runs["window"]),
        "median_redraw_hz_overall": statistics.median(
            r["redraw_hz_overall"] for r in runs["window"]),
        **{f"median_{key}": statistics.median(r[key] for r in runs["window"])
           for key in WINDOW_PHASES if key in runs["window"][0]},
        "median_seconds_to_window": statistics.median(
            r["seconds_to_window"] for r in runs["startup"]),
        "median_cpu_seconds_to_window": statistics.median(
            r["cpu_seconds_to_window"] for r in runs["startup"]),
        **split_summary(runs),
        **hidden_summary(runs, headless_s),
    }
    if args.json:
        print(json.dumps(summary))
        return 0
    print(f"\n{args.iters} iterations of the book's configuration; medians of {args.repeat} "
          "interleaved rounds")
    print(f"headless            {headless_s:8.2f} s")
    target = 1.05 if args.iters >= 10_000 else 1.08
    print(f"window              {window_s:8.2f} s   ratio {window_s / headless_s:.3f} "
          f"(target <= {target})")
    print(f"GUI thread blocked  {summary['max_gui_block_ms']:8.1f} ms at most, longest gap between "
          "the ticks of a 10 ms timer (target <= 30)")
    print(f"curve redraws       {summary['median_redraw_hz']:8.1f} Hz while iterating (target >= "
          f"20); {summary['median_redraw_hz_overall']:.1f} Hz over the run, epoch evaluations "
          "included")
    print_phases(summary)
    print(f"GUI thread CPU      {summary['median_gui_cpu_seconds']:8.3f} s over the run, "
          f"{summary['median_gui_cpu_ms_per_redraw']:.2f} ms per redraw")
    print_split(summary)
    if "hidden_seconds" in summary:
        print(f"window hidden       {summary['hidden_seconds']:8.2f} s   ratio "
              f"{summary['hidden_over_headless']:.3f} (nothing painted; GUI thread CPU "
              f"{summary['median_hidden_gui_cpu_seconds']:.3f} s)")
    if "thread_seconds" in summary:
        print(f"window, on a thread {summary['thread_seconds']:8.2f} s   ratio "
              f"{summary['thread_over_headless']:.3f} (runs trained in the window's process; "
              f"GUI blocked {summary['thread_max_gui_block_ms']:.1f} ms at most)")
    print(f"launch to window    {summary['median_seconds_to_window']:8.2f} s (target <= 0.8), "
          f"{summary['median_cpu_seconds_to_window']:.2f} s of CPU time by then")
    return 0


def print_phases(summary: dict) -> None:
    """The training's phases (on a thread) or the training process's figures."""
    if "median_process_cpu_seconds" in summary:
        print(f"  training process  {summary['median_process_cpu_seconds']:8.2f} s of CPU over "
              f"the run; ready {summary['median_process_ready_seconds']:.2f} s after the data "
              "was loaded")
        return
    print(f"  click to training {summary['median_click_to_training'] * 1000:8.1f} ms; training "
          f"{summary['median_training_seconds']:.2f} s "
          f"({summary['median_training_cpu_seconds']:.2f} s of its thread's CPU); its end to "
          f"finished {summary['median_training_to_finished'] * 1000:.1f} ms")


def split_summary(runs: dict[str, list[dict]]) -> dict:
    """Medians of the training thread's time split, headless and in the window (empty when a
    run had no scheduler statistics)."""
    measured = runs["headless"] + runs["window"]
    if not measured or not all(THREAD_SPLIT[0] in run for run in measured):
        return {}
    return {f"median_{kind}_{key}": statistics.median(run[key] for run in runs[kind])
            for kind in ("headless", "window") for key in THREAD_SPLIT}


def hidden_summary(runs: dict[str, list[dict]], headless_s: float) -> dict:
    """Medians of the hidden window's runs (``--hidden``) and of the runs trained on a thread
    (``--thread``), if measured."""
    summary = {}
    if runs.get("hidden"):
        hidden_s = statistics.median(run["seconds"] for run in runs["hidden"])
        summary |= {"hidden_seconds": hidden_s, "hidden_over_headless": hidden_s / headless_s,
                    "median_hidden_gui_cpu_seconds": statistics.median(
                        run["gui_cpu_seconds"] for run in runs["hidden"])}
    if runs.get("thread"):
        thread_s = statistics.median(run["seconds"] for run in runs["thread"])
        summary |= {"thread_seconds": thread_s, "thread_over_headless": thread_s / headless_s,
                    "thread_max_gui_block_ms": max(run["max_gui_block_ms"]
                                                   for run in runs["thread"])}
    return summary


def print_split(summary: dict) -> None:
    """The training thread's time split, if measured."""
    for kind in ("headless", "window"):
        if f"median_{kind}_thread_cpu" not in summary:
            return
        cpu, core, other = (summary[f"median_{kind}_{key}"] for key in THREAD_SPLIT)
        print(f"  training thread, {kind:<8} {cpu:5.2f} s of CPU, {core:5.2f} s waiting for a "
              f"core, {other:5.2f} s waiting otherwise (evaluations' threads, Python's lock)")


def report_startup(runs: list[dict], as_json: bool) -> int:
    """Print the medians of ``runs`` of the startup worker."""
    summary = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    summary["repeat"] = len(runs)
    for run in runs:
        print(f"startup {json.dumps(run)}", file=sys.stderr, flush=True)
    if as_json:
        print(json.dumps(summary))
        return 0
    print(f"\ndesktop-nn's start; medians of {len(runs)} launches")
    print(f"launch to window    {summary['seconds_to_window']:8.2f} s (target <= 0.8), "
          f"{summary['cpu_seconds_to_window']:.2f} s of CPU time by then")
    print(f"launch to plots     {summary['seconds_to_plots']:8.2f} s, "
          f"{summary['cpu_seconds_to_plots']:.2f} s of CPU time by then")
    return 0


if __name__ == "__main__":
    sys.exit(main())
