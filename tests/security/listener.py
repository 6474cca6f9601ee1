"""A loopback HTTP server that records every request it gets: the target of remote
contexts, external entities, SERVICE and LOAD in hostile inputs, so a test sees whether
the server under test called out."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# What a fetch would get: enough to make each kind of call-out "work" if it happened.
_ANSWER = b'{"@context": {"name": "http://example.org/name"}}'


class Listener:
    """Where the listener is, and the paths it was asked for."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self.requests: list[str] = []
        self.url = f"http://127.0.0.1:{server.server_address[1]}"


@contextmanager
def listening() -> Iterator[Listener]:
    """A listener on a free loopback port for the duration of the block."""
    holder: list[Listener] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            holder[0].requests.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(_ANSWER)))
            self.end_headers()
            self.wfile.write(_ANSWER)

        do_GET = do_POST = do_PUT = _record

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder.append(Listener(server))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
