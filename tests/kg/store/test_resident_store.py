"""Reads from memory (``CKM_MEMORY_READS``): the copy follows every write, the disk store
stays the authority, and a refused write changes neither."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.config import Settings
from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.store import open_store
from kg.store.base import DumpFormat, WriteConflict
from kg.store.embedded import EmbeddedStore
from kg.store.query_workers import IsolatedQueries
from kg.store.resident import ResidentStore
from kg.vocab import CKM, DATA_GRAPH
from kg.write.delta import adding

EX = "http://example.org/"
G = URIRef(EX + "g")
A, B, P = URIRef(EX + "a"), URIRef(EX + "b"), URIRef(EX + "p")


def resident(path: Path) -> ResidentStore:
    store = ResidentStore(EmbeddedStore(path))
    assert store.wait_until_resident(30)
    return store


def on_disk(path: Path) -> set:
    store = EmbeddedStore(path)
    try:
        return set(store.quads())
    finally:
        store.close()


def test_the_setting_opens_the_embedded_store_with_reads_from_memory(tmp_path: Path):
    store = open_store(Settings(store=tmp_path / "store", memory_reads=True))
    try:
        assert isinstance(store, IsolatedQueries)  # queries in workers (the default)
        assert isinstance(store.inner, ResidentStore)
    finally:
        store.close()
    plain = open_store(Settings(store=tmp_path / "store", query_isolation=False))
    try:
        assert isinstance(plain, EmbeddedStore)
    finally:
        plain.close()


def test_data_already_on_disk_is_read_from_memory_once_loaded(tmp_path: Path):
    disk = EmbeddedStore(tmp_path / "store")
    disk.commit([], [(A, P, B, G)])
    disk.close()
    store = resident(tmp_path / "store")
    assert set(store.quads()) == {(A, P, B, G)}
    assert store.select(f"SELECT ?o WHERE {{ <{A}> <{P}> ?o }}") == [{"o": B}]
    store.close()


def test_every_write_reaches_memory_and_disk_alike(tmp_path: Path):
    store = resident(tmp_path / "store")
    store.commit([], [(A, P, B, G), (B, P, Literal("x"), G)])
    store.commit([(A, P, B, G)], [(A, P, Literal(5), G)])
    store.replace_graph(URIRef(EX + "h"), [(B, P, A)])
    # Read by the writer at once, from memory.
    assert store.ask(f"ASK {{ <{A}> <{P}> 5 }}")
    expected = {(B, P, Literal("x"), G), (A, P, Literal(5), G), (B, P, A, URIRef(EX + "h"))}
    assert set(store.quads()) == expected
    store.close()
    assert on_disk(tmp_path / "store") == expected


def test_a_refused_commit_changes_neither_copy(tmp_path: Path):
    store = resident(tmp_path / "store")
    store.commit([], [(A, P, B, G)])
    stale = store.version()
    store.commit([], [(B, P, A, G)])
    with pytest.raises(WriteConflict):
        store.commit([], [(A, P, A, G)], expected_version=stale)
    assert set(store.quads()) == {(A, P, B, G), (B, P, A, G)}
    store.close()
    assert on_disk(tmp_path / "store") == {(A, P, B, G), (B, P, A, G)}


def test_restore_replaces_memory_too_and_a_broken_dump_changes_nothing(tmp_path: Path):
    store = resident(tmp_path / "store")
    store.commit([], [(A, P, B, G)])
    dump = f"<{B}> <{P}> <{A}> <{G}> .\n".encode()
    assert store.restore(io.BytesIO(dump), DumpFormat.NQUADS) == 1
    assert set(store.quads()) == {(B, P, A, G)}
    with pytest.raises(ValueError):
        store.restore(io.BytesIO(b"<broken"), DumpFormat.NQUADS)
    assert set(store.quads()) == {(B, P, A, G)}
    store.close()
    assert on_disk(tmp_path / "store") == {(B, P, A, G)}


def test_the_write_road_on_memory_reads_answers_as_on_disk(tmp_path: Path):
    """Validated writes with inferences, then the same query on both kinds of store."""
    quads = demo_quads(customers=6, seed=2, base_iri="http://example.org/id/")
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?i a <{CKM.DirectInteraction}> }}"
    answers = []
    for name, memory in (("resident", True), ("disk", False)):
        graph = KnowledgeGraph.open(Settings(store=tmp_path / name, memory_reads=memory))
        graph.write(adding(quads))
        answers.append(graph.select(query))
        assert next(graph.quads(None, None, None, DATA_GRAPH), None) is not None
        graph.close()
    assert answers[0] == answers[1] and int(answers[0][0]["n"]) > 0
