"""The real app on a real on-disk store holding tests/kg/data/small.ttl, with one key per
role (tests/api/conftest.py), for the security suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.store.parsing import syntax_named
from kg.vocab import DATA_GRAPH
from kg.write.delta import from_payload
from tests.api.conftest import EX, App
from tests.kg.conftest import SMALL_TTL
from tests.reliability.server import ServerProcess, store_with_small_data

MAX_BODY_BYTES = 1_000_000


def small_app(directory: Path, **overrides) -> App:
    """An app on a new store in ``directory`` holding small.ttl (MedSoft, Acme, Bella…)."""
    app = App(directory, **overrides)
    app.graph.write(
        from_payload(SMALL_TTL.read_text(), syntax_named("turtle"), graph=DATA_GRAPH, base_iri=EX)
    )
    return app


@pytest.fixture
def served(tmp_path: Path) -> Iterator[App]:
    """A fresh app on small.ttl that a test may write to."""
    app = small_app(tmp_path)
    yield app
    app.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A real ``ckm serve`` on small.ttl for the hostile-input tests: 1 MB bodies, 2 s
    per query."""
    directory = tmp_path_factory.mktemp("hostile")
    store = store_with_small_data(directory)
    settings = {"CKM_MAX_BODY_BYTES": str(MAX_BODY_BYTES), "CKM_QUERY_TIMEOUT_S": "2"}
    with ServerProcess(store, directory, settings=settings) as server:
        yield server


def store_state(server: ServerProcess) -> dict[str, int]:
    """Quads per graph, as the server answers: any write would change it (every write
    adds at least its provenance record)."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    answer = httpx.post(
        f"{server.base_url}/sparql",
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    answer.raise_for_status()
    rows = answer.json()["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
