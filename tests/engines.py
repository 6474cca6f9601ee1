"""Real SPARQL engines for the tests: ``oxigraph serve`` and Virtuoso Open Source,
each started on free loopback ports with a throwaway database and stopped afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from kg.config import Settings
from kg.store.engines import engine_named
from kg.store.remote import RemoteStore

VIRTUOSO_USER = "ckm"
VIRTUOSO_PASSWORD = "ckm-test-secret"
# Virtuoso answers the SPARQL protocol here only to users it authenticates (HTTP digest).
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class EngineServer:
    """A running engine process, its endpoints and how to reach them."""

    engine: str
    query_url: str
    update_url: str
    store_url: str
    process: subprocess.Popen
    credentials: tuple[str, str] | None = None
    log: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def auth(self) -> httpx.Auth | None:
        if self.credentials is None:
            return None
        return httpx.DigestAuth(*self.credentials)

    def remote_store(self, **kwargs) -> RemoteStore:
        """A RemoteStore on this engine (``kwargs`` override the engine's defaults)."""
        kwargs.setdefault("auth", self.auth())
        return RemoteStore(
            self.query_url, self.update_url, self.store_url, engine=self.engine, **kwargs
        )

    def settings_fields(self) -> dict[str, str | None]:
        """The ``remote_*`` settings that make every command and the API use this engine."""
        user, password = self.credentials or (None, None)
        return {
            "remote_query_url": self.query_url,
            "remote_update_url": self.update_url,
            "remote_store_url": self.store_url,
            "remote_engine": self.engine,
            "remote_user": user,
            "remote_password": password,
            "remote_auth": "digest" if self.credentials else "basic",
        }

    def settings(self, **overrides) -> Settings:
        """Settings that make every command and the API use this engine."""
        return Settings(**self.settings_fields(), **overrides)

    def environment(self) -> dict[str, str]:
        """The ``CKM_REMOTE_*`` variables an operator would set for this engine."""
        env = {
            "CKM_REMOTE_QUERY_URL": self.query_url,
            "CKM_REMOTE_UPDATE_URL": self.update_url,
            "CKM_REMOTE_STORE_URL": self.store_url,
            "CKM_REMOTE_ENGINE": self.engine,
        }
        if self.credentials:
            env |= {
                "CKM_REMOTE_USER": self.credentials[0],
                "CKM_REMOTE_PASSWORD": self.credentials[1],
                "CKM_REMOTE_AUTH": "digest",
            }
        return env

    def via(self, proxy: FaultProxy) -> EngineServer:
        """The same engine, reached through ``proxy``."""
        return replace(
            self,
            query_url=proxy.url(self.query_url),
            update_url=proxy.url(self.update_url),
            store_url=proxy.url(self.store_url),
        )

    def empty(self) -> None:
        """Drop every graph but the engine's own, with plain protocol requests."""
        engine = engine_named(self.engine)
        with httpx.Client(auth=self.auth(), timeout=60) as client:
            answer = client.post(
                self.query_url,
                data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                headers={"Accept": "application/sparql-results+json"},
            )
            answer.raise_for_status()
            names = [b["g"]["value"] for b in answer.json()["results"]["bindings"]]
            drops = [f"DROP SILENT GRAPH <{g}>" for g in names if not engine.is_system_graph(g)]
            if engine.separate_default_graph:
                drops.append("DROP SILENT DEFAULT")
            if drops:
                client.post(
                    self.update_url,
                    content=" ;\n".join(drops).encode(),
                    headers={"Content-Type": "application/sparql-update"},
                ).raise_for_status()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _wait_until_answering(server: EngineServer, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if server.process.poll() is not None:
            log = server.log.read_text(errors="replace")[-2000:] if server.log else ""
            raise RuntimeError(f"{what} exited with {server.process.returncode}:\n{log}")
        try:
            answer = httpx.post(
                server.query_url,
                data={"query": "ASK {}"},
                auth=server.auth(),
                headers={"Accept": "application/sparql-results+json"},
            )
            if answer.status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {seconds} s")
        time.sleep(0.1)


def oxigraph_executable() -> Path | None:
    """The ``oxigraph`` command of the PyPI package in this virtual environment."""
    executable = Path(sys.executable).parent / "oxigraph"
    return executable if executable.exists() else None


def start_oxigraph(location: Path) -> EngineServer:
    """``oxigraph serve`` on a free loopback port over the database at ``location``."""
    executable = oxigraph_executable()
    if executable is None:
        raise RuntimeError("no oxigraph executable beside the Python interpreter")
    port = free_port()
    log = location.parent / f"{location.name}.log"
    process = subprocess.Popen(
        [str(executable), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    server = EngineServer(
        "oxigraph", base + "/query", base + "/update", base + "/store", process, log=log
    )
    _wait_until_answering(server, "oxigraph serve")
    return server


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def start_virtuoso(directory: Path, *, max_rows: int = 10_000_000) -> EngineServer:
    """Virtuoso Open Source with a new database in ``directory``, on loopback ports.

    ``max_rows`` is its ``ResultSetMaxRows``. A user with the SPARQL_UPDATE role is
    created; every endpoint used is the
    authenticated one (``/sparql-auth``, ``/sparql-graph-crud-auth``, HTTP digest).
    """
    directory.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            dir=directory, sql_port=sql_port, http_port=http_port, max_rows=max_rows
        )
    )
    log = directory / "server.log"
    process = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(ini)],
        cwd=directory,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    anonymous = EngineServer(
        "virtuoso", base + "/sparql", base + "/sparql", base + "/sparql", process, log=log
    )
    _wait_until_answering(anonymous, "virtuoso-t")
    grant = (
        f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}'); "
        f'GRANT SPARQL_SELECT TO "{VIRTUOSO_USER}"; GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}";'
    )
    subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return EngineServer(
        "virtuoso",
        base + "/sparql-auth",
        base + "/sparql-auth",
        base + "/sparql-graph-crud-auth",
        process,
        credentials=(VIRTUOSO_USER, VIRTUOSO_PASSWORD),
        log=log,
        extra={"anonymous_query_url": base + "/sparql"},
    )


# Headers that describe one connection or one encoding, not the answer.
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "content-encoding",
}


@dataclass
class Fault:
    """What the proxy does to the next request (on ``path``, of ``content_type``, when
    given).

    It answers ``status`` instead of forwarding, or waits ``delay_s`` seconds or until
    ``hold`` is set before forwarding; ``arrived`` is set when the request comes in.
    """

    status: int | None = None
    body: str = ""
    delay_s: float = 0.0
    path: str | None = None
    content_type: str | None = None
    hold: threading.Event | None = None
    arrived: threading.Event = field(default_factory=threading.Event)

    def applies_to(self, path: str, content_type: str) -> bool:
        return (self.path is None or self.path == path) and (
            self.content_type is None or content_type.startswith(self.content_type)
        )


class FaultProxy:
    """A real HTTP proxy in front of an engine that injects faults on request.

    Requests are forwarded unchanged unless a fault is queued: then the next request
    gets that fault (an error status, or a delay before forwarding). Every request's
    method, path and ``Authorization`` header are recorded.
    """

    def __init__(self, upstream: str) -> None:
        """Proxy to ``upstream`` (scheme, host and port of the engine)."""
        self.upstream = upstream.rstrip("/")
        self.faults: list[Fault] = []
        self.seen: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                proxy.seen.append((self.command, path, self.headers.get("Authorization", "")))
                fault = proxy.next_fault(path, self.headers.get("Content-Type", ""))
                fault.arrived.set()
                if fault.delay_s:
                    time.sleep(fault.delay_s)
                if fault.hold is not None:
                    fault.hold.wait(timeout=60)
                if fault.status is not None:
                    self._answer(fault.status, fault.body.encode(), "text/plain")
                    return
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in {"host", "content-length", "connection"}
                }
                answer = httpx.request(
                    self.command, proxy.upstream + self.path, content=body, headers=headers
                )
                passed = {
                    k: v
                    for k, v in answer.headers.items()
                    if k.lower() not in _HOP_BY_HOP | {"content-type"}
                }
                self._answer(
                    answer.status_code,
                    answer.content,
                    answer.headers.get("Content-Type", "application/octet-stream"),
                    passed,
                )

            def _answer(
                self,
                status: int,
                payload: bytes,
                media_type: str,
                headers: dict[str, str] | None = None,
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", media_type)
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def next_fault(self, path: str, content_type: str) -> Fault:
        """The first queued fault that applies to a request (taken off the queue)."""
        with self._lock:
            for index, fault in enumerate(self.faults):
                if fault.applies_to(path, content_type):
                    return self.faults.pop(index)
        return Fault()

    def url(self, upstream_url: str) -> str:
        """``upstream_url`` reached through this proxy."""
        return self.base + upstream_url.removeprefix(self.upstream)

    @classmethod
    def before(cls, server: EngineServer) -> FaultProxy:
        """A proxy in front of ``server``."""
        parts = httpx.URL(server.query_url)
        return cls(f"{parts.scheme}://{parts.host}:{parts.port}")

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
