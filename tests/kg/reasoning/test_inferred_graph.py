"""Inference kept in its own graph and consistent with the data after adds and removals."""

from __future__ import annotations

import reasonable
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.reasoning import ReferenceReasoner
from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM, DATA_GRAPH, INFERRED_GRAPH
from kg.write.delta import Delta, adding
from tests.kg.conftest import EX, data_quads, iri

# Every test here runs on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True


def inferred_types(graph: KnowledgeGraph, node: URIRef) -> set[URIRef]:
    return {q[2] for q in graph.quads(node, RDF.type, None, INFERRED_GRAPH)}


def test_defined_classes_and_superclasses_are_inferred(small: KnowledgeGraph):
    assert {CKM.DirectInteraction, PROV.Activity} <= inferred_types(small, iri("i42"))
    assert {CKM.KnowledgePartner, CKM.ActiveCustomer, PROV.Agent} <= inferred_types(
        small, iri("acme")
    )
    assert CKM.PassiveCustomer in inferred_types(small, iri("bella"))
    assert CKM.OperativeContribution in inferred_types(small, iri("c1"))
    assert CKM.CustomerKnowledge in inferred_types(small, iri("k7"))


def test_inferred_triples_never_land_in_data_graphs(small: KnowledgeGraph):
    assert not list(small.quads(iri("acme"), RDF.type, CKM.KnowledgePartner, DATA_GRAPH))


def test_a_removal_retracts_what_no_longer_follows(small: KnowledgeGraph):
    # Bella becomes an active customer: passive no longer follows, active does.
    small.write(
        Delta(
            removed=data_quads("ex:bella ckm:customerRole ckm:PassiveCustomerRole ."),
            added=data_quads("ex:bella ckm:customerRole ckm:ActiveCustomerRole ."),
        )
    )
    types = inferred_types(small, iri("bella"))
    assert CKM.ActiveCustomer in types
    assert CKM.PassiveCustomer not in types


def test_moving_an_interaction_to_an_indirect_channel_flips_its_class(small: KnowledgeGraph):
    small.write(
        Delta(
            removed=data_quads(
                "ex:i42 ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;"
                " ckm:ckmStyle ckm:MutualInnovation ."
            ),
            added=data_quads(
                "ex:i42 ckm:channel ckm:SurveyForm ; ckm:inSphere ckm:CustomerSphere ."
            ),
        )
    )
    types = inferred_types(small, iri("i42"))
    assert CKM.IndirectInteraction in types
    assert CKM.DirectInteraction not in types


def test_incremental_inference_equals_a_full_rebuild(graph: KnowledgeGraph):
    quads = demo_quads(customers=12, seed=3, base_iri="http://example.org/id/")
    graph.write(adding(quads))
    # Every passive customer becomes active, in one write with removals and additions.
    passive = {q for q in quads if q[1] == CKM.customerRole and q[2] == CKM.PassiveCustomerRole}
    assert passive
    active = {(s, p, CKM.ActiveCustomerRole, g) for s, p, _o, g in passive}
    graph.write(Delta(removed=frozenset(passive), added=frozenset(active)))
    incremental = set(graph.quads(graph=INFERRED_GRAPH))
    assert not any(q[2] == CKM.PassiveCustomer for q in incremental)
    graph.rebuild_inferences()
    assert set(graph.quads(graph=INFERRED_GRAPH)) == incremental


def test_writes_that_only_add_patch_the_inferences_a_rebuild_gives(graph: KnowledgeGraph):
    """A write that only adds is patched without reading who links to the nodes it
    touches (a firm is linked to by all its customers); erasing customers (removals,
    the full way) and writing them back (additions: the firm gains ``hasCustomer``
    through the inverse of ``customerOf``) must each leave what a rebuild computes."""
    quads = demo_quads(customers=12, seed=3, base_iri="http://example.org/id/")
    graph.write(adding(quads))
    customers = sorted({s for s, p, o, _g in quads if p == RDF.type and o == CKM.Customer})
    for customer in customers[:3]:
        plan, _receipt = graph.erase_customer(customer)
        after_erasure = set(graph.quads(graph=INFERRED_GRAPH))
        assert not any(customer in (q[0], q[2]) for q in after_erasure)
        graph.write(adding(plan.delta.removed))
        incremental = set(graph.quads(graph=INFERRED_GRAPH))
        firms = {o for s, p, o, _g in plan.delta.removed if s == customer and p == CKM.customerOf}
        assert firms and all(
            (firm, CKM.hasCustomer, customer, INFERRED_GRAPH) in incremental for firm in firms
        )
        graph.rebuild_inferences()
        assert set(graph.quads(graph=INFERRED_GRAPH)) == incremental


def test_interactions_written_one_by_one_patch_what_a_rebuild_gives(graph: KnowledgeGraph):
    """Interactions (with the knowledge they generated and their assessments) written
    back one per write onto the demo without them: customers gain types (active,
    knowledge partner…) from what links to them, the firms gain facts; after every few
    writes the inferred graph equals a rebuild."""
    quads = demo_quads(customers=10, seed=4, base_iri="http://example.org/id/")
    interactions = sorted({s for s, p, o, _g in quads if p == RDF.type and o == CKM.Interaction})
    hanging = {
        s: o
        for s, p, o, _g in quads
        if p in (PROV.wasGeneratedBy, CKM.assessedIn) and o in interactions
    }
    groups: dict = {i: set() for i in interactions}
    for quad in quads:
        owner = quad[0] if quad[0] in groups else hanging.get(quad[0])
        if owner in groups:
            groups[owner].add(quad)
    # Held back: every third interaction whose nodes nothing outside its group refers to.
    referred = {
        (owner, quad[2]) for owner, group in groups.items() for quad in quads if quad not in group
    }
    held_back = {
        i for i in interactions[::3] if not {(i, n) for n in {q[0] for q in groups[i]}} & referred
    }
    groups = {i: groups[i] for i in held_back}
    assert len(held_back) >= 10
    graph.write(adding([q for q in quads if not any(q in g for g in groups.values())]))
    for number, interaction in enumerate(sorted(held_back), start=1):
        graph.write(adding(groups[interaction]))
        if number % 5 == 0 or number == len(held_back):
            incremental = set(graph.quads(graph=INFERRED_GRAPH))
            graph.rebuild_inferences()
            assert set(graph.quads(graph=INFERRED_GRAPH)) == incremental, number


def test_leaving_annotations_out_of_the_reasoner_changes_no_entailment():
    """The reasoner reads the ontology without its labels, definitions and sources; on
    the demo data it must entail exactly what the whole ontology entails."""
    ontology = Graph().parse(ONTOLOGY_TTL)
    data = [(s, p, o) for s, p, o, _g in demo_quads(customers=15, seed=5, base_iri=EX)]
    whole = reasonable.PyReasoner()
    whole.from_graph(list(ontology) + data)
    expected = {
        (s, p, Literal(str(o)) if isinstance(o, Literal) and o.datatype == XSD.string else o)
        for s, p, o in whole.reason()
    }
    reasoner = ReferenceReasoner(ontology)
    entailed = reasoner.entailments(data)
    assert entailed and entailed <= expected
    assert entailed == {t for t in expected - set(data) - set(ontology) if reasoner._keep(t)}
