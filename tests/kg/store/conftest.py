"""One store test suite for every backend: each test runs on each backend fixture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store.base import Store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore
from kg.store.resident import ResidentStore
from tests.engines import EngineServer

BACKENDS = ["embedded", "resident", "oxigraph-server", "virtuoso"]


def _emptied_store(server: EngineServer) -> Iterator[RemoteStore]:
    server.empty()
    backend = server.remote_store()
    yield backend
    backend.close()


@pytest.fixture
def remote_store(oxigraph_server: EngineServer) -> Iterator[RemoteStore]:
    """A remote store on the session's Oxigraph server, emptied first."""
    yield from _emptied_store(oxigraph_server)


@pytest.fixture
def virtuoso_store(virtuoso_server: EngineServer) -> Iterator[RemoteStore]:
    """A remote store on the session's Virtuoso, its data graphs dropped first."""
    yield from _emptied_store(virtuoso_server)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend."""
    if request.param == "oxigraph-server":
        yield request.getfixturevalue("remote_store")
        return
    if request.param == "virtuoso":
        yield request.getfixturevalue("virtuoso_store")
        return
    backend: EmbeddedStore | ResidentStore = EmbeddedStore(tmp_path / "store")
    if request.param == "resident":
        backend = ResidentStore(backend)
        assert backend.wait_until_resident(30)
    yield backend
    backend.close()
