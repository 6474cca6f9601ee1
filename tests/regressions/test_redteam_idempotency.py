"""Red-team cases for ``Idempotency-Key`` on POST (api/idempotency.py) that its own tests
do not cover. Each test fails while the defect it names is there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.store.answer_journal import JOURNAL_NAME
from tests.api.conftest import ADMIN, SMALL_TTL, WRITER, App, _small_app, settings_for

FIRM = {"label": "Red Team Werkzeugbau", "country": "DE"}
FIRMS = "SELECT ?s WHERE { ?s a <https://w3id.org/ckm#Firm> }"
TURTLE = (
    b"<http://example.org/id/rt-multipart> a <https://w3id.org/ckm#Firm> ;\n"
    b'  <http://www.w3.org/2000/01/rdf-schema#label> "Multipart firm" .\n'
)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[App]:
    app, _snapshot = _small_app(tmp_path)
    yield app
    app.close()


def _firms_named(app: App, label: str) -> int:
    query = f'SELECT (COUNT(?f) AS ?n) WHERE {{ ?f a ckm:Firm ; rdfs:label "{label}" }}'
    answer = app.client.post("/sparql", data={"query": query})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_a_replay_ignores_accept_and_answers_in_the_first_requests_format(small: App):
    """A retry asking for CSV with the key of a JSON query is answered JSON (Accept is not
    in the fingerprint): expected the CSV it asked for, or 422 key-reused."""
    query = {"query": FIRMS}
    headers = WRITER | {"Idempotency-Key": "accept-1"}
    first = small.client.post(
        "/sparql", data=query, headers=headers | {"Accept": "application/sparql-results+json"}
    )
    assert first.status_code == 200, first.text
    again = small.client.post("/sparql", data=query, headers=headers | {"Accept": "text/csv"})
    assert again.status_code in (200, 422), again.text
    if again.status_code == 200:
        assert again.headers["content-type"].startswith("text/csv"), (
            f"asked for text/csv, got {again.headers['content-type']} "
            f"(replayed: {again.headers.get('idempotency-replayed')})"
        )


def test_a_retried_multipart_upload_is_refused_as_another_request(small: App):
    """Any HTTP client makes a new multipart boundary for each send, so the retry of the same
    multipart Graph Store POST (what `ckm load` and /api/import send) is 422 key-reused
    instead of the replay: the key is useless for uploads."""
    headers = WRITER | {"Idempotency-Key": "upload-1"}
    files = [("file", ("firm.ttl", TURTLE, "text/turtle"))]
    first = small.client.post("/store?default", files=files, headers=headers)
    assert first.status_code in (200, 201), first.text
    again = small.client.post("/store?default", files=files, headers=headers)
    assert again.status_code == first.status_code, again.text
    assert again.headers.get("idempotency-replayed") == "true"


def test_the_same_key_spelt_bearer_in_lower_case_writes_twice(small: App):
    """The slot is the raw Authorization header, so the same caller retrying with
    'bearer <key>' (a proxy or client that normalises case or spaces) writes a second
    firm: the scheme is case-insensitive and it is the same caller."""
    secret = WRITER["Authorization"].split(" ", 1)[1]
    for scheme in ("Bearer", "bearer"):
        answer = small.client.post(
            "/api/firms",
            json=FIRM,
            headers={"Authorization": f"{scheme} {secret}", "Idempotency-Key": "case-1"},
        )
        assert answer.status_code == 201, answer.text
    assert _firms_named(small, FIRM["label"]) == 1


def test_two_idempotency_key_header_lines_are_not_refused(small: App):
    """Two Idempotency-Key lines are taken silently (the last one wins), while the same
    two joined by a proxy ('a, b') are 400: a list is not one key either way; expected
    400 bad-idempotency-key for both."""
    joined = small.client.post(
        "/api/firms", json=FIRM, headers=WRITER | {"Idempotency-Key": "a, b"}
    )
    assert joined.status_code == 400
    lines = small.client.post(
        "/api/firms",
        json=FIRM,
        headers=[
            ("Authorization", WRITER["Authorization"]),
            ("Idempotency-Key", "a"),
            ("Idempotency-Key", "b"),
        ],
    )
    assert lines.status_code == 400, lines.status_code


def test_a_replayed_query_answer_drops_the_result_limit_header(tmp_path: Path):
    """CKM-Result-Limit is not among the kept headers: the replay of a cut query answer
    no longer says it was cut."""
    app, _snapshot = _small_app(tmp_path, result_limit=1)
    try:
        headers = WRITER | {"Idempotency-Key": "cut-1"}
        first = app.client.post("/sparql", data={"query": "SELECT * { ?s ?p ?o }"}, headers=headers)
        assert first.status_code == 200 and "ckm-result-limit" in first.headers, first.headers
        again = app.client.post("/sparql", data={"query": "SELECT * { ?s ?p ?o }"}, headers=headers)
        assert again.headers.get("idempotency-replayed") == "true"
        assert again.headers.get("ckm-result-limit") == first.headers["ckm-result-limit"]
    finally:
        app.close()


def test_an_erased_customer_survives_in_the_idempotency_journal(tmp_path: Path):
    """After DELETE /api/customers/{slug} the customer's name and IRI stay in
    idempotency.sqlite in the store directory (mode 0644) for a day and are replayed to a
    retry of the create; docs/SECURITY.md promises no trace of the name or IRI anywhere
    in the store after an erasure."""
    settings = settings_for(tmp_path)
    name = "Zelda Privatperson"
    body = {
        "label": name,
        "customerOf": ["http://example.org/id/medsoft"],
        "customerRole": "ckm:KnowledgePartnerRole",
        "typology": "ckm:B2C",
        "country": "LI",
    }
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        put = client.put(
            "/store?default",
            content=SMALL_TTL.read_bytes(),
            headers=ADMIN | {"Content-Type": "text/turtle"},
        )
        assert put.status_code in (200, 201, 204), put.text
        created = client.post(
            "/api/customers", json=body, headers=WRITER | {"Idempotency-Key": "customer-1"}
        )
        assert created.status_code == 201, created.text
        iri = created.json()["id"]
        erased = client.delete(f"/api/customers/{iri.rsplit('/', 1)[-1]}", headers=ADMIN)
        assert erased.status_code == 204, erased.text
        replay = client.post(
            "/api/customers", json=body, headers=WRITER | {"Idempotency-Key": "customer-1"}
        )
        assert name not in replay.text, "the erased customer is replayed"
        assert replay.status_code == 410, replay.text  # and not created again
        assert replay.json()["type"].endswith("idempotency-answer-erased")
    journal = (settings.store / JOURNAL_NAME).read_bytes()
    assert name.encode() not in journal and iri.encode() not in journal


@pytest.mark.xfail(
    strict=True,
    reason="Oxigraph keeps every string it has stored in its dictionary (and RocksDB in "
    "its log) until the store is rebuilt: an erasure removes the quads, not the bytes "
    "(docs/SECURITY.md, 'What is not defended')",
)
def test_an_erased_customer_leaves_no_bytes_in_the_store_files(tmp_path: Path):
    settings = settings_for(tmp_path)
    name = "Zelda Privatperson"
    body = {"label": name, "customerOf": ["http://example.org/id/medsoft"]}
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        client.put(
            "/store?default",
            content=SMALL_TTL.read_bytes(),
            headers=ADMIN | {"Content-Type": "text/turtle"},
        )
        iri = client.post("/api/customers", json=body, headers=WRITER).json()["id"]
        client.delete(f"/api/customers/{iri.rsplit('/', 1)[-1]}", headers=ADMIN)
    for path in settings.store.iterdir():
        if path.is_file():
            assert name.encode() not in path.read_bytes(), path.name
