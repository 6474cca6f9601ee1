"""``/ontology``: pyLODE's documentation for browsers, RDF for RDF clients."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM
from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

STYLES = (
    "Prosumerism",
    "TeamBasedCoLearning",
    "MutualInnovation",
    "CommunitiesOfCreation",
    "JointIntellectualProperty",
)


def style_labels() -> dict[str, str]:
    ontology = Graph().parse(ONTOLOGY_TTL)
    return {name: str(ontology.value(CKM[name], RDFS.label)) for name in STYLES}


def test_the_ontology_page_documents_the_five_ckm_styles(page: Watched, server: LiveServer):
    page.page.goto(server.base_url + "/ontology")
    assert "made by" in page.page.locator("#pylode").inner_text()  # pyLODE's page
    toc = page.page.locator("#toc")
    assert toc.get_by_role("link", name="Named Individuals").count() == 1
    for name, label in style_labels().items():
        entry = page.page.locator(f"#{name}")
        assert entry.locator("h3").inner_text().startswith(label)
        assert toc.get_by_role("link", name=label, exact=True).count() == 1
    # the class lists its instances, linked to their entries
    style_class = page.page.locator("#CKMStyle")
    assert style_class.locator('a[href="#MutualInnovation"]').count() == 1
    # the navigation bar leads back to the UI
    assert page.page.locator('#ckm-nav a[href="/editor"]').count() == 1
    page.page.locator("#JointIntellectualProperty").scroll_into_view_if_needed()
    page.screenshot("ontology")


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
def test_rdf_clients_still_get_rdf(server: LiveServer, accept, media_type, rdflib_format):
    response = httpx.get(server.base_url + "/ontology", headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (URIRef("https://w3id.org/ckm"), None, None) in graph
