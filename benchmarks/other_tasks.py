"""The other timed tasks: the gradient check and the whole-set evaluations.

    python benchmarks/other_tasks.py             # 5 rounds, each in a fresh interpreter
    python benchmarks/other_tasks.py --json

Measured per round, with one BLAS thread (as the application runs):

* gradient check: the book's ``gradient_check.py`` (3 images, hidden 50, float64), timed as
  ``desktop-nn gradcheck`` times it: the numerical gradient once, backpropagation as the best
  of 5 calls;
* epoch evaluation: the accuracies on the 60,000 training and 10,000 test images, as the
  trainer measures them at every epoch (``network.accuracy``, float32);
* evaluate: ``evaluate_model`` on the 10,000 test images (scores, confusion matrix, metrics,
  misclassified images), as the Evaluate tab and ``desktop-nn evaluate`` run it.

Reported: the median of the rounds; the evaluations are the best of 5 calls within a round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

CALLS = 5


def best_of(call, calls: int = CALLS) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def worker() -> dict:
    """Measure every task once in this interpreter."""
    import numpy as np

    from desktop_nn.core.blas import blas_threads
    from desktop_nn.core.evaluation import evaluate_model
    from desktop_nn.core.gradient import gradient_check
    from desktop_nn.core.network import TwoLayerNet
    from desktop_nn.data import load_mnist

    (x_train, t_train), (x_test, t_test) = load_mnist()
    with blas_threads():
        check = gradient_check(TwoLayerNet(784, 50, 10, seed=0), x_train[:3], t_train[:3])
        net = TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32, weight_init_std=0.1)
        epoch = best_of(lambda: (net.accuracy(x_train, t_train), net.accuracy(x_test, t_test)))
        evaluate = best_of(lambda: evaluate_model(net, x_test, t_test))
    return {
        "gradcheck_numerical_s": check.numerical_seconds,
        "gradcheck_backprop_ms": 1000 * check.backprop_seconds,
        "epoch_evaluation_ms": 1000 * epoch,
        "evaluate_test_ms": 1000 * evaluate,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker()))
        return 0
    rounds = []
    for index in range(args.repeat):
        output = subprocess.run([sys.executable, __file__, "--worker"], check=True,
                                capture_output=True, text=True).stdout
        rounds.append(json.loads(output.strip().splitlines()[-1]))
        print(f"round {index + 1}: {rounds[-1]}", file=sys.stderr, flush=True)
    medians = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    if args.json:
        print(json.dumps({"repeat": args.repeat, "medians": medians, "rounds": rounds}))
        return 0
    print(f"medians of {args.repeat} rounds:")
    print(f"  gradient check, numerical gradient  {medians['gradcheck_numerical_s']:8.2f} s")
    print(f"  gradient check, backpropagation     {medians['gradcheck_backprop_ms']:8.3f} ms")
    print(f"  epoch evaluation (70,000 images)    {medians['epoch_evaluation_ms']:8.1f} ms")
    print(f"  evaluate (10,000 test images)       {medians['evaluate_test_ms']:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
