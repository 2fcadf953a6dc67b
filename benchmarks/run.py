"""Headless training speed: desktop_nn against its floating-point bound, the book's own loop
and PyTorch, in one run.

    python benchmarks/run.py                 # the book's configuration, 3 interleaved rounds
    python benchmarks/run.py --repeat 5 --json
    python benchmarks/run.py --config seed004  # hidden 100, lr 0.5

Each measurement runs in a fresh subprocess (so peak memory is its own), and the contenders
take turns round by round, so that a noisy neighbour on a shared machine hurts all of them
alike. Reported: the median seconds of the training loop with its full evaluations (data
loading and start-up excluded), ms per iteration, final test accuracy, peak memory (max RSS),
and the ratios of the medians. One of the contenders is the bound (see ``bound.py``): each
round measures single-threaded sgemm on the training's shapes, and the bound is desktop_nn's
FLOPs at that rate.

Threads, set deliberately: BLAS runs with one thread in every contender (threadpoolctl;
desktop_nn sets it itself); desktop_nn's evaluations use two threads of its own, each with
that single-threaded BLAS; PyTorch runs with ``torch.set_num_threads(n)`` for pytorch-n (it
sets its own BLAS and OpenMP threads).
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
        result = train_desktop_nn(hyper, iters, seed)
    elif name == "sgemm":
        sys.path.insert(0, str(HERE))
        from bound import sgemm_rate

        result = sgemm_rate()
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


def train_desktop_nn(hyper: dict, iters: int, seed: int) -> dict:
    """Train with desktop_nn's Trainer (it limits BLAS to one thread itself)."""
    from desktop_nn.core.training import FinishedEvent, TrainConfig, Trainer
    from desktop_nn.data import load_mnist

    trainer = Trainer(TrainConfig(iters=iters, seed=seed, **hyper), load_mnist())
    finished = next(e for e in trainer.run() if isinstance(e, FinishedEvent))
    boundaries = trainer.history.epoch_iterations
    return {
        "seconds": finished.seconds,
        "final_test_acc": finished.final_test_acc,
        # The epoch evaluations, and the final one unless the last iteration had one.
        "evaluations": len(boundaries) + (boundaries[-1] != iters - 1),
        "evaluated_images": len(trainer.t_train) + len(trainer.t_test),
    }


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


def run_rounds(contenders: list[str], args: argparse.Namespace) -> dict[str, list[dict]]:
    """Measure every contender once a round, in turn; report each measurement on stderr."""
    runs: dict[str, list[dict]] = {name: [] for name in contenders}
    for round_index in range(args.repeat):
        for name in contenders:
            result = measure(name, args.config, args.iters, args.seed + round_index)
            runs[name].append(result)
            if name == "sgemm":
                line = (f"{result['median_gflops']:6.1f} GFLOP/s median, "
                        f"{result['best_gflops']:.1f} best")
            else:
                line = (f"{result['seconds']:7.2f} s  test acc {result['final_test_acc']:.4f}  "
                        f"peak {result['peak_rss_mb']:.0f} MB")
            print(f"round {round_index + 1}: {name:<15} {line}", file=sys.stderr, flush=True)
    return runs


def bound_runs(runs: dict[str, list[dict]], hyper: dict, iters: int) -> list[dict]:
    """Turn each round's sgemm rate into the bound of desktop_nn's run, in seconds."""
    sys.path.insert(0, str(HERE))
    from bound import training_flops

    ours = runs["desktop_nn"][0]
    flops = training_flops(iters, 100, 784, hyper["hidden_size"], 10, ours["evaluations"],
                           ours["evaluated_images"])
    return [{"seconds": flops["total"] / (rate["median_gflops"] * 1e9),
             "best_rate_seconds": flops["total"] / (rate["best_gflops"] * 1e9),
             "gflops": rate["median_gflops"], "flops": flops, "peak_rss_mb": rate["peak_rss_mb"]}
            for rate in runs.pop("sgemm")]


def summarise(runs: dict[str, list[dict]], iters: int) -> dict:
    summary = {}
    for name, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        accuracies = [r["final_test_acc"] for r in results if "final_test_acc" in r]
        summary[name] = {
            "median_seconds": seconds,
            "ms_per_iteration": 1000 * seconds / iters,
            "median_test_acc": statistics.median(accuracies) if accuracies else None,
            "max_peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "runs": results,
        }
    ours = summary["desktop_nn"]["median_seconds"]
    for row in summary.values():
        row["ours_over_this"] = ours / row["median_seconds"]
    return summary


def print_table(summary: dict, args: argparse.Namespace) -> None:
    hyper = CONFIGS[args.config]
    ours = summary["desktop_nn"]["runs"][0]
    print(f"\n{args.config}: hidden {hyper['hidden_size']}, lr {hyper['learning_rate']}, "
          f"batch 100, {args.iters} iterations, {ours['evaluations']} evaluations of "
          f"{ours['evaluated_images']:,} images; medians of {args.repeat} interleaved rounds")
    bound = summary["bound"]
    flops = bound["runs"][0]["flops"]
    rates = [r["gflops"] for r in bound["runs"]]
    print(f"bound: {flops['training'] / 1e9:.1f} GFLOP of training + "
          f"{flops['evaluations'] / 1e9:.1f} GFLOP of evaluations at single-threaded sgemm's "
          f"median rate on (100, 784) @ (784, {hyper['hidden_size']}) "
          f"(median of the rounds {statistics.median(rates):.1f} GFLOP/s) = "
          f"{bound['median_seconds']:.2f} s (at the best chunk's rate: "
          f"{statistics.median(r['best_rate_seconds'] for r in bound['runs']):.2f} s)")
    print(f"{'contender':<15}{'seconds':>9}{'ms/iter':>9}{'test acc':>10}{'peak MB':>9}"
          f"{'ours / this':>13}")
    for name, row in summary.items():
        accuracy = "" if row["median_test_acc"] is None else f"{row['median_test_acc']:.4f}"
        print(f"{name:<15}{row['median_seconds']:>9.2f}{row['ms_per_iteration']:>9.3f}"
              f"{accuracy:>10}{row['max_peak_rss_mb']:>9.0f}{row['ours_over_this']:>13.2f}")
    print(f"target: ours/bound <= 1.6, ours/book-style <= 0.25, ours/pytorch-2 < 1, test acc >= "
          f"{TARGET_ACCURACY[args.config]}, peak < 500 MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=sorted(CONFIGS), default="book")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--iters", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-book", action="store_true", help="skip the slow book loop")
    parser.add_argument("--skip-torch", action="store_true", help="skip PyTorch")
    parser.add_argument("--torch-threads", default="1,2",
                        help="the thread counts of the PyTorch contenders (default 1,2)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.config, args.iters, args.seed)))
        return 0

    contenders = ["sgemm", "desktop_nn"]
    if not args.skip_book:
        contenders.append("book-style")
    if not args.skip_torch and torch_available():
        contenders += [f"pytorch-{n}" for n in args.torch_threads.split(",")]
    runs = run_rounds(contenders, args)
    bounds = bound_runs(runs, CONFIGS[args.config], args.iters)
    summary = summarise({"bound": bounds, **runs}, args.iters)
    if args.json:
        print(json.dumps({"config": args.config, "iters": args.iters, "repeat": args.repeat,
                          "cpu_count": os.cpu_count(), "results": summary}))
    else:
        print_table(summary, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
