"""``GET /api/firms/{slug}/diagnosis``: JSON-LD by default, HTML on request, problems for
an unknown firm or a bad period, and the reader role when reads need a key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph, URIRef

from kg.demo import demo_quads
from kg.write.delta import adding
from tests.api.conftest import BASE, App, bearer

PLASTIC = "/api/firms/plastic-design/diagnosis"


def test_json_by_default(demo) -> None:
    response = demo.client.get(PLASTIC, params={"from": "2024-01-01", "to": "2025-12-31"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["firm"] == {"@id": BASE + "firm/plastic-design"}
    assert body["label"] == "Plastic Design (E)"
    assert (body["from"], body["to"]) == ("2024-01-01", "2025-12-31")
    assert body["findings"] and all(f["quote"]["ckm:quotedText"] for f in body["findings"])


def test_json_ld_on_request_reads_as_rdf(demo) -> None:
    response = demo.client.get(PLASTIC, headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.text, format="json-ld")
    firm = URIRef("https://w3id.org/ckm/diagnosis#firm")
    assert (None, firm, URIRef(BASE + "firm/plastic-design")) in graph


def test_html_for_a_browser(demo) -> None:
    response = demo.client.get(PLASTIC, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Diagnosis of Plastic Design (E)" in response.text


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/firms/nobody/diagnosis", {}, 404),
        ("/api/firms/Not%20A%20Slug/diagnosis", {}, 404),
        (PLASTIC, {"from": "2025-13-01"}, 422),
        (PLASTIC, {"from": "2025-02-01", "to": "2025-01-01"}, 422),
    ],
)
def test_problems(demo, path, params, status) -> None:
    response = demo.client.get(path, params=params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_accept_it_cannot_answer(demo) -> None:
    assert demo.client.get(PLASTIC, headers={"Accept": "image/png"}).status_code == 406


@pytest.fixture(scope="module")
def keyed(tmp_path_factory) -> Iterator[App]:
    app = App(tmp_path_factory.mktemp("keyed"), reads_need_key=True)
    app.graph.write(adding(demo_quads(customers=20, base_iri=BASE)))
    yield app
    app.close()


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("wrong", 401), ("reader", 200)])
def test_the_reader_role_when_reads_need_a_key(keyed, role, status) -> None:
    assert keyed.client.get(PLASTIC, headers=bearer(role)).status_code == status
