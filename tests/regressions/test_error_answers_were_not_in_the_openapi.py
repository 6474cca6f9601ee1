"""The OpenAPI document promised only 200 and FastAPI's own 422 body, while the API
answers problem documents (400, 401, 403, 404, 406, 413, 415, 422 with ``errors``, 503…)
and some 200s in media types it did not list (found by the Schemathesis fuzz,
tests/security/test_openapi_fuzz.py): clients generated from it broke on errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import WRITER, App
from tests.security.conftest import small_app

PROBLEM = "application/problem+json"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[App]:
    app = small_app(tmp_path)
    yield app
    app.close()


def test_every_operation_documents_its_problem_answers(served: App):
    spec = served.client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            for status in ("400", "401", "403", "422", "503"):
                # a route may describe one in its own words, without a media type
                content = responses[status].get("content", {PROBLEM: {}})
                assert PROBLEM in content, f"{method} {path} {status}"


def test_a_field_error_is_the_documented_problem(served: App):
    response = served.client.post("/api/firms", json={}, headers=WRITER)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
