"""Every term documented and declared once; every required term present with its kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

CKM = "https://w3id.org/ckm#"
ONTOLOGY_IRI = URIRef("https://w3id.org/ckm")
KINDS = {
    OWL.Class: "Class",
    OWL.ObjectProperty: "ObjectProperty",
    OWL.DatatypeProperty: "DatatypeProperty",
    OWL.AnnotationProperty: "AnnotationProperty",
    OWL.NamedIndividual: "NamedIndividual",
}
REQUIRED_TERMS = Path(__file__).with_name("required_terms.tsv")
VOCABULARY = Path(__file__).resolve().parents[3] / "shared" / "domain" / "VOCABULARY.md"


def required_terms() -> dict[str, str]:
    lines = REQUIRED_TERMS.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return dict(rows[1:])


def ckm_terms(ontology: Graph) -> set[URIRef]:
    return {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(CKM)}


def kinds_of(ontology: Graph, term: URIRef) -> set[str]:
    return {KINDS[t] for t in ontology.objects(term, RDF.type) if t in KINDS}


def test_the_required_list_matches_vocabulary_md():
    if not VOCABULARY.exists():
        pytest.skip("shared/domain/VOCABULARY.md is not beside this checkout")
    mentioned = set(re.findall(r"ckm:([A-Za-z][A-Za-z0-9]*)", VOCABULARY.read_text()))
    assert mentioned == set(required_terms())


@pytest.mark.parametrize(("name", "kind"), sorted(required_terms().items()))
def test_every_required_term_is_declared_with_its_kind(ontology: Graph, name: str, kind: str):
    kinds = kinds_of(ontology, URIRef(CKM + name))
    if kind == "Property":
        assert kinds & {"ObjectProperty", "DatatypeProperty"}, f"ckm:{name} missing"
    else:
        assert kind in kinds, f"ckm:{name} is not declared an owl:{kind} (found {kinds})"


def test_the_header_says_what_protege_and_users_need(ontology: Graph):
    header = ONTOLOGY_IRI
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) == URIRef("https://w3id.org/ckm/2.0.0")
    assert ontology.value(header, OWL.priorVersion) == URIRef("https://w3id.org/ckm/1.0.0")
    for predicate in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert ontology.value(header, predicate) is not None, predicate
    assert ontology.value(header, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert list(ontology.objects(header, DCTERMS.creator))
    vann = "http://purl.org/vocab/vann/"
    assert str(ontology.value(header, URIRef(vann + "preferredNamespacePrefix"))) == "ckm"
    assert str(ontology.value(header, URIRef(vann + "preferredNamespaceUri"))) == CKM
    assert not list(ontology.objects(header, OWL.imports))


def test_every_term_has_label_definition_source_and_is_defined_by(ontology: Graph):
    missing = []
    for term in sorted(ckm_terms(ontology)):
        for predicate in (RDFS.label, SKOS.definition, DCTERMS.source, RDFS.isDefinedBy):
            if ontology.value(term, predicate) is None:
                missing.append(f"{term.removeprefix(CKM)} lacks {ontology.qname(predicate)}")
    assert missing == []


def test_labels_and_definitions_are_english(ontology: Graph):
    wrong = [
        str(s)
        for s in ckm_terms(ontology)
        for p in (RDFS.label, SKOS.definition)
        for o in ontology.objects(s, p)
        if getattr(o, "language", None) != "en"
    ]
    assert wrong == []


def test_every_term_is_declared_exactly_once_without_punning(ontology: Graph):
    entity_kinds = {"Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty"}
    problems = []
    for term in sorted(ckm_terms(ontology)):
        kinds = kinds_of(ontology, term)
        if not kinds:
            problems.append(f"{term} is undeclared")
        elif len(kinds & entity_kinds) > 1 or ("Class" in kinds and "NamedIndividual" in kinds):
            problems.append(f"{term} is declared {sorted(kinds)}")
    assert problems == []


def test_no_ckm_term_is_used_without_being_declared(ontology: Graph):
    declared = ckm_terms(ontology)
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and t.startswith(CKM)}
    assert sorted(used - declared) == []


def test_every_controlled_list_member_is_a_skos_concept_in_a_scheme(ontology: Graph):
    individuals = {s for s in ontology.subjects(RDF.type, OWL.NamedIndividual) if s.startswith(CKM)}
    members = {s for s in individuals if ontology.value(s, SKOS.inScheme) is not None}
    assert len(members) >= 100
    for member in members:
        assert (member, RDF.type, SKOS.Concept) in ontology, member
