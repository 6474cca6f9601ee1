"""Issue 19: OWL tools open the ontology by its URL on a real server.

owlready2 fetches with ``urllib`` (no ``Accept`` header) and reads RDF/XML, N-Triples
or OWL/XML, not Turtle: ``get_ontology(url).load()`` is what a Python user would type,
and what Protégé's "Open from URL" does with the OWL API in the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import owlready2
import pytest

from tests.api.live_server import LiveServer, live_server

CKM = "https://w3id.org/ckm#"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("ontology-by-url")) as running:
        yield running


@pytest.mark.parametrize("path", ["/ontology", "/ontology.owl", "/ontology/2.0.0"])
def test_owlready2_loads_the_ontology_from_its_url(server: LiveServer, path: str):
    world = owlready2.World()  # a world of its own: nothing shared with other tests
    url = server.base_url + path
    # ``load(url=url)`` reads that URL only: without it owlready2, failing to parse an
    # answer, quietly tries ``<url>.owl``, which would hide a Turtle answer at ``url``.
    onto = world.get_ontology(url).load(url=url)
    assert onto.base_iri == CKM
    customer = world[CKM + "Customer"]
    assert customer is not None
    assert isinstance(customer, owlready2.ThingClass)
    assert world[CKM + "KnowledgePartnerRole"] is not None
    world.close()


def test_an_unknown_release_is_404_to_owlready2(server: LiveServer):
    world = owlready2.World()
    with pytest.raises(owlready2.OwlReadyOntologyParsingError):
        url = server.base_url + "/ontology/1.0.0"
        world.get_ontology(url).load(url=url)
    world.close()


def test_curl_like_clients_get_rdf_xml(server: LiveServer):
    response = httpx.get(server.base_url + "/ontology", headers={"Accept": "*/*"})
    assert response.headers["content-type"].startswith("application/rdf+xml")
