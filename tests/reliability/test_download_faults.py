"""A download stuck on a silent mirror can be cancelled at once, leaving nothing behind."""

from __future__ import annotations

import threading

import pytest

from desktop_nn.data.download import (
    CancelToken,
    DownloadCancelled,
    RemoteFile,
    download_file,
)
from tests.support_http import StallingServer

REMOTE = RemoteFile("train-labels-idx1-ubyte.gz", sha256="0" * 64)


#: Longer than any test may wait: a download from the stalling server that ends at all was
#: interrupted by its cancel, not by the timeout.
NEVER = 3600.0


def test_cancel_interrupts_a_stalled_mirror_at_once(tmp_path):
    token = CancelToken()
    outcome: list[BaseException] = []
    asked = threading.Event()

    def download() -> None:
        try:
            download_file(REMOTE, tmp_path, [server.url], should_stop=token, timeout=NEVER)
        except BaseException as exc:
            outcome.append(exc)

    with StallingServer() as server:
        server.on_request = asked.set
        worker = threading.Thread(target=download)
        worker.start()
        assert asked.wait(60), "the download never reached the server"
        token.cancel()
        worker.join(60)  # only a guard against hanging: the read would wait an hour
        ended_by_cancel = not worker.is_alive() and not server.released.is_set()
    worker.join()
    assert ended_by_cancel
    assert server.requests == 1
    assert len(outcome) == 1 and isinstance(outcome[0], DownloadCancelled)
    assert list(tmp_path.iterdir()) == []


class CancelledJustAfterTheCheck(CancelToken):
    """Cancelled between the downloader's last look at the flag and its connection to the
    mirror (the window closed right after the download began)."""

    def __call__(self) -> bool:
        stop = super().__call__()
        if not stop:
            self.cancel()
        return stop


def test_a_cancel_before_the_connection_exists_still_interrupts_it(tmp_path):
    token = CancelledJustAfterTheCheck()
    outcome: list[BaseException] = []

    def download() -> None:
        try:
            download_file(REMOTE, tmp_path, [server.url], should_stop=token, timeout=NEVER)
        except BaseException as exc:
            outcome.append(exc)

    with StallingServer() as server:
        worker = threading.Thread(target=download)
        worker.start()
        worker.join(60)  # only a guard against hanging: the read would wait an hour
        ended_by_cancel = not worker.is_alive() and not server.released.is_set()
    worker.join()
    assert ended_by_cancel
    assert len(outcome) == 1 and isinstance(outcome[0], DownloadCancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_plain_callable_still_cancels_between_chunks(tmp_path):
    with pytest.raises(DownloadCancelled):
        download_file(REMOTE, tmp_path, ["http://127.0.0.1:9/"], should_stop=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_download_are_removed(tmp_path):
    leftover = tmp_path / f".{REMOTE.name}.abc123.part"
    leftover.write_bytes(b"half a file")
    with pytest.raises(DownloadCancelled):
        token = CancelToken()
        token.cancel()
        download_file(REMOTE, tmp_path, ["http://127.0.0.1:9/"], should_stop=token)
    assert not leftover.exists()
