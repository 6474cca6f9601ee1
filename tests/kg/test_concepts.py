"""``KnowledgeGraph.add_concept`` and the schemes (issue 17 E2), on the store holding
small.ttl (workshop i42 in the joint sphere, with Acme)."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import ConceptRefused, UnknownScheme, ValidationRefused
from kg.graph import KnowledgeGraph
from tests.kg.conftest import dump_bytes, turtle_delta

CKM = "https://w3id.org/ckm#"
SCHEME = "ResourceIntegratingPracticeScheme"


def test_a_concept_is_written_with_its_class_and_scheme(small: KnowledgeGraph):
    iri, receipt = small.add_concept(SCHEME, "  Joint   budgeting ", "Planning together.")
    said = {(p, o) for _s, p, o, _g in small.description(iri)}
    assert (RDF.type, SKOS.Concept) in said
    assert (RDF.type, URIRef(CKM + "ResourceIntegratingPractice")) in said
    assert (SKOS.inScheme, URIRef(CKM + SCHEME)) in said
    assert {str(o) for p, o in said if p == SKOS.prefLabel} == {"Joint budgeting"}
    assert receipt.added == 6 and receipt.activity is not None


def test_a_broader_concept_must_be_in_the_scheme(small: KnowledgeGraph):
    before = dump_bytes(small)
    with pytest.raises(ConceptRefused):
        small.add_concept(SCHEME, "Budgeting", "x", broader=URIRef(CKM + "Workshop"))
    assert dump_bytes(small) == before
    iri, _ = small.add_concept(
        SCHEME, "Budget review", "x", broader=URIRef(CKM + "DiagnosingAndDesigning")
    )
    assert (iri, SKOS.broader, URIRef(CKM + "DiagnosingAndDesigning")) in {
        q[:3] for q in small.description(iri)
    }


def test_an_unknown_scheme_names_the_known_ones(small: KnowledgeGraph):
    with pytest.raises(UnknownScheme, match="ValueSphereScheme"):
        small.add_concept("RIScheme", "Budgeting", "x")


def test_a_used_concept_cannot_leave_its_scheme(small: KnowledgeGraph):
    # The scope of a write follows the shapes' paths through sh:or into the node shape:
    # removing the concept's skos:inScheme re-validates the interaction that uses it.
    iri, _ = small.add_concept(SCHEME, "Joint budgeting", "Planning together.")
    small.write(turtle_delta(f"ex:i42 ckm:riPractice <{iri}> ."))
    with pytest.raises(ValidationRefused) as refused:
        small.update(
            f"DELETE DATA {{ GRAPH <urn:ckm:graph:data> {{ <{iri}> <{SKOS.inScheme}> "
            f"<{CKM}{SCHEME}> }} }}"
        )
    assert {str(r.source_shape) for r in refused.value.report.results} == {
        "https://w3id.org/ckm/shapes#Interaction-riPractice"
    }


def test_the_schemes_list_the_firms_concepts_after_the_ontologys(small: KnowledgeGraph):
    small.add_concept(SCHEME, "Joint budgeting", "Planning together.")
    (scheme,) = [s for s in small.schemes() if s.name == SCHEME]
    assert [(c.label, c.added) for c in scheme.concepts][-2:] == [
        ("supporting and assisting", False),
        ("Joint budgeting", True),
    ]
