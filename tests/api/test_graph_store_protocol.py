"""SPARQL 1.1 Graph Store HTTP Protocol (W3C Recommendation, 21 March 2013).

Section numbers refer to https://www.w3.org/TR/sparql11-http-rdf-update/.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from tests.api.conftest import WRITER, App
from tests.api.test_sparql_protocol import problem

# Tests of ``small`` run on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True

G = "http://example.org/graphs/notes"
NOTE = '<http://example.org/x> <http://example.org/note> "first" .\n'
OTHER = '<http://example.org/y> <http://example.org/note> "second" .\n'
TURTLE = {"Content-Type": "text/turtle"}


def read(app: App, graph: str, accept: str = "text/turtle") -> Graph:
    response = app.client.get("/store", params={"graph": graph}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.text, format="turtle")


def test_put_creates_a_graph_201_then_replaces_it_204(small: App):
    """§5.3 HTTP PUT: 201 Created for a new graph; replacing an existing one is 204."""
    created = small.client.put("/store", params={"graph": G}, content=NOTE, headers=TURTLE | WRITER)
    assert created.status_code == 201, created.text
    replaced = small.client.put(
        "/store", params={"graph": G}, content=OTHER, headers=TURTLE | WRITER
    )
    assert replaced.status_code == 204
    graph = read(small, G)
    assert len(graph) == 1
    assert (None, None, Literal("second")) in graph


def test_post_merges_201_for_a_new_graph_200_after(small: App):
    """§5.5 HTTP POST: the body is merged into the graph; 201 when it creates it, then
    200 with what was added (the W3C manifest's "POST - existing graph"); an empty body
    changes nothing and is 204 (§5.5 "if the request body is empty ... 204")."""
    first = small.client.post("/store", params={"graph": G}, content=NOTE, headers=TURTLE | WRITER)
    assert first.status_code == 201
    assert "location" not in first.headers
    second = small.client.post(
        "/store", params={"graph": G}, content=OTHER, headers=TURTLE | WRITER
    )
    assert second.status_code == 200
    assert second.json() == {"graph": G, "added": 1}
    empty = small.client.post("/store", params={"graph": G}, content="", headers=TURTLE | WRITER)
    assert empty.status_code == 204
    assert len(read(small, G)) == 2


def test_post_to_the_store_creates_a_new_graph_with_a_location(small: App):
    """§5.5: POST to the Graph Store itself makes a new graph, 201 with its IRI in
    Location, different from the store's; the IRI answers GET (direct identification)."""
    response = small.client.post("/store", content=NOTE, headers=TURTLE | WRITER)
    assert response.status_code == 201, response.text
    location = response.headers["location"]
    assert location.startswith("http://testserver/store/")
    assert location != "http://testserver/store/"
    assert (None, None, Literal("first")) in read(small, location)
    direct = small.client.get(location, headers={"Accept": "text/turtle"})
    assert direct.status_code == 200
    again = small.client.post("/store", content=NOTE, headers=TURTLE | WRITER)
    assert again.headers["location"] != location
    nothing = small.client.post("/store", content="", headers=TURTLE | WRITER)
    assert nothing.status_code == 204
    assert "location" not in nothing.headers


def test_direct_identification_is_the_same_graph_as_indirect(small: App):
    """§4.1: ``/store/<path>`` names the graph whose IRI is the request IRI; §4.2 names
    the same graph with ``?graph=`` and that IRI."""
    iri = "http://testserver/store/notes/a%20b.ttl"
    put = small.client.put("/store/notes/a%20b.ttl", content=NOTE, headers=TURTLE | WRITER)
    assert put.status_code == 201, put.text
    assert (None, None, Literal("first")) in read(small, iri)
    head = small.client.head("/store/notes/a%20b.ttl")
    assert head.status_code == 200
    assert head.content == b""
    assert small.client.get("/store/notes/other.ttl").status_code == 404
    both = small.client.get("/store/notes/a%20b.ttl", params={"graph": iri})
    assert both.status_code == 400
    deleted = small.client.delete("/store/notes/a%20b.ttl", headers=WRITER)
    assert deleted.status_code == 204
    assert small.client.get("/store", params={"graph": iri}).status_code == 404


def test_multipart_form_data_post_merges_every_file(small: App):
    """§5.5: a multipart/form-data POST merges each submitted RDF document; a part
    without a Content-Type is read by its file name's extension (§5.5 MAY)."""
    files = [
        ("one", ("one.ttl", NOTE.encode(), "text/turtle")),
        ("two", ("two.nt", OTHER.encode(), "application/octet-stream")),
    ]
    response = small.client.post("/store", params={"graph": G}, files=files, headers=WRITER)
    assert response.status_code == 201, response.text
    assert {str(o) for o in read(small, G).objects()} == {"first", "second"}
    before = small.dump()
    unknown = [("x", ("picture.png", b"\x89PNG", "image/png"))]
    refused = small.client.post("/store", params={"graph": G}, files=unknown, headers=WRITER)
    assert refused.status_code == 415
    field = small.client.post(
        "/store", params={"graph": G}, data={"a": "b"}, files=files[:1], headers=WRITER
    )
    assert field.status_code == 400
    assert small.dump() == before


def test_get_unknown_graph_is_404(demo: App):
    """§5.2 HTTP GET: a graph that does not exist is 404 Not Found."""
    response = demo.client.get("/store", params={"graph": "http://example.org/none"})
    assert response.status_code == 404
    problem(response)


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_get_negotiates_the_syntax(small: App, accept: str, rdflib_format: str):
    """§5.2 HTTP GET with content negotiation (§4.1 of the spec, RFC 9110)."""
    response = small.client.get("/store", params={"default": ""}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (URIRef("http://example.org/id/acme"), None, None) in graph


def test_default_is_the_data_graph(small: App):
    """§4 ``?default`` names the default graph; here the data graph (not the ontology)."""
    graph = Graph().parse(data=small.client.get("/store?default").text, format="turtle")
    assert (URIRef("http://example.org/id/k7"), None, None) in graph
    assert (URIRef("https://w3id.org/ckm#Customer"), None, None) not in graph


def test_head_has_headers_and_no_body(small: App):
    """§5.6 HTTP HEAD: identical to GET without a body."""
    response = small.client.head("/store", params={"default": ""})
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-type"].startswith("text/turtle")
    missing = small.client.head("/store", params={"graph": "http://example.org/none"})
    assert missing.status_code == 404


def test_delete_removes_the_graph_204_then_404(small: App):
    """§5.4 HTTP DELETE: 204 after deleting; a graph that does not exist is 404."""
    small.client.put("/store", params={"graph": G}, content=NOTE, headers=TURTLE | WRITER)
    assert small.client.delete("/store", params={"graph": G}, headers=WRITER).status_code == 204
    assert small.client.get("/store", params={"graph": G}).status_code == 404
    assert small.client.delete("/store", params={"graph": G}, headers=WRITER).status_code == 404


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/n-triples", NOTE),
        (
            "application/ld+json",
            '{"@id": "http://example.org/x", "http://example.org/note": "first"}',
        ),
        (
            "application/rdf+xml",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/x">'
            "<ex:note>first</ex:note></rdf:Description></rdf:RDF>",
        ),
        ("application/n-quads", NOTE),
        ("application/trig", "{ " + NOTE + " }"),
    ],
)
def test_put_reads_every_syntax(small: App, content_type: str, body: str):
    """§5.3: the request body may be any RDF syntax the server supports (Content-Type)."""
    response = small.client.put(
        "/store", params={"graph": G}, content=body, headers={"Content-Type": content_type} | WRITER
    )
    assert response.status_code == 201, response.text
    assert (None, None, Literal("first")) in read(small, G)


def test_unsupported_media_type_is_415(small: App):
    """§5 Status codes: a body in a syntax the server cannot read is 415."""
    before = small.dump()
    response = small.client.put(
        "/store", params={"graph": G}, content=NOTE, headers={"Content-Type": "image/png"} | WRITER
    )
    assert response.status_code == 415
    problem(response)
    assert small.dump() == before


def test_malformed_rdf_is_400_naming_line_and_column(small: App):
    """§5 Status codes: malformed RDF is 400 Bad Request; the problem says where."""
    before = small.dump()
    response = small.client.post(
        "/store",
        params={"graph": G},
        content=NOTE + "<http://example.org/x> <broken .\n",
        headers=TURTLE | WRITER,
    )
    assert response.status_code == 400
    body = problem(response)
    assert body["line"] == 2
    assert "line 2" in body["detail"]
    assert small.dump() == before


@pytest.mark.parametrize("params", [{"graph": G, "default": ""}, {"graph": "not an iri"}])
def test_graph_must_be_named_once_as_an_iri(small: App, params: dict):
    """§4: a request names exactly one graph, by ``graph`` (an IRI) or ``default``.
    (Naming none, GET is the whole store's backup: tests/api/test_online_backup.py.)"""
    response = small.client.get("/store", params=params)
    assert response.status_code == 400
    problem(response)


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_system_graphs_cannot_be_written(small: App, method: str):
    """System graphs are read-only: a write is 403 with the reason."""
    before = small.dump()
    kwargs = {} if method == "delete" else {"content": NOTE, "headers": TURTLE | WRITER}
    kwargs.setdefault("headers", WRITER)
    response = getattr(small.client, method)(
        "/store", params={"graph": "urn:ckm:graph:ontology"}, **kwargs
    )
    assert response.status_code == 403
    assert "maintained by the system" in problem(response)["detail"]
    assert small.dump() == before


def test_system_graphs_can_be_read(demo: App):
    """The ontology graph is readable through the protocol."""
    graph = read(demo, "urn:ckm:graph:ontology")
    assert (URIRef("https://w3id.org/ckm#Customer"), None, None) in graph


def test_invalid_data_is_422_with_the_report(small: App):
    """The write road: a body breaking a Violation is refused whole with the report."""
    before = small.dump()
    body = (
        "@prefix ckm: <https://w3id.org/ckm#> .\n"
        "<http://example.org/id/i42> ckm:satisfaction 9 .\n" + OTHER
    )
    response = small.client.post(
        "/store", params={"default": ""}, content=body, headers=TURTLE | WRITER
    )
    assert response.status_code == 422
    assert problem(response)["report"]["violations"] >= 1
    assert small.dump() == before


def test_blank_nodes_round_trip_as_blank_nodes(small: App):
    """Blank nodes of a PUT body are stored as skolem IRIs (RDF 1.1 §3.5: so a SPARQL
    update can name them) and answered as blank nodes, with the same label each time:
    the graph read back is the graph written."""
    body = "[] <http://example.org/note> 'anonymous' ; <http://example.org/next> [] ."
    small.client.put("/store", params={"graph": G}, content=body, headers=TURTLE | WRITER)
    graph = read(small, G)
    assert isomorphic(graph, Graph().parse(data=body, format="turtle"))
    assert all(isinstance(s, BNode) for s in graph.subjects())

    def note_subject() -> str:
        answer = small.client.get(
            "/store", params={"graph": G}, headers={"Accept": "application/n-triples"}
        )
        [line] = [x for x in answer.text.splitlines() if "<http://example.org/note>" in x]
        return line.split()[0]

    label = note_subject()
    assert label.startswith("_:")
    assert note_subject() == label
    stored = small.client.post(
        "/sparql",
        data={"query": f"SELECT ?s WHERE {{ GRAPH <{G}> {{ ?s <http://example.org/note> ?o }} }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    [row] = stored.json()["results"]["bindings"]
    assert row["s"]["type"] == "uri"
    assert row["s"]["value"].endswith("/.well-known/genid/" + label.removeprefix("_:"))
