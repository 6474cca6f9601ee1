"""Issue 19: ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) were blank offline, their
scripts coming from jsdelivr and ReDoc's fonts from Google. In a browser cut off from
every host but the server (the ``page`` fixture aborts and records anything else, and
fails the test on it), both must draw every operation of the server's ``/openapi.json``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.live_server import LiveServer
from tests.ui.conftest import LOCAL_HOSTS, Watched

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
# ReDoc 2 draws its menu's logo from this address, always; the page's
# Content-Security-Policy stops it in the browser, so it never reaches the network.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
RENDER_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def operations(server: LiveServer) -> list[dict]:
    """Every (path, method) operation the server describes, as its OpenAPI object."""
    spec = httpx.get(server.base_url + "/openapi.json").json()
    found = [
        operation
        for methods in spec["paths"].values()
        for method, operation in methods.items()
        if method in HTTP_METHODS
    ]
    assert len(found) > 20, "the server describes its operations"
    return found


def asked_elsewhere(page: Watched) -> list[str]:
    """Every URL off the server the page asks for from now on: those the fixture's guard
    aborts and those the page's Content-Security-Policy stops before they leave."""
    asked: list[str] = []

    def note(request) -> None:
        url = urlsplit(request.url)
        if url.scheme in {"http", "https"} and url.hostname not in LOCAL_HOSTS:
            asked.append(request.url)

    page.page.on("request", note)
    return asked


def test_swagger_ui_draws_every_operation_offline(page: Watched, server, operations):
    """Every operation but the typed copy of each saved query (the generic
    /api/queries/{name} runs them; Swagger UI 5.35 stops drawing past ~130 operations)."""
    asked = asked_elsewhere(page)
    page.page.goto(server.base_url + "/docs")
    spec = httpx.get(server.base_url + "/openapi.json").json()
    copies = [
        path for path in spec["paths"] if path.startswith("/api/queries/") and "{" not in path
    ]
    saved = httpx.get(server.base_url + "/api/queries").json()
    assert sorted(copies) == sorted(f"/api/queries/{q['name']}" for q in saved)
    drawn = [
        op for op in operations if op.get("operationId", "").startswith("saved_query_") is False
    ]
    # Swagger UI lists an operation under each of its tags (an untagged one once).
    expected = sum(max(1, len(operation.get("tags", []))) for operation in drawn)
    page.page.wait_for_function(
        "n => document.querySelectorAll('.opblock').length >= n",
        arg=expected,
        timeout=RENDER_TIMEOUT_MS,
    )
    assert page.page.locator(".opblock").count() == expected
    page.screenshot("api-docs-swagger-ui")
    assert asked == []


def test_swagger_ui_tries_an_operation_on_the_server(page: Watched, server: LiveServer):
    """Swagger UI's "Try it out" works under the page's policy: it asks this server."""
    page.page.goto(server.base_url + "/docs")
    health = page.page.locator(".opblock", has=page.page.locator('[data-path="/health"]'))
    health.locator(".opblock-summary").click(timeout=RENDER_TIMEOUT_MS)
    health.locator(".try-out__btn").click()
    health.locator(".execute").click()
    status = health.locator(".live-responses-table tbody .response-col_status")
    status.wait_for(timeout=RENDER_TIMEOUT_MS)
    assert status.inner_text().strip() == "200"
    assert '"status": "ok"' in health.locator(".live-responses-table").inner_text()


def test_redoc_draws_every_operation_offline(page: Watched, server, operations):
    asked = asked_elsewhere(page)
    page.page.goto(server.base_url + "/redoc")
    sections = "[data-section-id^='operation/']"
    page.page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n",
        arg=[sections, len(operations)],
        timeout=RENDER_TIMEOUT_MS,
    )
    drawn = page.page.eval_on_selector_all(
        sections, "nodes => nodes.map(node => node.dataset.sectionId)"
    )
    assert sorted(drawn) == sorted(f"operation/{op['operationId']}" for op in operations)
    summaries = page.page.locator("h2").all_inner_texts()
    for operation in operations[:5]:
        assert operation["summary"] in summaries
    page.screenshot("api-docs-redoc")
    assert set(asked) <= {REDOC_LOGO}  # stopped by the policy; the guard saw nothing
