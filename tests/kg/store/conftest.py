"""One store test suite for every backend: each test runs on each backend fixture."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from kg.store.base import Store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore


@dataclass(frozen=True)
class OxigraphServer:
    """A running ``oxigraph serve`` process and its SPARQL endpoints."""

    base: str

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def remote_store(self, **kwargs) -> RemoteStore:
        return RemoteStore(self.query_url, self.update_url, self.store_url, **kwargs)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """An Oxigraph server on a free local port for the whole test session."""
    executable = Path(sys.executable).parent / "oxigraph"
    if not executable.exists():
        pytest.skip(f"no oxigraph server executable at {executable}")
    location = tmp_path_factory.mktemp("oxigraph")
    port = _free_port()
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen(
        [str(executable), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}")
            try:
                if httpx.get(server.query_url, params={"query": "ASK {}"}).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("oxigraph serve did not answer within 20 s")
            time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def remote_store(oxigraph_server: OxigraphServer) -> Iterator[RemoteStore]:
    """A remote store on the session's Oxigraph server, emptied first."""
    backend = oxigraph_server.remote_store()
    httpx.post(
        oxigraph_server.update_url,
        content=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    ).raise_for_status()
    yield backend
    backend.close()


@pytest.fixture(params=["embedded", "oxigraph-server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend."""
    if request.param == "oxigraph-server":
        yield request.getfixturevalue("remote_store")
        return
    backend = EmbeddedStore(tmp_path / "store")
    yield backend
    backend.close()
