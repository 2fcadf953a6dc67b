"""A real HTTP server on 127.0.0.1 whose answers the tests script (shared by several tests)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StallingServer:
    """Accepts connections and never answers until ``released`` is set (at the latest at the end
    of the test): a download from it can only end by being cancelled, or by ``released``."""

    def __init__(self) -> None:
        self.released = threading.Event()
        self.requests = 0
        #: Called (on the server's thread) when a request arrives.
        self.on_request = lambda: None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests += 1
                outer.on_request()
                outer.released.wait()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="stalling-http")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> StallingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
