"""``GET /id/%3E%20%7D/x`` (a kind with a '>' and a space) answered 500: the IRI was
built without a check and Oxigraph refused it deep in a lookup (found by the
hostile-input corpus). No resource can have such an IRI: 404."""

from __future__ import annotations

from pathlib import Path

from tests.security.conftest import small_app


def test_an_iri_no_resource_can_have_is_404(tmp_path: Path):
    app = small_app(tmp_path)
    try:
        response = app.client.get("/id/%3E%20%7D/x")
        assert response.status_code == 404
        assert response.json()["type"].endswith("unknown-resource")
    finally:
        app.close()
