"""The reasoner returns ``"v"^^xsd:string`` for an asserted plain ``"v"``; rdflib told the
two apart, so every plain literal was stored again in the inferred graph and the union
default graph answered it twice (found by the live-server SPARQL client tests)."""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from kg.vocab import DATA_GRAPH, INFERRED_GRAPH


def test_nothing_asserted_is_repeated_in_the_inferred_graph(small: KnowledgeGraph):
    asserted = {q[:3] for q in small.quads(graph=DATA_GRAPH)}
    inferred = {q[:3] for q in small.quads(graph=INFERRED_GRAPH)}
    assert inferred and not asserted & inferred


def test_a_plain_literal_is_answered_once(small: KnowledgeGraph):
    rows = small.select(
        "SELECT ?name WHERE { <http://example.org/id/acme> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    )
    assert [str(r["name"]) for r in rows] == ["Acme Clinic"]
