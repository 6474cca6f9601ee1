"""``INSERT DATA { ckm:ghost a ckm:Customer ; ckm:country "not a country" ;
ckm:employeeCount -5 }`` (and ``prov:ghost2 a ckm:Customer``) answered 200 and both
appeared in /api/customers: every IRI in the ckm:, prov:, rdf:, owl:… namespaces was left
out of validation. Now every data node is validated, whatever its namespace; a subject in
a W3C vocabulary's namespace is not data at all and is refused."""

from __future__ import annotations

import pytest

from tests.api.conftest import WRITER, App

UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
BAD_CUSTOMER = (
    "a ckm:Customer ; ckm:customerOf <http://example.org/id/medsoft> ; "
    'ckm:country "not a country" ; ckm:employeeCount -5'
)


@pytest.mark.parametrize("subject", ["ckm:ghost", "prov:ghost2", "<urn:isbn:0451450523>"])
def test_an_invalid_customer_is_refused_whatever_its_namespace(api: App, subject: str):
    before = api.dump()
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {subject} {BAD_CUSTOMER} }}", headers=UPDATE
    )
    assert answer.status_code == 422, answer.text
    messages = " ".join(r["message"] for r in answer.json()["report"]["results"])
    assert "country" in messages and "employee" in messages.lower()
    assert api.dump() == before
    listed = api.client.get("/api/customers", params={"limit": 500}).json()["items"]
    assert not [c for c in listed if "ghost" in c["id"]]


def test_a_valid_customer_in_the_ckm_namespace_is_validated_and_accepted(api: App):
    answer = api.client.post(
        "/sparql",
        content=f"{PROLOGUE} INSERT DATA {{ ckm:ghost a ckm:Customer ; rdfs:label 'Ghost' ; "
        'ckm:customerOf <http://example.org/id/medsoft> ; ckm:country "AT" }',
        headers=UPDATE,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["report"]["conforms"] is True


@pytest.mark.parametrize("subject", ["rdf:ghost", "<http://www.w3.org/2002/07/owl#ghost>"])
def test_a_subject_in_a_w3c_vocabulary_is_refused(api: App, subject: str):
    before = api.dump()
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {subject} {BAD_CUSTOMER} }}", headers=UPDATE
    )
    assert answer.status_code == 403, answer.text
    assert answer.json()["type"].endswith("reserved-term")
    assert "ghost" in answer.json()["detail"]
    assert api.dump() == before
