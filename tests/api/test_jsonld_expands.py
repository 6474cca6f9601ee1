"""Issue 19: the REST JSON-LD expands (pyld) to the same triples as the Turtle form.

Every list route ``/api/{kind}`` and item route ``/api/{kind}/{slug}`` is read twice,
as ``application/ld+json`` and as ``text/turtle``; the JSON-LD, expanded to RDF by pyld
with the server's own ``/context.jsonld`` (served from the app: no network), must be
isomorphic to the Turtle. Before issue 19 a list expanded to nothing (``items`` and
``next`` were not in the context).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

from api.rest import KINDS
from tests.api.conftest import WRITER, App

FIRM_TTL = Path(__file__).parent / "data" / "jsonld_firm.ttl"
ZETA = "http://localhost:8000/id/firm/zeta"
CKM = "https://w3id.org/ckm#"


def expanded_triples(app: App, document: dict, url: str) -> Graph:
    """``document`` expanded to RDF by pyld, ``/context.jsonld`` fetched from ``app``."""

    def loader(context_url: str, _options=None) -> dict:
        assert context_url == "http://testserver/context.jsonld", context_url
        answer = app.client.get(context_url)
        assert answer.status_code == 200
        return {"contextUrl": None, "documentUrl": context_url, "document": answer.json()}

    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "base": url, "documentLoader": loader}
    )
    return Graph().parse(data=nquads, format="nquads") if nquads else Graph()


def both_forms(app: App, path: str, params: dict | None = None) -> tuple[Graph, Graph, dict]:
    as_jsonld = app.client.get(path, params=params, headers={"Accept": "application/ld+json"})
    as_turtle = app.client.get(path, params=params, headers={"Accept": "text/turtle"})
    assert as_jsonld.status_code == as_turtle.status_code == 200, as_jsonld.text
    assert as_jsonld.headers["content-type"].startswith("application/ld+json")
    document = as_jsonld.json()
    expanded = expanded_triples(app, document, str(as_jsonld.url))
    return expanded, Graph().parse(data=as_turtle.text, format="turtle"), document


@pytest.mark.parametrize("kind", KINDS, ids=[k.plural for k in KINDS])
def test_a_list_page_expands_to_its_turtle(demo: App, kind):
    expanded, turtle, document = both_forms(demo, f"/api/{kind.plural}", {"limit": 3})
    assert len(document["items"]) == 3
    assert len(turtle) > 0
    assert isomorphic(expanded, turtle)


@pytest.mark.parametrize("kind", KINDS, ids=[k.plural for k in KINDS])
def test_an_item_expands_to_its_turtle(demo: App, kind):
    listing = demo.client.get(f"/api/{kind.plural}", params={"limit": 1}).json()
    slug = listing["items"][0]["id"].rsplit("/", 1)[-1]
    expanded, turtle, _document = both_forms(demo, f"/api/{kind.plural}/{slug}")
    assert len(turtle) > 0
    assert isomorphic(expanded, turtle)


def test_an_empty_list_expands_to_nothing(demo: App):
    expanded, turtle, document = both_forms(demo, "/api/firms", {"country": "XX"})
    assert document["items"] == []
    assert len(expanded) == len(turtle) == 0


def test_next_is_a_link_not_a_triple(demo: App):
    """``next`` is null in the context (no triple); the ``Link`` header (RFC 8288) gives
    the next page in every syntax, Turtle included."""
    page = demo.client.get("/api/customers", params={"limit": 2}, headers={"Accept": "text/turtle"})
    following = page.headers["link"]
    assert following.endswith('>; rel="next"')
    assert "offset=2" in following
    document = demo.client.get(
        "/api/customers", params={"limit": 2}, headers={"Accept": "application/ld+json"}
    ).json()
    assert f"<{document['next']}>" in following
    last = demo.client.get("/api/customers", params={"limit": 500})
    assert last.json()["next"] is None
    assert "link" not in last.headers


def test_terms_the_json_cannot_say_are_in_the_jsonld(small: App):
    """By hand, from tests/api/data/jsonld_firm.ttl: the label's language tag and the
    comment (no field) are in the JSON-LD as stored, the employee count (stored as
    xsd:integer) and country as the fields say them; plain JSON keeps the model's shape."""
    written = small.client.post(
        "/store",
        params={"default": ""},
        content=FIRM_TTL.read_bytes(),
        headers={"Content-Type": "text/turtle"} | WRITER,
    )
    assert written.status_code in (200, 204), written.text
    expanded, turtle, document = both_forms(small, "/api/firms/zeta")
    assert document["label"] == [{"@value": "Zeta", "@language": "de"}]
    assert document["employeeCount"] == 12
    assert document["rdfs:comment"] == [{"@value": "Written by hand for the JSON-LD test."}]
    assert document["country"] == "CH"
    zeta = URIRef(ZETA)
    assert (zeta, RDFS.label, Literal("Zeta", lang="de")) in expanded
    assert (
        zeta,
        URIRef(CKM + "employeeCount"),
        Literal("12", datatype=XSD.integer),
    ) in expanded
    assert len(expanded) == 5
    assert isomorphic(expanded, turtle)
    plain = small.client.get("/api/firms/zeta", headers={"Accept": "application/json"}).json()
    assert plain["label"] == "Zeta"
    assert plain["employeeCount"] == 12
    assert "rdfs:comment" not in plain


def test_the_context_names_items_and_next_and_answers_head(demo: App):
    got = demo.client.get("/context.jsonld")
    context = got.json()["@context"]
    assert context["items"] == "@graph"
    assert context["next"] is None
    head = demo.client.head("/context.jsonld")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == "application/ld+json"
    assert head.headers["content-length"] == str(len(got.content))
