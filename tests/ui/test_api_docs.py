"""Issue 19: ``/docs`` and ``/redoc`` were blank offline, their scripts and fonts coming
from jsdelivr and Google. Now every URL they name is this server's, and their
Content-Security-Policy lets the browser reach nothing else (the browser test,
``test_api_docs_offline.py``, renders them with the network cut off)."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from api.app import create_app
from api.errors import install_error_handlers
from api.settings import ApiSettings
from api.ui import api_docs, assets

DOCS_PAGES = ["/docs", "/redoc", "/docs/oauth2-redirect"]
URL_IN_PAGE = re.compile(r"""(?:src|href|spec-url)="([^"]+)"|url: '([^']+)'""")


def docs_app() -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None)
    install_error_handlers(app)
    app.include_router(api_docs.router)
    app.include_router(assets.router)
    return app


@pytest.fixture
def client() -> TestClient:
    return TestClient(docs_app(), raise_server_exceptions=False)


def urls_in(page: str) -> list[str]:
    """The URLs a docs page loads: scripts, styles, icon and the OpenAPI document."""
    return [first or second for first, second in URL_IN_PAGE.findall(page)]


@pytest.mark.parametrize("path", DOCS_PAGES)
def test_the_docs_pages_name_no_other_host(client: TestClient, path: str):
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "cdn" not in page.text.lower()
    assert "http" not in page.text.lower()  # no absolute URL at all: nothing elsewhere


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_everything_the_docs_pages_load_is_served_here(client: TestClient, path: str):
    urls = urls_in(client.get(path).text)
    # Swagger UI reads the document without the saved queries' typed copies (it stops
    # drawing past ~130 operations; api/openapi_doc.py swagger_document)
    assert ("/ui/openapi-swagger.json" if path == "/docs" else "/openapi.json") in urls
    assert len(urls) >= 3  # the library, the icon and the OpenAPI document
    for url in urls:
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url


def test_swagger_ui_is_served_as_javascript(client: TestClient):
    response = client.get("/ui/vendor/swagger-ui-bundle.js")
    assert response.status_code == 200, "run `make install` (npm ci in api/ui)"
    assert response.headers["content-type"].startswith("text/javascript")
    assert b"SwaggerUIBundle" in response.content


@pytest.mark.parametrize("path", DOCS_PAGES)
def test_the_docs_pages_may_reach_only_this_server(client: TestClient, path: str):
    """ReDoc 2 draws its menu's logo from cdn.redoc.ly: the policy keeps it home."""
    policy = client.get(path).headers["content-security-policy"]
    directives = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert directives["default-src"] == "'self'"
    for sources in directives.values():
        assert "http" not in sources and "*" not in sources, policy


def test_the_docs_pages_follow_the_root_path():
    client = TestClient(docs_app(), root_path="/ckm")
    swagger = client.get("/docs").text
    assert "url: '/ckm/ui/openapi-swagger.json'" in swagger
    assert 'src="/ckm/ui/vendor/swagger-ui-bundle.js"' in swagger
    assert "'/ckm/docs/oauth2-redirect'" in swagger
    redoc = client.get("/redoc").text
    assert 'spec-url="/ckm/openapi.json"' in redoc
    assert 'src="/ckm/ui/vendor/redoc.standalone.js"' in redoc


def test_the_app_serves_these_pages_instead_of_fastapis(tmp_path):
    app = create_app(ApiSettings(store=tmp_path / "store"))
    try:
        routes = [route for route in iter_route_contexts(app.routes) if route.path in DOCS_PAGES]
        assert sorted(route.path for route in routes) == sorted(DOCS_PAGES)  # FastAPI's off
        routes = {route.path: route for route in routes}
        assert routes["/docs"].endpoint is api_docs.swagger_ui
        assert routes["/redoc"].endpoint is api_docs.redoc
        assert not set(DOCS_PAGES) & set(app.openapi()["paths"])
        page = TestClient(app).get("/docs").text
        assert 'src="/ui/vendor/swagger-ui-bundle.js"' in page
        assert "CKM Knowledge Graph - Swagger UI" in page
    finally:
        app.state.kg.close()
