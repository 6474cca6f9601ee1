"""Parameters: parsed into typed terms, checked, bound in the VALUES clauses; user text is
never pasted into a query. Unknown queries and parameters, broken ``.rq`` files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.graph import KnowledgeGraph
from kg.queries import (
    BadParameter,
    QueryDefinitionError,
    UnknownQuery,
    bound_sparql,
    results_json,
    saved_queries,
)
from kg.queries.catalogue import load_query
from kg.queries.terms import parse_term, sparql_term
from kg.store.base import DumpFormat
from tests.queries.conftest import rows

INJECTION = '"> } ; DROP ALL #'


def dump(graph: KnowledgeGraph) -> bytes:
    buffer = io.BytesIO()
    graph.dump(buffer, DumpFormat.NQUADS)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))


# -- typed values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("datatype", "text", "term"),
    [
        ("IRI", "http://example.org/id/acme", URIRef("http://example.org/id/acme")),
        ("IRI", "ckm:Discount", URIRef("https://w3id.org/ckm#Discount")),
        ("xsd:date", "2025-02-03", Literal("2025-02-03", datatype=XSD.date)),
        (
            "xsd:dateTime",
            "2025-02-03T10:00:00Z",
            Literal("2025-02-03T10:00:00+00:00", datatype=XSD.dateTime),
        ),
        ("xsd:integer", "+007", Literal("7", datatype=XSD.integer)),
        ("xsd:decimal", "30", Literal("30", datatype=XSD.decimal)),
        ("xsd:decimal", "0.25", Literal("0.25", datatype=XSD.decimal)),
        ("xsd:boolean", "TRUE", Literal("true", datatype=XSD.boolean)),
        ("xsd:string", "", Literal("")),
    ],
)
def test_values_become_typed_terms(datatype: str, text: str, term):
    assert parse_term(datatype, text) == term


@pytest.mark.parametrize(
    ("datatype", "text"),
    [
        ("IRI", INJECTION),
        ("IRI", "http://example.org/a> } ; DROP ALL #"),
        ("IRI", "not an iri"),
        ("IRI", "relative/path"),
        ("IRI", ""),
        ("xsd:date", "2025-13-01"),
        ("xsd:date", "03/02/2025"),
        ("xsd:date", '2025-01-01"^^<x> } #'),
        ("xsd:dateTime", "2025-02-03T10:00:00"),
        ("xsd:integer", "1.5"),
        ("xsd:integer", "1 ; DROP ALL"),
        ("xsd:decimal", "1e3"),
        ("xsd:boolean", "yes"),
    ],
)
def test_values_of_the_wrong_type_are_refused(datatype: str, text: str):
    with pytest.raises(ValueError):
        parse_term(datatype, text)


def test_strings_are_written_escaped():
    written = sparql_term(Literal('say "hi"\\ \n } #'))
    assert written == '"say \\"hi\\"\\\\ \\n } #"'


# -- binding --------------------------------------------------------------------------


def test_a_wrong_value_is_an_error_naming_the_parameter_and_the_query():
    with pytest.raises(BadParameter) as raised:
        bound_sparql("knowledge-flows-by-month", {"from": "last week"})
    assert raised.value.parameter == "from"
    assert raised.value.query == "knowledge-flows-by-month"
    assert "'from'" in str(raised.value) and "YYYY-MM-DD" in str(raised.value)


def test_an_injection_attempt_in_an_iri_is_refused(analysts: KnowledgeGraph):
    before = dump(analysts)
    with pytest.raises(BadParameter) as raised:
        results_json(analysts, "knowledge-flows-by-month", {"firm": INJECTION})
    assert raised.value.parameter == "firm"
    assert dump(analysts) == before


def test_an_injection_attempt_in_a_string_stays_a_literal(analysts: KnowledgeGraph):
    before = dump(analysts)
    sparql = bound_sparql("knowledge-search", {"text": INJECTION})
    assert '("\\"> } ; DROP ALL #" UNDEF)' in sparql
    assert rows(results_json(analysts, "knowledge-search", {"text": INJECTION})) == []
    assert dump(analysts) == before


def test_values_go_into_every_clause_of_the_parameter():
    sparql = bound_sparql(
        "customers-without-direct-interaction", {"from": "2025-01-01", "firm": "ckm:X"}
    )
    term = '"2025-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert (
        sparql.count(f"VALUES (?firm ?from ?to) {{ (<https://w3id.org/ckm#X> {term} UNDEF) }}") == 2
    )


def test_defaults_apply_and_absent_optional_parameters_stay_unbound():
    sparql = bound_sparql("crowding-out-risk", {})
    assert "VALUES (?firm ?reward) { (UNDEF <https://w3id.org/ckm#MonetaryReward>) }" in sparql
    query = saved_queries()["crowding-out-risk"]
    assert query.parameter("reward").default == "https://w3id.org/ckm#MonetaryReward"
    assert query.parameter("firm").default is None


def test_an_unknown_parameter_is_an_error_listing_the_known_ones():
    with pytest.raises(BadParameter) as raised:
        bound_sparql("knowledge-flows-by-month", {"company": "http://example.org/x"})
    assert raised.value.parameter == "company"
    assert "firm, from, to" in str(raised.value)


def test_an_unknown_query_is_an_error_listing_the_known_ones(analysts: KnowledgeGraph):
    with pytest.raises(UnknownQuery) as raised:
        results_json(analysts, "no-such-query", {})
    assert isinstance(raised.value, LookupError)
    assert "knowledge-flows-by-month" in str(raised.value)


# -- broken files ---------------------------------------------------------------------

HEADER = """# title: A test query
# question: What does it say?
# param: firm IRI -- a firm
# concepts: ckm:Firm
# source: Lettner, Wilhelm, Guldenberg & Güttel (2022)
"""
BODY = "SELECT ?firm WHERE { VALUES (?firm) { (UNDEF) } ?firm a <https://w3id.org/ckm#Firm> }\n"


def write(tmp_path: Path, text: str, name: str = "test-query") -> Path:
    path = tmp_path / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_well_formed_file_loads(tmp_path: Path):
    query = load_query(write(tmp_path, HEADER + BODY))
    assert (query.name, query.title, query.concepts) == (
        "test-query",
        "A test query",
        ("ckm:Firm",),
    )
    assert [p.name for p in query.parameters] == ["firm"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER.replace("# title: A test query\n", "") + BODY, "'title'"),
        (HEADER.replace("# source:", "# origin:") + BODY, "unknown header field"),
        (HEADER.replace("firm IRI", "firm xsd:float") + BODY, "has type"),
        (HEADER.replace("firm IRI --", "firm xsd:date = tomorrow --") + BODY, "default"),
        (HEADER.replace("firm IRI --", "firm IRI = ckm:Firm --") + BODY, "must hold the defaults"),
        (HEADER + BODY.replace("VALUES (?firm) { (UNDEF) }", ""), "in no VALUES clause"),
        (HEADER + BODY.replace("(?firm) { (UNDEF) }", "(?firm ?x) { (UNDEF 1) }"), "mixes"),
        (HEADER + BODY.replace("(?firm) { (UNDEF) }", "?firm { UNDEF }"), "bind parameter"),
        (
            HEADER.replace("param: firm", "param: format") + BODY.replace("firm", "format"),
            "reserved",
        ),
        (HEADER.replace("ckm:Firm", "Firm") + BODY, "not a known CURIE"),
        (HEADER.replace("-- a firm", "a firm") + BODY, "malformed param"),
    ],
)
def test_a_broken_file_is_refused_saying_why(tmp_path: Path, text: str, message: str):
    with pytest.raises(QueryDefinitionError, match=message):
        load_query(write(tmp_path, text))


def test_a_file_name_must_be_lower_case_words(tmp_path: Path):
    with pytest.raises(QueryDefinitionError):
        load_query(write(tmp_path, HEADER + BODY, name="Test_Query"))
