"""Queries in worker processes (kg/store/query_workers.py), on each kind of embedded
store: a query sees every write committed before it; one past its deadline or memory
cap is stopped and its worker replaced; a crash of the engine is the worker's; a
``SERVICE`` cannot reach the network."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import (
    QueryCalledOut,
    QueryMemoryExceeded,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooComplex,
    QueryWorkersBusy,
)
from kg.store.base import DumpFormat
from kg.store.embedded import EmbeddedStore
from kg.store.query_workers import IsolatedQueries, QueryLimits
from kg.store.resident import ResidentStore
from kg.store.sandbox import sandbox_available
from tests.security.listener import listening

JSON = "application/sparql-results+json"
G = URIRef("http://example.org/g")
P = URIRef("http://example.org/p")
BLOWUP = "SELECT * WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f OPTIONAL { ?g ?h ?i } } }"
VALUES = "SELECT ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o"


def quads(count: int) -> list:
    return [(URIRef(f"http://example.org/s{i}"), P, Literal(i), G) for i in range(count)]


def values(store: IsolatedQueries) -> list[int]:
    body = store.query_serialized(VALUES, media_type=JSON, timeout_s=30)
    return [int(row["o"]["value"]) for row in json.loads(body)["results"]["bindings"]]


@pytest.fixture(params=["disk", "memory-reads", "in-memory"])
def isolated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IsolatedQueries]:
    if request.param == "in-memory":
        inner = EmbeddedStore(None)
    else:
        inner = EmbeddedStore(tmp_path / "store")
        if request.param == "memory-reads":
            inner = ResidentStore(inner)
            inner.wait_until_resident(30)
    inner.commit([], quads(200))
    store = IsolatedQueries(inner, QueryLimits(workers=2, memory_bytes=200 * 2**20))
    yield store
    store.close()


def test_a_query_sees_every_write_committed_before_it(isolated: IsolatedQueries):
    assert values(isolated) == list(range(200))
    isolated.commit([], [(URIRef("http://example.org/new"), P, Literal(1000), G)])
    isolated.commit(quads(1), [])
    assert values(isolated) == [*range(1, 200), 1000]
    isolated.replace_graph(G, [(URIRef("http://example.org/x"), P, Literal(7))])
    assert values(isolated) == [7]


def test_a_restore_is_seen_by_the_next_query(isolated: IsolatedQueries):
    values(isolated)
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    dump = f'<http://example.org/r> <http://example.org/p> "42"^^{integer} <{G}> .\n'.encode()
    isolated.restore(io.BytesIO(dump), DumpFormat.NQUADS)
    assert values(isolated) == [42]


def test_a_blowup_is_stopped_at_its_memory_cap_and_the_next_query_answered(isolated):
    started = time.monotonic()
    with pytest.raises(QueryMemoryExceeded):
        isolated.query_serialized(BLOWUP, media_type=JSON, timeout_s=60)
    assert time.monotonic() - started < 30
    assert values(isolated) == list(range(200))


def test_a_query_past_its_deadline_is_stopped(isolated: IsolatedQueries):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        isolated.query_serialized(endless, media_type=JSON, timeout_s=1.0)
    # Stopped near its 1 s deadline (alone, the query would run for hours); the slack is
    # for a loaded 2-core machine.
    assert time.monotonic() - started < 8.0
    assert values(isolated) == list(range(200))


def test_a_stack_overflow_ends_the_worker_not_the_caller(isolated: IsolatedQueries):
    with pytest.raises(QueryTooComplex):
        isolated.query_serialized(
            "SELECT * WHERE " + "{" * 6000 + "}" * 6000, media_type=JSON, timeout_s=30
        )
    assert values(isolated) == list(range(200))


def test_syntax_errors_come_back_as_such(isolated: IsolatedQueries):
    with pytest.raises(QuerySyntaxError):
        isolated.query_serialized("SELECT * WHERE {", media_type=JSON, timeout_s=30)


@pytest.mark.skipif(not sandbox_available(), reason="seccomp needs Linux on x86-64/AArch64")
def test_a_service_cannot_reach_the_network(isolated: IsolatedQueries):
    with listening() as listener:
        query = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryCalledOut):
            isolated.query_serialized(query, media_type=JSON, timeout_s=30)
        assert listener.requests == []


def test_a_read_only_store_is_queried_in_place(tmp_path: Path):
    writable = EmbeddedStore(tmp_path / "store")
    writable.commit([], quads(3))
    writable.close()
    store = IsolatedQueries(EmbeddedStore(tmp_path / "store", read_only=True), QueryLimits())
    try:
        assert values(store) == [0, 1, 2]
    finally:
        store.close()
    assert not list(tmp_path.glob(".store.query-copy-*")), "a copy was left behind"


def test_a_query_that_finds_every_worker_busy_for_its_whole_time_limit_is_told_so(
    tmp_path: Path,
):
    inner = EmbeddedStore(tmp_path / "store")
    inner.commit([], quads(200))
    store = IsolatedQueries(inner, QueryLimits(workers=1))
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    try:
        values(store)  # the one worker is up
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(store.query_serialized, endless, media_type=JSON, timeout_s=3)
            time.sleep(0.5)
            with pytest.raises(QueryWorkersBusy):
                store.query_serialized("ASK {}", media_type=JSON, timeout_s=0.5)
            with pytest.raises(QueryTimeout):
                running.result()
        assert values(store) == list(range(200))
    finally:
        store.close()
