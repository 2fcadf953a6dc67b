"""``desktop-nn evaluate``: a saved model's accuracy, confusion matrix and per-class metrics."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_nn.cli.common import CliError, path_text, print_json
from desktop_nn.core.evaluation import Evaluation, evaluate_model
from desktop_nn.core.model_io import ModelFileError, check_compatible, load_model
from desktop_nn.core.training import CHOICES
from desktop_nn.data import DataError, load_mnist
from desktop_nn.data.datasets import DATASET_TITLES, NUM_CLASSES, class_names

CORNER = "true \\ predicted"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score a saved model on the test set: accuracy, confusion matrix, precision/recall",
        description=(
            "Load a model saved by the window or by 'desktop-nn train --save-model' and score "
            "it on the 10,000 test images: accuracy, the confusion matrix (rows: true class, "
            "columns: prediction) and each class's precision, recall and F1."
        ),
    )
    add = parser.add_argument
    add("--model", required=True, type=path_text, metavar="PATH", help="the model file (.npz)")
    add("--dataset", choices=CHOICES["dataset"], default=None,
        help="the test set to use (default: the one the model was trained on)")
    add("--data-dir", type=path_text, metavar="DIR",
        help="a folder holding the four IDX .gz files under their MNIST names")
    add("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        loaded = load_model(args.model)
    except ModelFileError as exc:
        raise CliError(str(exc)) from None
    dataset = args.dataset or loaded.config.dataset
    try:
        _, (x_test, t_test) = load_mnist(dataset=dataset, data_dir=args.data_dir)
    except DataError as exc:
        raise CliError(str(exc)) from None
    try:
        check_compatible(loaded.network, input_size=x_test.shape[1], output_size=NUM_CLASSES)
    except ModelFileError as exc:
        raise CliError(f"{Path(args.model).name}: {exc}") from None
    result = evaluate_model(loaded.network, x_test, t_test, NUM_CLASSES)
    names = class_names(dataset, NUM_CLASSES)
    if args.json:
        print_json({
            "accuracy": result.accuracy,
            "confusion_matrix": result.confusion.tolist(),
            "precision": result.precision.tolist(),
            "recall": result.recall.tolist(),
            "f1": result.f1.tolist(),
            "support": result.metrics.support.tolist(),
            "classes": names,
            "dataset": dataset,
            "test_images": result.num_samples,
            "correct": result.num_correct,
            "hidden_size": loaded.network.hidden_size,
            "activation": loaded.network.activation,
            "seed": loaded.config.seed,
        })
        return 0
    print(
        f"{Path(args.model).name}: TwoLayerNet(784, {loaded.network.hidden_size}, 10), "
        f"{loaded.network.activation}, seed {loaded.config.seed}, on the "
        f"{DATASET_TITLES[dataset]} test set "
        f"({result.num_samples:,} images)"
    )
    print(f"accuracy {result.accuracy:.4f} ({result.num_correct:,} of {result.num_samples:,} "
          "right)")
    print()
    print(format_confusion(result, names))
    print()
    print(format_class_table(result, names))
    return 0


def format_confusion(result: Evaluation, names: list[str]) -> str:
    """The confusion matrix as text: one row per true class, one column per prediction."""
    width = max(6, *(len(name) + 1 for name in names),
                len(str(int(result.confusion.max(initial=0)))) + 1)
    label_width = max(len(CORNER), *(len(name) for name in names))
    lines = ["confusion matrix (rows: true class, columns: predicted class)",
             CORNER.ljust(label_width) + "".join(f"{n:>{width}}" for n in names)]
    for name, row in zip(names, result.confusion, strict=True):
        lines.append(f"{name:<{label_width}}" + "".join(f"{int(c):>{width}}" for c in row))
    return "\n".join(lines)


def format_class_table(result: Evaluation, names: list[str]) -> str:
    """Precision, recall, F1 and support per class, as aligned text."""
    label_width = max(len("class"), *(len(name) for name in names))
    lines = [f"{'class':<{label_width}}{'precision':>11}{'recall':>9}{'f1':>9}{'support':>9}"]
    metrics = result.metrics
    for k, name in enumerate(names):
        lines.append(
            f"{name:<{label_width}}{metrics.precision[k]:>11.4f}{metrics.recall[k]:>9.4f}"
            f"{metrics.f1[k]:>9.4f}{int(metrics.support[k]):>9,}"
        )
    return "\n".join(lines)
