"""The Turtle source and its RDF/XML release: both load, and they say the same."""

from __future__ import annotations

from pathlib import Path

import owlready2
from rdflib import Graph

from kg.ontology_tools.diagram import DIAGRAM_DOT, class_diagram_dot
from kg.ontology_tools.release import build_release, release_matches_source
from kg.resources import ONTOLOGY_OWL, ONTOLOGY_TTL


def test_the_release_says_exactly_what_the_turtle_source_says():
    assert release_matches_source(), "run `ckm ontology build` after editing ontology/ckm.ttl"


def test_build_writes_a_release_equal_to_the_source(tmp_path: Path):
    target = tmp_path / "ckm.owl"
    count = build_release(ONTOLOGY_TTL, target)
    assert count == len(Graph().parse(ONTOLOGY_TTL))
    assert release_matches_source(ONTOLOGY_TTL, target)


def test_the_release_loads_in_owlready2_with_the_ckm_classes():
    world = owlready2.World()
    onto = world.get_ontology(ONTOLOGY_OWL.resolve().as_uri()).load()
    names = {c.name for c in onto.classes()}
    assert {"Interaction", "Customer", "KnowledgeFromCustomers", "CKMStyle"} <= names


def test_the_class_diagram_is_current():
    assert DIAGRAM_DOT.read_text(encoding="utf-8") == class_diagram_dot(), (
        "run `ckm ontology diagram` after editing ontology/ckm.ttl"
    )
