"""``desktop-nn predict``: what a saved network reads in a picture of a handwritten digit."""

from __future__ import annotations

import argparse

import numpy as np

from desktop_nn.cli.common import CliError, path_text, print_json
from desktop_nn.core.functions import softmax
from desktop_nn.core.model_io import ModelFileError, check_compatible, load_model
from desktop_nn.core.preprocess import mnist_row


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "predict",
        help="recognise the digit in a picture file with a saved model",
        description=(
            "Prepare a picture of one digit as MNIST's digits were prepared (crop to the ink, "
            "scale into a 20x20 box, centre by the centre of mass in 28x28) and print what the "
            "model reads. Dark ink on light paper and light ink on a dark background both work; "
            "any size, colour or grey."
        ),
    )
    parser.add_argument("--model", required=True, type=path_text, metavar="PATH",
                        help="a model saved by 'desktop-nn train --save-model' or the window")
    parser.add_argument("image", type=path_text, metavar="IMAGE",
                        help="the picture (PNG, JPEG, BMP, ...)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: prediction and probabilities")
    parser.set_defaults(func=run)


def predict_probabilities(network, row: np.ndarray) -> np.ndarray:
    """The softmax probabilities (classes,) of one prepared image row (784,)."""
    with np.errstate(all="ignore"):
        scores = network.predict(row[np.newaxis])[0].astype(np.float64)
    probabilities = softmax(scores)
    if not np.all(np.isfinite(probabilities)):
        raise CliError("the model gives no usable probabilities (its weights overflow)")
    return probabilities


def run(args: argparse.Namespace) -> int:
    # Qt's image readers are loaded only when a picture is actually read.
    from desktop_nn.image_files import ImageFileError, read_grey

    try:
        loaded = load_model(args.model)
        check_compatible(loaded.network)
    except ModelFileError as exc:
        raise CliError(str(exc)) from None
    try:
        picture = read_grey(args.image)
    except ImageFileError as exc:
        raise CliError(str(exc)) from None
    row = mnist_row(picture)
    if row is None:
        raise CliError(f"{args.image}: no digit found (the picture is blank or has no contrast)")
    probabilities = predict_probabilities(loaded.network, row)
    prediction = int(np.argmax(probabilities))
    if args.json:
        print_json({"prediction": prediction, "probabilities": probabilities.tolist()})
        return 0
    print(f"prediction: {prediction} ({100 * probabilities[prediction]:.1f}%)")
    for digit, p in enumerate(probabilities):
        bar = "#" * round(30 * p)
        print(f"  {digit}  {100 * p:5.1f}%  {bar}".rstrip())
    return 0
