"""Every hostile input of tests/security/corpus/ against a real ``ckm serve``: a clear
4xx problem document, nothing written, nothing fetched, nothing leaked, and the server
healthy afterwards (a parser that overflows its stack kills the process, which the
health check after each case would see)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability.server import ADMIN_KEY, WRITER_KEY, ServerProcess
from tests.security.conftest import MAX_BODY_BYTES, store_state
from tests.security.listener import Listener, listening

CORPUS = Path(__file__).with_name("corpus")
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text())
RDF_MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}
KEYS = {"writer": WRITER_KEY, "admin": ADMIN_KEY}
# What must never appear in an answer: a file's content read through an entity, a
# Python trace, a key.
LEAKS = ("root:x:0:0", "Traceback", 'File "/', WRITER_KEY, ADMIN_KEY)


@dataclass(frozen=True)
class HostileRequest:
    """One request of the corpus and the status it must get."""

    name: str
    method: str
    url: str
    status: int
    caller: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    files: dict[str, Any] | None = None

    def send(self, server: ServerProcess, listener: Listener) -> httpx.Response:
        content = self.content
        if content is not None:
            content = content.replace(b"{LISTENER}", listener.url.encode())
        headers = dict(self.headers)
        if self.caller:
            headers["Authorization"] = f"Bearer {KEYS[self.caller]}"
        return httpx.request(
            self.method,
            server.base_url + self.url,
            params=self.params or None,
            content=content,
            headers=headers,
            files=self.files,
            timeout=60,
        )


def corpus_files() -> Iterator[HostileRequest]:
    """Each corpus file sent everywhere its kind of content is read."""
    status = EXPECTED["status"]
    for path in sorted(CORPUS.iterdir()):
        body, expected = path.read_bytes(), status.get(path.name, 400)
        name = path.name
        if path.suffix in RDF_MEDIA_TYPES:
            rdf = {"Content-Type": RDF_MEDIA_TYPES[path.suffix]}
            graph = {"graph": "urn:corpus:g"}
            yield HostileRequest(
                f"{name} PUT", "PUT", "/store", expected, "writer", graph, body, rdf
            )
            yield HostileRequest(
                f"{name} validate", "POST", "/validate", expected, None, {}, body, rdf
            )
        elif path.suffix == ".rq":
            query = {"Content-Type": "application/sparql-query"}
            yield HostileRequest(name, "POST", "/sparql", expected, None, {}, body, query)
        elif path.suffix == ".ru":
            update = {"Content-Type": "application/sparql-update"}
            yield HostileRequest(name, "POST", "/sparql", expected, "writer", {}, body, update)
        elif path.suffix == ".json":
            json = {"Content-Type": "application/json"}
            yield HostileRequest(name, "POST", "/api/customers", expected, "writer", {}, body, json)


def corpus_requests() -> Iterator[HostileRequest]:
    """The requests of expected.toml, hostile in their URL, headers or method."""
    for entry in EXPECTED["request"]:
        body = entry.get("body", "").encode()
        if "body_hex" in entry:
            body = bytes.fromhex(entry["body_hex"])
        headers = {}
        if "content_type" in entry:
            headers["Content-Type"] = entry["content_type"]
        if "accept" in entry:
            headers["Accept"] = entry["accept"] * entry.get("accept_repeat", 1)
        files = None
        if "multipart_file" in entry:
            files = {"files": (entry["multipart_file"], body, "text/csv")}
            body = None
        yield HostileRequest(
            entry["name"],
            entry["method"],
            entry.get("raw_path", entry.get("path", "")),
            entry["status"],
            entry.get("caller"),
            entry.get("params", {}),
            body if body else None,
            headers,
            files,
        )


def generated() -> Iterator[HostileRequest]:
    """Inputs too big to keep in the repository."""
    turtle = {"Content-Type": "text/turtle"}
    huge_literal = b'<http://example.org/a> <http://example.org/b> "' + b"x" * MAX_BODY_BYTES
    yield HostileRequest(
        "literal larger than the body limit",
        "PUT",
        "/store",
        413,
        "writer",
        {"graph": "urn:corpus:g"},
        huge_literal + b'" .',
        turtle,
    )
    many = b"".join(
        b"<http://example.org/s%d> <http://example.org/p> <http://example.org/o> .\n" % i
        for i in range(MAX_BODY_BYTES // 60)
    )
    yield HostileRequest(
        "body of many triples larger than the limit",
        "POST",
        "/validate",
        413,
        None,
        {},
        many,
        turtle,
    )


CASES = [*corpus_files(), *corpus_requests(), *generated()]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as listener:
        yield listener


def test_the_corpus_is_complete():
    """Every kind of hostile input the brief names is in the corpus."""
    names = {path.name for path in CORPUS.iterdir()}
    for wanted in (
        "malformed.ttl",
        "malformed-no-dot.nt",
        "malformed.jsonld",
        "malformed.rdf",
        "xxe-local-file.rdf",
        "billion-laughs.rdf",
        "deeply-nested.jsonld",
        "invalid-iri.nt",
        "not-utf8.ttl",
        "remote-context.jsonld",
        "service.rq",
        "load.ru",
    ):
        assert wanted in names
    assert len(CASES) > 60


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_input_gets_a_clear_4xx_and_changes_nothing(
    case: HostileRequest, live: ServerProcess, listener: Listener
):
    before = store_state(live)
    fetched_before = len(listener.requests)

    response = case.send(live, listener)

    assert response.status_code == case.status, response.text[:500]
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == case.status and problem["detail"]
    for leak in LEAKS:
        assert leak not in response.text
    assert listener.requests[fetched_before:] == [], "the server called out"
    health = httpx.get(f"{live.base_url}/health", timeout=30)
    assert health.status_code == 200, f"the server is not healthy: {live.log.read_text()[-2000:]}"
    assert store_state(live) == before


def test_dataset_clauses_are_read_from_the_store_never_fetched(
    live: ServerProcess, listener: Listener
):
    """FROM, FROM NAMED and USING name graphs of the store; a graph named by a URL is
    not fetched, so a query cannot make the server call out."""
    remote = f"<{listener.url}/graph.ttl>"
    query = f"SELECT * FROM {remote} FROM NAMED {remote} WHERE {{ ?s ?p ?o }}"
    update = f"INSERT {{ <urn:x:a> <urn:x:b> ?o }} USING {remote} WHERE {{ ?s ?p ?o }}"
    before = store_state(live)
    answered = httpx.post(f"{live.base_url}/sparql", data={"query": query}, timeout=60)
    updated = httpx.post(
        f"{live.base_url}/sparql",
        content=update,
        headers={
            "Content-Type": "application/sparql-update",
            "Authorization": f"Bearer {WRITER_KEY}",
        },
        timeout=60,
    )
    assert answered.status_code == 200 and updated.status_code == 200
    assert listener.requests == []
    assert store_state(live) == before


def test_docs_security_counts_the_corpus_as_it_is():
    """docs/SECURITY.md once said 109 hostile inputs where the corpus had 107."""
    text = (Path(__file__).parents[2] / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    assert f"{len(CASES)} hostile inputs" in text
