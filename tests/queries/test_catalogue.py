"""The catalogue as a whole: every ``.rq`` parses, carries complete metadata, uses only
terms of the ontology, binds its parameters where it says; the dashboard's queries exist
with their variables."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from kg.graph import KnowledgeGraph
from kg.queries import SavedQuery, bound_sparql, results_json, saved_queries
from kg.queries.catalogue import SAVED_DIR
from kg.queries.terms import PARSERS
from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM

QUERIES = list(saved_queries().values())
BY_NAME = pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
SAMPLES = {
    "IRI": "http://example.org/id/sample",
    "xsd:string": 'a "quoted" text\\ with } braces # and a new\nline',
    "xsd:date": "2025-01-31",
    "xsd:dateTime": "2025-01-31T10:00:00Z",
    "xsd:integer": "3",
    "xsd:decimal": "1.5",
    "xsd:boolean": "true",
}
# The dashboard charts these: the name and the variables its head starts with.
DASHBOARD = {
    "knowledge-flows-by-month": ["month", "direction", "count"],
    "interactions-by-sphere-and-style": ["sphere", "style", "count"],
    "partner-motives-and-needs": ["kind", "label", "count"],
    "contributions-by-value-area": ["valueArea", "count"],
    "alignment-outcome-by-ri-practice": ["practice", "alignment", "outcome", "count"],
}
_CKM_TERM = re.compile(r"(?:\bckm:|<https://w3id\.org/ckm#)([A-Za-z_][A-Za-z0-9_]*)")


@pytest.fixture(scope="module")
def ontology_terms() -> set[URIRef]:
    ontology = Graph().parse(ONTOLOGY_TTL, format="turtle")
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef)}


def test_there_are_at_least_thirty_queries_one_per_file():
    assert len(QUERIES) >= 30
    assert sorted(p.stem for p in SAVED_DIR.glob("*.rq")) == sorted(saved_queries())


def test_the_catalogue_is_read_once_and_cannot_be_changed():
    assert saved_queries() is saved_queries()
    assert isinstance(saved_queries(), Mapping)
    with pytest.raises(TypeError):
        saved_queries()["new"] = QUERIES[0]  # type: ignore[index]


@BY_NAME
def test_the_metadata_is_complete(query: SavedQuery):
    assert query.title and query.question.endswith("?")
    assert query.concepts and all(c.startswith(("ckm:", "prov:")) for c in query.concepts)
    assert query.sources and all(re.search(r"\(\d{4}|seed|seeds-", s) for s in query.sources)
    for parameter in query.parameters:
        assert parameter.datatype in PARSERS
        assert parameter.description
    as_dict = query.as_dict()
    assert set(as_dict) >= {"name", "title", "question", "parameters", "concepts", "sources"}
    assert json.loads(json.dumps(as_dict)) == as_dict


@BY_NAME
def test_the_query_parses_as_written_and_with_every_parameter_bound(query: SavedQuery):
    assert parseQuery(query.sparql)[1].name == "SelectQuery"
    values = {p.name: SAMPLES[p.datatype] for p in query.parameters}
    assert parseQuery(bound_sparql(query.name, values))[1].name == "SelectQuery"


@BY_NAME
def test_every_ckm_term_exists_in_the_ontology(query: SavedQuery, ontology_terms):
    used = set(_CKM_TERM.findall(query.sparql)) | {c[4:] for c in query.concepts if c[:4] == "ckm:"}
    assert {t for t in used if CKM[t] not in ontology_terms} == set()


@BY_NAME
def test_the_file_as_written_is_the_query_with_its_defaults(
    query: SavedQuery, analysts: KnowledgeGraph
):
    raw = json.loads(analysts.query_serialized(query.sparql, "application/sparql-results+json"))
    assert raw == results_json(analysts, query.name, {})


@BY_NAME
def test_every_parameter_is_bound_in_a_values_clause(query: SavedQuery):
    bound = {name for clause in query.clauses for name in clause.names}
    assert bound == {p.name for p in query.parameters}


@pytest.mark.parametrize("name", DASHBOARD)
def test_the_dashboard_queries_exist_with_their_variables(name: str, analysts: KnowledgeGraph):
    head = results_json(analysts, name, {})["head"]["vars"]
    assert head[: len(DASHBOARD[name])] == DASHBOARD[name]
    # The rest are readable labels of the IRIs before them.
    assert all(v.endswith("Label") or v == "concept" for v in head[len(DASHBOARD[name]) :])


def test_the_dashboard_queries_take_a_firm_and_a_period():
    for name in DASHBOARD:
        parameters = {p.name: p.datatype for p in saved_queries()[name].parameters}
        assert parameters.get("firm") == "IRI"
    for name in set(DASHBOARD) - {"partner-motives-and-needs"}:
        parameters = {p.name: p.datatype for p in saved_queries()[name].parameters}
        assert parameters.get("from") == parameters.get("to") == "xsd:date"
