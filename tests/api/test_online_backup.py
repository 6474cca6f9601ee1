"""The whole store over HTTP (issue 19: "there is no online backup: GET /store without a
graph is 400 graph-required"): ``GET /store`` naming no graph is a sealed dump of every
graph, ``PUT /store`` naming no graph restores one (admin, checked, atomic).

The store holds tests/kg/data/small.ttl (MedSoft, Acme, Bella, i42, k7, c1).
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tests.api.conftest import ADMIN, EX, WRITER, App, bearer
from tests.api.test_sparql_protocol import problem

NQUADS = {"Content-Type": "application/n-quads"}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
HAS_NINE = f'ASK {{ <{EX}f9> <http://www.w3.org/2000/01/rdf-schema#label> "Nine" }}'


def ask(app: App, query: str) -> bool:
    return app.client.post("/sparql", data={"query": query}).json()["boolean"]


def quads_in_store(app: App) -> int:
    answer = app.client.post("/sparql", data={"query": COUNT_ALL})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def add_firm_nine(app: App) -> None:
    update = f'INSERT DATA {{ <{EX}f9> a ckm:Firm ; rdfs:label "Nine" }}'
    headers = {"Content-Type": "application/sparql-update"} | WRITER
    assert app.client.post("/sparql", content=update, headers=headers).status_code == 200


@pytest.mark.parametrize("caller", ["no key", "reader", "writer"])
def test_a_backup_needs_the_admin_by_default(small: App, caller: str):
    role = None if caller == "no key" else caller
    answer = small.client.get("/store", headers=bearer(role))
    assert answer.status_code == (401 if role is None else 403)
    assert "admin" in problem(answer)["detail"]


def test_a_backup_is_every_quad_of_every_graph(small: App):
    answer = small.client.get("/store", headers=ADMIN)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/n-quads")
    assert answer.headers["content-disposition"].startswith('attachment; filename="ckm-')
    quads = list(ox.parse(answer.content, ox.RdfFormat.N_QUADS))
    assert len(quads) == quads_in_store(small)  # counted by the engine, independently
    graphs = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert {"urn:ckm:graph:data", "urn:ckm:graph:ontology"} <= graphs
    assert b"seal" in answer.content.splitlines()[-1].lower()  # sealed by the store's key


def test_a_backup_in_trig_and_a_syntax_without_graphs_refused(small: App):
    trig = small.client.get("/store", headers=ADMIN | {"Accept": "application/trig"})
    assert trig.status_code == 200
    assert len(list(ox.parse(trig.content, ox.RdfFormat.TRIG))) == quads_in_store(small)
    turtle = small.client.get("/store", headers=ADMIN | {"Accept": "text/turtle"})
    assert turtle.status_code == 406
    assert "application/n-quads" in problem(turtle)["detail"]


def test_a_restore_brings_the_backup_back_whole(small: App):
    backup = small.client.get("/store", headers=ADMIN).content
    add_firm_nine(small)
    assert ask(small, HAS_NINE)

    restored = small.client.put("/store", content=backup, headers=NQUADS | ADMIN)

    assert restored.status_code == 200, restored.text
    body = restored.json()
    assert body["checked"] is True and body["systemGraphsRestored"] is True
    assert not ask(small, HAS_NINE)  # written after the backup: gone
    assert ask(small, f"ASK {{ <{EX}acme> a ckm:Customer }}")


def test_a_restore_needs_admin_and_a_valid_dump_and_changes_nothing_when_refused(small: App):
    backup = small.client.get("/store", headers=ADMIN).content
    add_firm_nine(small)
    before = small.dump()
    writer = small.client.put("/store", content=backup, headers=NQUADS | WRITER)
    assert writer.status_code == 403
    broken = small.client.put("/store", content=b"<a> <b> .\n", headers=NQUADS | ADMIN)
    assert broken.status_code == 400 and "nothing changed" in problem(broken)["detail"]
    empty = small.client.put("/store", content=b"# nothing\n", headers=NQUADS | ADMIN)
    assert empty.status_code == 400 and problem(empty)["type"].endswith("empty-dump")
    turtle = small.client.put(
        "/store", content=b"<http://x/a> <http://x/b> <http://x/c> .", headers=ADMIN
    )
    assert turtle.status_code == 415
    # A customer of no firm: the shapes refuse the dump's data.
    invalid = f"<{EX}lone> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    invalid += "<https://w3id.org/ckm#Customer> <urn:ckm:graph:data> .\n"
    refused = small.client.put("/store", content=invalid.encode(), headers=NQUADS | ADMIN)
    assert refused.status_code == 422, refused.text
    assert problem(refused)["type"].endswith("restore-refused")
    assert small.dump() == before
    assert ask(small, HAS_NINE)


def test_the_backup_role_is_a_setting(tmp_path):
    app = App(tmp_path, backup_role="reader")
    try:
        assert app.client.get("/store", headers=bearer("reader")).status_code == 200
        assert app.client.get("/store").status_code == 401
    finally:
        app.close()
