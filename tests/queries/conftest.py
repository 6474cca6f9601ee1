"""The saved queries' test bed: tests/queries/data/analysts.ttl, loaded through the real
write road (SHACL validation, OWL 2 RL inferences, provenance) into a real on-disk store."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.queries import results_json
from kg.store.parsing import syntax_named
from kg.validation.report import ValidationReport
from kg.vocab import DATA_GRAPH
from kg.write.delta import from_payload

ANALYSTS_TTL = Path(__file__).with_name("data") / "analysts.ttl"
EX = "http://example.org/id/"
CKM = "https://w3id.org/ckm#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + t for t in ("integer", "decimal", "double", "float", "nonNegativeInteger")}


def load_analysts(graph: KnowledgeGraph) -> None:
    """Write the fixture through ``graph.write`` (refused data would raise)."""
    load_fixture(graph, ANALYSTS_TTL)


def load_fixture(graph: KnowledgeGraph, path: Path) -> ValidationReport:
    """Write the Turtle file ``path`` through the real write road; refused data fails."""
    delta = from_payload(
        path.read_text(encoding="utf-8"), syntax_named("turtle"), graph=DATA_GRAPH, base_iri=EX
    )
    receipt = graph.write(delta)
    assert receipt.report.accepted
    return receipt.report


def fixture_graph(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly ``data/<name>.ttl`` (for a module fixture: ``yield
    from``); tests must only read it."""
    graph = KnowledgeGraph.open(Settings(store=tmp_path_factory.mktemp(name) / "store"))
    try:
        load_fixture(graph, Path(__file__).with_name("data") / f"{name}.ttl")
        yield graph
    finally:
        graph.close()


@pytest.fixture(scope="session")
def analysts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """A knowledge graph holding exactly the fixture; tests must only read it."""
    graph = KnowledgeGraph.open(Settings(store=tmp_path_factory.mktemp("queries") / "store"))
    load_analysts(graph)
    yield graph
    graph.close()


def simple(term: dict | None) -> object:
    """A SPARQL JSON term as plain data: ``ex:``/``ckm:`` CURIEs for IRIs, Decimal for
    numbers, bool for booleans, the lexical form for other literals, None if unbound."""
    if term is None:
        return None
    value = term["value"]
    if term["type"] == "uri":
        for prefix, namespace in (("ex:", EX), ("ckm:", CKM)):
            if value.startswith(namespace):
                return prefix + value[len(namespace) :]
        return value
    datatype = term.get("datatype")
    if datatype in NUMBERS:
        return Decimal(value)
    if datatype == XSD + "boolean":
        return value == "true"
    return value


def rows(results: dict) -> list[tuple]:
    """The solutions of SPARQL JSON results as tuples, in the order of ``head.vars``."""
    names = results["head"]["vars"]
    return [tuple(simple(b.get(n)) for n in names) for b in results["results"]["bindings"]]


def answer(graph: KnowledgeGraph, name: str, params: dict[str, str] | None = None) -> list[tuple]:
    """The rows of saved query ``name`` with ``params``."""
    return rows(results_json(graph, name, params or {}))
