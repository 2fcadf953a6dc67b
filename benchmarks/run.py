"""Headless training speed: desktop_nn against the book's own loop and PyTorch, in one run.

    python benchmarks/run.py                 # the book's configuration, 3 interleaved rounds
    python benchmarks/run.py --repeat 5 --json
    python benchmarks/run.py --config seed004  # hidden 100, lr 0.5

Each measurement runs in a fresh subprocess (so peak memory is its own), and the contenders
take turns round by round, so that a noisy neighbour on a shared machine hurts all of them
alike. Reported: the median seconds of the training loop with its 17 full evaluations (data
loading and start-up excluded), ms per iteration, final test accuracy, peak memory (max RSS),
and the ratios of the medians. Every contender uses one BLAS thread unless named otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIGS = {
    "book": {"hidden_size": 50, "learning_rate": 0.1},
    "seed004": {"hidden_size": 100, "learning_rate": 0.5},
}
TARGET_ACCURACY = {"book": 0.965, "seed004": 0.975}


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def worker(name: str, config: str, iters: int, seed: int) -> dict:
    """Run one contender in this process and return its measurements."""
    from threadpoolctl import threadpool_limits

    from desktop_nn.data import load_mnist

    hyper = CONFIGS[config]
    if name == "desktop_nn":
        from desktop_nn.core.training import FinishedEvent, TrainConfig, Trainer

        data = load_mnist()
        trainer = Trainer(TrainConfig(iters=iters, seed=seed, **hyper), data)
        finished = next(e for e in trainer.run() if isinstance(e, FinishedEvent))
        result = {"seconds": finished.seconds, "final_test_acc": finished.final_test_acc}
    elif name == "book-style":
        sys.path.insert(0, str(HERE))
        from book_style import train_book_style

        with threadpool_limits(1, user_api="blas"):
            result = train_book_style(load_mnist(one_hot_label=True), iters=iters, seed=seed,
                                      **hyper)
    elif name.startswith("pytorch"):
        sys.path.insert(0, str(HERE))
        from torch_reference import train_torch

        threads = int(name.rsplit("-", 1)[1]) if "-" in name else 1
        result = train_torch(load_mnist(), iters=iters, seed=seed, threads=threads, **hyper)
        if result is None:
            return {"skipped": "PyTorch is not importable"}
    else:
        raise SystemExit(f"unknown contender {name}")
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def measure(name: str, config: str, iters: int, seed: int) -> dict:
    """Run ``worker`` in a fresh interpreter and return what it printed."""
    output = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--config", config,
         "--iters", str(iters), "--seed", str(seed)],
        check=True, capture_output=True, text=True, env=os.environ.copy(),
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def torch_available() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import torch"], capture_output=True)
    return probe.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=sorted(CONFIGS), default="book")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--iters", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-book", action="store_true", help="skip the slow book loop")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.config, args.iters, args.seed)))
        return 0

    contenders = ["desktop_nn"]
    if not args.skip_book:
        contenders.append("book-style")
    if torch_available():
        contenders += ["pytorch-1", "pytorch-2"]
    runs: dict[str, list[dict]] = {name: [] for name in contenders}
    for round_index in range(args.repeat):
        for name in contenders:
            result = measure(name, args.config, args.iters, args.seed + round_index)
            runs[name].append(result)
            print(f"round {round_index + 1}: {name:<12} {result['seconds']:7.2f} s  "
                  f"test acc {result['final_test_acc']:.4f}  "
                  f"peak {result['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)

    summary = {}
    for name, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        summary[name] = {
            "median_seconds": seconds,
            "ms_per_iteration": 1000 * seconds / args.iters,
            "median_test_acc": statistics.median(r["final_test_acc"] for r in results),
            "max_peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "runs": results,
        }
    ours = summary["desktop_nn"]["median_seconds"]
    for name in contenders:
        summary[name]["ours_over_this"] = ours / summary[name]["median_seconds"]

    if args.json:
        print(json.dumps({"config": args.config, "iters": args.iters, "repeat": args.repeat,
                          "cpu_count": os.cpu_count(), "results": summary}))
        return 0
    hyper = CONFIGS[args.config]
    print(f"\n{args.config}: hidden {hyper['hidden_size']}, lr {hyper['learning_rate']}, "
          f"batch 100, {args.iters} iterations; medians of {args.repeat} interleaved rounds")
    print(f"{'contender':<12}{'seconds':>9}{'ms/iter':>9}{'test acc':>10}{'peak MB':>9}"
          f"{'ours / this':>13}")
    for name, row in summary.items():
        print(f"{name:<12}{row['median_seconds']:>9.2f}{row['ms_per_iteration']:>9.3f}"
              f"{row['median_test_acc']:>10.4f}{row['max_peak_rss_mb']:>9.0f}"
              f"{row['ours_over_this']:>13.2f}")
    print(f"target: ours/book-style <= 0.30, ours/pytorch < 1, test acc >= "
          f"{TARGET_ACCURACY[args.config]}, peak < 500 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
