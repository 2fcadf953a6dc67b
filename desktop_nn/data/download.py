"""Verified download of the datasets that are not bundled (Fashion-MNIST, or MNIST if missing).

Each file is fetched from a list of mirrors tried in order. The bytes go to a temporary file in
the destination folder, are hashed on the way, and the file is renamed to its final name only
once its checksum matches the value pinned here (:func:`desktop_nn.fileio.atomic_write`): a
failed, cancelled or corrupt download leaves no file behind, neither partial nor temporary.

A mirror that answers with an HTTP error, cuts the connection, stalls longer than ``timeout``
or serves bytes with the wrong checksum is skipped for the next one; when every mirror failed,
:class:`DownloadError` names the file and says what went wrong with each mirror. Files already
present with the right checksum are not downloaded again.

Only the standard library is used (``urllib.request``); nothing here knows about Qt, so the
window's worker thread, the command line and the tests drive the same code. A worker cancels
through ``should_stop``, checked between chunks. When ``should_stop`` is a :class:`CancelToken`,
cancelling also shuts the open connection down, so a download stuck on a stalled mirror ends at
once instead of after ``timeout`` seconds.
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_TIMEOUT",
    "MIRRORS",
    "REMOTE_FILES",
    "CancelToken",
    "DownloadCancelled",
    "DownloadError",
    "FileResult",
    "OfflineError",
    "RemoteFile",
    "download_dataset",
    "download_dir",
    "download_file",
    "iter_download_dataset",
]

import hashlib
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_nn import __version__
from desktop_nn.data.cancel import CancelToken
from desktop_nn.data.datasets import DATASETS
from desktop_nn.data.download_errors import (
    NETWORK_ERRORS,
    DownloadCancelled,
    DownloadError,
    MirrorError,
    OfflineError,
    describe_network_error,
)
from desktop_nn.data.idx import DataError
from desktop_nn.data.mnist import download_dir
from desktop_nn.data.remote_files import MIRRORS, REMOTE_FILES, RemoteFile
from desktop_nn.fileio import atomic_write, remove_leftovers

#: ``progress(file_name, done_bytes, total_bytes)``; ``total_bytes`` is None when unknown.
ProgressCallback = Callable[[str, int, "int | None"], None]
#: Returns True when the download should stop (checked between chunks).
StopCallback = Callable[[], bool]

DEFAULT_TIMEOUT = 30.0
#: The longest stall a mirror may be given (beyond it the platform's timers overflow).
MAX_TIMEOUT = 3600.0


#: Bytes read from the network between two progress reports and cancel checks.
CHUNK_SIZE = 64 * 1024
USER_AGENT = f"desktop-nn/{__version__} (Python urllib)"


@dataclass(frozen=True)
class FileResult:
    """What :func:`iter_download_dataset` did with one file."""

    remote: RemoteFile
    path: Path
    downloaded: bool
    """False if the file was already there with the right checksum."""


_ALGORITHM_NAMES = {"sha256": "SHA-256", "md5": "MD5"}


def _hashers(remote: RemoteFile) -> dict[str, Any]:
    """A fresh hash object for each checksum ``remote`` pins."""
    return {a: hashlib.new(a, usedforsecurity=False) for a in remote.checksums()}


def _file_matches(path: Path, remote: RemoteFile) -> bool:
    """True if ``path`` is a file with the size and checksums ``remote`` expects."""
    try:
        if not path.is_file():
            return False
        if remote.size is not None and path.stat().st_size != remote.size:
            return False
        hashers = _hashers(remote)
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                for hasher in hashers.values():
                    hasher.update(chunk)
    except OSError:
        return False
    return all(hashers[a].hexdigest() == v for a, v in remote.checksums().items())


def _check_mirrors(mirrors: Sequence[str]) -> tuple[str, ...]:
    if isinstance(mirrors, str):
        mirrors = (mirrors,)
    if not mirrors:
        raise ValueError("no mirror to download from")
    checked = []
    for mirror in mirrors:
        parts = urllib.parse.urlsplit(mirror)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"mirror {mirror!r} is not an http:// or https:// URL")
        checked.append(mirror if mirror.endswith("/") else mirror + "/")
    return tuple(checked)


def _fetch_one(
    opener: urllib.request.OpenerDirector,
    url: str,
    remote: RemoteFile,
    target: Path,
    progress: ProgressCallback | None,
    should_stop: StopCallback | None,
    timeout: float,
) -> None:
    """Download ``url`` into ``target`` (atomically) or raise ``MirrorError``.

    Local problems (the folder cannot be written) raise ``OSError``; a cancel raises
    ``DownloadCancelled``.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise describe_network_error(exc, timeout, 0) from None
    except NETWORK_ERRORS as exc:
        raise describe_network_error(exc, timeout, 0) from None
    except ValueError as exc:  # e.g. a malformed port
        raise MirrorError(f"bad URL ({exc})") from None
    with response:
        announced = response.headers.get("Content-Length")
        try:
            total = int(announced) if announced is not None else None
        except ValueError:
            total = None
        if total is not None and remote.size is not None and total != remote.size:
            raise MirrorError(f"offers {total:,} bytes, expected {remote.size:,}")
        with atomic_write(target) as handle:
            _copy_checked(response, handle, remote, total if total is not None else remote.size,
                          progress, should_stop, timeout)


def _copy_checked(response, handle, remote: RemoteFile, total: int | None,
                  progress: ProgressCallback | None, should_stop: StopCallback | None,
                  timeout: float) -> None:
    """Copy the response's bytes to ``handle`` chunk by chunk, hashing them on the way; raise
    ``MirrorError`` unless the size and every checksum match."""
    hashers = _hashers(remote)
    done = 0
    if progress is not None:
        progress(remote.name, 0, total)
    while True:
        if should_stop is not None and should_stop():
            raise DownloadCancelled(f"download of {remote.name} cancelled")
        try:
            chunk = response.read(CHUNK_SIZE)
        except NETWORK_ERRORS as exc:
            raise describe_network_error(exc, timeout, done) from None
        if not chunk:
            break
        done += len(chunk)
        if remote.size is not None and done > remote.size:
            raise MirrorError(f"sent more than the expected {remote.size:,} bytes")
        for hasher in hashers.values():
            hasher.update(chunk)
        handle.write(chunk)
        if progress is not None:
            progress(remote.name, done, total)
    if total is not None and done < total:
        raise MirrorError(f"connection cut after {done:,} of {total:,} bytes")
    for algorithm, value in remote.checksums().items():
        actual = hashers[algorithm].hexdigest()
        if actual != value:
            raise MirrorError(
                f"checksum mismatch ({_ALGORITHM_NAMES[algorithm]} {actual[:12]}..., "
                f"expected {value[:12]}...)"
            )


def _download_file(
    remote: RemoteFile,
    dest_dir: Path,
    mirrors: tuple[str, ...],
    progress: ProgressCallback | None,
    should_stop: StopCallback | None,
    timeout: float,
) -> tuple[Path, bool]:
    target = dest_dir / remote.name
    if _file_matches(target, remote):
        if progress is not None:
            progress(remote.name, target.stat().st_size, target.stat().st_size)
        return target, False
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(
            f"{dest_dir}: cannot create the folder ({exc.strerror or exc})", remote.name
        ) from None
    # Built now, so it reads the proxy settings of the environment as they are.
    if isinstance(should_stop, CancelToken):
        opener = should_stop.opener()
    else:
        opener = urllib.request.build_opener()
    remove_leftovers(target)  # of a process killed mid-download
    failures: list[tuple[str, str]] = []
    unreachable = 0
    for mirror in mirrors:
        if should_stop is not None and should_stop():
            raise DownloadCancelled(f"download of {remote.name} cancelled")
        try:
            _fetch_one(opener, mirror + remote.name, remote, target, progress, should_stop,
                       timeout)
        except MirrorError as failure:
            if should_stop is not None and should_stop():  # the cancel closed the connection
                raise DownloadCancelled(f"download of {remote.name} cancelled") from None
            failures.append((mirror, failure.reason))
            unreachable += failure.unreachable
            continue
        except OSError as exc:  # not the network: the destination folder
            raise DownloadError(
                f"{target}: cannot write the file ({exc.strerror or exc})", remote.name, failures
            ) from None
        return target, True
    if unreachable == len(mirrors):
        raise OfflineError(
            f"Could not download {remote.name}: the computer seems to be offline "
            f"(no connection to {', '.join(mirrors)}).",
            remote.name,
            failures,
        )
    summary = "; ".join(f"{mirror}: {reason}" for mirror, reason in failures)
    raise DownloadError(
        f"Could not download {remote.name} from any mirror: {summary}.", remote.name, failures
    )


def _check_timeout(timeout: float) -> float:
    timeout = float(timeout)
    if not 0 < timeout <= MAX_TIMEOUT:
        raise ValueError(
            f"timeout must be a number of seconds in (0, {MAX_TIMEOUT:g}], not {timeout}"
        )
    return timeout


def download_file(
    remote: RemoteFile,
    dest_dir: str | os.PathLike,
    mirrors: Sequence[str],
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCallback | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Download one file into ``dest_dir``, trying ``mirrors`` in order, and verify it.

    Parameters
    ----------
    remote : RemoteFile
        The file name and the checksums (and size) it must have.
    dest_dir : path-like
        The folder to put it in (created if missing).
    mirrors : sequence of str
        Base URLs (``http://`` or ``https://``); ``remote.name`` is appended to each.
    progress : callable, optional
        ``progress(file_name, done_bytes, total_bytes)``, called with 0 when a mirror starts
        sending and after each chunk; ``total_bytes`` is None when neither the mirror nor
        ``remote.size`` tells it. Called once with the size when the file was already there.
    should_stop : callable, optional
        Returning True stops the download (checked before each mirror and between chunks).
    timeout : float, default 30
        Seconds a mirror may stay silent (connecting or sending) before it is given up.

    Returns
    -------
    Path
        ``dest_dir / remote.name``, complete and verified.

    Raises
    ------
    OfflineError
        If no mirror could be reached at all (a :class:`DownloadError`).
    DownloadError
        If every mirror failed, or the destination cannot be written.
    DownloadCancelled
        If ``should_stop`` returned True. No file is left behind.
    ValueError
        If ``mirrors`` is empty or holds something other than an http(s) URL.
    """
    path, _ = _download_file(
        remote, Path(dest_dir), _check_mirrors(mirrors), progress, should_stop,
        _check_timeout(timeout),
    )
    return path


def iter_download_dataset(
    dataset: str,
    dest_dir: str | os.PathLike | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    should_stop: StopCallback | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[FileResult]:
    """Download the files of ``dataset`` one after the other, yielding each when it is ready.

    Same parameters as :func:`download_dataset`; lets a caller report each finished file.
    """
    if dataset not in DATASETS:
        raise DataError(f"dataset={dataset!r} is not known: use one of {list(DATASETS)}")
    folder = Path(dest_dir) if dest_dir is not None else download_dir(dataset)
    checked = _check_mirrors(MIRRORS[dataset] if mirrors is None else mirrors)
    timeout = _check_timeout(timeout)
    for remote in REMOTE_FILES[dataset]:
        if should_stop is not None and should_stop():
            raise DownloadCancelled(f"download of {dataset} cancelled")
        path, downloaded = _download_file(remote, folder, checked, progress, should_stop,
                                          timeout)
        yield FileResult(remote, path, downloaded)


def download_dataset(
    dataset: str,
    dest_dir: str | os.PathLike | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
    should_stop: StopCallback | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Download and verify the four files of ``dataset``; return the folder holding them.

    Parameters
    ----------
    dataset : {"mnist", "fashion-mnist"}
    dest_dir : path-like, optional
        Defaults to :func:`desktop_nn.data.mnist.download_dir` of the dataset, the folder
        :func:`~desktop_nn.data.mnist.load_mnist` reads downloads from.
    mirrors : sequence of str, optional
        Base URLs tried in order; defaults to ``MIRRORS[dataset]``.
    progress, should_stop, timeout
        As in :func:`download_file`.

    Returns
    -------
    Path
        The folder, now holding the files of ``REMOTE_FILES[dataset]``.

    Raises
    ------
    DataError
        If ``dataset`` is not known.
    DownloadError, OfflineError, DownloadCancelled
        As in :func:`download_file`; files completed before the failure stay (they are
        verified), the failing one leaves nothing.
    """
    folder = Path(dest_dir) if dest_dir is not None else None
    for _ in iter_download_dataset(
        dataset, folder, mirrors=mirrors, progress=progress, should_stop=should_stop,
        timeout=timeout,
    ):
        pass
    return folder if folder is not None else download_dir(dataset)
