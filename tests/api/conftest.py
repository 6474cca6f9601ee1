"""The real app on a real on-disk store: a shared read-only one with demo data, and a
fresh small one per test for writes. Keys: one per role, plus a wrong one."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.store.base import DumpFormat
from kg.store.parsing import syntax_named
from kg.vocab import DATA_GRAPH
from kg.write.delta import adding, from_payload
from tests.engines import EngineServer

SMALL_TTL = Path(__file__).parents[1] / "kg" / "data" / "small.ttl"
BASE = "http://localhost:8000/id/"
EX = "http://example.org/id/"
KEYS = {
    "reader": "reader-secret-0123456789",
    "writer": "writer-secret-0123456789",
    "admin": "admin-secret-0123456789=",
}
API_KEYS = ",".join(f"{role}-key:{role}:{secret}" for role, secret in KEYS.items())


def bearer(role: str | None) -> dict[str, str]:
    """Headers authenticating as ``role`` (``None``: anonymous, ``wrong``: unknown key)."""
    if role is None:
        return {}
    secret = KEYS.get(role, "not-a-key")
    return {"Authorization": f"Bearer {secret}"}


WRITER = bearer("writer")
ADMIN = bearer("admin")


def settings_for(path: Path, **overrides) -> ApiSettings:
    fields = {"store": path / "store", "base_iri": BASE, "api_keys": API_KEYS, **overrides}
    return ApiSettings(**fields)


def dump_bytes(graph: KnowledgeGraph) -> bytes:
    """Every quad of the store, sorted (to compare before and after a refused write)."""
    buffer = io.BytesIO()
    graph.dump(buffer, DumpFormat.NQUADS)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))


class App:
    """A test client and the knowledge graph behind it."""

    def __init__(self, path: Path, **overrides) -> None:
        self.graph = KnowledgeGraph.open(settings_for(path, **overrides))
        self.client = TestClient(
            create_app(settings_for(path, **overrides), self.graph),
            raise_server_exceptions=False,
        )

    def dump(self) -> bytes:
        return dump_bytes(self.graph)

    def close(self) -> None:
        self.graph.close()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The demo data set (20 customers) behind the app; tests must only read it."""
    app = App(tmp_path_factory.mktemp("demo"))
    app.graph.write(adding(demo_quads(customers=20, base_iri=BASE)))
    yield app
    app.close()


# A test module setting ``RUN_ON_EVERY_BACKEND = True`` runs its tests of ``small`` on
# the embedded store, on ``oxigraph serve`` and on Virtuoso; the others on the first.
ENGINE_FIXTURES = {"oxigraph-server": "oxigraph_server", "virtuoso": "virtuoso_server"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "RUN_ON_EVERY_BACKEND", 0):
        metafunc.parametrize("backend", ["embedded", *ENGINE_FIXTURES])


@pytest.fixture(scope="session")
def _small_apps() -> Iterator[dict[str, tuple[App, bytes]]]:
    """One app per backend holding small.ttl, and its snapshot, made when first asked."""
    apps: dict[str, tuple[App, bytes]] = {}
    yield apps
    for app, _snapshot in apps.values():
        app.close()


def _small_app(path: Path, **overrides) -> tuple[App, bytes]:
    app = App(path, **overrides)
    app.graph.write(
        from_payload(SMALL_TTL.read_text(), syntax_named("turtle"), graph=DATA_GRAPH, base_iri=EX)
    )
    snapshot = io.BytesIO()
    app.graph.dump(snapshot, DumpFormat.NQUADS)
    return app, snapshot.getvalue()


@pytest.fixture
def small(
    backend: str,
    _small_apps: dict[str, tuple[App, bytes]],
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> App:
    """A store (of ``backend``) holding exactly tests/kg/data/small.ttl (MedSoft, Acme,
    Bella, i42, k7, c1), restored from a snapshot before each test, so tests may write."""
    if backend not in _small_apps:
        overrides = {}
        if backend != "embedded":
            server: EngineServer = request.getfixturevalue(ENGINE_FIXTURES[backend])
            server.empty()
            overrides = server.settings_fields()
        _small_apps[backend] = _small_app(tmp_path_factory.mktemp("small"), **overrides)
    app, snapshot = _small_apps[backend]
    app.graph.restore(io.BytesIO(snapshot), DumpFormat.NQUADS)
    return app
