"""Creates that do not duplicate (issue 19: "posting the same customer twice makes two
customers, silently"): a POST repeating a stored customer's name and firm writes nothing
and answers 200 with the stored one, a Warning and its Location — also when the repeats
arrive at once; a PUT on an id not stored creates it under the client's id, and
repeating the PUT changes nothing.

The store holds tests/kg/data/small.ttl: MedSoft (http://example.org/id/medsoft) and its
customers Acme Clinic and Bella Pharmacy.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from tests.api.conftest import BASE, EX, WRITER, App

MEDSOFT = f"{EX}medsoft"
NEW = {
    "label": "Clinic Nord",
    "customerOf": [MEDSOFT],
    "customerRole": "ckm:ActiveCustomerRole",
    "typology": "ckm:B2B",
}


def customers_named(app: App, label: str) -> list[str]:
    query = (
        "SELECT ?c WHERE { ?c a ckm:Customer ; rdfs:label ?l "
        f'FILTER(STR(?l) = "{label}") }} ORDER BY ?c'
    )
    answer = app.client.post("/sparql", data={"query": query})
    return [row["c"]["value"] for row in answer.json()["results"]["bindings"]]


def test_a_repeated_post_answers_the_stored_customer_and_writes_nothing(small: App):
    first = small.client.post("/api/customers", json=NEW, headers=WRITER)
    assert first.status_code == 201, first.text
    stored = first.json()["id"]
    before = small.dump()

    again = small.client.post("/api/customers", json=NEW, headers=WRITER)

    assert again.status_code == 200, again.text
    assert again.json()["id"] == stored
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["warning"].startswith("299 ")
    assert "nothing written" in again.headers["warning"]
    assert small.dump() == before  # no customer, no provenance record
    assert customers_named(small, "Clinic Nord") == [stored]


def test_a_repeat_of_a_customer_written_by_a_file_is_found_too(small: App):
    # Acme Clinic came from small.ttl, not from a POST.
    acme = {"label": "Acme Clinic", "customerOf": [MEDSOFT], "typology": "ckm:B2B"}
    answer = small.client.post("/api/customers", json=acme, headers=WRITER)
    assert answer.status_code == 200, answer.text
    assert answer.json()["id"] == f"{EX}acme"
    assert answer.headers["location"] == f"{EX}acme"  # not one of the API's own IRIs


def test_the_same_name_at_another_firm_is_another_customer(small: App):
    firm = small.client.post("/api/firms", json={"label": "Other Soft"}, headers=WRITER)
    assert firm.status_code == 201, firm.text
    here = small.client.post("/api/customers", json=NEW, headers=WRITER)
    there = small.client.post(
        "/api/customers", json=NEW | {"customerOf": [firm.json()["id"]]}, headers=WRITER
    )
    assert (here.status_code, there.status_code) == (201, 201)
    assert here.json()["id"] != there.json()["id"]
    assert len(customers_named(small, "Clinic Nord")) == 2


def test_repeats_sent_at_once_make_one_customer(small: App):
    def post(_n: int):
        with TestClient(small.client.app, raise_server_exceptions=False) as client:
            answer = client.post("/api/customers", json=NEW, headers=WRITER)
            return answer.status_code, answer.json().get("id")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(post, range(6)))
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200, 200, 200, 200, 200, 201], answers
    assert len({iri for _, iri in answers}) == 1
    assert len(customers_named(small, "Clinic Nord")) == 1


def test_a_put_on_a_new_id_creates_it_and_a_repeat_changes_nothing(small: App):
    path = "/api/customers/clinic-nord"
    created = small.client.put(path, json=NEW, headers=WRITER)
    assert created.status_code == 201, created.text
    assert created.json()["id"] == f"{BASE}customer/clinic-nord"
    assert created.headers["location"].endswith(path)
    assert small.client.get(path).status_code == 200
    before = small.dump()

    again = small.client.put(path, json=NEW, headers=WRITER)

    assert again.status_code == 200, again.text
    assert small.dump() == before


def test_a_put_creating_invalid_data_is_refused_with_nothing_written(small: App):
    before = small.dump()
    # A customer of no firm: the shapes refuse it (ckmsh Customer-customerOf).
    refused = small.client.put(
        "/api/customers/nobody", json={"label": "Nobody", "typology": "ckm:B2B"}, headers=WRITER
    )
    assert refused.status_code == 422, refused.text
    assert small.dump() == before
    assert small.client.get("/api/customers/nobody").status_code == 404
