"""What can go wrong with a download, and how each network failure is put in words."""

from __future__ import annotations

import errno
import http.client
import socket
import ssl
import urllib.error
from collections.abc import Sequence

from desktop_nn.data.idx import DataError


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


class DownloadCancelled(Exception):  # noqa: N818 (the name the callers expect)
    """``should_stop`` asked to stop; nothing was left behind."""


class MirrorError(Exception):
    """One mirror failed for one file; ``unreachable`` if no connection could be made."""

    def __init__(self, reason: str, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


UNREACHABLE_ERRNOS = {errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


def describe_network_error(exc: BaseException, timeout: float, done: int) -> MirrorError:
    """Turn what urllib/http.client/socket raised into a short reason."""
    after = f" after {done:,} bytes" if done else ""
    if isinstance(exc, urllib.error.HTTPError):
        return MirrorError(f"HTTP {exc.code} {exc.reason}".rstrip())
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    elif isinstance(exc, urllib.error.URLError):
        return MirrorError(str(exc.reason))
    if isinstance(exc, socket.gaierror):
        return MirrorError("host name not found", unreachable=True)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return MirrorError(f"no data for {timeout:g} s{after} (timed out)")
    if isinstance(exc, ConnectionRefusedError):
        return MirrorError("connection refused", unreachable=True)
    if isinstance(exc, ConnectionResetError):
        return MirrorError(f"connection reset{after}")
    if isinstance(exc, ssl.SSLError):
        return MirrorError(f"secure connection failed ({exc.reason or exc})")
    if isinstance(exc, OSError) and exc.errno in UNREACHABLE_ERRNOS:
        return MirrorError(exc.strerror or str(exc), unreachable=True)
    if isinstance(exc, http.client.IncompleteRead):
        return MirrorError(f"connection cut{after}")
    if isinstance(exc, http.client.HTTPException):
        return MirrorError(f"bad HTTP answer{after} ({type(exc).__name__}: {exc})")
    if isinstance(exc, OSError):
        return MirrorError(f"{exc.strerror or exc}{after}")
    return MirrorError(f"{type(exc).__name__}: {exc}{after}")


NETWORK_ERRORS = (OSError, http.client.HTTPException)
