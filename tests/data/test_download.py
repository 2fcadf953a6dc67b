"""The verified downloader against a real HTTP server on 127.0.0.1 (no mocks of urllib).

The server's routes pick the misbehaviour: ``/<mode>/<file name>`` with mode one of ok, 404,
500, corrupt (one byte flipped), cut (Content-Length, then the connection closes half-way),
reset (half the body, then a TCP reset), stall (no answer), stallbody (half the body, then
silence) and nolength (no Content-Length header).
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import itertools
import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.data import download as dl
from desktop_nn.data.download import (
    DownloadCancelled,
    DownloadError,
    OfflineError,
    RemoteFile,
    download_dataset,
    download_file,
)
from desktop_nn.data.idx import DataError
from desktop_nn.data.mnist import FILE_NAMES, dataset_dir, download_dir, load_mnist
from desktop_nn.resources import resource_path

TIMEOUT = 0.3  # seconds; the stalling routes stay silent far longer

LABELS_NAME = FILE_NAMES["test_label"]
LABELS = (resource_path("mnist") / LABELS_NAME).read_bytes()  # the real bundled file
BIG_NAME = "big.bin"
BIG = np.random.default_rng(0).bytes(5 * dl.CHUNK_SIZE + 123)  # several chunks


def spec(name: str, data: bytes, **overrides) -> RemoteFile:
    fields = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    fields.update(overrides)
    return RemoteFile(name, **fields)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def _head(self, length: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def do_GET(self):
        server = self.server
        server.requests.append(self.path)
        mode, _, name = self.path.strip("/").partition("/")
        body = server.files.get(name)
        if body is None or mode == "404":
            self.send_error(404)
        elif mode == "500":
            self.send_error(500)
        elif mode == "ok":
            self._head(len(body))
            self.wfile.write(body)
        elif mode == "nolength":
            self._head(None)
            self.wfile.write(body)
        elif mode == "corrupt":
            damaged = bytearray(body)
            damaged[len(damaged) // 2] ^= 0xFF
            self._head(len(damaged))
            self.wfile.write(bytes(damaged))
        elif mode == "cut":
            self._head(len(body))
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
        elif mode == "reset":
            self._head(len(body))
            self.wfile.write(body[: len(body) // 2])
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif mode == "stall":
            server.release.wait(10)
        elif mode == "stallbody":
            self._head(len(body))
            self.wfile.write(body[: len(body) // 2])
            server.release.wait(10)
        else:
            self.send_error(400)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads: no socket left open
    block_on_close = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.release = threading.Event()

    def handle_error(self, request, client_address):
        pass  # a client that gave up (timeout, cancel) makes the handler's writes fail

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/"


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    srv.files = {LABELS_NAME: LABELS, BIG_NAME: BIG}
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.shutdown()
        srv.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_NN_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def files_in(folder: Path) -> list[str]:
    """Every entry of ``folder`` (hidden temporary files included)."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- one mirror fails, the next one works --------------------------------------------------


def test_404_on_first_mirror_then_second_mirror(server, tmp_path):
    dest = tmp_path / "dest"
    path = download_file(
        spec(LABELS_NAME, LABELS), dest, [server.url("404"), server.url("ok")], timeout=TIMEOUT
    )
    assert path == dest / LABELS_NAME
    assert path.read_bytes() == LABELS
    assert server.requests == [f"/404/{LABELS_NAME}", f"/ok/{LABELS_NAME}"]
    assert files_in(dest) == [LABELS_NAME]


@pytest.mark.parametrize("first", ["500", "corrupt", "cut", "reset", "stallbody"])
def test_any_failure_falls_through_to_the_next_mirror(server, tmp_path, first):
    path = download_file(
        spec(BIG_NAME, BIG), tmp_path, [server.url(first), server.url("ok")], timeout=TIMEOUT
    )
    assert path.read_bytes() == BIG
    assert files_in(tmp_path) == [BIG_NAME]


def test_md5_only_spec_and_mirror_without_trailing_slash(server, tmp_path):
    remote = RemoteFile(LABELS_NAME, md5=hashlib.md5(LABELS).hexdigest())
    path = download_file(remote, tmp_path, [server.url("ok").rstrip("/")], timeout=TIMEOUT)
    assert path.read_bytes() == LABELS


# --- a failing download leaves nothing ------------------------------------------------------


def test_corrupted_body_is_a_checksum_mismatch_and_leaves_no_file(server, tmp_path):
    with pytest.raises(DownloadError) as info:
        download_file(spec(BIG_NAME, BIG), tmp_path, [server.url("corrupt")], timeout=TIMEOUT)
    assert BIG_NAME in str(info.value)
    assert "checksum mismatch" in str(info.value)
    assert files_in(tmp_path) == []


def test_md5_mismatch_is_caught_too(server, tmp_path):
    remote = RemoteFile(LABELS_NAME, md5="0" * 32)
    with pytest.raises(DownloadError, match=r"checksum mismatch \(MD5"):
        download_file(remote, tmp_path, [server.url("ok")], timeout=TIMEOUT)
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("mode", ["cut", "reset"])
def test_connection_lost_half_way_leaves_no_file(server, tmp_path, mode):
    with pytest.raises(DownloadError) as info:
        download_file(spec(BIG_NAME, BIG), tmp_path, [server.url(mode)], timeout=TIMEOUT)
    message = str(info.value)
    assert "connection cut" in message or "connection reset" in message
    assert files_in(tmp_path) == []


def test_announced_size_differing_from_the_spec_is_refused(server, tmp_path):
    remote = spec(LABELS_NAME, LABELS, size=len(LABELS) + 10)
    with pytest.raises(DownloadError, match=r"offers [\d,]+ bytes, expected"):
        download_file(remote, tmp_path, [server.url("ok")], timeout=TIMEOUT)
    assert files_in(tmp_path) == []


def test_cut_without_content_length_is_caught_by_the_expected_size(server, tmp_path):
    # nolength sends the whole body; claim a larger size so the end comes "too early"
    remote = spec(LABELS_NAME, LABELS, size=len(LABELS) + 10)
    with pytest.raises(DownloadError, match=r"connection cut after [\d,]+ of [\d,]+ bytes"):
        download_file(remote, tmp_path, [server.url("nolength")], timeout=TIMEOUT)
    assert files_in(tmp_path) == []


def test_body_longer_than_expected_is_refused(server, tmp_path):
    remote = spec(LABELS_NAME, LABELS, size=len(LABELS) - 1)
    with pytest.raises(DownloadError, match="sent more than"):
        download_file(remote, tmp_path, [server.url("nolength")], timeout=TIMEOUT)
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("mode", ["stall", "stallbody"])
def test_stalling_mirror_times_out_and_leaves_no_file(server, tmp_path, mode):
    # The server stays silent for 10 s and then hangs up: only the read timeout gives
    # "timed out", and a single request shows that the mirror was not tried again.
    with pytest.raises(DownloadError, match="timed out") as info:
        download_file(spec(BIG_NAME, BIG), tmp_path, [server.url(mode)], timeout=TIMEOUT)
    assert f"no data for {TIMEOUT:g} s" in str(info.value)
    assert len(server.requests) == 1
    assert files_in(tmp_path) == []


def test_all_mirrors_fail_names_each_mirror_and_its_failure(server, tmp_path):
    mirrors = [server.url(m) for m in ("404", "500", "corrupt", "cut")]
    with pytest.raises(DownloadError) as info:
        download_file(spec(BIG_NAME, BIG), tmp_path, mirrors, timeout=TIMEOUT)
    error = info.value
    assert not isinstance(error, OfflineError)
    assert isinstance(error, DataError)
    message = str(error)
    assert message.startswith(f"Could not download {BIG_NAME} from any mirror: ")
    assert "\n" not in message
    reasons = ["HTTP 404", "HTTP 500", "checksum mismatch", "cut"]
    for mirror, reason in zip(mirrors, reasons, strict=True):
        assert mirror in message
        assert reason in dict(error.failures)[mirror]
    assert [m for m, _ in error.failures] == mirrors
    assert error.file_name == BIG_NAME
    assert files_in(tmp_path) == []


def test_offline_when_no_mirror_can_be_reached(tmp_path):
    mirrors = [closed_port_url(), closed_port_url()]
    with pytest.raises(OfflineError) as info:
        download_file(spec(LABELS_NAME, LABELS), tmp_path, mirrors, timeout=TIMEOUT)
    message = str(info.value)
    assert "the computer seems to be offline" in message
    assert all(m in message for m in mirrors)
    assert "\n" not in message
    assert isinstance(info.value, DownloadError)
    assert files_in(tmp_path) == []


def test_one_mirror_reachable_is_not_offline(server, tmp_path):
    with pytest.raises(DownloadError) as info:
        download_file(
            spec(LABELS_NAME, LABELS), tmp_path, [closed_port_url(), server.url("404")],
            timeout=TIMEOUT,
        )
    assert not isinstance(info.value, OfflineError)
    assert "connection refused" in str(info.value)
    assert "HTTP 404" in str(info.value)


# --- files already there, cancel, progress --------------------------------------------------


def test_existing_correct_file_is_not_downloaded_again(server, tmp_path):
    (tmp_path / LABELS_NAME).write_bytes(LABELS)
    before = (tmp_path / LABELS_NAME).stat().st_mtime_ns
    calls = []
    path = download_file(
        spec(LABELS_NAME, LABELS), tmp_path, [server.url("ok")],
        progress=lambda *a: calls.append(a), timeout=TIMEOUT,
    )
    assert server.requests == []
    assert path.stat().st_mtime_ns == before
    assert calls == [(LABELS_NAME, len(LABELS), len(LABELS))]


def test_existing_damaged_file_is_replaced(server, tmp_path):
    (tmp_path / LABELS_NAME).write_bytes(LABELS[:-1] + bytes([LABELS[-1] ^ 1]))
    download_file(spec(LABELS_NAME, LABELS), tmp_path, [server.url("ok")], timeout=TIMEOUT)
    assert (tmp_path / LABELS_NAME).read_bytes() == LABELS
    assert len(server.requests) == 1
    assert files_in(tmp_path) == [LABELS_NAME]


def test_failed_download_keeps_the_old_file_untouched(server, tmp_path):
    old = b"an older, different file"
    (tmp_path / LABELS_NAME).write_bytes(old)
    with pytest.raises(DownloadError):
        download_file(spec(LABELS_NAME, LABELS), tmp_path, [server.url("cut")], timeout=TIMEOUT)
    assert (tmp_path / LABELS_NAME).read_bytes() == old
    assert files_in(tmp_path) == [LABELS_NAME]


def test_cancel_between_chunks_leaves_no_file(server, tmp_path):
    checks = []

    def should_stop() -> bool:
        checks.append(1)
        return len(checks) > 3  # before mirror, then after two chunks

    with pytest.raises(DownloadCancelled):
        download_file(
            spec(BIG_NAME, BIG), tmp_path, [server.url("ok")], should_stop=should_stop,
            timeout=TIMEOUT,
        )
    assert len(server.requests) == 1
    assert files_in(tmp_path) == []


def test_cancel_before_start_makes_no_request(server, tmp_path):
    with pytest.raises(DownloadCancelled):
        download_file(
            spec(BIG_NAME, BIG), tmp_path, [server.url("ok")], should_stop=lambda: True,
            timeout=TIMEOUT,
        )
    assert server.requests == []
    assert files_in(tmp_path) == []


def test_cancel_is_not_a_download_error():
    assert not issubclass(DownloadCancelled, DataError)


@pytest.mark.parametrize("mode", ["ok", "nolength"])
def test_progress_sees_increasing_counts_ending_at_the_total(server, tmp_path, mode):
    calls = []
    download_file(
        spec(BIG_NAME, BIG), tmp_path, [server.url(mode)],
        progress=lambda *a: calls.append(a), timeout=TIMEOUT,
    )
    assert {name for name, _, _ in calls} == {BIG_NAME}
    done = [d for _, d, _ in calls]
    assert done[0] == 0
    assert all(b > a for a, b in itertools.pairwise(done))
    assert len(done) >= 6
    assert {t for _, _, t in calls} == {len(BIG)}  # announced, or taken from the spec
    assert done[-1] == len(BIG)


def test_progress_total_is_none_when_unknown(server, tmp_path):
    calls = []
    remote = RemoteFile(BIG_NAME, sha256=hashlib.sha256(BIG).hexdigest())
    download_file(remote, tmp_path, [server.url("nolength")],
                  progress=lambda *a: calls.append(a), timeout=TIMEOUT)
    assert {t for _, _, t in calls} == {None}
    assert calls[-1][1] == len(BIG)


def test_progress_restarts_on_the_next_mirror(server, tmp_path):
    calls = []
    download_file(
        spec(BIG_NAME, BIG), tmp_path, [server.url("corrupt"), server.url("ok")],
        progress=lambda *a: calls.append(a), timeout=TIMEOUT,
    )
    starts = [i for i, (_, d, _) in enumerate(calls) if d == 0]
    assert len(starts) == 2
    assert calls[-1][1:] == (len(BIG), len(BIG))


# --- the dataset level ----------------------------------------------------------------------


def _idx_gz(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(d.to_bytes(4, "big") for d in array.shape)
    return gzip.compress(header + array.astype(np.uint8).tobytes(), mtime=0)


def tiny_dataset() -> dict[str, bytes]:
    """Four small, valid IDX files under the MNIST names (6 training, 4 test images)."""
    rng = np.random.default_rng(1)
    return {
        FILE_NAMES["train_img"]: _idx_gz(rng.integers(0, 256, (6, 28, 28))),
        FILE_NAMES["train_label"]: _idx_gz(np.arange(6) % 10),
        FILE_NAMES["test_img"]: _idx_gz(rng.integers(0, 256, (4, 28, 28))),
        FILE_NAMES["test_label"]: _idx_gz(np.arange(4)),
    }


def test_download_dataset_fills_the_folder_load_mnist_reads(server, monkeypatch):
    files = tiny_dataset()
    server.files.update(files)
    monkeypatch.setitem(
        dl.REMOTE_FILES, "fashion-mnist", tuple(spec(n, b) for n, b in files.items())
    )
    monkeypatch.setitem(dl.MIRRORS, "fashion-mnist", (server.url("404"), server.url("ok")))
    folder = download_dataset("fashion-mnist", timeout=TIMEOUT)
    assert folder == download_dir("fashion-mnist")
    assert dataset_dir("fashion-mnist") == folder
    assert files_in(folder) == sorted(files)
    (x_train, t_train), (x_test, t_test) = load_mnist(dataset="fashion-mnist")
    assert x_train.shape == (6, 784) and x_test.shape == (4, 784)
    assert t_train.tolist() == [0, 1, 2, 3, 4, 5] and t_test.tolist() == [0, 1, 2, 3]

    server.requests.clear()
    results = list(dl.iter_download_dataset("fashion-mnist", timeout=TIMEOUT))
    assert server.requests == []
    assert [r.downloaded for r in results] == [False] * 4


def test_download_dataset_stops_at_the_failing_file(server, tmp_path, monkeypatch):
    files = tiny_dataset()
    server.files.update(files)
    names = list(files)
    del server.files[names[2]]  # the third file is missing on the mirror
    monkeypatch.setitem(dl.REMOTE_FILES, "mnist", tuple(spec(n, b) for n, b in files.items()))
    with pytest.raises(DownloadError, match=names[2]):
        download_dataset("mnist", tmp_path, mirrors=[server.url("ok")], timeout=TIMEOUT)
    assert files_in(tmp_path) == sorted(names[:2])  # the verified ones stay


def test_arguments_are_checked(tmp_path):
    remote = spec(LABELS_NAME, LABELS)
    with pytest.raises(DataError, match="not known"):
        download_dataset("cifar", tmp_path)
    with pytest.raises(ValueError, match="no mirror"):
        download_file(remote, tmp_path, [])
    with pytest.raises(ValueError, match="not an http"):
        download_file(remote, tmp_path, ["ftp://example.org/"])
    for bad in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="timeout"):
            download_file(remote, tmp_path, ["http://127.0.0.1:9/"], timeout=bad)
    assert files_in(tmp_path) == []


def test_destination_that_cannot_be_created(server, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    with pytest.raises(DownloadError, match="cannot create the folder"):
        download_file(spec(LABELS_NAME, LABELS), blocker / "sub", [server.url("ok")],
                      timeout=TIMEOUT)
    assert server.requests == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"sha256": "abc"},
        {"md5": "z" * 32},
        {"sha256": "0" * 64, "size": -1},
    ],
)
def test_remote_file_validation(kwargs):
    with pytest.raises(ValueError):
        RemoteFile("x.gz", **kwargs)
    for bad_name in ("", "a/b", "..", "a\\b"):
        with pytest.raises(ValueError):
            RemoteFile(bad_name, md5="0" * 32)


# --- the pinned constants -------------------------------------------------------------------


@pytest.mark.parametrize("dataset", ["mnist", "fashion-mnist"])
def test_pinned_files_and_mirrors(dataset):
    files = dl.REMOTE_FILES[dataset]
    assert [f.name for f in files] == list(FILE_NAMES.values())
    for remote in files:
        assert remote.sha256 and remote.md5 and remote.size
    assert len({f.sha256 for f in files}) == 4
    mirrors = dl.MIRRORS[dataset]
    assert len(mirrors) >= 2
    assert all(m.startswith(("https://", "http://")) and m.endswith("/") for m in mirrors)


def test_pinned_mnist_checksums_match_the_published_ones():
    # shared/datasets/mnist/README.md: the .gz files on the public mirrors
    expected = {
        "train-images-idx3-ubyte.gz": (9_912_422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        "train-labels-idx1-ubyte.gz": (28_881, "d53e105ee54ea40749a09fcbcd1e9432"),
        "t10k-images-idx3-ubyte.gz": (1_648_877, "9fb629c4189551a2d022fa330f9573f3"),
        "t10k-labels-idx1-ubyte.gz": (4_542, "ec29112dd5afa0611ce80d1b7f02629c"),
    }
    assert {f.name: (f.size, f.md5) for f in dl.REMOTE_FILES["mnist"]} == expected


def test_no_qt_in_the_data_package():
    import desktop_nn.data.download as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "QtCore" not in source
