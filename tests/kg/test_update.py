"""SPARQL 1.1 Update requests become Deltas without writing; written through the road."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg import KnowledgeGraph, ValidationRefused
from kg.vocab import CKM, DATA_GRAPH, INFERRED_GRAPH
from kg.write.delta import ProtectedGraph
from kg.write.update import UpdateRefused, UpdateSyntaxError, delta_from_update
from tests.kg.conftest import EX, dump_bytes, iri

PROLOGUE = "PREFIX ckm: <https://w3id.org/ckm#>\nPREFIX ex: <http://example.org/id/>\n"
G = URIRef("http://example.org/graph/extra")


def delta(graph: KnowledgeGraph, text: str):
    return delta_from_update(graph._store, PROLOGUE + text, base_iri=EX)


def test_insert_data_without_graph_goes_to_the_data_graph(small: KnowledgeGraph):
    d = delta(small, 'INSERT DATA { ex:bella ckm:businessField "Pharmacy" }')
    assert d.added == {(iri("bella"), CKM.businessField, Literal("Pharmacy"), DATA_GRAPH)}
    assert not d.removed
    small.write(d)
    assert small.ask(PROLOGUE + 'ASK { ex:bella ckm:businessField "Pharmacy" }')


def test_delete_insert_where_is_evaluated_against_the_store(small: KnowledgeGraph):
    d = delta(
        small,
        "DELETE { ?c ckm:customerRole ckm:PassiveCustomerRole }"
        " INSERT { ?c ckm:customerRole ckm:ActiveCustomerRole }"
        " WHERE { ?c ckm:customerRole ckm:PassiveCustomerRole }",
    )
    assert d.removed == {(iri("bella"), CKM.customerRole, CKM.PassiveCustomerRole, DATA_GRAPH)}
    assert d.added == {(iri("bella"), CKM.customerRole, CKM.ActiveCustomerRole, DATA_GRAPH)}


def test_later_operations_see_earlier_ones(small: KnowledgeGraph):
    d = delta(
        small,
        'INSERT DATA { ex:bella ckm:businessField "Pharmacy" } ;'
        " DELETE { ?c ckm:businessField ?f } INSERT { ?c ckm:summary ?f }"
        " WHERE { ?c ckm:businessField ?f }",
    )
    assert d.added == {(iri("bella"), CKM.summary, Literal("Pharmacy"), DATA_GRAPH)}
    assert not d.removed


def test_removal_through_the_default_graph_never_touches_inferences(small: KnowledgeGraph):
    d = delta(small, "DELETE WHERE { ex:bella a ?t }")
    assert {q[3] for q in d.removed} == {DATA_GRAPH}
    assert not [q for q in d.removed if q[3] == INFERRED_GRAPH]


def test_named_graph_operations(small: KnowledgeGraph):
    d = delta(small, f"INSERT DATA {{ GRAPH <{G}> {{ ex:x ex:p ex:y }} }}")
    small.write(d)
    cleared = delta(small, f"CLEAR GRAPH <{G}>")
    assert cleared.removed == {(iri("x"), URIRef(EX + "p"), iri("y"), G)}
    with pytest.raises(UpdateRefused, match="already exists"):
        delta(small, f"CREATE GRAPH <{G}>")
    assert delta(small, f"CREATE SILENT GRAPH <{G}>").is_empty


def test_a_refused_update_writes_nothing(small: KnowledgeGraph):
    before = dump_bytes(small)
    with pytest.raises(ValidationRefused):
        small.write(delta(small, "DELETE WHERE { ex:i42 ckm:byFirm ?f }"))
    assert dump_bytes(small) == before


@pytest.mark.parametrize(
    ("text", "error", "match"),
    [
        ("INSERT DATA { ex:a ex:b }", UpdateSyntaxError, "line 3, column 1"),
        ("LOAD <http://example.org/data.ttl>", UpdateRefused, "LOAD is disabled"),
        (
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            UpdateRefused,
            "SERVICE is disabled",
        ),
        (
            "INSERT DATA { GRAPH <urn:ckm:graph:inferred> { ex:a ex:b ex:c } }",
            ProtectedGraph,
            "maintained by the system",
        ),
    ],
)
def test_bad_or_dangerous_updates_are_refused(small: KnowledgeGraph, text, error, match):
    with pytest.raises(error, match=match):
        delta(small, text)


def test_inserting_a_stored_triple_then_deleting_it_removes_it(small: KnowledgeGraph):
    d = delta(
        small,
        "INSERT DATA { ex:bella ckm:typology ckm:B2B } ;"
        " DELETE DATA { ex:bella ckm:typology ckm:B2B }",
    )
    assert d.removed == {(iri("bella"), CKM.typology, CKM.B2B, DATA_GRAPH)}
    assert not d.added


def test_using_reads_the_stored_graph_and_never_fetches_the_web(small: KnowledgeGraph):
    # ckm:summary is said of interactions (its domain): said of Bella, a customer, it
    # would make her an interaction too, which the ontology forbids (cax-adc).
    small.write(delta(small, f"INSERT DATA {{ GRAPH <{G}> {{ ex:i42 ckm:summary 'x' }} }}"))
    d = delta(
        small,
        f"DELETE {{ GRAPH <{G}> {{ ?c ckm:summary ?s }} }}"
        f" USING <{G}> WHERE {{ ?c ckm:summary ?s }}",
    )
    assert d.removed == {(iri("i42"), CKM.summary, Literal("x"), G)}
