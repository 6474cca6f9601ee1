"""A write re-validates the stored nodes whose verdict it can change, read from the
shapes (kg/shape_paths.py). That reading missed a shape that is its own class (an
implicit class target, SHACL §2.1.3.3), the queries of SPARQL-based components (§6),
and the triple patterns of a SHACL-SPARQL query that appear only inside FILTER NOT
EXISTS or as a property path: removing the type of a person's address left the person
invalid in the store without a word, and moving a customer to another firm did not
report the interactions of the old firm (CKM shape Interaction-customerOfFirm).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg import KnowledgeGraph, ValidationRefused
from kg.config import Settings
from kg.vocab import DATA_GRAPH
from kg.write.delta import Delta
from tests.kg.conftest import data_quads, iri, turtle_delta
from tests.regressions.shacl_cases import EX, PREFIXES

SHAPES = """
ex:Person a rdfs:Class, sh:NodeShape ;
    sh:property [ sh:path ex:address ; sh:class ex:Address ] .
ex:HasCityComponent a sh:ConstraintComponent ;
    sh:parameter [ sh:path ex:needsCity ] ;
    sh:nodeValidator [ a sh:SPARQLSelectValidator ; sh:select \"\"\"
        SELECT $this WHERE { $this <http://example.org/address> ?a .
            FILTER NOT EXISTS { ?a <http://example.org/city> ?c } }\"\"\" ] .
ex:Resident sh:targetClass ex:Resident ; ex:needsCity true .
"""
DATA = """
ex:ann a ex:Person ; ex:address ex:home .
ex:bob a ex:Resident ; ex:address ex:flat .
ex:home a ex:Address .
ex:flat ex:city ex:vaduz .
"""


@pytest.fixture
def graph(tmp_path: Path):
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(PREFIXES + SHAPES, encoding="utf-8")
    graph = KnowledgeGraph.open(Settings(store=tmp_path / "store", extra_shapes=(shapes,)))
    data = Graph().parse(data=PREFIXES + DATA, format="turtle")
    graph.write(Delta(added=frozenset((s, p, o, DATA_GRAPH) for s, p, o in data)))
    yield graph
    graph.close()


def removing(*triples) -> Delta:
    return Delta(removed=frozenset((s, p, o, DATA_GRAPH) for s, p, o in triples))


def test_untyping_the_address_of_an_implicit_target_is_refused(graph: KnowledgeGraph):
    with pytest.raises(ValidationRefused) as refused:
        graph.write(removing((EX.home, RDF.type, EX.Address)))
    assert {r.focus_node for r in refused.value.report.violations} == {str(EX.ann)}


def test_removing_the_city_a_component_reads_is_refused(graph: KnowledgeGraph):
    with pytest.raises(ValidationRefused) as refused:
        graph.write(removing((EX.flat, EX.city, EX.vaduz)))
    assert {r.focus_node for r in refused.value.report.violations} == {str(EX.bob)}


def test_a_pattern_only_inside_not_exists_is_followed(small):
    """small.ttl: i42 is MedSoft's interaction with Acme; Acme moves to another firm."""
    small.write(turtle_delta('ex:other a ckm:SME ; rdfs:label "Other" ; ckm:country "LI" .'))
    delta = Delta(
        removed=data_quads("ex:acme ckm:customerOf ex:medsoft ."),
        added=data_quads("ex:acme ckm:customerOf ex:other ."),
    )
    reported = {(r.focus_node, r.source_shape) for r in small.check(delta).results}
    assert (str(iri("i42")), "https://w3id.org/ckm/shapes#Interaction-customerOfFirm") in reported
