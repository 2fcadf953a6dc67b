"""What a second busy thread costs the training, with and without Python's lock.

    python benchmarks/contention.py                  # 3 rounds, 3,000 iterations, 6 ms of 45
    python benchmarks/contention.py --busy-ms 3 --repeat 5

The window's GUI thread works a few milliseconds at every frame (about 22 a second) while the
training thread runs. This benchmark imitates that without Qt: the headless training of the
book's configuration runs alone, then beside a thread that is busy ``--busy-ms`` out of every
45 ms either running Python (it holds the lock the training thread needs between its NumPy
calls) or doing matrix products with the lock released (it only shares the machine). Each
measurement runs in a fresh interpreter, the three kinds taking turns round by round; reported
are the training's wall time and its own thread's CPU time, medians of the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time

KINDS = ("alone", "python", "blas")
#: The period of the busy thread (s): about the window's frame interval.
PERIOD = 0.045
CONFIG = {"hidden_size": 50, "learning_rate": 0.1, "batch_size": 100, "seed": 0}


def _busy_python(busy: float, stop: threading.Event) -> None:
    while not stop.is_set():
        end = time.perf_counter() + busy
        while time.perf_counter() < end:
            pass
        stop.wait(PERIOD - busy)


def _busy_blas(busy: float, stop: threading.Event) -> None:
    import numpy as np

    matrix = np.random.default_rng(0).random((400, 400))
    while not stop.is_set():
        end = time.perf_counter() + busy
        while time.perf_counter() < end:
            matrix @ matrix  # the lock is released inside the product
        stop.wait(PERIOD - busy)


def measure(kind: str, iters: int, busy_ms: float) -> dict:
    """Train ``iters`` iterations headless beside a busy thread of ``kind``."""
    from desktop_nn.core.training import FinishedEvent, TrainConfig, Trainer
    from desktop_nn.data import load_mnist

    data = load_mnist()
    trainer = Trainer(TrainConfig(iters=iters, **CONFIG), data)
    stop = threading.Event()
    target = {"python": _busy_python, "blas": _busy_blas}.get(kind)
    helper = None
    if target is not None:
        helper = threading.Thread(target=target, args=(busy_ms / 1000, stop), daemon=True)
        helper.start()
    start, cpu = time.perf_counter(), time.thread_time()
    for event in trainer.run():
        if isinstance(event, FinishedEvent):
            break
    result = {"seconds": time.perf_counter() - start, "thread_cpu": time.thread_time() - cpu}
    stop.set()
    if helper is not None:
        helper.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iters", type=int, default=3_000)
    parser.add_argument("--busy-ms", type=float, default=6.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 0 < args.busy_ms < 1000 * PERIOD:
        parser.error(f"--busy-ms must be between 0 and {1000 * PERIOD:g}")
    if args.worker:
        print(json.dumps(measure(args.worker, args.iters, args.busy_ms)))
        return 0
    results: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for round_number in range(1, args.repeat + 1):
        for kind in KINDS:
            out = subprocess.run(
                [sys.executable, __file__, "--worker", kind, "--iters", str(args.iters),
                 "--busy-ms", str(args.busy_ms)], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results[kind].append(result)
            print(f"round {round_number}: {kind:6s} {json.dumps(result)}")
    share = args.busy_ms / (1000 * PERIOD)
    print(f"\n{args.iters:,} iterations headless, the other thread busy {share:.0%} of the time;"
          f" medians of {args.repeat} rounds")
    alone = statistics.median(r["seconds"] for r in results["alone"])
    for kind in KINDS:
        seconds = statistics.median(r["seconds"] for r in results[kind])
        cpu = statistics.median(r["thread_cpu"] for r in results[kind])
        print(f"  {kind:6s} {seconds:6.2f} s ({seconds / alone:.2f} of alone), "
              f"training thread's CPU {cpu:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
