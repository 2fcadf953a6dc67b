"""``desktop-nn layers``: a network forward and backward through its layers, headless.

Examples::

    desktop-nn layers                          # TwoLayerNet(784, 50, 10), seed 0, 3 images
    desktop-nn layers --model model.npz --samples 10 --json
    desktop-nn layers --net simple             # the book's simpleNet (section 4.4.2)
    desktop-nn layers --net simple --weights 1,0,0,0,1,0
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from desktop_nn.cli.common import CliError, positive_int, print_json
from desktop_nn.cli.evaluate import DATASET_TITLES
from desktop_nn.core.model_io import ModelFileError, check_compatible, load_model
from desktop_nn.core.network import ACTIVATIONS, TwoLayerNet
from desktop_nn.core.simple_net import simpleNet
from desktop_nn.core.training import LIMITS
from desktop_nn.data import DataError
from desktop_nn.graph import GraphEvaluationError, LayerGraph, network_graph, simple_graph
from desktop_nn.graph.layer_nets import DEFAULT_SAMPLES, MAX_SAMPLES, training_batch

DEFAULT_HIDDEN_SIZE = 50
MAX_SEED = 2**32 - 1
WEIGHTS_HELP = "w11,w12,w13,w21,w22,w23"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "layers",
        help="a network forward and backward through its layers (Affine, ReLU, Softmax...)",
        description=(
            "Run TwoLayerNet (on the first training images) or the book's simpleNet forward "
            "and backward through its layers in float64, and print each layer's output shape, "
            "the loss, and for each parameter its largest gradient beside a central difference."
        ),
    )
    add = parser.add_argument
    add("--net", choices=("mnist", "simple"), default="mnist",
        help="TwoLayerNet on MNIST (default) or the book's simpleNet")
    add("--model", metavar="PATH", help="a saved network (default: a fresh one from --seed)")
    add("--samples", type=positive_int, metavar="N",
        help=f"number of training images, 1 to {MAX_SAMPLES} (default {DEFAULT_SAMPLES})")
    add("--hidden-size", type=positive_int, metavar="H",
        help=f"hidden units of a fresh network (default {DEFAULT_HIDDEN_SIZE})")
    add("--activation", choices=tuple(ACTIVATIONS), help="of a fresh network (default relu)")
    add("--seed", type=int, metavar="S",
        help="seed of a fresh network's weights (default 0); with --net simple, draws W")
    add("--weights", metavar=WEIGHTS_HELP, help="simpleNet's W, row by row (default: the book's)")
    add("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_arguments(args)
    graph, title = build_simple(args) if args.net == "simple" else build_mnist(args)
    try:
        graph.run_all()
    except GraphEvaluationError as exc:
        raise CliError(str(exc)) from None
    checks = largest_gradients(graph)
    if args.json:
        print_json({
            "loss": graph.loss,
            "shapes": shapes(graph),
            "grads": {name: np.asarray(grad) for name, grad in graph.grads().items()},
            "numerical": checks,
        })
        return 0
    print_text(graph, title, checks)
    return 0


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse options that do not apply together, and values out of range (one line each)."""
    if args.net == "simple":
        for flag in ("model", "samples", "hidden_size", "activation"):
            if getattr(args, flag) is not None:
                raise CliError(f"--{flag.replace('_', '-')} applies to --net mnist only")
        if args.weights is not None and args.seed is not None:
            raise CliError("give --weights or --seed, not both: each chooses simpleNet's W")
    else:
        if args.weights is not None:
            raise CliError("--weights applies to --net simple only")
        if args.model is not None:
            for flag in ("hidden_size", "activation", "seed"):
                if getattr(args, flag) is not None:
                    raise CliError(f"--{flag.replace('_', '-')} cannot be used with --model: "
                                   "the saved network fixes it")
    if args.samples is not None and args.samples > MAX_SAMPLES:
        raise CliError(f"--samples {args.samples} is too many: at most {MAX_SAMPLES}")
    largest = int(LIMITS["hidden_size"][1])
    if args.hidden_size is not None and args.hidden_size > largest:
        raise CliError(f"--hidden-size {args.hidden_size} is too large: at most {largest}")
    if args.seed is not None and not 0 <= args.seed <= MAX_SEED:
        raise CliError(f"--seed {args.seed} is out of range: it must be in [0, {MAX_SEED}]")


def parse_weights(text: str) -> np.ndarray:
    """``"w11,w12,w13,w21,w22,w23"`` as a 2×3 array of finite numbers."""
    parts = text.split(",")
    try:
        values = [float(part) for part in parts]
    except ValueError:
        values = []
    if len(values) != 6 or not all(math.isfinite(v) for v in values):
        raise CliError(f"--weights expects 6 finite numbers {WEIGHTS_HELP}, got {text!r}")
    return np.array(values).reshape(2, 3)


def build_simple(args: argparse.Namespace) -> tuple[LayerGraph, str]:
    """The simpleNet graph and a title saying where its W comes from."""
    if args.weights is not None:
        net, source = simpleNet(parse_weights(args.weights)), "W given"
    elif args.seed is not None:
        net, source = simpleNet(seed=args.seed), f"W drawn from seed {args.seed}"
    else:
        net, source = simpleNet(), "W as the book prints it"
    try:
        graph = simple_graph(net)
    except GraphEvaluationError as exc:
        raise CliError(str(exc)) from None
    return graph, f"simpleNet, {source}, x = [0.6, 0.9], t = [0, 0, 1]"


def build_mnist(args: argparse.Namespace) -> tuple[LayerGraph, str]:
    """The TwoLayerNet graph on the first training images, and a title describing it."""
    samples = args.samples or DEFAULT_SAMPLES
    dataset = "mnist"
    if args.model is not None:
        try:
            loaded = load_model(args.model)
            check_compatible(loaded.network)
        except ModelFileError as exc:
            raise CliError(str(exc)) from None
        network, dataset = loaded.network, loaded.config.dataset
        origin = f"{Path(args.model).name}: "
    else:
        seed = 0 if args.seed is None else args.seed
        network = TwoLayerNet(784, args.hidden_size or DEFAULT_HIDDEN_SIZE, 10,
                              activation=args.activation or "relu", seed=seed)
        origin = ""
    try:
        x, t = training_batch(samples, dataset=dataset)
        graph = network_graph(network, x, t)
    except DataError as exc:
        raise CliError(str(exc)) from None
    except GraphEvaluationError as exc:
        raise CliError(f"{origin}{exc}") from None
    seed_text = "" if args.model is not None else f", seed {seed}"
    images = "the first" if samples == 1 else f"the first {samples}"
    noun = "image" if samples == 1 else "images"
    return graph, (f"{origin}TwoLayerNet(784, {network.hidden_size}, 10), {network.activation}"
                   f"{seed_text}, on {images} {DATASET_TITLES[dataset]} training {noun}, "
                   "float64")


def shapes(graph: LayerGraph) -> dict[str, list[int]]:
    """Every array and every gradient computed, by name, with its shape."""
    result = {spec.name: list(spec.shape) for spec in graph.arrays}
    for spec in graph.arrays:
        if spec.grad_name is not None and graph.grad(spec.name) is not None:
            result[spec.grad_name] = list(spec.shape)
    return result


def largest_gradients(graph: LayerGraph) -> dict[str, dict]:
    """Per parameter, the element of largest |gradient| with its central difference."""
    checks = {}
    for name, grad in graph.grads().items():
        index = tuple(int(k) for k in np.unravel_index(np.argmax(np.abs(grad)), grad.shape))
        checks[name] = {
            "index": list(index),
            "backprop": float(grad[index]),
            "numerical": graph.numerical_derivative(name, index),
        }
    return checks


def print_text(graph: LayerGraph, title: str, checks: dict[str, dict]) -> None:
    print(title)
    rows = [("layer", "output", "shape")]
    rows += [(spec.name, spec.output, _shape(graph.array(spec.output).shape))
             for spec in graph.layers]
    _print_table(rows)
    print(f"loss {graph.loss:.6f}")
    rows = [("param", "shape", "largest |grad| at", "backprop", "numerical")]
    rows += [(name, _shape(graph.array(name).shape), str(check["index"]),
              f"{check['backprop']:.6e}", f"{check['numerical']:.6e}")
             for name, check in checks.items()]
    _print_table(rows)


def _shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(size) for size in shape) or "scalar"


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
