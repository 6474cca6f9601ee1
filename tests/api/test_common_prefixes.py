"""The common prefixes undeclared at the SPARQL endpoint (issue 19: docs/API.md's first
example used ``rdfs:`` undeclared and got a parser message): queries and updates may use
ckm, rdf, rdfs, owl, xsd, skos, prov, dcterms, foaf and schema without a ``PREFIX``, a
prefix the text declares is its own, and a syntax error names the line as sent."""

from __future__ import annotations

import pytest

from tests.api.conftest import WRITER, App
from tests.api.test_sparql_protocol import problem

pytestmark = pytest.mark.parametrize("backend", ["embedded"])

QUERY = {"Accept": "application/sparql-results+json"}


def _select(small: App, text: str):
    return small.client.post("/sparql", data={"query": text}, headers=QUERY)


def test_a_query_may_use_rdfs_and_ckm_undeclared(small: App):
    answer = _select(small, "SELECT ?l WHERE { ?c a ckm:Customer ; rdfs:label ?l } ORDER BY ?l")
    assert answer.status_code == 200, answer.text
    labels = [row["l"]["value"] for row in answer.json()["results"]["bindings"]]
    assert labels == ["Acme Clinic", "Bella Pharmacy"]  # small.ttl's two customers


def test_a_prefix_the_query_declares_is_its_own(small: App):
    # rdfs: declared as something else: no rdfs:label under that namespace, so no row.
    text = "PREFIX rdfs: <http://example.org/not-rdfs#>\nSELECT ?l WHERE { ?c rdfs:label ?l }"
    answer = _select(small, text)
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"]["bindings"] == []


def test_an_unknown_prefix_is_still_an_error(small: App):
    answer = _select(small, "SELECT * WHERE { ?s nope:p ?o }")  # nope: at column 21
    assert answer.status_code == 400
    detail = problem(answer)["detail"]
    assert "line 1, column 21: the prefix nope: is not declared" in detail, detail


def test_a_syntax_error_names_the_line_as_sent(small: App):
    # Line 2, column 7: LIMIT wants a number where "x" stands (counted by hand).
    answer = _select(small, "SELECT ?l WHERE { ?c rdfs:label ?l }\nLIMIT x")
    assert answer.status_code == 400
    assert "line 2, column 7" in problem(answer)["detail"], answer.text


def test_an_update_may_use_them_undeclared(small: App):
    update = 'INSERT DATA { <http://example.org/id/f9> a ckm:Firm ; rdfs:label "Nine" }'
    done = small.client.post(
        "/sparql", content=update, headers={"Content-Type": "application/sparql-update", **WRITER}
    )
    assert done.status_code == 200, done.text
    assert done.json()["added"] == 2
    asked = _select(small, 'ASK { <http://example.org/id/f9> rdfs:label "Nine" }')
    assert asked.json()["boolean"] is True


def test_an_update_syntax_error_names_the_line_as_sent(small: App):
    before = small.dump()
    # rdflib names the start of the operation that fails: the second, on line 2.
    update = "INSERT DATA { <http://x/a> a ckm:Firm } ;\nINSERT DATA { <http://x/b> rdfs:label }"
    refused = small.client.post(
        "/sparql", content=update, headers={"Content-Type": "application/sparql-update", **WRITER}
    )
    assert refused.status_code == 400
    assert "line 2, column 1" in problem(refused)["detail"], refused.text
    assert small.dump() == before
