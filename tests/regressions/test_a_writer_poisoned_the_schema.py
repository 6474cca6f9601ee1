"""A writer's ``INSERT DATA { ckm:Customer rdfs:subClassOf ckm:Interaction }`` answered 200;
afterwards every valid customer write was refused as an invalid interaction. Data writes
can no longer describe the ontology's terms nor state schema at all (directly or through
a class of one's own made equivalent to an ontology class), by any route: SPARQL Update,
the Graph Store, ``ckm load``. The ontology changes with a release and ``ckm migrate``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import WRITER, App

UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX owl: <http://www.w3.org/2002/07/owl#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX ex: <http://example.org/id/> "
)
POISONS = {
    "a class made a subclass": "ckm:Customer rdfs:subClassOf ckm:Interaction",
    "a property redefined": "ckm:customerOf rdfs:range ckm:Interaction",
    "through an equivalent class": "ex:X owl:equivalentClass ckm:Customer . "
    "ex:X rdfs:subClassOf ckm:Interaction",
    "a sub-property of one's own": "ex:buysFrom rdfs:subPropertyOf ckm:customerOf",
    "a class declared": "ex:Y a owl:Class",
    "a term said the same as data": "ex:acme owl:sameAs ckm:Customer",
    "a label on an ontology term": "ckm:Customer rdfs:label 'Kunde'@de",
}
A_VALID_CUSTOMER = (
    "INSERT DATA { ex:newco a ckm:Customer ; rdfs:label 'NewCo' ; "
    "ckm:customerOf ex:medsoft ; ckm:country 'AT' }"
)


@pytest.mark.parametrize("poison", POISONS.values(), ids=POISONS.keys())
def test_schema_in_a_data_write_is_refused_and_customers_stay_customers(api: App, poison: str):
    before = api.dump()
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {poison} }}", headers=UPDATE
    )
    assert answer.status_code == 403, answer.text
    assert answer.json()["type"].endswith("reserved-term")
    assert "ontology" in answer.json()["detail"]
    assert api.dump() == before
    valid = api.client.post("/sparql", content=PROLOGUE + A_VALID_CUSTOMER, headers=UPDATE)
    assert valid.status_code == 200, valid.text


def test_schema_in_a_graph_store_body_is_refused(api: App):
    body = (
        "@prefix ckm: <https://w3id.org/ckm#> . "
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
        "ckm:Customer rdfs:subClassOf ckm:Interaction ."
    )
    before = api.dump()
    answer = api.client.put(
        "/store?graph=http://example.org/graph/schema",
        content=body,
        headers={**WRITER, "Content-Type": "text/turtle"},
    )
    assert answer.status_code == 403, answer.text
    assert api.dump() == before


def test_ckm_load_of_schema_exits_non_zero_and_writes_nothing(tmp_path: Path):
    poisoned = tmp_path / "poison.ttl"
    poisoned.write_text(
        "@prefix ckm: <https://w3id.org/ckm#> . "
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
        "ckm:Customer rdfs:subClassOf ckm:Interaction ."
    )
    store = tmp_path / "store"
    ckm = [sys.executable, "-m", "kg.cli", "--store", str(store)]
    done = subprocess.run([*ckm, "load", str(poisoned)], capture_output=True, text=True)
    assert done.returncode != 0
    assert "ckm:Customer" in done.stdout + done.stderr or "w3id.org/ckm#Customer" in (
        done.stdout + done.stderr
    )
    stats = subprocess.run([*ckm, "stats"], capture_output=True, text=True)
    assert "urn:ckm:graph:data" not in stats.stdout
