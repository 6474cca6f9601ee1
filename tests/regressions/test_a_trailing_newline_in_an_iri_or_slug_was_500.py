"""IRI and slug checks used ``re.match(r"^…$")``, and ``$`` also matches before a final
``\\n``: ``GET /api/customers/c0001%0A``, ``GET``/``PUT /store?graph=http://x%0A``,
``default-graph-uri=http://x%0A`` and an admin's ``DELETE /api/customers/c0001%0A``
passed the check and failed later (500); a REST filter with ``%0A`` reached the SPARQL
text the server builds (400 "malformed query"). Found by issue 15. Every check is a full
match now (``re.fullmatch``, no ``$``): each request is a 4xx naming the bad value, and
nothing is written."""

from __future__ import annotations

import pytest

from tests.api.conftest import ADMIN, WRITER, App

REQUESTS = {
    "resource slug": ("GET", "/api/customers/acme%0A", {}),
    "erasure slug (admin)": ("DELETE", "/api/customers/acme%0A", ADMIN),
    "graph to read": ("GET", "/store?graph=http://example.org/g%0A", {}),
    "graph to write": ("PUT", "/store?graph=http://example.org/g%0A", WRITER),
    "protocol dataset": ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=http://x%0A", {}),
    "named graph of the dataset": (
        "GET",
        "/sparql?query=ASK%7B%7D&named-graph-uri=http://x%0A",
        {},
    ),
    "REST filter by IRI": ("GET", "/api/interactions?customer=http://example.org/id/acme%0A", {}),
    "REST filter by term": ("GET", "/api/interactions?channel=Workshop%0A", {}),
    "saved query name": ("GET", "/api/queries/channel-mix%0A", {}),
}
BODY = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_a_trailing_newline_is_a_clear_4xx_and_writes_nothing(served: App, name: str):
    method, url, headers = REQUESTS[name]
    before = served.dump()
    extra = {"content": BODY, "headers": {**headers, "Content-Type": "text/turtle"}}
    response = served.client.request(
        method, url, **(extra if method == "PUT" else {"headers": headers})
    )
    assert 400 <= response.status_code < 500, f"{response.status_code}: {response.text}"
    assert "malformed-query" not in response.json()["type"], response.text
    assert served.dump() == before
