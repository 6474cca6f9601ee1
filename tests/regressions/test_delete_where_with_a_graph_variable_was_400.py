"""``DELETE WHERE { GRAPH ?g { … } }``, a valid SPARQL 1.1 Update, was answered 400
"No scheme found in an absolute IRI" (issue 15): rdflib's evaluation of the short form
looks the variable up as a graph named "g". The short form is now evaluated as what the
specification says it stands for (SPARQL 1.1 Update §3.1.3.3), ``DELETE { P } WHERE
{ P }``: when ``?g`` reaches a system graph the answer is the intended 403
protected-graph with nothing written, and within named data graphs it deletes."""

from __future__ import annotations

from tests.api.conftest import WRITER, App

UPDATE = {"Content-Type": "application/sparql-update", **WRITER}
ACME = "<http://example.org/id/acme>"


def test_a_graph_variable_reaching_system_graphs_is_403_and_writes_nothing(served: App):
    before = served.dump()
    for update in (
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"DELETE WHERE {{ GRAPH ?g {{ {ACME} ?p ?o }} }}",  # also in the inferred graph
    ):
        response = served.client.post("/sparql", content=update, headers=UPDATE)
        assert response.status_code == 403, response.text
        assert response.json()["type"].endswith("protected-graph")
    assert served.dump() == before


def test_a_graph_variable_within_the_data_graphs_deletes(served: App):
    note = "<http://example.org/note>"
    insert = f'INSERT DATA {{ GRAPH <http://example.org/g> {{ {ACME} {note} "n" }} }}'
    assert served.client.post("/sparql", content=insert, headers=UPDATE).status_code == 200
    update = f"DELETE WHERE {{ GRAPH ?g {{ ?s {note} ?o }} }}"
    response = served.client.post("/sparql", content=update, headers=UPDATE)
    assert response.status_code == 200, response.text
    assert response.json()["removed"] == 1
    ask = f"ASK {{ GRAPH ?g {{ {ACME} {note} ?o }} }}"
    assert served.client.get("/sparql", params={"query": ask}).json()["boolean"] is False
