"""The graph explorer (issue 20), in a real browser: a resource's neighbourhood drawn
with cytoscape.js (served locally), nodes labelled and coloured by class, inferred edges
marked, a click on a node expands it, and an edge's graph is one click away. Expected
counts come from SPARQL asked of the same server, not from the explorer's own API."""

from __future__ import annotations

import httpx

from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

CUSTOMER = "http://localhost:8000/id/customer/c0002"
STATE = """() => ({
  nodes: window.ckmExplorer.nodes().map(n => n.data()),
  edges: window.ckmExplorer.edges().map(e => ({...e.data(), dashed: e.style('line-style')})),
})"""


def _count(server: LiveServer, query: str) -> int:
    answer = httpx.post(
        server.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _triples_around(iri: str, graphs: str) -> str:
    return (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { { <IRI> ?p ?o } UNION { ?s ?p <IRI> } } "
        f"FILTER(?g IN ({graphs})) }}"
    ).replace("IRI", iri)


def test_a_resource_and_its_neighbours_with_inferred_edges_marked(
    page: Watched, server: LiveServer
):
    page.page.goto(f"{server.base_url}/explore?iri={CUSTOMER}")
    page.page.wait_for_selector("body[data-explorer=ready]")
    state = page.page.evaluate(STATE)
    everything = _count(
        server,
        _triples_around(
            CUSTOMER, "<urn:ckm:graph:data>, <urn:ckm:graph:inferred>"
        ).replace("FILTER(?g IN (", "FILTER(?g NOT IN (<urn:ckm:graph:ontology>, "
                  "<urn:ckm:graph:provenance>) && ?g IN ("),
    )  # fmt: skip
    inferred = _count(server, _triples_around(CUSTOMER, "<urn:ckm:graph:inferred>"))
    assert len(state["edges"]) == everything > 0
    marked = [e for e in state["edges"] if e["inferred"]]
    assert len(marked) == inferred > 0
    assert all(e["dashed"] == "dashed" for e in marked)
    assert all(e["dashed"] == "solid" for e in state["edges"] if not e["inferred"])
    center = next(n for n in state["nodes"] if n["id"] == CUSTOMER)
    assert center["label"] and center["typeLabel"].startswith("ckm:")
    by_type: dict[str, set[str]] = {}
    for node in state["nodes"]:
        if not node["literal"] and node["type"]:
            by_type.setdefault(node["type"], set()).add(node["colour"])
    assert all(len(colours) == 1 for colours in by_type.values())  # a class, a colour
    if len(by_type) > 1:
        assert len({next(iter(c)) for c in by_type.values()}) > 1
    page.screenshot("explorer", full_page=True)


def test_clicking_a_node_expands_it_and_an_edge_shows_its_graph(page: Watched, server: LiveServer):
    page.page.goto(f"{server.base_url}/explore?iri={CUSTOMER}")
    page.page.wait_for_selector("body[data-explorer=ready]")
    before = page.page.evaluate(STATE)
    firm = next(e["target"] for e in before["edges"] if e["label"] == "ckm:customerOf")
    page.page.evaluate("iri => window.ckmExplorer.getElementById(iri).emit('tap')", firm)
    page.page.wait_for_function(
        "n => window.ckmExplorer.nodes().length > n", arg=len(before["nodes"])
    )
    after = page.page.evaluate(STATE)
    assert any(e["source"] == firm or e["target"] == firm for e in after["edges"])
    assert len(after["edges"]) > len(before["edges"])
    assert firm in page.page.locator("#details").inner_text()
    inferred = next(e for e in after["edges"] if e["inferred"])
    page.page.evaluate("id => window.ckmExplorer.getElementById(id).emit('tap')", inferred["id"])
    shown = page.page.locator("#details").inner_text()
    assert "urn:ckm:graph:inferred" in shown and "inferred by the OWL 2 RL rules" in shown


def test_an_unknown_resource_says_so(page: Watched, server: LiveServer):
    page.page.goto(f"{server.base_url}/explore?iri=http://example.org/nobody")
    page.page.wait_for_selector("body[data-explorer=error]")
    assert "404" in page.page.locator("#status").inner_text()
