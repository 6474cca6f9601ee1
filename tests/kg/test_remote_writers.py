"""Several processes writing to one SPARQL engine: no update is lost, no rule is broken
by two writes that were each valid alone (compare-and-set commits, kg/store/remote.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from rdflib import URIRef

from kg import KnowledgeGraph, ValidationRefused
from kg.vocab import CKM
from tests.engines import EngineServer, Fault, FaultProxy
from tests.kg.conftest import SMALL_TTL, dump_bytes, iri, turtle_delta
from tests.kg.test_concurrency import interaction_with_knowledge

ENGINES = ["oxigraph_server", "virtuoso_server"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[EngineServer]:
    """A real engine holding the small dataset."""
    server: EngineServer = request.getfixturevalue(request.param)
    server.empty()
    graph = KnowledgeGraph.open(server.settings())
    graph.write(turtle_delta(SMALL_TTL.read_text()))
    graph.close()
    yield server


def _satisfaction(graph: KnowledgeGraph) -> set[int]:
    return {int(q[2]) for q in graph.quads(iri("i42"), CKM.satisfaction)}


def test_a_write_validated_on_a_state_that_changed_is_validated_again(engine):
    """Writer A validates "i42 satisfaction 3" and sends its commit; the proxy holds it
    while writer B commits "satisfaction 4". A's commit then finds the store changed,
    A validates again on B's result, and at most one satisfaction is allowed: refused."""
    proxy = FaultProxy.before(engine)
    held = Fault(content_type="application/sparql-update", hold=threading.Event())
    writer_a = KnowledgeGraph.open(engine.via(proxy).settings())
    writer_b = KnowledgeGraph.open(engine.settings())
    outcome: list[object] = []

    def write_a() -> None:
        try:
            outcome.append(writer_a.write(turtle_delta("ex:i42 ckm:satisfaction 3 .")))
        except ValidationRefused as refusal:
            outcome.append(refusal)

    proxy.faults.append(held)
    thread = threading.Thread(target=write_a)
    thread.start()
    assert held.arrived.wait(60), "writer A never sent its commit"
    writer_b.write(turtle_delta("ex:i42 ckm:satisfaction 4 ."))
    held.hold.set()
    thread.join(60)
    [refusal] = outcome
    assert isinstance(refusal, ValidationRefused)
    assert "satisfaction" in str(refusal)
    assert _satisfaction(writer_b) == {4}
    for graph in (writer_a, writer_b):
        graph.close()
    proxy.close()


def test_concurrent_writers_lose_no_update(engine):
    writers = [KnowledgeGraph.open(engine.settings()) for _ in range(2)]
    errors: list[BaseException] = []

    def write_many(graph: KnowledgeGraph, numbers: range) -> None:
        try:
            for n in numbers:
                graph.write(turtle_delta(interaction_with_knowledge(n)))
        except BaseException as error:
            errors.append(error)

    threads = [
        threading.Thread(target=write_many, args=(graph, range(start, start + 8)))
        for graph, start in zip(writers, (100, 200), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert errors == []
    graph = writers[0]
    interactions = {q[0] for q in graph.quads(None, CKM.channel, CKM.Email)}
    expected = {
        URIRef(f"http://example.org/id/ci{n}") for n in (*range(100, 108), *range(200, 208))
    }
    assert interactions == expected
    # Every write's inferences are there too: a full rebuild changes nothing.
    before = dump_bytes(graph)
    graph.rebuild_inferences()
    assert dump_bytes(graph) == before
    for writer in writers:
        writer.close()
