"""``desktop-nn download``: fetch MNIST or Fashion-MNIST into the cache, checking checksums."""

from __future__ import annotations

import argparse
import sys
import time
import urllib.parse
from pathlib import Path
from typing import TextIO

from desktop_nn.cli.common import CliError, finite_float, path_text
from desktop_nn.data import download
from desktop_nn.data.datasets import DATASETS
from desktop_nn.data.mnist import download_dir


def seconds(text: str) -> float:
    """argparse type: a number of seconds in (0, ``download.MAX_TIMEOUT``]."""
    value = finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} must be more than 0 seconds")
    if value > download.MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(
            f"{text} is too long: at most {download.MAX_TIMEOUT:g} seconds"
        )
    return value


def folder_path(text: str) -> Path:
    """argparse type: a folder name, never empty."""
    return Path(path_text(text))


def mirror_url(text: str) -> str:
    """argparse type: an http:// or https:// base URL."""
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http:// or https:// URL")
    return text


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "download",
        help="download MNIST or Fashion-MNIST into the cache and verify the checksums",
        description=(
            "Download the four IDX files of a dataset, trying the mirrors in order, and keep "
            "them only if their checksums match the published ones. Files already present "
            "and correct are not downloaded again. Prints the destination folder."
        ),
    )
    add = parser.add_argument
    add("dataset", choices=DATASETS)
    add("--mirror", action="append", type=mirror_url, metavar="URL",
        help="a base URL to try instead of the built-in mirrors (repeat it for several, "
             "tried in order)")
    add("--timeout", type=seconds, default=download.DEFAULT_TIMEOUT, metavar="SECONDS",
        help="give a mirror up after this long without data (default %(default)g)")
    add("--dest", type=folder_path, metavar="DIR",
        help="the folder to download into (default: the cache folder the app reads from)")
    parser.set_defaults(func=run)


class _Progress:
    """Reports progress on ``stream``: a live line on a terminal, else one line per file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.shown = ""
        self.last_time = 0.0

    def __call__(self, name: str, done: int, total: int | None) -> None:
        if not self.live:
            return
        now = time.monotonic()
        if done and done != total and now - self.last_time < 0.1:
            return
        self.last_time = now
        if total:
            text = f"{name}  {100 * done // total:3d}%  {done / 1e6:.1f} of {total / 1e6:.1f} MB"
        else:
            text = f"{name}  {done / 1e6:.1f} MB"
        self._show(text)

    def _show(self, text: str) -> None:
        padding = " " * max(0, len(self.shown) - len(text))
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self.shown = text

    def file_done(self, result: download.FileResult) -> None:
        size = result.path.stat().st_size
        state = "downloaded" if result.downloaded else "already present"
        line = f"{result.remote.name}: {state}, {size:,} bytes, checksum OK"
        if self.live:
            self._show(line)
            self.stream.write("\n")
            self.shown = ""
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def abort(self) -> None:
        """End a live line before an error message is printed."""
        if self.live and self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = ""


def run(args: argparse.Namespace) -> int:
    dest = args.dest if args.dest is not None else download_dir(args.dataset)
    progress = _Progress(sys.stderr)
    try:
        for result in download.iter_download_dataset(
            args.dataset,
            dest,
            mirrors=args.mirror,
            progress=progress,
            timeout=args.timeout,
        ):
            progress.file_done(result)
    except download.DownloadError as exc:
        progress.abort()
        raise CliError(str(exc)) from None
    except BaseException:
        progress.abort()
        raise
    print(dest)
    return 0
