"""After ``DELETE /api/customers/{slug}`` the customer's IRI survived in three places
(issue 15): as the predicate of a triple, as the name of a graph holding a note about
them (and the note with it), and in the provenance record of the write that made that
graph (``ckm:changedGraph``). An erasure now removes every quad with the IRI in any
position of any graph — subject, predicate, object, graph name; data, inferred and
provenance — and its own record names no graph it emptied; the audit record of the
erasure itself stays.

The check reads every position of every quad of the dump made after the erasure."""

from __future__ import annotations

import pyoxigraph as ox

from kg.vocab import PROVENANCE_GRAPH
from tests.api.conftest import ADMIN, WRITER, App, dump_bytes

CUSTOMER = {
    "label": "Yara Oakenfold",
    "customerOf": ["http://example.org/id/medsoft"],
    "customerRole": "ckm:PassiveCustomerRole",
    "typology": "ckm:B2C",
    "country": "AT",
}


def _traces(iri: str) -> str:
    return f"""
    PREFIX ex: <http://example.org/id/>
    INSERT DATA {{
      ex:medsoft <{iri}> "a triple whose predicate is the customer" .
      GRAPH <{iri}> {{ ex:medsoft ex:note "a note about Yara, in a graph named after her" }}
    }}"""


def _terms(dump: bytes) -> list[str]:
    """Every position of every quad: subject, predicate, object, graph name."""
    terms = []
    for quad in ox.parse(dump, ox.RdfFormat.N_QUADS):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            terms.append(getattr(term, "value", str(term)))
    return terms


def test_no_quad_names_the_erased_customer_in_any_position(served: App):
    created = served.client.post("/api/customers", json=CUSTOMER, headers=WRITER)
    assert created.status_code == 201, created.text
    iri = created.json()["id"]
    written = served.client.post(
        "/sparql",
        content=_traces(iri),
        headers={"Content-Type": "application/sparql-update", **WRITER},
    )
    assert written.status_code == 200, written.text
    before = _terms(dump_bytes(served.graph))
    for_predicate = before.index(iri, before.index("http://example.org/id/medsoft"))
    assert for_predicate and before.count(iri) >= 4  # subject, predicate, graph, provenance

    response = served.client.delete(f"/api/customers/{iri.rsplit('/', 1)[1]}", headers=ADMIN)
    assert response.status_code == 204, response.text

    after = _terms(dump_bytes(served.graph))
    assert [t for t in after if iri in t] == []
    assert "a note about Yara, in a graph named after her" not in after
    erasures = [
        activity
        for activity, _p, label, _g in served.graph.quads(graph=PROVENANCE_GRAPH)
        if str(label) == "erase-customer"
    ]
    assert len(erasures) == 1, "the erasure's own audit record is kept"
