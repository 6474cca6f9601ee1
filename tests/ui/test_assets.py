"""The UI's files come from this server: our own from ``api/ui/static``, the browser
libraries from ``api/ui/node_modules`` (``make install``), nothing from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.errors import install_error_handlers
from api.ui import assets, pages

UI_DIR = Path(assets.__file__).parent
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(pages.router)
    app.include_router(assets.router)
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("name", sorted(assets.VENDOR_FILES))
def test_the_browser_libraries_are_served_locally(client: TestClient, name: str):
    response = client.get(f"/ui/vendor/{name}")
    assert response.status_code == 200, "run `make install` (npm ci in api/ui)"
    suffix = Path(name).suffix
    assert response.headers["content-type"].startswith(assets.MEDIA_TYPES[suffix])
    if suffix in {".js", ".css"}:  # a whole library, not a stub (an icon is small)
        assert len(response.content) > 10_000


def test_missing_libraries_say_how_to_install_them(client, monkeypatch, tmp_path):
    monkeypatch.setattr(assets, "NODE_MODULES", tmp_path)
    response = client.get("/ui/vendor/chart.js")
    assert response.status_code == 503
    assert "make install" in response.json()["detail"]


@pytest.mark.parametrize(
    "path", ["/ui/vendor/package.json", "/ui/static/..%2Fpages.py", "/ui/static/nothing.js"]
)
def test_only_known_files_are_served(client: TestClient, path: str):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/", "/editor", "/dashboard"])
def test_pages_load_nothing_from_elsewhere(client: TestClient, path: str):
    page = client.get(path)
    assert page.status_code == 200
    assert REMOTE.findall(page.text) == []
    for asset in re.findall(r'(?:src|href)="(/ui/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset


def test_the_editor_config_carries_the_ckm_prefixes(client: TestClient):
    config = client.get("/ui/config.json").json()
    assert config["prefixes"]["ckm"] == "https://w3id.org/ckm#"
    assert config["sparqlEndpoint"] == "/sparql"


def test_node_modules_are_not_committed():
    ignored = (UI_DIR.parents[1] / ".gitignore").read_text()
    assert "node_modules/" in ignored.splitlines()
    assert (UI_DIR / "package-lock.json").is_file()
