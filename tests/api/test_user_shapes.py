"""A shapes file of the user's own (``CKM_EXTRA_SHAPES``, no ``sh:message``) guards
every write door of the real app beside the shipped shapes: REST, the Graph Store
Protocol and SPARQL Update accept what it allows and refuse, with a 422 report naming
its rule and nothing written, what it forbids."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.config import Settings
from tests.api.conftest import EX, WRITER, App, _small_app
from tests.api.test_rest import MEDSOFT
from tests.api.test_sparql_protocol import DIRECT_UPDATE, problem
from tests.shacl.user_shapes import CASES, MIN_INCLUSIVE, MY_SHAPES, interaction

TURTLE = {"Content-Type": "text/turtle"}
LOG = "http://example.org/graphs/log"


@pytest.fixture
def app(tmp_path: Path) -> App:
    """small.ttl behind the real app, validated with the shipped shapes and mine."""
    app, _snapshot = _small_app(tmp_path, extra_shapes=(MY_SHAPES,))
    yield app
    app.close()


def refused_with(response, component: str) -> dict:
    assert response.status_code == 422, response.text
    report = problem(response)["report"]
    assert report["accepted"] is False and report["conforms"] is False
    assert component in {r["constraint"] for r in report["results"]}
    return report


def test_the_setting_reads_one_or_several_files(monkeypatch):
    monkeypatch.setenv("CKM_EXTRA_SHAPES", f"{MY_SHAPES},other.ttl")
    assert Settings().extra_shapes == (MY_SHAPES, Path("other.ttl"))


@pytest.mark.parametrize(("case", "node", "started", "label", "component"), CASES)
def test_graph_store_protocol(app: App, case, node, started, label, component):
    before = app.dump()
    body = interaction(node, started, label)
    response = app.client.post(
        "/store", params={"graph": LOG}, content=body, headers=TURTLE | WRITER
    )
    if component is None:
        assert response.status_code == 201, response.text
        assert app.graph.ask(f"ASK {{ GRAPH <{LOG}> {{ <{EX}{node}> ?p ?o }} }}")
    else:
        refused_with(response, component)
        assert app.dump() == before


@pytest.mark.parametrize(("case", "node", "started", "label", "component"), CASES)
def test_sparql_update(app: App, case, node, started, label, component):
    before = app.dump()
    triples = Graph().parse(data=interaction(node, started, label), format="turtle")
    update = "INSERT DATA { " + triples.serialize(format="nt") + " }"
    response = app.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    if component is None:
        assert response.status_code == 200, response.text
        assert app.graph.ask(f"ASK {{ <{EX}{node}> ?p ?o }}")
    else:
        refused_with(response, component)
        assert app.dump() == before


@pytest.mark.parametrize(
    ("started", "refused"), [("2024-05-04T09:30:00Z", False), ("2019-05-04T09:30:00Z", True)]
)
def test_rest(app: App, started: str, refused: bool):
    before = app.dump()
    body = {
        "label": "Call",
        "byFirm": MEDSOFT,
        "withCustomer": ["http://example.org/id/acme"],
        "startedAtTime": started,
        "channel": "ckm:Workshop",
        "inSphere": "ckm:JointSphere",
    }
    response = app.client.post("/api/interactions", headers=WRITER, json=body)
    if refused:
        report = refused_with(response, MIN_INCLUSIVE)
        [result] = report["results"]
        # No sh:message in my file: the component's default message names the rule.
        assert "2019-05-04T09:30:00" in result["message"] and ">=" in result["message"]
        assert app.dump() == before
    else:
        assert response.status_code == 201, response.text


def test_an_unusable_shapes_file_makes_writes_503_not_500(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    app = App(tmp_path, extra_shapes=(bad,))
    try:
        response = app.client.post(
            "/store",
            params={"graph": LOG},
            content=interaction("i1", "2024-01-01T00:00:00Z"),
            headers=TURTLE | WRITER,
        )
        assert response.status_code == 503
        assert "bad.ttl" in problem(response)["detail"]
    finally:
        app.close()
