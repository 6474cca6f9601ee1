"""A writer could insert a node that looks like an admin ``erase-customer`` activity
(``urn:ckm:activity:…``, ``prov:Activity``) into the data graph, and the union default
graph showed it beside the real ones. Only the write road records provenance: data
writes naming the system's IRIs or forging a write activity are refused."""

from __future__ import annotations

import pytest

from tests.api.conftest import WRITER, App

UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX ex: <http://example.org/id/> "
)
FORGERIES = {
    "an activity IRI": "INSERT DATA { <urn:ckm:activity:0000> a prov:Activity ; "
    "rdfs:label 'erase-customer' ; prov:wasAssociatedWith <urn:ckm:agent:admin> }",
    "an agent IRI": "INSERT DATA { ex:k7 prov:wasAttributedTo <urn:ckm:agent:admin> }",
    "a write activity of one's own": "INSERT DATA { ex:fake a ckm:WriteActivity }",
    "an activity's counters": "INSERT DATA { ex:fake ckm:triplesRemoved 12 }",
    "a system-looking graph": "INSERT DATA { GRAPH <urn:ckm:graph:audit> { ex:a ex:b ex:c } }",
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_provenance_record_is_refused(api: App, forgery: str):
    before = api.dump()
    answer = api.client.post("/sparql", content=PROLOGUE + forgery, headers=UPDATE)
    assert answer.status_code == 403, answer.text
    assert answer.json()["type"].endswith("reserved-term")
    assert api.dump() == before


def test_the_real_activities_are_the_write_roads_own(api: App):
    written = api.client.post(
        "/sparql", content=PROLOGUE + "INSERT DATA { ex:acme rdfs:comment 'ok' }", headers=UPDATE
    )
    activity = written.json()["activity"]
    assert activity.startswith("urn:ckm:activity:")
    rows = api.graph.select(
        f"SELECT ?g WHERE {{ GRAPH ?g {{ <{activity}> a <http://www.w3.org/ns/prov#Activity> }} }}"
    )
    assert [str(r["g"]) for r in rows] == ["urn:ckm:graph:provenance"]
