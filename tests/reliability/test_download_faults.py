"""A download stuck on a silent mirror can be cancelled at once, leaving nothing behind."""

from __future__ import annotations

import threading
import time

import pytest

from desktop_nn.data.download import (
    CancelToken,
    DownloadCancelled,
    RemoteFile,
    download_file,
)
from tests.support_http import StallingServer

REMOTE = RemoteFile("train-labels-idx1-ubyte.gz", sha256="0" * 64)


def test_cancel_interrupts_a_stalled_mirror_at_once(tmp_path):
    token = CancelToken()
    outcome: list[BaseException] = []

    def download() -> None:
        try:
            download_file(REMOTE, tmp_path, [server.url], should_stop=token, timeout=30)
        except BaseException as exc:
            outcome.append(exc)

    with StallingServer() as server:
        worker = threading.Thread(target=download)
        worker.start()
        deadline = time.monotonic() + 10
        while server.requests == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.requests == 1
        started = time.monotonic()
        token.cancel()
        worker.join(5)
        elapsed = time.monotonic() - started
    assert not worker.is_alive()
    assert elapsed < 2.0, f"cancelling took {elapsed:.1f} s (the timeout was 30 s)"
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
