"""``desktop-nn train``: the book's training loop on MNIST, headless."""

from __future__ import annotations

import argparse
import sys
import time

from desktop_nn.cli.common import (
    CliError,
    finite_float,
    path_text,
    positive_int,
    print_json,
    whole_number,
)
from desktop_nn.cli.runs import keep_run
from desktop_nn.core.history_csv import HistoryRun, write_history_csv
from desktop_nn.core.model_io import ModelFileError, save_model
from desktop_nn.core.run_record import now_utc
from desktop_nn.core.training import (
    CHOICES,
    DivergedEvent,
    EpochEvent,
    FinishedEvent,
    IterationEvent,
    TrainConfig,
    Trainer,
)
from desktop_nn.data import DataError, load_mnist

EXIT_DIVERGED = 3
DEFAULTS = TrainConfig()


def seed(text: str) -> int | None:
    """argparse type: a seed (a whole number) or 'random' (None: a fresh one, reported)."""
    if text.strip().lower() == "random":
        return None
    return whole_number(text)


def weight_init(text: str) -> float | str:
    """argparse type: a positive number, 'he' or 'xavier'."""
    if text.lower() in ("he", "xavier"):
        return text.lower()
    return finite_float(text)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "train",
        help="train TwoLayerNet on MNIST and print one line per epoch",
        description="Train the book's TwoLayerNet with mini-batch gradient descent.",
    )
    add = parser.add_argument
    add("--hidden-size", type=positive_int, default=DEFAULTS.hidden_size, metavar="N")
    add("--learning-rate", type=finite_float, default=DEFAULTS.learning_rate, metavar="LR")
    add("--batch-size", type=positive_int, default=DEFAULTS.batch_size, metavar="N")
    add("--iters", type=positive_int, default=DEFAULTS.iters, metavar="N")
    add("--weight-init-std", type=weight_init, default=DEFAULTS.weight_init_std,
        metavar="STD|he|xavier")
    add("--activation", choices=CHOICES["activation"], default=DEFAULTS.activation)
    add("--optimizer", choices=CHOICES["optimizer"], default=DEFAULTS.optimizer)
    add("--gradient", choices=CHOICES["gradient"], default=DEFAULTS.gradient,
        help="backprop (chapter 5) or numerical (chapter 4: very slow, uses float64)")
    add("--seed", type=seed, default=DEFAULTS.seed, metavar="N|random",
        help=f"seed of the initial weights and the batches (default {DEFAULTS.seed}, as in the "
             "window; 'random' draws a fresh one, reported)")
    add("--train-size", type=positive_int, default=None, metavar="N",
        help="train on a random subset of N images (default: all 60000)")
    add("--sampling", choices=CHOICES["sampling"], default=DEFAULTS.sampling)
    add("--dtype", choices=CHOICES["dtype"], default=None,
        help="float32 (default, faster) or float64 (the book's)")
    add("--book-loss", action="store_true",
        help="record each batch's loss after the update, with one more forward pass, as the "
             "book's loop does")
    add("--dataset", choices=CHOICES["dataset"], default=DEFAULTS.dataset)
    add("--data-dir", type=path_text, metavar="DIR",
        help="a folder holding the four IDX .gz files under their MNIST names")
    add("--save-model", type=path_text, metavar="PATH", help="save the trained network (.npz)")
    add("--history-csv", type=path_text, metavar="PATH",
        help="write the loss and accuracies as CSV")
    add("--keep", action="store_true",
        help="keep the run (finished, stopped with Ctrl-C, or diverged) with the window's "
             "runs: see 'desktop-nn runs'")
    add("--no-keep-model", dest="keep_model", action="store_false",
        help="with --keep: keep the history without the trained network")
    add("--json", action="store_true", help="end with one JSON object on stdout")
    parser.set_defaults(func=run)


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """Build the TrainConfig the arguments describe; invalid values raise CliError."""
    dtype = args.dtype or ("float64" if args.gradient == "numerical" else "float32")
    try:
        return TrainConfig(
            hidden_size=args.hidden_size,
            learning_rate=args.learning_rate,
            batch_size=args.batch_size,
            iters=args.iters,
            weight_init_std=args.weight_init_std,
            activation=args.activation,
            optimizer=args.optimizer,
            gradient=args.gradient,
            seed=args.seed,
            train_size=args.train_size,
            sampling=args.sampling,
            dtype=dtype,
            dataset=args.dataset,
            loss_after_update=args.book_loss,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None


class Progress:
    """A one-line progress indicator on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.enabled = sys.stderr.isatty()
        self.started = time.perf_counter()
        self.last_draw = 0.0

    def update(self, done: int, loss: float) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self.last_draw < 0.1 and done < self.total):
            return
        self.last_draw = now
        rate = done / max(now - self.started, 1e-9)
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} "
            f"loss {loss:.4f} {rate:,.0f} it/s "
        )
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def make_trainer(args: argparse.Namespace) -> Trainer:
    """The trainer the arguments describe, on its data; announced on stdout."""
    config = config_from_args(args)
    try:
        data = load_mnist(dataset=config.dataset, data_dir=args.data_dir)
    except DataError as exc:
        raise CliError(str(exc)) from None
    try:
        trainer = Trainer(config, data)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    config = trainer.config
    print(
        f"training TwoLayerNet(784, {config.hidden_size}, 10) on {trainer.train_size} "
        f"{config.dataset} images: lr {config.learning_rate:g}, batch {config.batch_size}, "
        f"{config.iters} iterations, seed {config.seed}",
        flush=True,
    )
    return trainer


def run(args: argparse.Namespace) -> int:
    if not args.keep_model and not args.keep:
        raise CliError("--no-keep-model goes with --keep")
    trainer = make_trainer(args)
    progress = Progress(trainer.config.iters)
    last_loss = float("nan")
    finished = None
    keep = Keeper(args, trainer)
    events = trainer.run()
    try:
        for event in events:
            if isinstance(event, IterationEvent):
                last_loss = event.loss
                progress.update(event.iteration + 1, event.loss)
            elif isinstance(event, EpochEvent):
                progress.clear()
                print(
                    f"epoch {event.epoch:3d}  iter {event.iteration:6d}  loss {last_loss:.4f}  "
                    f"train acc {event.train_acc:.4f}  test acc {event.test_acc:.4f}",
                    flush=True,
                )
            elif isinstance(event, DivergedEvent):
                progress.clear()
                kept = keep("diverged", message=event.message)
                if args.json:
                    print_json(result_json(trainer, None, diverged=event, kept=kept))
                print(f"desktop-nn train: error: {event.message}", file=sys.stderr)
                return EXIT_DIVERGED
            elif isinstance(event, FinishedEvent):
                finished = event
    except KeyboardInterrupt:
        progress.clear()
        keep("stopped")
        raise
    finally:
        events.close()
        progress.clear()
    assert finished is not None
    print(
        f"finished {finished.iterations} iterations in {finished.seconds:.2f} s: "
        f"train acc {finished.final_train_acc:.4f}, test acc {finished.final_test_acc:.4f}",
        flush=True,
    )
    save_outputs(args, trainer, finished)
    kept = keep("finished", seconds=finished.seconds,
                final=(finished.final_train_acc, finished.final_test_acc))
    if args.json:
        print_json(result_json(trainer, finished, kept=kept))
    return 0


class Keeper:
    """Keeps the run with ``--keep`` (else does nothing), timed from when it was made."""

    def __init__(self, args: argparse.Namespace, trainer: Trainer) -> None:
        self.args, self.trainer = args, trainer
        self.started, self.clock = now_utc(), time.perf_counter()

    def __call__(self, status: str, **details) -> dict | None:
        if not self.args.keep:
            return None
        details.setdefault("seconds", time.perf_counter() - self.clock)
        return keep_run(self.trainer, status, keep_model=self.args.keep_model,
                        started=self.started, **details)


def save_outputs(args: argparse.Namespace, trainer: Trainer, finished: FinishedEvent) -> None:
    """Write the model and the history CSV if asked to."""
    history = trainer.history
    if args.save_model is not None:
        meta = {
            "iterations": finished.iterations,
            "final_train_acc": finished.final_train_acc,
            "final_test_acc": finished.final_test_acc,
        }
        try:
            save_model(args.save_model, trainer.network, trainer.config, meta)
        except ModelFileError as exc:
            raise CliError(str(exc)) from None
        print(f"model saved to {args.save_model}", flush=True)
    if args.history_csv is not None:
        try:
            write_history_csv(args.history_csv,
                              [HistoryRun(1, trainer.config.seed, history)])
        except OSError as exc:
            raise CliError(
                f"{args.history_csv}: could not write the history ({exc.strerror or exc})"
            ) from None
        print(f"history written to {args.history_csv}", flush=True)


def result_json(
    trainer: Trainer,
    finished: FinishedEvent | None,
    diverged: DivergedEvent | None = None,
    kept: dict | None = None,
) -> dict:
    """The machine-readable summary printed by ``--json`` (``kept``: where ``--keep`` put it)."""
    history = trainer.history
    result = {
        "status": "diverged" if diverged else "finished",
        "iterations": trainer.iteration,
        "seconds": finished.seconds if finished else None,
        "final_train_acc": finished.final_train_acc if finished else None,
        "final_test_acc": finished.final_test_acc if finished else None,
        "train_loss_list": history.train_loss_list,
        "train_acc_list": history.train_acc_list,
        "test_acc_list": history.test_acc_list,
        "epoch_iterations": history.epoch_iterations,
        "config": trainer.config.to_dict(),
    }
    if kept is not None:
        result["kept"] = kept
    if diverged:
        result["diverged"] = {
            "iteration": diverged.iteration,
            "loss": diverged.loss,
            "message": diverged.message,
        }
    return result
