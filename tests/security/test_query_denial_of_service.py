"""Queries that would run for ever: stopped at the deadline (the server's CPU, and its
query processes', fall idle again), answers cut at the row limit, and the other clients
served all along."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api.query_guard import QUERY_SLOTS
from tests.reliability.server import ServerProcess, store_with_small_data
from tests.security.conftest import small_app
from tests.security.watch import Bystander, cpu_seconds_of_tree

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CARTESIAN_GRAPH = "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# An aggregate sees all its input before its one row: Oxigraph cannot stop it, but it
# ends (25 million pairs: seconds).
UNSTOPPABLE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.mark.parametrize("query", [CARTESIAN, CARTESIAN_GRAPH], ids=["select", "construct"])
def test_a_cartesian_product_is_cancelled_at_the_deadline(live: ServerProcess, query: str):
    timeout_s = 2.0  # the live server's CKM_QUERY_TIMEOUT_S
    with Bystander(live.base_url) as bystander:
        started = time.monotonic()
        response = httpx.post(f"{live.base_url}/sparql", data={"query": query}, timeout=60)
        elapsed = time.monotonic() - started
        time.sleep(0.3)  # the worker notices the deadline on its next row
        idle_from = cpu_seconds_of_tree(live.pid)
        time.sleep(1.5)
        busy = cpu_seconds_of_tree(live.pid) - idle_from
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


def test_queries_the_engine_cannot_stop_are_killed_at_their_deadline(impatient: ServerProcess):
    """An aggregate over a cartesian product cannot be interrupted inside Oxigraph: the
    process evaluating it is killed at the deadline. QUERY_SLOTS of them at once all get
    503 (query-timeout, or server-busy for those that found every worker taken); SPARQL
    answers again as soon as new workers have started (seconds, not the minutes the
    queries would have run), and the server's CPU falls idle."""
    url = f"{impatient.base_url}/sparql"
    _until_answered(url)  # the server's query workers have started
    with ThreadPoolExecutor(QUERY_SLOTS) as pool:
        runaways = list(
            pool.map(
                lambda _: httpx.post(url, data={"query": UNSTOPPABLE}, timeout=60),
                range(QUERY_SLOTS),
            )
        )
    assert [r.status_code for r in runaways] == [503] * QUERY_SLOTS
    kinds = {r.json()["type"].rsplit("/", 1)[1] for r in runaways}
    assert "query-timeout" in kinds and kinds <= {"query-timeout", "server-busy"}
    _until_answered(url)  # new workers started in the killed ones' place
    idle_from = cpu_seconds_of_tree(impatient.pid)
    time.sleep(1.5)
    busy = cpu_seconds_of_tree(impatient.pid) - idle_from
    assert busy < 0.6, f"a killed query kept running: {busy:.2f} s of CPU in 1.5 s"
    assert httpx.get(f"{impatient.base_url}/health", timeout=30).status_code == 200


def _until_answered(url: str, within_s: float = 15.0) -> None:
    """Wait until a trivial query is answered (workers starting answer 503 meanwhile)."""
    deadline = time.monotonic() + within_s
    while httpx.post(url, data={"query": "ASK {}"}, timeout=30).status_code != 200:
        assert time.monotonic() < deadline, "SPARQL did not answer"
        time.sleep(0.2)
