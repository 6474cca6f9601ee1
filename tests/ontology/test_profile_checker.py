"""The OWL API profile checker itself: it must catch what Protégé would complain about."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ontology_tools.owlapi import check_dl_profile

pytestmark = [pytest.mark.java, pytest.mark.usefixtures("java_available")]

BAD_ONTOLOGY = """
@prefix : <http://example.org/t#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://example.org/t> a owl:Ontology .
:A a owl:Class .
:p a owl:ObjectProperty , owl:DatatypeProperty .
:B rdfs:subClassOf :A .
"""

GOOD_ONTOLOGY = """
@prefix : <http://example.org/t#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://example.org/t> a owl:Ontology .
:A a owl:Class .
:B a owl:Class ; rdfs:subClassOf :A .
:p a owl:ObjectProperty ; rdfs:domain :A ; rdfs:range :B .
"""


def test_punning_between_property_kinds_and_undeclared_classes_are_violations(tmp_path: Path):
    path = tmp_path / "bad.ttl"
    path.write_text(BAD_ONTOLOGY)
    report = check_dl_profile(path)
    assert not report.in_dl_profile
    assert any("pun between properties" in v and "t#p" in v for v in report.violations)
    assert any("undeclared class" in v and "t#B" in v for v in report.violations)


def test_a_clean_ontology_has_no_violations_and_counts_its_axioms(tmp_path: Path):
    path = tmp_path / "good.ttl"
    path.write_text(GOOD_ONTOLOGY)
    report = check_dl_profile(path)
    assert report.violations == []
    assert report.unparsed_triples == []
    # 3 declarations, 1 subclass, domain and range.
    assert report.axiom_count == 6
