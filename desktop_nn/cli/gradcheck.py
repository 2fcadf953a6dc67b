"""``desktop-nn gradcheck``: numerical against backpropagated gradients on real MNIST samples."""

from __future__ import annotations

import argparse

from desktop_nn.cli.common import (
    CliError,
    check_range,
    finite_float,
    path_text,
    positive_int,
    print_json,
    whole_number,
)
from desktop_nn.core.blas import blas_threads
from desktop_nn.core.check_settings import GradientCheckSettings
from desktop_nn.core.functions import BOOK_DELTA
from desktop_nn.core.gradient import gradient_check
from desktop_nn.core.network import ACTIVATIONS
from desktop_nn.core.training import CHOICES, GRADCHECK_LIMITS
from desktop_nn.data import DataError, load_mnist


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "gradcheck",
        help="compare numerical and backpropagated gradients (the book's gradient_check.py)",
        description=(
            "Compute the gradient of TwoLayerNet's loss on the first training images twice, by "
            "central differences and by backpropagation, and report how far apart they are."
        ),
    )
    add = parser.add_argument
    add("--samples", type=positive_int, default=3, metavar="N",
        help="number of training images (default 3, as in the book)")
    add("--hidden-size", type=positive_int, default=50, metavar="N")
    add("--activation", choices=tuple(ACTIVATIONS), default="relu")
    add("--seed", type=whole_number, default=0, help="seed of the initial weights (default 0)")
    add("--delta", type=finite_float, default=BOOK_DELTA,
        help="the constant inside the loss's log (default 1e-7, the book's; 0 removes it)")
    add("--dataset", choices=CHOICES["dataset"], default="mnist")
    add("--data-dir", type=path_text, metavar="DIR")
    add("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for option, key in (("--samples", "samples"), ("--hidden-size", "hidden_size"),
                        ("--seed", "seed"), ("--delta", "delta")):
        check_range(option, getattr(args, key), GRADCHECK_LIMITS[key])
    try:
        (x_train, t_train), _ = load_mnist(dataset=args.dataset, data_dir=args.data_dir)
    except DataError as exc:
        raise CliError(str(exc)) from None
    x, t = x_train[: args.samples], t_train[: args.samples]
    settings = GradientCheckSettings(samples=args.samples, hidden_size=args.hidden_size,
                                     activation=args.activation, seed=args.seed,
                                     delta=args.delta)
    network = settings.build_network()
    with blas_threads():
        result = gradient_check(network, x, t)
    if args.json:
        output = {
            key: {
                "mean_abs_diff": diff.mean_abs_diff,
                "max_abs_diff": diff.max_abs_diff,
                "max_rel_error": diff.max_rel_error,
                "shape": list(diff.shape),
            }
            for key, diff in result.params.items()
        }
        output.update(
            numerical_seconds=result.numerical_seconds,
            backprop_seconds=result.backprop_seconds,
            backprop_repeats=result.backprop_repeats,
            samples=args.samples,
            hidden_size=args.hidden_size,
            activation=args.activation,
            seed=args.seed,
            delta=args.delta,
        )
        print_json(output)
        return 0
    print(
        f"gradient check on {args.samples} MNIST training images, TwoLayerNet(784, "
        f"{args.hidden_size}, 10), {args.activation}, seed {args.seed}, delta {args.delta:g}"
    )
    print(f"{'param':<6}{'shape':>12}{'mean |diff|':>14}{'max |diff|':>14}{'max rel err':>14}")
    for key, diff in result.params.items():
        shape = "x".join(str(s) for s in diff.shape)
        print(
            f"{key:<6}{shape:>12}{diff.mean_abs_diff:>14.3e}{diff.max_abs_diff:>14.3e}"
            f"{diff.max_rel_error:>14.3e}"
        )
    print(
        f"numerical {result.numerical_seconds:.3f} s, backprop {result.backprop_seconds * 1e3:.3f}"
        f" ms (best of {result.backprop_repeats} runs after a warm-up run): backprop was "
        f"{result.speedup:,.0f} times faster"
    )
    return 0
