"""The one write road: validate the touched nodes with their context, refuse with a
report and nothing written, or commit data, inferences and provenance atomically."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from kg import KnowledgeGraph, ValidationRefused
from kg.vocab import CKM, DATA_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH
from kg.write.delta import Delta, ProtectedGraph, adding
from tests.kg.conftest import SMALL_TTL, data_quads, dump_bytes, iri, turtle_delta

# Every test here runs on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True


def test_valid_data_is_committed_with_a_provenance_record(graph: KnowledgeGraph):
    delta = turtle_delta(SMALL_TTL.read_text())
    receipt = graph.write(delta)
    assert receipt.added == len(delta.added) == graph.count(DATA_GRAPH)
    assert receipt.report.accepted
    activity = receipt.activity
    assert (activity, RDF.type, PROV.Activity, PROVENANCE_GRAPH) in set(graph.quads(activity))
    [added] = [q[2] for q in graph.quads(activity, CKM.triplesAdded)]
    assert added.toPython() == len(delta.added)


INVALID = {
    "interaction without a firm": (
        "ex:i9 a ckm:Interaction ; ckm:withCustomer ex:acme ; ckm:channel ckm:Email ;"
        ' prov:startedAtTime "2026-01-01T09:00:00Z"^^xsd:dateTime ;'
        " ckm:inSphere ckm:CustomerSphere .",
        "i9",
        CKM.byFirm,
    ),
    "joint sphere through an indirect channel": (
        "ex:i9 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;"
        ' ckm:channel ckm:SurveyForm ; prov:startedAtTime "2026-01-01T09:00:00Z"^^xsd:dateTime ;'
        " ckm:inSphere ckm:JointSphere .",
        "i9",
        None,
    ),
    "satisfaction out of 1-5": (
        "ex:i42 ckm:satisfaction 7 .",
        "i42",
        CKM.satisfaction,
    ),
    "contribution by a passive customer (stored context)": (
        "ex:c2 a ckm:Contribution ; rdfs:label 'tip' ; ckm:contributedBy ex:bella ;"
        " ckm:valueArea ckm:OperativeArea ; ckm:contributionKind ckm:ProcessImprovement ;"
        ' dcterms:date "2026-04-01"^^xsd:date .',
        "c2",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_a_violation_refuses_the_whole_write_and_nothing_changes(small: KnowledgeGraph, case):
    turtle, focus, path = INVALID[case]
    # A valid part rides along: it must not be written either.
    delta = turtle_delta(turtle + "\nex:bella ckm:hasMotive ckm:ReputationMotive .")
    before = dump_bytes(small)
    with pytest.raises(ValidationRefused) as refused:
        small.write(delta)
    violations = refused.value.report.violations
    assert any(v.focus_node == str(iri(focus)) for v in violations), violations
    if path is not None:
        assert any(v.path == str(path) for v in violations)
    assert all(v.message for v in violations)
    assert dump_bytes(small) == before


def test_changing_a_linked_node_revalidates_the_nodes_that_link_to_it(small: KnowledgeGraph):
    # Acme contributed c1; making Acme passive would leave a contribution by a passive
    # customer, so the change is refused although c1 itself is untouched.
    delta = Delta(
        removed=data_quads("ex:acme ckm:customerRole ckm:KnowledgePartnerRole ."),
        added=data_quads("ex:acme ckm:customerRole ckm:PassiveCustomerRole ."),
    )
    with pytest.raises(ValidationRefused) as refused:
        small.write(delta)
    assert str(iri("c1")) in {v.focus_node for v in refused.value.report.violations}


def test_warnings_are_reported_and_the_write_accepted(small: KnowledgeGraph):
    receipt = small.write(turtle_delta("ex:acme ckm:receivesReward ckm:MonetaryReward ."))
    assert receipt.report.accepted and not receipt.report.conforms  # SHACL: any result
    assert any(
        w.severity == "Warning" and w.focus_node == str(iri("acme"))
        for w in receipt.report.warnings
    )
    assert small.ask(
        "ASK { <http://example.org/id/acme> <https://w3id.org/ckm#receivesReward> ?r }"
    )


@pytest.mark.parametrize("system_graph", [ONTOLOGY_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH])
def test_system_graphs_cannot_be_written(small: KnowledgeGraph, system_graph: URIRef):
    quad = (iri("x"), RDF.type, CKM.Customer, system_graph)
    with pytest.raises(ProtectedGraph, match="maintained by the system"):
        small.write(adding([quad]))


def test_removing_what_is_not_stored_writes_nothing(small: KnowledgeGraph):
    before = dump_bytes(small)
    receipt = small.write(Delta(removed=data_quads("ex:acme ckm:country 'DE' .")))
    assert receipt.activity is None and receipt.removed == 0
    assert dump_bytes(small) == before


def test_check_reports_without_writing(small: KnowledgeGraph):
    before = dump_bytes(small)
    report = small.check(turtle_delta(INVALID["satisfaction out of 1-5"][0]))
    assert not report.conforms
    assert "sh:ValidationReport" in report.to_rdf().serialize(format="turtle")
    assert dump_bytes(small) == before
