"""Minted IRIs dereference on the server that minted them, and never change once used.

Real ``ckm serve`` processes on free loopback ports: a firm created through the REST API
on a fresh store is minted under ``http://localhost:{port}/id/``, and that very IRI,
fetched over HTTP, leads to the firm. The store remembers its base across restarts on
other ports; ``CKM_BASE_IRI`` (a proxy's public address) wins when set."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from kg.store.base_iri import NOTE_NAME
from tests.reliability.server import WRITER_KEY, ServerProcess, ckm_command, ckm_environment

WRITER = {"Authorization": f"Bearer {WRITER_KEY}"}


def _unset_base() -> dict[str, str]:
    """The test processes' environment without ``CKM_BASE_IRI`` (the default's case)."""
    env = ckm_environment()
    env.pop("CKM_BASE_IRI", None)
    return env


def _server(store: Path, log_dir: Path, **settings: str) -> ServerProcess:
    server = ServerProcess(store, log_dir, settings=settings, wait_for_writes=False)
    server.env = _unset_base() | settings
    return server


def _create_firm(server: ServerProcess, label: str) -> str:
    with server.client() as client:
        answer = client.post("/api/firms", json={"label": label}, headers=WRITER)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def _port(server: ServerProcess) -> int:
    port = urlsplit(server.base_url).port
    assert port is not None
    return port


def test_a_fresh_store_mints_under_the_servers_address_and_the_iri_resolves(tmp_path: Path):
    store = tmp_path / "store"
    with _server(store, tmp_path) as server:
        port = _port(server)
        assert port != 8000  # a free port: the old fixed default would not dereference
        iri = _create_firm(server, "Feldmann Werkzeugbau")
        assert iri.startswith(f"http://localhost:{port}/id/firm/"), iri
        answer = httpx.get(iri, headers={"Accept": "application/json"}, follow_redirects=True)
    assert answer.status_code == 200, answer.text
    assert answer.json()["id"] == iri
    assert answer.json()["label"] == "Feldmann Werkzeugbau"
    assert (store / NOTE_NAME).read_text().strip() == f"http://localhost:{port}/id/"


def test_a_restart_on_another_port_keeps_the_stores_base(tmp_path: Path):
    store = tmp_path / "store"
    with _server(store, tmp_path) as first:
        first_port = _port(first)
        old = _create_firm(first, "Old firm")
    with _server(store, tmp_path) as second:
        assert _port(second) != first_port
        new = _create_firm(second, "New firm")
        with second.client() as client:  # the old firm is still found by its slug
            slug = old.rsplit("/", 1)[1]
            assert client.get(f"/api/firms/{slug}").json()["id"] == old
    assert new.startswith(f"http://localhost:{first_port}/id/firm/"), new
    assert "not under this server's address" in second.log.read_text()


def test_ckm_base_iri_wins_for_a_server_behind_a_proxy(tmp_path: Path):
    store = tmp_path / "store"
    public = "https://kg.example.org/ckm/id/"
    settings = {"CKM_BASE_IRI": public}
    with _server(store, tmp_path, **settings) as server:
        iri = _create_firm(server, "Behind a proxy")
        with server.client() as client:  # the proxy forwards /ckm/id/… as /id/…
            path = urlsplit(iri).path.removeprefix("/ckm")
            answer = client.get(path, headers={"Accept": "application/json"})
            assert answer.status_code == 303
            assert client.get(answer.headers["location"]).json()["id"] == iri
    assert iri.startswith(f"{public}firm/"), iri
    assert (store / NOTE_NAME).read_text().strip() == public


def test_a_store_loaded_by_the_command_line_keeps_the_default_base(tmp_path: Path):
    """``ckm load`` without a server mints under the default; the server started on the
    store later keeps it (and says that its own address differs)."""
    store = tmp_path / "store"
    ttl = tmp_path / "firm.ttl"
    ttl.write_text(
        "@prefix ckm: <https://w3id.org/ckm#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<http://localhost:8000/id/firm/loaded> a ckm:Firm ; rdfs:label "Loaded" .\n'
    )
    done = subprocess.run(
        ckm_command(store, "load", str(ttl)),
        env=_unset_base(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (store / NOTE_NAME).read_text().strip() == "http://localhost:8000/id/"
    with _server(store, tmp_path) as server:
        iri = _create_firm(server, "Made later")
        with server.client() as client:
            assert client.get("/api/firms/loaded").json()["label"] == "Loaded"
    assert iri.startswith("http://localhost:8000/id/firm/"), iri
