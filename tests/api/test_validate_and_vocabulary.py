"""``/validate`` (writes nothing), ``/ontology`` and ``/shapes`` by content negotiation,
``/health``."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, SH

from kg import ONTOLOGY_OWL, ONTOLOGY_TTL
from tests.api.conftest import App
from tests.api.test_sparql_protocol import problem

PREFIXES = (
    "@prefix ckm: <https://w3id.org/ckm#> .\n@prefix ex: <http://example.org/id/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
)
BAD = PREFIXES + "ex:i42 ckm:satisfaction 9 ."
GOOD = PREFIXES + "ex:bella ckm:hasMotive ckm:ReputationMotive ."
TURTLE = {"Content-Type": "text/turtle"}


def test_validate_reports_violations_and_writes_nothing(small: App):
    before = small.dump()
    response = small.client.post("/validate", content=BAD, headers=TURTLE)
    assert response.status_code == 200
    report = response.json()
    assert report["conforms"] is False
    assert report["results"][0]["focusNode"] == "http://example.org/id/i42"
    assert small.dump() == before


def test_validate_conforming_data(small: App):
    response = small.client.post("/validate", content=GOOD, headers=TURTLE)
    assert response.json()["conforms"] is True


def test_validate_answers_a_shacl_report_in_turtle(small: App):
    response = small.client.post(
        "/validate", content=BAD, headers=TURTLE | {"Accept": "text/turtle"}
    )
    report = Graph().parse(data=response.text, format="turtle")
    assert (None, SH.conforms, None) in report


def test_validate_malformed_rdf_is_400(small: App):
    response = small.client.post("/validate", content="ex:a ex:b", headers=TURTLE)
    assert response.status_code == 400
    problem(response)


@pytest.mark.parametrize(
    ("accept", "served", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
@pytest.mark.parametrize("path", ["/ontology", "/shapes"])
def test_vocabulary_documents_negotiate(demo: App, path, accept, served, rdflib_format):
    if path == "/ontology" and accept is None:
        served, rdflib_format = "application/rdf+xml", "xml"  # OWL tools: see below
    headers = {"Accept": accept} if accept else {}
    response = demo.client.get(path, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == served
    assert len(Graph().parse(data=response.content, format=rdflib_format)) > 100


@pytest.mark.parametrize(
    ("headers", "served"),
    [
        ({"Accept": ""}, "application/rdf+xml"),  # owlready2 (urllib) sends no Accept
        ({"Accept": "*/*", "User-Agent": "curl/8.5.0"}, "application/rdf+xml"),
        ({"Accept": "*/*;q=0.8", "User-Agent": "Java/17"}, "application/rdf+xml"),
        # Protégé's OWL API names its preferences: they are honoured.
        (
            {"Accept": "application/rdf+xml, application/xml; q=0.7, */*; q=0.09"},
            "application/rdf+xml",
        ),
        ({"Accept": "text/turtle, */*;q=0.1", "User-Agent": "curl/8.5.0"}, "text/turtle"),
        # A page's fetch() sends */*: browsers keep the table's first syntax.
        ({"Accept": "*/*", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)"}, "text/turtle"),
    ],
)
def test_ontology_without_a_preference_is_rdf_xml_for_owl_tools(demo: App, headers, served):
    """Issue 19: OWL tools open the ontology by URL; RDF/XML is what they all read."""
    response = demo.client.get("/ontology", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == served
    assert "User-Agent" in response.headers["vary"]
    if served == "application/rdf+xml":
        assert response.content == ONTOLOGY_OWL.read_bytes()


@pytest.mark.parametrize(
    ("path", "served", "rdflib_format"),
    [
        ("/ontology.owl", "application/rdf+xml", "xml"),
        ("/ontology.ttl", "text/turtle", "turtle"),
        ("/ontology.jsonld", "application/ld+json", "json-ld"),
        ("/ontology/2.0.0.owl", "application/rdf+xml", "xml"),
        ("/ontology/2.0.0.ttl", "text/turtle", "turtle"),
    ],
)
def test_ontology_files_by_extension_ignore_accept(demo: App, path, served, rdflib_format):
    response = demo.client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == served
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (
        URIRef("https://w3id.org/ckm"),
        OWL.versionIRI,
        URIRef("https://w3id.org/ckm/2.0.0"),
    ) in graph


def test_ontology_release_by_version(demo: App):
    """``/ontology/{version}``: the release of ``owl:versionIRI`` (ontology/ckm.ttl:61)
    negotiates like ``/ontology``; any other version is 404."""
    turtle = demo.client.get("/ontology/2.0.0", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert turtle.content == ONTOLOGY_TTL.read_bytes()
    assert demo.client.get("/ontology/2.0.0").content == ONTOLOGY_OWL.read_bytes()
    for unknown in ("1.0.0", "2.0.1", "latest", "2.0.0.nt"):
        missing = demo.client.get(f"/ontology/{unknown}")
        assert missing.status_code == 404, unknown
        assert "2.0.0" in problem(missing)["detail"]


def test_browsers_get_an_html_listing(demo: App):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = demo.client.get("/ontology", headers={"Accept": browser})
    assert page.headers["content-type"].startswith("text/html")
    assert "Customer" in page.text and "KnowledgePartnerRole" in page.text
    shapes = demo.client.get("/shapes", headers={"Accept": browser})
    assert "Node shapes" in shapes.text


def test_ontology_turtle_is_the_published_file(demo: App):
    response = demo.client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.content == ONTOLOGY_TTL.read_bytes()
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef("https://w3id.org/ckm"), None, None) in graph


def test_health(demo: App):
    response = demo.client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_the_start_page_links_the_faces_of_the_graph(demo: App):
    response = demo.client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for link in ('href="/docs"', 'href="/sparql"', 'href="/ontology"', 'href="/api/customers"'):
        assert link in response.text
