"""Queries that would run for ever: stopped at the deadline (the server's CPU falls idle
again), answers cut at the row limit, and the other clients served all along."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api.query_guard import QUERY_SLOTS
from tests.reliability.server import ServerProcess, store_with_small_data
from tests.security.conftest import small_app

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CARTESIAN_GRAPH = "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# An aggregate sees all its input before its one row: Oxigraph cannot stop it, but it
# ends (25 million pairs: seconds).
UNSTOPPABLE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


class Bystander:
    """Another client, reading all the time: how long each of its answers took."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.latencies: list[float] = []
        self.statuses: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)

    def _read(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                self.statuses.add(client.get("/api/customers").status_code)
                self.latencies.append(time.monotonic() - started)
                time.sleep(0.05)

    def __enter__(self) -> Bystander:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


@pytest.mark.parametrize("query", [CARTESIAN, CARTESIAN_GRAPH], ids=["select", "construct"])
def test_a_cartesian_product_is_cancelled_at_the_deadline(live: ServerProcess, query: str):
    timeout_s = 2.0  # the live server's CKM_QUERY_TIMEOUT_S
    with Bystander(live.base_url) as bystander:
        started = time.monotonic()
        response = httpx.post(f"{live.base_url}/sparql", data={"query": query}, timeout=60)
        elapsed = time.monotonic() - started
        time.sleep(0.3)  # the worker notices the deadline on its next row
        idle_from = cpu_seconds(live.pid)
        time.sleep(1.5)
        busy = cpu_seconds(live.pid) - idle_from
    assert response.status_code == 503
    assert response.json()["type"].endswith("query-timeout")
    assert elapsed < timeout_s * 1.1 + 2, "the answer did not come at the deadline"
    assert busy < 0.6, f"the query kept running: {busy:.2f} s of CPU in 1.5 s after"
    assert bystander.statuses == {200}
    assert max(bystander.latencies) < 2.0, "the other client was not served meanwhile"


def test_a_huge_answer_is_cut_at_the_row_limit_not_built_first(tmp_path: Path):
    app = small_app(tmp_path, result_limit=1000)
    try:
        response = app.client.get(
            "/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"}
        )
        assert response.status_code == 200
        assert len(response.json()["results"]["bindings"]) == 1000
        assert response.headers["ckm-result-limit"] == "1000"
    finally:
        app.close()


@pytest.fixture(scope="module")
def impatient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own (runaway queries must not slow the other tests), 0.3 s per
    query."""
    directory = tmp_path_factory.mktemp("impatient")
    store = store_with_small_data(directory)
    with ServerProcess(store, directory, settings={"CKM_QUERY_TIMEOUT_S": "0.3"}) as server:
        yield server


def test_queries_that_cannot_be_stopped_hold_their_slots_not_the_server(
    impatient: ServerProcess,
):
    """An aggregate over a cartesian product runs on after its 503; while
    QUERY_SLOTS of them run, more SPARQL gets 503 server-busy at once, REST and health
    answer, and SPARQL answers again when they end."""
    url = f"{impatient.base_url}/sparql"
    with ThreadPoolExecutor(QUERY_SLOTS) as pool:
        runaways = list(
            pool.map(
                lambda _: httpx.post(url, data={"query": UNSTOPPABLE}, timeout=60),
                range(QUERY_SLOTS),
            )
        )
    assert [r.status_code for r in runaways] == [503] * QUERY_SLOTS
    busy = httpx.post(url, data={"query": "ASK {}"}, timeout=30)
    assert busy.status_code == 503 and busy.json()["type"].endswith("server-busy")
    assert busy.headers["retry-after"]
    assert httpx.get(f"{impatient.base_url}/api/customers", timeout=30).status_code == 200
    assert httpx.get(f"{impatient.base_url}/health", timeout=30).status_code == 200
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if httpx.post(url, data={"query": "ASK {}"}, timeout=30).status_code == 200:
            return
        time.sleep(0.5)
    pytest.fail("SPARQL did not answer again after the runaway queries ended")
