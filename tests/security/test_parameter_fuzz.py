"""Every route of the app gets, in each of its parameters (path, query, protocol form
fields, saved-query parameters), values no check should let through: control
characters, ``%0A`` and ``%00`` alone and at the end of a good value, ``\\r\\n``,
over-long values, bytes that are not UTF-8, a bidi override, path traversal and the
characters IRIs forbid. Sent with an admin key, so that writes are reached too.

No answer may be a 5xx, and nothing may be written (issue 15: a trailing ``%0A`` passed
``re.match(…$)`` checks and gave 500s). Routes and parameters come from the app and its
OpenAPI document, so a new one is fuzzed the day it is added.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.queries import saved_queries
from tests.api.conftest import ADMIN, App
from tests.security.conftest import small_app
from tests.security.routes import PATH_SAMPLES, route_calls

STRESS = bool(os.environ.get("CKM_STRESS"))
# Percent-encoded as sent on the wire, so that every byte is exactly what it says.
HOSTILE = [
    "%0A",
    "acme%0A",
    "http://example.org/id/acme%0A",
    "%00",
    "acme%00",
    "http://example.org/x%00y",
    "%0D%0A",
    "acme%0D%0AX-Injected:%201",
    "%09%0B%0C%1F%7F",
    "%C3%28",  # not UTF-8
    "%FF%FE%FD",
    "%E2%80%AE",  # RIGHT-TO-LEFT OVERRIDE
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%3C%3E%22%7B%7D%7C%5E%60%5C",  # < > " { } | ^ ` \
    "%25",
    "%20",
    "a" * 10_000,
    "http://example.org/" + "a" * 10_000,
    "ckm:Workshop%0A",
    "2026-03-04%0A",
    "-1",
    "99999999999999999999999999",
]
# Parameters a route reads from the request without declaring them in OpenAPI.
UNDECLARED = {
    "/sparql": ["query", "default-graph-uri", "named-graph-uri"],
    "/store": ["graph", "default"],
}
SAVED = ["knowledge-flows-by-month", "top-contributors", "crowding-out-risk"]


def _random_values(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(f"%{rng.randrange(256):02X}" for _ in range(rng.randrange(1, 12)))
        for _ in range(count)
    ]


VALUES = HOSTILE + (_random_values(15, 200) if STRESS else _random_values(15, 8))


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = small_app(Path(tmp_path_factory.mktemp("parameters")), query_timeout_s=5.0)
    yield app
    app.close()


def _declared_parameters(app: App) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(method, path) -> [(name, where)] from the OpenAPI document."""
    found = {}
    for path, operations in app.client.app.openapi()["paths"].items():
        for method, operation in operations.items():
            found[(method.upper(), path)] = [
                (p["name"], p["in"]) for p in operation.get("parameters", [])
            ]
    return found


def _cases(app: App) -> Iterator[tuple[str, dict]]:
    """(what, request) for every parameter of every route and every hostile value."""
    declared = _declared_parameters(app)
    for call in route_calls(app.client.app):
        base = dict(call.request)
        parameters = declared.get((call.method, call.path), [])
        names = [n for n, where in parameters if where == "query"]
        names += [n for n in UNDECLARED.get(call.path, []) if n not in names]
        path_names = [n for n, where in parameters if where == "path"]
        path_names += [part[1:-1] for part in call.path.split("/") if part.startswith("{")]
        for value in VALUES:
            for name in dict.fromkeys(path_names):
                url = call.path
                for other, sample in PATH_SAMPLES.items():
                    url = url.replace(f"{{{other}}}", value if other == name else sample)
                yield f"{call.method} {call.path} {{{name}}}", {**base, "url": url}
            for name in names:
                if call.name == "/sparql update":
                    continue  # its fields are the update's; fuzzed by the corpus
                yield f"{call.method} {call.name} ?{name}", _with_query(base, name, value)
            if call.name == "/sparql query":
                body = f"query=ASK%7B%7D&default-graph-uri={value}&named-graph-uri={value}"
                form = {"Content-Type": "application/x-www-form-urlencoded"}
                yield "POST /sparql form", {**base, "data": None, "content": body, "headers": form}
    for name in SAVED:
        for parameter in saved_queries()[name].parameters:
            for value in VALUES:
                url = f"/api/queries/{name}?{quote(parameter.name)}={value}"
                yield f"GET /api/queries/{name} ?{parameter.name}", {"method": "GET", "url": url}


def _with_query(request: dict, name: str, value: str) -> dict:
    url = request["url"]
    params = {k: v for k, v in (request.get("params") or {}).items() if k != name}
    known = "&".join(f"{quote(k)}={quote(str(v))}" for k, v in params.items())
    hostile = f"{quote(name)}={value}"
    query = "&".join(part for part in (known, hostile) if part)
    return {**request, "params": None, "url": f"{url}?{query}"}


def test_no_parameter_value_gives_a_5xx_or_writes(fuzzed: App):
    before = fuzzed.dump()
    failures = []
    for what, request in _cases(fuzzed):
        request = {k: v for k, v in request.items() if v is not None}
        request["headers"] = {**request.get("headers", {}), **ADMIN}
        response = fuzzed.client.request(**request, follow_redirects=False)
        if response.status_code >= 500:
            failures.append(f"{what} = {request['url'][-80:]!r}: {response.status_code}")
    assert not failures, f"{len(failures)} 5xx answers:\n" + "\n".join(failures[:40])
    assert fuzzed.dump() == before, "a fuzzed request wrote to the store"
