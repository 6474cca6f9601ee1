"""A real knowledge graph on a real on-disk store, and the small hand-written dataset."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.store.base import DumpFormat
from kg.store.parsing import syntax_named
from kg.vocab import DATA_GRAPH
from kg.write.delta import Delta, from_payload
from tests.engines import EngineServer

SMALL_TTL = Path(__file__).with_name("data") / "small.ttl"
EX = "http://example.org/id/"
PREFIXES = """
@prefix ckm: <https://w3id.org/ckm#> .
@prefix ex: <http://example.org/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def turtle_delta(turtle: str) -> Delta:
    """A delta adding ``turtle`` (the common prefixes are prepended) to the data graph."""
    return from_payload(PREFIXES + turtle, syntax_named("turtle"), graph=DATA_GRAPH, base_iri=EX)


def data_quads(turtle: str) -> frozenset:
    return turtle_delta(turtle).added


def dump_bytes(graph: KnowledgeGraph) -> bytes:
    """The store's dump, sorted, blank nodes relabelled canonically (a remote engine
    gives blank nodes labels of its own when it stores them)."""
    buffer = io.BytesIO()
    graph.dump(buffer, DumpFormat.NQUADS)
    dataset = ox.Dataset(ox.parse(buffer.getvalue(), ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return b"\n".join(sorted(str(quad).encode() + b" ." for quad in dataset))


# A test module setting ``RUN_ON_EVERY_BACKEND = True`` runs its tests of ``graph`` on
# the embedded store, on ``oxigraph serve`` and on Virtuoso; the others on the first.
ENGINE_FIXTURES = {"oxigraph-server": "oxigraph_server", "virtuoso": "virtuoso_server"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "RUN_ON_EVERY_BACKEND", 0):
        metafunc.parametrize("backend", ["embedded", *ENGINE_FIXTURES])


@pytest.fixture
def graph(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[KnowledgeGraph]:
    """An empty knowledge graph (ontology installed) on a fresh store of ``backend``."""
    if backend == "embedded":
        settings = Settings(store=tmp_path / "store")
    else:
        server: EngineServer = request.getfixturevalue(ENGINE_FIXTURES[backend])
        server.empty()
        settings = server.settings()
    knowledge_graph = KnowledgeGraph.open(settings)
    yield knowledge_graph
    knowledge_graph.close()


@pytest.fixture
def small(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The graph holding tests/kg/data/small.ttl: MedSoft, Acme (knowledge partner),
    Bella (passive), workshop i42, knowledge k7 from Acme, contribution c1."""
    graph.write(turtle_delta(SMALL_TTL.read_text()))
    return graph


def iri(local: str) -> URIRef:
    return URIRef(EX + local)
