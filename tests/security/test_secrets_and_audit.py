"""API keys never reach a log, an answer or the store; an erasure leaves an audit record
that names who erased and when, but nothing about the customer."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from rdflib import URIRef

from api.auth import parse_keys
from kg.vocab import PROVENANCE_GRAPH
from tests.api.conftest import ADMIN, KEYS, WRITER, App, bearer
from tests.api.live_server import live_server
from tests.kg.conftest import EX

CUSTOMER = {
    "label": "Zelda Quarterhouse",
    "customerOf": [EX + "medsoft"],
    "customerRole": "ckm:PassiveCustomerRole",
    "typology": "ckm:B2C",
    "country": "AT",
}
INSERT = 'INSERT DATA { <http://example.org/id/acme> <http://example.org/note> "n" }'


def _exercise(client, headers_by_caller: dict[str, dict[str, str]]) -> None:
    """Reads, writes and refusals by every caller, including malformed credentials."""
    for headers in headers_by_caller.values():
        client.get("/sparql", params={"query": "ASK {}"}, headers=headers)
        client.get("/api/customers", headers=headers)
        client.post(
            "/sparql",
            content=INSERT,
            headers={"Content-Type": "application/sparql-update", **headers},
        )
        client.delete("/api/customers/nobody", headers=headers)
        client.post("/api/firms", json={"label": 3}, headers=headers)


def test_keys_are_never_logged_answered_or_stored(served: App, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)
    callers = {role: bearer(role) for role in KEYS} | {
        "wrong": {"Authorization": "Bearer not-a-key-but-secret-looking"},
        "basic": {"Authorization": f"Basic {KEYS['admin']}"},
        "bare": {"Authorization": KEYS["writer"]},
    }
    _exercise(served.client, callers)
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    stored = served.dump().decode()
    for secret in [*KEYS.values(), "not-a-key-but-secret-looking"]:
        assert secret not in logged
        assert secret not in stored
    assert "urn:ckm:agent:writer-key" in stored  # the key's name is the recorded agent


def test_a_malformed_key_setting_does_not_echo_any_part_of_the_key():
    for setting in ("s3cr3t-value:superuser", "ops=s3cr3t-value:boss", "s3cr3t-value"):
        with pytest.raises(ValueError) as refused:
            parse_keys(setting)
        assert "s3c" not in str(refused.value)


def test_a_live_server_logs_no_key(tmp_path: Path):
    """uvicorn's own access and error logs of a real ``ckm serve`` hold no key."""
    with live_server(tmp_path) as server:
        for key in (server.writer_key, server.admin_key, "wrong-live-key-123"):
            headers = server.bearer(key)
            httpx.get(f"{server.base_url}/api/customers", headers=headers, timeout=30)
            httpx.post(
                server.sparql,
                content=INSERT,
                headers={"Content-Type": "application/sparql-update", **headers},
                timeout=30,
            )
            httpx.delete(f"{server.base_url}/api/customers/nobody", headers=headers, timeout=30)
        log = server.log
    text = log.read_text(errors="replace")
    assert "DELETE /api/customers/nobody" in text  # the access log was written
    for key in (server.writer_key, server.admin_key, "wrong-live-key-123"):
        assert key not in text


def test_an_erasure_is_audited_without_personal_data(served: App):
    created = served.client.post("/api/customers", json=CUSTOMER, headers=WRITER)
    assert created.status_code == 201, created.text
    iri = created.json()["id"]
    slug = iri.rsplit("/", 1)[1]
    served.client.post(
        "/sparql",
        content=f'INSERT DATA {{ <{iri}> <http://example.org/note> "likes jazz" }}',
        headers={"Content-Type": "application/sparql-update", **WRITER},
    )
    assert served.client.delete(f"/api/customers/{slug}", headers=WRITER).status_code == 403
    assert iri.encode() in served.dump()

    erased = served.client.delete(f"/api/customers/{slug}", headers=ADMIN)

    assert erased.status_code == 204
    dump = served.dump().decode()
    for personal in (iri, slug, CUSTOMER["label"], "likes jazz"):
        assert personal not in dump
    erasures = [
        activity
        for activity, _p, label, _g in served.graph.quads(graph=PROVENANCE_GRAPH)
        if str(label) == "erase-customer"
    ]
    assert len(erasures) == 1
    record = {(str(p), str(o)) for _s, p, o, _g in served.graph.quads(erasures[0], None, None)}
    assert ("http://www.w3.org/ns/prov#wasAssociatedWith", "urn:ckm:agent:admin-key") in record
    assert any(p.endswith("triplesRemoved") and int(o) > 0 for p, o in record)
    assert any(p.endswith("endedAtTime") for p, _o in record)
    assert not any(URIRef(iri) == URIRef(o) for _p, o in record)
