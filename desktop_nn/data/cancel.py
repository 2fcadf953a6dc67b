"""Cancelling a download at once, even while a read waits on a silent server."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.request


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


def _shut_down(connection: http.client.HTTPConnection) -> None:
    """Wake a read blocked on the connection's socket (it then fails at once)."""
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
