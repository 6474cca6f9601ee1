"""SPARQL 1.1 Protocol (W3C Recommendation, 21 March 2013), one test per requirement.

Section numbers refer to https://www.w3.org/TR/sparql11-protocol/.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph

from kg.demo_integrator import CASE_CUSTOMERS
from tests.api.conftest import ADMIN, WRITER, App

# The demo fixture: 20 generated customers and the 5 integrators of the TechCo case.
CUSTOMERS = 20 + CASE_CUSTOMERS

# Tests of ``small`` run on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True

PREFIX = "PREFIX ckm: <https://w3id.org/ckm#>\n"
COUNT_CUSTOMERS = PREFIX + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckm:Customer }"
G1 = "http://example.org/g1"
G2 = "http://example.org/g2"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT_QUERY = {"Content-Type": "application/sparql-query"}
DIRECT_UPDATE = {"Content-Type": "application/sparql-update"}


def problem(response) -> dict:
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == response.status_code
    return body


def count(response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def two_graphs(small: App) -> App:
    """``small`` plus ex:a in graph g1 and ex:b in graph g2."""
    update = (
        f"INSERT DATA {{ GRAPH <{G1}> {{ <http://example.org/a> <http://example.org/p> 1 }}"
        f" GRAPH <{G2}> {{ <http://example.org/b> <http://example.org/p> 2 }} }}"
    )
    response = small.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    assert response.status_code == 200, response.text
    return small


# -- 2.1 query operation ----------------------------------------------------------------


def test_query_via_get(demo: App):
    """§2.1.1 query via GET: the query in the ``query`` parameter of the URL."""
    assert count(demo.client.get("/sparql", params={"query": COUNT_CUSTOMERS})) == CUSTOMERS


def test_query_via_post_form(demo: App):
    """§2.1.2 query via POST with URL-encoded parameters."""
    response = demo.client.post("/sparql", data={"query": COUNT_CUSTOMERS})
    assert count(response) == CUSTOMERS


def test_query_via_post_directly(demo: App):
    """§2.1.3 query via POST directly: the body is the query, application/sparql-query."""
    response = demo.client.post("/sparql", content=COUNT_CUSTOMERS, headers=DIRECT_QUERY)
    assert count(response) == CUSTOMERS


def test_protocol_default_graph_uri_sets_the_default_graph(two_graphs: App):
    """§2.1.4: default-graph-uri names the graphs merged into the default graph."""
    query = "SELECT ?s WHERE { ?s <http://example.org/p> ?o }"
    response = two_graphs.client.get("/sparql", params={"query": query, "default-graph-uri": G1})
    rows = response.json()["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == ["http://example.org/a"]


def test_protocol_named_graph_uri_sets_the_named_graphs(two_graphs: App):
    """§2.1.4: named-graph-uri names the named graphs; repeated parameters all count."""
    query = "SELECT ?g WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } } ORDER BY ?g"
    response = two_graphs.client.post("/sparql", data={"query": query, "named-graph-uri": [G1, G2]})
    rows = response.json()["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [G1, G2]
    response = two_graphs.client.get("/sparql", params={"query": query, "named-graph-uri": G2})
    assert [r["g"]["value"] for r in response.json()["results"]["bindings"]] == [G2]


def test_protocol_dataset_takes_precedence_over_from(two_graphs: App):
    """§2.1.4: a dataset in the protocol overrides FROM / FROM NAMED in the query."""
    query = f"SELECT ?s FROM <{G2}> WHERE {{ ?s <http://example.org/p> ?o }}"
    response = two_graphs.client.post(
        "/sparql", content=query, headers=DIRECT_QUERY, params={"default-graph-uri": G1}
    )
    assert [r["s"]["value"] for r in response.json()["results"]["bindings"]] == [
        "http://example.org/a"
    ]


@pytest.mark.parametrize(
    ("accept", "served"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_formats(demo: App, accept: str, served: str):
    """§2.1.5 accepted response formats: SELECT in SPARQL XML, JSON, CSV, TSV, by Accept."""
    response = demo.client.get(
        "/sparql", params={"query": COUNT_CUSTOMERS}, headers={"Accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == served
    if served == "text/csv":
        assert list(csv.reader(io.StringIO(response.text))) == [["n"], [str(CUSTOMERS)]]
    if served == "text/tab-separated-values":
        assert response.text.splitlines()[0] == "?n"
        assert response.text.splitlines()[1].startswith(f'"{CUSTOMERS}"^^')


def test_ask_results_formats(demo: App):
    """§2.1.5: ASK answers in SPARQL JSON and XML."""
    query = PREFIX + "ASK { ?c a ckm:Customer }"
    answer = demo.client.get("/sparql", params={"query": query})
    assert answer.json()["boolean"] is True
    xml = demo.client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert "<boolean>true</boolean>" in xml.text


@pytest.mark.parametrize(
    "accept",
    [
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
        "application/n-quads",
        "application/trig",
    ],
)
def test_construct_results_formats(demo: App, accept: str):
    """§2.1.5: CONSTRUCT and DESCRIBE answer in an RDF serialisation, by Accept."""
    query = PREFIX + "CONSTRUCT { ?c a ckm:Customer } WHERE { ?c a ckm:Customer }"
    response = demo.client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    parsed = Graph().parse(
        data=response.content,
        format={
            "text/turtle": "turtle",
            "application/n-triples": "nt",
            "application/ld+json": "json-ld",
            "application/rdf+xml": "xml",
            "application/n-quads": "nquads",
            "application/trig": "trig",
        }[accept],
    )
    assert len(parsed) == CUSTOMERS


def test_describe_defaults_to_turtle(demo: App):
    """§2.1.5: a DESCRIBE without Accept gets an RDF graph (Turtle)."""
    response = demo.client.get(
        "/sparql", params={"query": PREFIX + "DESCRIBE ?c WHERE { ?c a ckm:Customer } LIMIT 1"}
    )
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.text, format="turtle")) > 0


def test_nothing_acceptable_is_406(demo: App):
    """§2.1.5 / RFC 9110 §15.5.7: no acceptable format gives 406 with a problem body."""
    response = demo.client.get(
        "/sparql", params={"query": COUNT_CUSTOMERS}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert "text/csv" in problem(response)["detail"]


def test_query_syntax_error_is_400(demo: App):
    """§2.1.7 failure responses: a syntactically invalid query is 400 Bad Request."""
    response = demo.client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x "})
    assert response.status_code == 400
    assert "line 1" in problem(response)["detail"]


def test_several_query_parameters_are_400(demo: App):
    """§2.1: a request includes exactly one query string; two are 400."""
    response = demo.client.get("/sparql", params={"query": [COUNT_CUSTOMERS, COUNT_CUSTOMERS]})
    assert response.status_code == 400
    problem(response)


def test_query_and_update_together_are_400(small: App):
    """§2.1.2 / §2.2.1: a form carries either query or update, not both."""
    before = small.dump()
    response = small.client.post(
        "/sparql",
        data={"query": COUNT_CUSTOMERS, "update": "INSERT DATA { <x:a> <x:b> <x:c> }"},
        headers=WRITER,
    )
    assert response.status_code == 400
    problem(response)
    assert small.dump() == before


def test_missing_query_in_form_is_400(demo: App):
    """§2.1.2: a form POST without a query (or update) parameter is 400."""
    response = demo.client.post("/sparql", data={"default-graph-uri": G1})
    assert response.status_code == 400
    problem(response)


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", None])
def test_wrong_or_missing_media_type_is_415(demo: App, content_type: str | None):
    """§2.1.3 / §2.2.2: a POST body must be form, sparql-query or sparql-update."""
    headers = {"Content-Type": content_type} if content_type else {}
    response = demo.client.post("/sparql", content=COUNT_CUSTOMERS, headers=headers)
    assert response.status_code == 415
    problem(response)


def test_non_utf8_query_is_400(demo: App):
    """§2.1.3: the body is UTF-8; anything else is 400."""
    response = demo.client.post(
        "/sparql", content="SELECT * WHERE { ?s ?p 'é' }".encode("latin-1"), headers=DIRECT_QUERY
    )
    assert response.status_code == 400
    problem(response)


def test_other_methods_are_405(demo: App):
    """§2.1: the query operation is GET or POST; PUT is refused."""
    response = demo.client.put("/sparql", content=COUNT_CUSTOMERS, headers=DIRECT_QUERY)
    assert response.status_code == 405


def test_get_without_query_is_a_service_description(demo: App):
    """§2 and SPARQL 1.1 Service Description §2: GET on the endpoint describes it."""
    response = demo.client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    description = Graph().parse(data=response.text, format="turtle")
    answer = description.query(
        "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
        "ASK { ?s a sd:Service ; sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update ;"
        " sd:endpoint <http://testserver/sparql> }"
    )
    assert answer.askAnswer


def test_service_is_refused_by_default(demo: App):
    """SPARQL 1.1 Federated Query: SERVICE calls out, so it is disabled unless allowed."""
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    response = demo.client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in problem(response)["detail"]


def test_the_word_service_in_a_string_is_not_refused(demo: App):
    """A SERVICE inside a literal is data, not a keyword."""
    query = 'SELECT * WHERE { ?s ?p "SERVICE desk" }'
    assert demo.client.get("/sparql", params={"query": query}).status_code == 200


# -- 2.2 update operation ---------------------------------------------------------------

INSERT_A = 'INSERT DATA { <http://example.org/x> <http://example.org/note> "hello" }'
ASK_A = 'ASK { <http://example.org/x> <http://example.org/note> "hello" }'


def asks(app: App, query: str) -> bool:
    return app.client.get("/sparql", params={"query": query}).json()["boolean"]


def test_update_via_post_form(small: App):
    """§2.2.1 update via POST with URL-encoded parameters."""
    response = small.client.post("/sparql", data={"update": INSERT_A}, headers=WRITER)
    assert response.status_code == 200, response.text
    assert asks(small, ASK_A)


def test_update_via_post_directly(small: App):
    """§2.2.2 update via POST directly, application/sparql-update."""
    response = small.client.post("/sparql", content=INSERT_A, headers=DIRECT_UPDATE | WRITER)
    assert response.status_code == 200
    assert response.json()["added"] == 1
    assert asks(small, ASK_A)


def test_update_via_get_is_400(small: App):
    """§2.2: the update operation is POST only; GET with update is refused."""
    before = small.dump()
    response = small.client.get("/sparql", params={"update": INSERT_A}, headers=ADMIN)
    assert response.status_code == 400
    problem(response)
    assert small.dump() == before


def test_several_update_parameters_are_400(small: App):
    """§2.2.1: exactly one update string per request."""
    response = small.client.post("/sparql", data={"update": [INSERT_A, INSERT_A]}, headers=WRITER)
    assert response.status_code == 400
    assert not asks(small, ASK_A)


def test_update_syntax_error_is_400_and_writes_nothing(small: App):
    """§2.2.5 failure responses: a syntactically invalid update is 400."""
    before = small.dump()
    response = small.client.post(
        "/sparql", content="INSERT DATA { <x:a> <x:b> ", headers=DIRECT_UPDATE | WRITER
    )
    assert response.status_code == 400
    problem(response)
    assert small.dump() == before


def test_non_utf8_update_is_400(small: App):
    """§2.2.2: the update body is UTF-8."""
    response = small.client.post(
        "/sparql",
        content=INSERT_A.replace("hello", "hé").encode("latin-1"),
        headers=DIRECT_UPDATE | WRITER,
    )
    assert response.status_code == 400


def test_update_using_graph_uri(two_graphs: App):
    """§2.2.3: using-graph-uri sets the default graph the WHERE clause reads."""
    update = "INSERT { ?s <http://example.org/seen> true } WHERE { ?s <http://example.org/p> ?o }"
    response = two_graphs.client.post(
        "/sparql", data={"update": update, "using-graph-uri": G2}, headers=WRITER
    )
    assert response.status_code == 200, response.text
    assert asks(two_graphs, "ASK { <http://example.org/b> <http://example.org/seen> true }")
    assert not asks(two_graphs, "ASK { <http://example.org/a> <http://example.org/seen> true }")


def test_using_graph_uri_with_using_in_the_request_is_400(two_graphs: App):
    """§2.2.3: protocol USING parameters together with USING/WITH in the request: 400."""
    update = (
        f"INSERT {{ ?s <http://example.org/seen> true }} USING <{G1}> "
        "WHERE { ?s <http://example.org/p> ?o }"
    )
    response = two_graphs.client.post(
        "/sparql",
        content=update,
        headers=DIRECT_UPDATE | WRITER,
        params={"using-graph-uri": G2},
    )
    assert response.status_code == 400
    problem(response)


def test_a_refused_update_is_422_with_the_report_and_writes_nothing(small: App):
    """The write road: an update breaking a SHACL Violation is refused whole."""
    before = small.dump()
    update = (
        "PREFIX ckm: <https://w3id.org/ckm#>\n"
        "INSERT DATA { <http://example.org/id/i42> ckm:satisfaction 9 . "
        '<http://example.org/x> <http://example.org/note> "rides along" }'
    )
    response = small.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    assert response.status_code == 422
    report = problem(response)["report"]
    assert report["conforms"] is False
    assert any(r["resultPath"] == "https://w3id.org/ckm#satisfaction" for r in report["results"])
    assert small.dump() == before


def test_an_update_into_a_system_graph_is_403(small: App):
    """System graphs (ontology, inferred, provenance) are maintained by the system."""
    before = small.dump()
    update = "INSERT DATA { GRAPH <urn:ckm:graph:ontology> { <x:a> <x:b> <x:c> } }"
    response = small.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    assert response.status_code == 403
    assert "urn:ckm:graph:ontology" in problem(response)["detail"]
    assert small.dump() == before


def test_load_is_refused(small: App):
    """LOAD would fetch a URL; it is disabled unless CKM_ALLOW_LOAD."""
    response = small.client.post(
        "/sparql", content="LOAD <http://127.0.0.1:1/x.ttl>", headers=DIRECT_UPDATE | WRITER
    )
    assert response.status_code == 400
    assert "LOAD" in problem(response)["detail"]


def test_update_response_is_json(small: App):
    """§2.2.4 success responses: 2XX; the body here reports what was written."""
    response = small.client.post("/sparql", content=INSERT_A, headers=DIRECT_UPDATE | WRITER)
    assert json.loads(response.text)["report"]["conforms"] is True
