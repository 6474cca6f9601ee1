"""API keys and roles (reader < writer < admin), problem documents, the body limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.auth import Role, identify, parse_keys
from tests.api.conftest import App, bearer
from tests.api.test_sparql_protocol import problem

ROLES = [None, "reader", "writer", "admin", "wrong"]
INSERT = 'INSERT DATA { <http://example.org/x> <http://example.org/note> "auth" }'

# route name -> (method, url, kwargs, least role needed or None for open reads)
ROUTES = {
    "sparql query": ("GET", "/sparql", {"params": {"query": "ASK {}"}}, None),
    "sparql update": (
        "POST",
        "/sparql",
        {"content": INSERT, "headers": {"Content-Type": "application/sparql-update"}},
        "writer",
    ),
    "gsp get": ("GET", "/store", {"params": {"default": ""}}, None),
    "gsp put": (
        "PUT",
        "/store",
        {
            "params": {"graph": "http://example.org/g"},
            "content": "<x:a> <x:b> <x:c> .",
            "headers": {"Content-Type": "text/turtle"},
        },
        "writer",
    ),
    "gsp delete": ("DELETE", "/store", {"params": {"graph": "http://example.org/g"}}, "writer"),
    "rest list": ("GET", "/api/customers", {}, None),
    "rest create": (
        "POST",
        "/api/firms",
        {"json": {"type": ["ckm:SME"], "label": "Auth GmbH"}},
        "writer",
    ),
    "rest erase customer": ("DELETE", "/api/customers/nobody", {}, "admin"),
    "validate": (
        "POST",
        "/validate",
        {"content": "<x:a> <x:b> <x:c> .", "headers": {"Content-Type": "text/turtle"}},
        None,
    ),
}
RANK = {None: 0, "reader": 1, "writer": 2, "admin": 3}


def expected_status(role: str | None, needed: str | None) -> int | None:
    """401 anonymous/wrong key where a role is needed, 403 too weak, else None (allowed)."""
    if role == "wrong":
        return 401
    if needed is None:
        return None
    if role is None:
        return 401
    return 403 if RANK[role] < RANK[needed] else None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(ROUTES))
def test_auth_matrix(small: App, route: str, role: str | None):
    """Each route x role: too weak a role is 403, none is 401 with WWW-Authenticate."""
    method, url, kwargs, needed = ROUTES[route]
    kwargs = dict(kwargs)
    kwargs["headers"] = {**kwargs.get("headers", {}), **bearer(role)}
    before = small.dump()
    response = small.client.request(method, url, **kwargs)
    expected = expected_status(role, needed)
    if expected is None:
        assert response.status_code < 400 or response.status_code == 404, response.text
        return
    assert response.status_code == expected, response.text
    problem(response)
    if expected == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert small.dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_reads_can_require_a_key(tmp_path: Path, role: str | None):
    """CKM_READS_NEED_KEY: reads then need at least a reader key."""
    app = App(tmp_path, reads_need_key=True)
    try:
        response = app.client.get("/sparql", params={"query": "ASK {}"}, headers=bearer(role))
        assert response.status_code == (200 if role in ("reader", "writer", "admin") else 401)
    finally:
        app.close()


def test_malformed_authorization_is_401(small: App):
    response = small.client.post(
        "/sparql",
        content=INSERT,
        headers={"Content-Type": "application/sparql-update", "Authorization": "Basic abc"},
    )
    assert response.status_code == 401
    problem(response)


def test_keys_parse_as_name_role_secret_split_from_the_left():
    keys = parse_keys("alice:writer:s1-0123456789abcdef, ops:admin:s2:with=colon:and=equals")
    assert [(k.name, k.role) for k in keys] == [("alice", Role.WRITER), ("ops", Role.ADMIN)]
    assert identify(keys, "Bearer s2:with=colon:and=equals").agent == "ops"
    with pytest.raises(ValueError, match="role"):
        parse_keys("alice:boss:s3-0123456789abcdef")


def test_body_over_the_limit_is_413_and_nothing_written(tmp_path: Path):
    """RFC 9110 §15.5.14: a body larger than CKM_MAX_BODY_BYTES is refused with 413."""
    app = App(tmp_path, max_body_bytes=200)
    try:
        before = app.dump()
        body = "<http://example.org/x> <http://example.org/note> " + '"' + "x" * 300 + '" .'
        response = app.client.put(
            "/store",
            params={"default": ""},
            content=body,
            headers={"Content-Type": "text/turtle"} | bearer("writer"),
        )
        assert response.status_code == 413
        problem(response)
        streamed = app.client.post(
            "/sparql",
            content=iter([b"INSERT DATA {", b" " * 300, b"}"]),
            headers={"Content-Type": "application/sparql-update"} | bearer("writer"),
        )
        assert streamed.status_code == 413
        assert app.dump() == before
    finally:
        app.close()


def test_slow_query_is_503_problem(tmp_path: Path):
    """A query past CKM_QUERY_TIMEOUT_S is abandoned: 503 with a clear problem."""
    app = App(tmp_path, query_timeout_s=0.05)
    try:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
        response = app.client.get("/sparql", params={"query": query})
        assert response.status_code == 503
        assert "longer than" in problem(response)["detail"]
    finally:
        app.close()


def test_result_rows_are_limited(tmp_path: Path):
    """CKM_RESULT_LIMIT: rows beyond it are cut and the response says so in a header."""
    app = App(tmp_path, result_limit=5)
    try:
        response = app.client.get(
            "/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Accept": "text/csv"},
        )
        assert response.status_code == 200
        assert len(response.text.splitlines()) == 6
        assert response.headers["ckm-result-limit"] == "5"
    finally:
        app.close()


def test_unknown_route_is_a_problem(demo: App):
    response = demo.client.get("/no/such/thing")
    assert response.status_code == 404
    problem(response)
