"""``desktop-nn download`` run in-process against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import io
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_nn.cli import main
from desktop_nn.data import download as dl
from desktop_nn.data.download import RemoteFile
from desktop_nn.data.mnist import FILE_NAMES, download_dir, load_mnist


def _idx_gz(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(d.to_bytes(4, "big") for d in array.shape)
    return gzip.compress(header + array.astype(np.uint8).tobytes(), mtime=0)


_rng = np.random.default_rng(2)
FILES = {
    FILE_NAMES["train_img"]: _idx_gz(_rng.integers(0, 256, (5, 28, 28))),
    FILE_NAMES["train_label"]: _idx_gz(np.arange(5)),
    FILE_NAMES["test_img"]: _idx_gz(_rng.integers(0, 256, (3, 28, 28))),
    FILE_NAMES["test_label"]: _idx_gz(np.arange(3)),
}
SPECS = tuple(
    RemoteFile(name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    for name, data in FILES.items()
)


class _Handler(http.server.BaseHTTPRequestHandler):
    """``/ok/<name>`` serves the file, ``/bad/<name>`` a copy with one byte flipped, else 404."""

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.server.requests.append(self.path)
        mode, _, name = self.path.strip("/").partition("/")
        body = FILES.get(name)
        if body is None or mode not in ("ok", "bad"):
            self.send_error(404)
            return
        if mode == "bad":
            body = body[:-1] + bytes([body[-1] ^ 1])
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/"


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_NN_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    # The real checksums cannot be served here: pin the test files instead.
    for dataset in ("mnist", "fashion-mnist"):
        monkeypatch.setitem(dl.REMOTE_FILES, dataset, SPECS)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_success_prints_the_folder_and_one_line_per_file(server, tmp_path, capsys):
    dest = tmp_path / "dest"
    code = main(["download", "fashion-mnist", "--mirror", server.url("missing"),
                 "--mirror", server.url("ok"), "--dest", str(dest), "--timeout", "2"])
    out, err = capsys.readouterr()
    assert code == 0
    assert out == f"{dest}\n"
    lines = err.splitlines()
    assert len(lines) == 4
    assert all(": downloaded, " in line and "checksum OK" in line for line in lines)
    assert files_in(dest) == sorted(FILES)
    assert all((dest / n).read_bytes() == b for n, b in FILES.items())

    server.requests.clear()
    assert main(["download", "fashion-mnist", "--mirror", server.url("ok"),
                 "--dest", str(dest)]) == 0
    out, err = capsys.readouterr()
    assert server.requests == []
    assert err.count("already present") == 4


def test_default_destination_is_the_folder_load_mnist_reads(server, capsys):
    assert main(["download", "fashion-mnist", "--mirror", server.url("ok")]) == 0
    out, _ = capsys.readouterr()
    assert Path(out.strip()) == download_dir("fashion-mnist")
    (x_train, _), (_, t_test) = load_mnist(dataset="fashion-mnist")
    assert x_train.shape == (5, 784) and t_test.tolist() == [0, 1, 2]


def test_failure_is_one_line_on_stderr_and_exit_1(server, tmp_path, capsys):
    dest = tmp_path / "dest"
    code = main(["download", "mnist", "--mirror", server.url("missing"),
                 "--mirror", server.url("bad"), "--dest", str(dest)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("desktop-nn download: error: Could not download train-images")
    assert server.url("missing") in err and "HTTP 404" in err
    assert server.url("bad") in err and "checksum mismatch" in err
    assert "Traceback" not in err
    assert files_in(dest) == []


def test_offline_message(tmp_path, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    mirror = f"http://127.0.0.1:{port}/"
    code = main(["download", "fashion-mnist", "--mirror", mirror, "--dest", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1
    assert "the computer seems to be offline" in err and mirror in err
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    "extra",
    [["--timeout", "0"], ["--timeout", "soon"], ["--mirror", "ftp://example.org/"]],
)
def test_bad_arguments_are_usage_errors(extra, capsys):
    with pytest.raises(SystemExit) as info:
        main(["download", "mnist", *extra])
    assert info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_unknown_dataset_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["download", "cifar10"])
    assert info.value.code == 2
    capsys.readouterr()


class _FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_live_progress_on_a_terminal(server, tmp_path, monkeypatch, capsys):
    terminal = _FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["download", "mnist", "--mirror", server.url("ok"),
                 "--dest", str(tmp_path)]) == 0
    shown = terminal.getvalue()
    assert "\r" in shown and "100%" in shown
    assert shown.count("\n") == 4
    assert capsys.readouterr().out == f"{tmp_path}\n"
