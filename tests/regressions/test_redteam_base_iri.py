"""Red-team cases for the settled base IRI (kg/store/base_iri.py, kg/graph.py,
api/app.py) that its own tests do not cover. Each test fails while the defect it names
is there."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.settings import ApiSettings
from kg.cli import app as cli
from kg.config import Settings
from kg.store.base_iri import NOTE_NAME, settled_base
from tests.api.conftest import API_KEYS, SMALL_TTL, WRITER
from tests.reliability.server import WRITER_KEY, ServerProcess, ckm_command, ckm_environment


@pytest.fixture
def unset_base(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CKM_BASE_IRI", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the checkout


def _settings(store: Path, **fields) -> ApiSettings:
    return ApiSettings(store=store, api_keys=API_KEYS, _env_file=None, **fields)


@pytest.mark.parametrize("host", ["::1", "::"])
def test_ckm_serve_on_an_ipv6_address_crashes_at_start(host, tmp_path, unset_base, monkeypatch):
    """`ckm serve --host ::1` (or `::`, every interface) dies at start with
    ValueError "Port could not be cast to integer value as ':1:8931'": serve.py advertises
    http://::1:8931 without brackets and served_base() parses it; it started before."""
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    store = tmp_path / "store"
    done = CliRunner().invoke(
        cli, ["--store", str(store), "serve", "--host", host, "--port", "8931"]
    )
    if "app" in started:
        with TestClient(started["app"]):  # run the lifespan, so that the store is closed
            pass
    assert done.exit_code == 0, repr(done.exception)
    assert started.get("host") == host
    note = (store / NOTE_NAME).read_text().strip()
    assert note.endswith(":8931/id/") and "://:" not in note, note


@pytest.mark.parametrize("where", ["note", "CKM_BASE_IRI"])
def test_a_base_without_its_trailing_slash_is_glued_to_the_kind(where, tmp_path, unset_base):
    """A base of 'http://kg.example.org/id' (a note edited by hand, or CKM_BASE_IRI set
    without its slash on a fresh store and then remembered for good) is taken as it is:
    firms are minted as http://kg.example.org/idfirm/…, which no /id/ route answers;
    expected a refusal at start naming the setting, or the slash added."""
    store = tmp_path / "store"
    fields = {}
    if where == "note":
        store.mkdir()
        (store / NOTE_NAME).write_text("http://kg.example.org/id\n")
    else:
        fields["base_iri"] = "http://kg.example.org/id"
    try:
        application = create_app(_settings(store, **fields))
    except ValueError:
        return  # refused at start: fine
    with TestClient(application, raise_server_exceptions=False) as client:
        created = client.post("/api/firms", json={"label": "Slashless"}, headers=WRITER)
    assert created.status_code == 201, created.text
    assert created.json()["id"].startswith("http://kg.example.org/id/"), created.json()["id"]


@pytest.mark.xfail(
    strict=True,
    reason="not fixed: the REST routes name resources {base}{kind}/{slug} under the one "
    "base in use; a store whose base changed answers its older IRIs by SPARQL and GSP "
    "only (docs/OPERATIONS.md, 'Base IRI', says to rewrite them)",
)
def test_resources_of_the_old_base_are_unreachable_once_ckm_base_iri_is_set(tmp_path, unset_base):
    """docs/OPERATIONS.md: set CKM_BASE_IRI on a store that remembers another base and
    'the old ones keep theirs ... or keep both names answered by the proxy'. But every
    read by slug (/api/firms/{slug}, and /id/firm/{slug} which 303s there) builds the IRI
    from the new base: the firms minted before are 404 under any name."""
    store = tmp_path / "store"
    with TestClient(create_app(_settings(store)), raise_server_exceptions=False) as client:
        created = client.post("/api/firms", json={"label": "Minted before"}, headers=WRITER)
        assert created.status_code == 201, created.text
    iri = created.json()["id"]
    assert iri.startswith("http://localhost:8000/id/firm/"), iri
    slug = iri.rsplit("/", 1)[-1]
    moved = _settings(store, base_iri="https://kg.example.org/id/")
    with TestClient(create_app(moved), raise_server_exceptions=False) as client:
        by_slug = client.get(f"/api/firms/{slug}")
        by_id = client.get(f"/id/firm/{slug}", follow_redirects=True)
    assert by_slug.status_code == 200, by_slug.text
    assert by_id.status_code == 200, by_id.text


def test_ckm_init_before_the_first_serve_pins_the_default_base(tmp_path: Path):
    """The README tour runs `ckm init` first; it mints nothing, yet it leaves the note
    http://localhost:8000/id/, so the `ckm serve --port N` that first serves the (still
    empty) store mints under :8000, where nothing answers: docs/OPERATIONS.md says a
    fresh store takes the address of the ckm serve that first opens it."""
    env = ckm_environment()
    env.pop("CKM_BASE_IRI", None)
    store = tmp_path / "store"
    subprocess.run(ckm_command(store, "init"), env=env, cwd=tmp_path, check=True, timeout=300)
    server = ServerProcess(store, tmp_path, wait_for_writes=False)
    server.env = env
    with server, server.client() as client:
        created = client.post(
            "/api/firms",
            json={"label": "First firm"},
            headers={"Authorization": f"Bearer {WRITER_KEY}"},
        )
    assert created.status_code == 201, created.text
    port = server.base_url.rsplit(":", 1)[-1]
    assert created.json()["id"].startswith(f"http://localhost:{port}/id/"), created.json()["id"]


def test_a_remote_stores_base_follows_the_port_of_each_serve(unset_base):
    """A remote store (CKM_REMOTE_QUERY_URL) keeps no note and is never asked whether it
    holds data: each `ckm serve` mints under its own address, so a restart on another port
    (or the upgrade of a deployment that minted under the old fixed default) changes the
    base, and the resources minted before are 404 by slug; expected the base to stay."""
    settings = Settings(_env_file=None)
    first = settled_base(
        settings, store_dir=None, holds_data=lambda: True, served_at="http://127.0.0.1:8931"
    )
    again = settled_base(
        settings, store_dir=None, holds_data=lambda: True, served_at="http://127.0.0.1:8932"
    )
    assert first == again, (first, again)


def test_make_run_on_another_port_rebases_a_store_made_before_the_note(tmp_path: Path):
    """`make run PORT=8931` on a store with data but no note (made before ckm-base-iri
    existed, minted under http://localhost:8000/id/): the recipe sets CKM_BASE_IRI to
    :8931 for its `demo --if-empty`, which loads nothing but writes that base in the new
    note, so the server then mints under :8931 and the old resources are 404 by slug;
    expected the note to keep http://localhost:8000/id/ (rule 3 of kg/store/base_iri.py)."""
    env = ckm_environment()
    env.pop("CKM_BASE_IRI", None)
    store = tmp_path / "store"
    loaded = subprocess.run(
        ckm_command(store, "load", str(SMALL_TTL)), env=env, cwd=tmp_path, timeout=300
    )
    assert loaded.returncode == 0
    (store / NOTE_NAME).unlink()  # as a store made before the note
    recipe = (  # the first line of the Makefile's `run`, with STORE and PORT expanded
        f'CKM_BASE_IRI="${{CKM_BASE_IRI:-$(cat {store}/{NOTE_NAME} 2>/dev/null || '
        f'echo http://localhost:8931/id/)}}" {" ".join(ckm_command(store, "demo", "--if-empty"))}'
    )
    done = subprocess.run(
        ["sh", "-c", recipe], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "demo not loaded" in done.stdout
    assert (store / NOTE_NAME).read_text().strip() == "http://localhost:8000/id/"
