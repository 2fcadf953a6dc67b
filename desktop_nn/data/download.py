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

import contextlib
import errno
import hashlib
import http.client
import os
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_nn import __version__
from desktop_nn.data.idx import DataError
from desktop_nn.data.mnist import DATASETS, FILE_NAMES, download_dir
from desktop_nn.fileio import atomic_write, remove_leftovers

#: ``progress(file_name, done_bytes, total_bytes)``; ``total_bytes`` is None when unknown.
ProgressCallback = Callable[[str, int, "int | None"], None]
#: Returns True when the download should stop (checked between chunks).
StopCallback = Callable[[], bool]

DEFAULT_TIMEOUT = 30.0
#: The longest stall a mirror may be given (beyond it the platform's timers overflow).
MAX_TIMEOUT = 3600.0


class CancelToken:
    """A ``should_stop`` callable that can also interrupt a blocked network read.

    ``cancel()`` may be called from any thread: it sets the flag checked between chunks and
    shuts down the sockets of the connections opened for this download, which wakes a read
    that is waiting on a silent server. A connection made after the cancel (the flag was
    checked just before it) is shut down as soon as it is connected.
    """

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._connections: list[http.client.HTTPConnection] = []

    def __call__(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        with self._lock:  # ordered with track(): one of the two shuts every connection
            self._cancelled.set()
            connections = list(self._connections)
        for connection in connections:
            _shut_down(connection)

    def track(self, connection: http.client.HTTPConnection) -> None:
        """Remember a connection once it is connected (its socket exists)."""
        with self._lock:
            self._connections.append(connection)
            del self._connections[:-4]  # only the latest connections can still be open
            cancelled = self._cancelled.is_set()
        if cancelled:
            _shut_down(connection)

    def opener(self) -> urllib.request.OpenerDirector:
        """An opener whose HTTP(S) connections this token can shut down."""
        token = self

        def tracked(connection_class):
            class Tracked(connection_class):
                def connect(self):
                    super().connect()
                    token.track(self)

            return Tracked

        class Http(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(tracked(http.client.HTTPConnection), req)

        class Https(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(tracked(http.client.HTTPSConnection), req,
                                    context=self._context)

        return urllib.request.build_opener(Http, Https)
#: Bytes read from the network between two progress reports and cancel checks.
CHUNK_SIZE = 64 * 1024
USER_AGENT = f"desktop-nn/{__version__} (Python urllib)"


class DownloadError(DataError):
    """A file could not be downloaded; the message names it and each mirror's failure.

    Attributes
    ----------
    file_name : str or None
    failures : tuple of (str, str)
        ``(mirror, what went wrong)`` for each mirror tried, in order.
    """

    def __init__(
        self,
        message: str,
        file_name: str | None = None,
        failures: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.file_name = file_name
        self.failures = tuple(failures)


class OfflineError(DownloadError):
    """No mirror could be reached at all (name lookup failed, connection refused)."""


def _shut_down(connection: http.client.HTTPConnection) -> None:
    """Wake a read blocked on the connection's socket (it then fails at once)."""
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class DownloadCancelled(Exception):  # noqa: N818 (the name the callers expect)
    """``should_stop`` asked to stop; nothing was left behind."""


@dataclass(frozen=True)
class RemoteFile:
    """One file to download and what it must look like.

    Parameters
    ----------
    name : str
        The file name, both on the mirror (appended to the mirror's URL) and on disk.
    sha256, md5 : str, optional
        Expected hex digests of the file's bytes; at least one is required, every one given is
        checked.
    size : int, optional
        Expected size in bytes; a mirror announcing or sending another size is skipped early.
    """

    name: str
    sha256: str | None = None
    md5: str | None = None
    size: int | None = None

    def __post_init__(self) -> None:
        if not self.name or "/" in self.name or "\\" in self.name or self.name in (".", ".."):
            raise ValueError(f"RemoteFile name must be a plain file name, not {self.name!r}")
        if self.sha256 is None and self.md5 is None:
            raise ValueError(f"RemoteFile {self.name!r} needs a sha256 or an md5 checksum")
        for algorithm, value, length in (("sha256", self.sha256, 64), ("md5", self.md5, 32)):
            if value is not None and not _is_hex(value, length):
                raise ValueError(
                    f"RemoteFile {self.name!r}: {algorithm} must be {length} hex digits, "
                    f"not {value!r}"
                )
        if self.size is not None and self.size < 0:
            raise ValueError(f"RemoteFile {self.name!r}: size must be >= 0, not {self.size}")

    def checksums(self) -> dict[str, str]:
        """The expected digests, strongest first: ``{"sha256": ..., "md5": ...}``."""
        found = {"sha256": self.sha256, "md5": self.md5}
        return {algorithm: value.lower() for algorithm, value in found.items() if value}


@dataclass(frozen=True)
class FileResult:
    """What :func:`iter_download_dataset` did with one file."""

    remote: RemoteFile
    path: Path
    downloaded: bool
    """False if the file was already there with the right checksum."""


def _is_hex(value: str, length: int) -> bool:
    return len(value) == length and all(c in "0123456789abcdefABCDEF" for c in value)


#: Base URLs tried in order for each dataset (the file name is appended).
MIRRORS: dict[str, tuple[str, ...]] = {
    # The two mirrors torchvision and tensorflow-datasets use since yann.lecun.com stopped
    # serving the files reliably.
    "mnist": (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ),
    # Zalando's own S3 bucket (the URL torchvision and tensorflow-datasets use), then the copy in
    # the zalandoresearch/fashion-mnist repository on GitHub (same bytes, also HTTPS).
    "fashion-mnist": (
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    ),
}

#: The files of each dataset with their pinned checksums and sizes (the original .gz files).
REMOTE_FILES: dict[str, tuple[RemoteFile, ...]] = {
    # MD5 as pinned by torchvision's MNIST, SHA-256 and sizes as pinned by tensorflow-datasets
    # (url_checksums/mnist.txt); both listed in shared/datasets/mnist/README.md.
    "mnist": (
        RemoteFile(
            FILE_NAMES["train_img"],
            sha256="440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            md5="f68b3c2dcbeaaa9fbdd348bbdeb94873",
            size=9_912_422,
        ),
        RemoteFile(
            FILE_NAMES["train_label"],
            sha256="3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            md5="d53e105ee54ea40749a09fcbcd1e9432",
            size=28_881,
        ),
        RemoteFile(
            FILE_NAMES["test_img"],
            sha256="8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            md5="9fb629c4189551a2d022fa330f9573f3",
            size=1_648_877,
        ),
        RemoteFile(
            FILE_NAMES["test_label"],
            sha256="f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            md5="ec29112dd5afa0611ce80d1b7f02629c",
            size=4_542,
        ),
    ),
    # MD5 as pinned by torchvision's FashionMNIST (also the table in zalandoresearch/fashion-mnist's
    # README); SHA-256 and sizes as pinned by tensorflow-datasets
    # (tensorflow_datasets/url_checksums/fashion_mnist.txt).
    "fashion-mnist": (
        RemoteFile(
            FILE_NAMES["train_img"],
            sha256="3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            md5="8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            size=26_421_880,
        ),
        RemoteFile(
            FILE_NAMES["train_label"],
            sha256="a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            md5="25c81989df183df01b3e8a0aad5dffbe",
            size=29_515,
        ),
        RemoteFile(
            FILE_NAMES["test_img"],
            sha256="346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            md5="bef4ecab320f06d8554ea6380940ec79",
            size=4_422_102,
        ),
        RemoteFile(
            FILE_NAMES["test_label"],
            sha256="67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
            md5="bb300cfdad3c16e7a12a480ee83cd310",
            size=5_148,
        ),
    ),
}


class _MirrorError(Exception):
    """One mirror failed for one file; ``unreachable`` if no connection could be made."""

    def __init__(self, reason: str, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


_UNREACHABLE_ERRNOS = {errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


def _describe_network_error(exc: BaseException, timeout: float, done: int) -> _MirrorError:
    """Turn what urllib/http.client/socket raised into a short reason."""
    after = f" after {done:,} bytes" if done else ""
    if isinstance(exc, urllib.error.HTTPError):
        return _MirrorError(f"HTTP {exc.code} {exc.reason}".rstrip())
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    elif isinstance(exc, urllib.error.URLError):
        return _MirrorError(str(exc.reason))
    if isinstance(exc, socket.gaierror):
        return _MirrorError("host name not found", unreachable=True)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return _MirrorError(f"no data for {timeout:g} s{after} (timed out)")
    if isinstance(exc, ConnectionRefusedError):
        return _MirrorError("connection refused", unreachable=True)
    if isinstance(exc, ConnectionResetError):
        return _MirrorError(f"connection reset{after}")
    if isinstance(exc, ssl.SSLError):
        return _MirrorError(f"secure connection failed ({exc.reason or exc})")
    if isinstance(exc, OSError) and exc.errno in _UNREACHABLE_ERRNOS:
        return _MirrorError(exc.strerror or str(exc), unreachable=True)
    if isinstance(exc, http.client.IncompleteRead):
        return _MirrorError(f"connection cut{after}")
    if isinstance(exc, http.client.HTTPException):
        return _MirrorError(f"bad HTTP answer{after} ({type(exc).__name__}: {exc})")
    if isinstance(exc, OSError):
        return _MirrorError(f"{exc.strerror or exc}{after}")
    return _MirrorError(f"{type(exc).__name__}: {exc}{after}")


_NETWORK_ERRORS = (OSError, http.client.HTTPException)
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
    """Download ``url`` into ``target`` (atomically) or raise ``_MirrorError``.

    Local problems (the folder cannot be written) raise ``OSError``; a cancel raises
    ``DownloadCancelled``.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise _describe_network_error(exc, timeout, 0) from None
    except _NETWORK_ERRORS as exc:
        raise _describe_network_error(exc, timeout, 0) from None
    except ValueError as exc:  # e.g. a malformed port
        raise _MirrorError(f"bad URL ({exc})") from None
    with response:
        announced = response.headers.get("Content-Length")
        try:
            total = int(announced) if announced is not None else None
        except ValueError:
            total = None
        if total is not None and remote.size is not None and total != remote.size:
            raise _MirrorError(f"offers {total:,} bytes, expected {remote.size:,}")
        if total is None:
            total = remote.size
        expected = remote.checksums()
        hashers = _hashers(remote)
        done = 0
        if progress is not None:
            progress(remote.name, 0, total)
        with atomic_write(target) as handle:
            while True:
                if should_stop is not None and should_stop():
                    raise DownloadCancelled(f"download of {remote.name} cancelled")
                try:
                    chunk = response.read(CHUNK_SIZE)
                except _NETWORK_ERRORS as exc:
                    raise _describe_network_error(exc, timeout, done) from None
                if not chunk:
                    break
                done += len(chunk)
                if remote.size is not None and done > remote.size:
                    raise _MirrorError(f"sent more than the expected {remote.size:,} bytes")
                for hasher in hashers.values():
                    hasher.update(chunk)
                handle.write(chunk)
                if progress is not None:
                    progress(remote.name, done, total)
            if total is not None and done < total:
                raise _MirrorError(f"connection cut after {done:,} of {total:,} bytes")
            for algorithm, value in expected.items():
                actual = hashers[algorithm].hexdigest()
                if actual != value:
                    raise _MirrorError(
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
        except _MirrorError as failure:
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
