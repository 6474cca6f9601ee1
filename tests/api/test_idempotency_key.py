"""``Idempotency-Key`` on POST (issue 19; draft-ietf-httpapi-idempotency-key-header): a
retried POST with the same key is answered as the first was, and writes nothing more.

The store holds tests/kg/data/small.ttl (MedSoft, http://example.org/id/medsoft). Firms
are used for creates because two POSTs of one firm make two firms (only customers are
matched by name and firm), so without the key a retry would duplicate — the first test
shows it."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from kg.graph import KnowledgeGraph
from kg.store.answer_journal import JOURNAL_NAME
from tests.api.conftest import ADMIN, EX, WRITER, App, bearer, settings_for

FIRM = {"label": "Feldmann Werkzeugbau", "country": "DE"}


def _firms(app: App, label: str) -> int:
    query = f'SELECT (COUNT(?f) AS ?n) WHERE {{ ?f a ckm:Firm ; rdfs:label "{label}" }}'
    answer = app.client.post("/sparql", data={"query": query})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _post(app: App, key: str | None, body: dict = FIRM, headers: dict = WRITER):
    extra = {"Idempotency-Key": key} if key is not None else {}
    return app.client.post("/api/firms", json=body, headers=headers | extra)


def test_without_a_key_a_retry_makes_a_second_firm(small: App):
    assert _post(small, None).status_code == 201
    assert _post(small, None).status_code == 201
    assert _firms(small, "Feldmann Werkzeugbau") == 2


def test_a_retry_with_the_key_gets_the_first_answer_and_writes_nothing(small: App):
    first = _post(small, "create-feldmann-1")
    assert first.status_code == 201, first.text
    after_first = small.dump()
    again = _post(small, "create-feldmann-1")
    assert again.status_code == 201
    assert again.headers["idempotency-replayed"] == "true"
    assert "idempotency-replayed" not in first.headers
    assert again.headers["location"] == first.headers["location"]
    assert again.json() == first.json()
    assert small.dump() == after_first
    assert _firms(small, "Feldmann Werkzeugbau") == 1


def test_a_structured_field_string_is_the_same_key(small: App):
    first = _post(small, '"retry-7"')
    again = _post(small, "retry-7")
    assert again.headers.get("idempotency-replayed") == "true"
    assert again.json()["id"] == first.json()["id"]


def test_the_key_with_another_body_is_refused_and_nothing_is_written(small: App):
    assert _post(small, "k-reused").status_code == 201
    before = small.dump()
    other = _post(small, "k-reused", body={"label": "Another firm"})
    assert other.status_code == 422
    assert other.headers["content-type"].startswith("application/problem+json")
    assert other.json()["type"].endswith("idempotency-key-reused")
    assert small.dump() == before


def test_keys_of_different_callers_never_meet(small: App):
    by_writer = _post(small, "shared-key")
    by_admin = _post(small, "shared-key", headers=ADMIN)
    assert by_writer.status_code == by_admin.status_code == 201
    assert "idempotency-replayed" not in by_admin.headers
    assert by_writer.json()["id"] != by_admin.json()["id"]
    assert _firms(small, "Feldmann Werkzeugbau") == 2


def test_a_refused_write_is_not_kept(small: App):
    """A 4xx wrote nothing: the retry runs again (and is refused again, not replayed)."""
    bad = {"label": "Bad firm", "employeeCount": -3}
    first = _post(small, "k-bad", body=bad)
    assert first.status_code == 422
    again = _post(small, "k-bad", body=bad)
    assert again.status_code == 422
    assert "idempotency-replayed" not in again.headers
    assert _firms(small, "Bad firm") == 0


def test_malformed_keys_are_refused_before_anything_runs(small: App):
    before = small.dump()
    for key in ["", '""', "x" * 256, "two words", "tab\there", "caf\u00e9"]:
        answer = small.client.post(
            "/api/firms",
            json=FIRM,
            headers=WRITER | {"Idempotency-Key": key.encode("utf-8")},
        )
        assert answer.status_code == 400, (key, answer.text)
        assert answer.json()["type"].endswith("bad-idempotency-key")
    assert small.dump() == before


def test_retries_sent_at_once_make_one_firm(small: App):
    def post(_n: int):
        with TestClient(small.client.app, raise_server_exceptions=False) as client:
            answer = client.post(
                "/api/firms", json=FIRM, headers=WRITER | {"Idempotency-Key": "at-once"}
            )
            return answer.status_code, answer.json().get("id")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(post, range(6)))
    created = [iri for status, iri in answers if status == 201]
    assert created and len(set(created)) == 1, answers
    assert {status for status, _ in answers} <= {201, 409}, answers
    assert _firms(small, "Feldmann Werkzeugbau") == 1


def test_a_sparql_update_retried_with_the_key_runs_once(small: App):
    """An update that is not idempotent by itself (each run adds a fresh comment)."""
    update = (
        f"INSERT {{ <{EX}medsoft> rdfs:comment ?note }} "
        'WHERE { BIND(CONCAT("note ", STRUUID()) AS ?note) }'
    )

    def comments() -> int:
        query = f"SELECT (COUNT(?c) AS ?n) WHERE {{ <{EX}medsoft> rdfs:comment ?c }}"
        answer = small.client.post("/sparql", data={"query": query})
        return int(answer.json()["results"]["bindings"][0]["n"]["value"])

    before = comments()
    for _ in range(3):
        answer = small.client.post(
            "/sparql", data={"update": update}, headers=WRITER | {"Idempotency-Key": "u-1"}
        )
        assert answer.status_code in (200, 204), answer.text
    assert comments() == before + 1


def test_a_kept_answer_outlives_a_restart(tmp_path: Path):
    settings = settings_for(tmp_path)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        first = client.post(
            "/api/firms", json=FIRM, headers=WRITER | {"Idempotency-Key": "restart"}
        )
        assert first.status_code == 201, first.text
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        again = client.post(
            "/api/firms", json=FIRM, headers=WRITER | {"Idempotency-Key": "restart"}
        )
        count = client.post(
            "/sparql",
            data={
                "query": 'SELECT (COUNT(?f) AS ?n) WHERE { ?f rdfs:label "Feldmann Werkzeugbau" }'
            },
        ).json()["results"]["bindings"][0]["n"]["value"]
    assert again.headers.get("idempotency-replayed") == "true"
    assert again.json()["id"] == first.json()["id"]
    assert count == "1"


def test_an_answer_past_its_time_is_forgotten(tmp_path: Path):
    settings = settings_for(tmp_path, idempotency_ttl_s=0.001)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        headers = WRITER | {"Idempotency-Key": "short-lived"}
        first = client.post("/api/firms", json=FIRM, headers=headers)
        again = client.post("/api/firms", json=FIRM, headers=headers)
    assert first.status_code == again.status_code == 201
    assert "idempotency-replayed" not in again.headers
    assert again.json()["id"] != first.json()["id"]


def test_a_readers_posts_are_not_kept(small: App):
    """A reader's POST only reads: answering it from a kept copy would only let readers
    fill the disk, so the key is not honoured (nor is a bad one refused)."""
    query = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
    for key in ["read-1", "read-1", "two words"]:
        answer = small.client.post(
            "/sparql", data=query, headers=bearer("reader") | {"Idempotency-Key": key}
        )
        assert answer.status_code == 200, answer.text
        assert "idempotency-replayed" not in answer.headers


def _as_if_the_server_died_before_keeping_the_answer(store: Path) -> None:
    """The journal as a crash leaves it between the commit and keeping the answer: the
    request's record begun, no answer."""
    with sqlite3.connect(store / JOURNAL_NAME) as journal:
        journal.execute("UPDATE kept SET status = NULL, headers = NULL, body = NULL")


def test_a_retry_after_a_crash_past_the_commit_writes_nothing_again(tmp_path: Path):
    settings = settings_for(tmp_path)
    headers = WRITER | {"Idempotency-Key": "crash-after-commit"}
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.post("/api/firms", json=FIRM, headers=headers).status_code == 201
    _as_if_the_server_died_before_keeping_the_answer(settings.store)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        retry = client.post("/api/firms", json=FIRM, headers=headers)
        again = client.post("/api/firms", json=FIRM, headers=headers)
        count = client.post(
            "/sparql",
            data={
                "query": 'SELECT (COUNT(?f) AS ?n) WHERE { ?f rdfs:label "Feldmann Werkzeugbau" }'
            },
        ).json()["results"]["bindings"][0]["n"]["value"]
    assert retry.status_code == 409, retry.text
    assert retry.json()["type"].endswith("idempotency-answer-lost")
    assert retry.json()["activity"].startswith("urn:ckm:activity:")
    assert again.status_code == 409 and again.json() == retry.json()
    assert count == "1"


def test_a_retry_after_a_crash_before_the_commit_runs_it(tmp_path: Path):
    """The record begun, but no activity holds the key (the server died before the
    commit): the retry runs, once. Made by carrying a begun journal to a fresh store."""
    first, fresh = settings_for(tmp_path / "a"), settings_for(tmp_path / "b")
    headers = WRITER | {"Idempotency-Key": "crash-before-commit"}
    with TestClient(create_app(first), raise_server_exceptions=False) as client:
        assert client.post("/api/firms", json=FIRM, headers=headers).status_code == 201
    _as_if_the_server_died_before_keeping_the_answer(first.store)
    KnowledgeGraph.open(fresh).close()  # makes the fresh store
    (fresh.store / JOURNAL_NAME).write_bytes((first.store / JOURNAL_NAME).read_bytes())
    with TestClient(create_app(fresh), raise_server_exceptions=False) as client:
        retry = client.post("/api/firms", json=FIRM, headers=headers)
        replay = client.post("/api/firms", json=FIRM, headers=headers)
    assert retry.status_code == 201, retry.text
    assert replay.headers.get("idempotency-replayed") == "true"
    assert replay.json()["id"] == retry.json()["id"]


def test_the_activity_records_the_key_hashed(small: App):
    answer = _post(small, "recorded-key")
    assert answer.status_code == 201
    query = (
        "SELECT ?id WHERE { GRAPH <urn:ckm:graph:provenance> { ?a "
        "<http://purl.org/dc/terms/identifier> ?id } }"
    )
    found = small.client.post("/sparql", data={"query": query}).json()["results"]["bindings"]
    identifiers = [row["id"]["value"] for row in found]
    assert len(identifiers) == 1 and identifiers[0].startswith("idempotency-key ")
    assert "recorded-key" not in identifiers[0] and "writer" not in identifiers[0]
