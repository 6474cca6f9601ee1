"""The diagnosis test bed: data/nordtech.ttl written through the real write road."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.store.parsing import syntax_named
from kg.vocab import DATA_GRAPH
from kg.write.delta import from_payload

DATA = Path(__file__).with_name("data")
EX = "http://example.org/id/"
NORDTECH = URIRef(EX + "nordtech")
OTHER = URIRef(EX + "other")


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


def nordtech_graph(path: Path, turtle: str | None = None) -> KnowledgeGraph:
    """A graph at ``path`` holding data/nordtech.ttl (or ``turtle``); refused data fails."""
    graph = KnowledgeGraph.open(Settings(store=path))
    text = turtle if turtle is not None else (DATA / "nordtech.ttl").read_text(encoding="utf-8")
    delta = from_payload(text, syntax_named("turtle"), graph=DATA_GRAPH, base_iri=EX)
    receipt = graph.write(delta)
    assert receipt.report.accepted, receipt.report
    return graph


@pytest.fixture(scope="module")
def nordtech(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """The test bed; tests must only read it."""
    graph = nordtech_graph(tmp_path_factory.mktemp("nordtech") / "store")
    yield graph
    graph.close()
