"""The W3C SPARQL 1.1 Graph Store Protocol manifest, run against the real app.

``tests/api/data/w3c-gsp/manifest.ttl`` (vendored, see its README) lists 19 entries;
each holds HTTP requests (the W3C HTTP vocabulary, ``ht:``) to run in order on one
store, with the status code and, for some, the graph the answer must hold. The runner
reads it with rdflib and sends every request to a fresh, empty store:

- ``$GRAPHSTORE$`` is our Graph Store, ``/store``; ``$HOST$`` is the test client's host,
  ``testserver``. A path under ``$GRAPHSTORE$/`` is direct identification (§4.1: the
  request IRI ``http://testserver/store/person/1.ttl`` names the graph); a query
  ``graph=$GRAPHSTORE$/…`` is indirect identification (§4.2) of the same graph, given
  as the absolute IRI §4.2 requires; ``http://$HOST$/$GRAPHSTORE$`` in a body is
  ``http://testserver/store``.
- ``$NEWPATH$`` is the ``Location`` the graph store answered ``POST $GRAPHSTORE$`` with.
- Every request carries a writer key (the manifest has no authentication; our writes
  need one) and a multipart body gets CRLF line ends (RFC 2046 §5.1.1; the manifest's
  text literal has LF only).
- An expected body is compared with the answer as graphs (rdflib ``isomorphic``, blank
  nodes as blank nodes), the answer parsed by its ``Content-Type``.
- A status code matches exactly, except where the Recommendation allows two: a
  DELETE that succeeded "200 OK or 204 No Content" (§5.4) and a PUT that replaced a
  graph "either the 200 OK or 204 No Content" (§5.3).

:data:`ERRATA` lists what the manifest as vendored gets wrong, each with its source.
Section numbers refer to https://www.w3.org/TR/sparql11-http-rdf-update/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg import syntax_for_media_type
from tests.api.conftest import WRITER, App

MANIFEST = Path(__file__).parent / "data" / "w3c-gsp" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HOST = "testserver"
STORE_PATH = "/store"
STORE_IRI = f"http://{HOST}{STORE_PATH}"
# The prefixes the manifest's Turtle uses (two expected bodies forget to declare them).
PROLOGUE = (
    "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
    "@prefix v: <http://www.w3.org/2006/vcard/ns#> .\n"
)
GSP = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/http-rdf-update/manifest#"
_BASE = "https://w3c.github.io/rdf-tests/sparql/sparql11/http-rdf-update/manifest#"

# Entry (local name) -> what the runner does differently from the manifest as vendored, and why.
ERRATA: dict[str, str] = {
    "put__graph_already_in_store": (
        "path $GRAPHSTORE$/person/1 read as $GRAPHSTORE$/person/1.ttl: the ht: rendering "
        "(rdf-tests 03d0a6f) dropped the extension that the 2013 test text has (rdf-tests "
        "143e920, 'PUT $GRAPHSTORE$/person/1.ttl'); the test is a replace of the graph "
        "that 'PUT - Initial state' created"
    ),
    "get_of_put__graph_already_in_store": "likewise ($GRAPHSTORE$/person/1.ttl)",
    "put__mismatched_payload": (
        "expects 400 for a well-formed Turtle body sent as text/turtle: nothing is "
        "mismatched, and rdf-tests removed the test (263e50c, 'Remove SPARQL Graph Store "
        "Protocol test gsp:put__mismatched_payload', #327); the runner expects what §5.3 "
        "says of a PUT replacing the default graph: 200 or 204"
    ),
    "delete__existing_graph": (
        "no earlier entry creates $GRAPHSTORE$/person/2.ttl; the runner first PUTs it, as "
        "the corrected suite does ('PUT initialization, then DELETE/GET/DELETE', "
        "graph-store-protocol/manifest-indirect.ttl, rdf-tests 02f98ff)"
    ),
    "get_of_post__create__new_graph": "the expected body uses foaf: and v: undeclared",
    "get_of_post__after_noop": "the expected body uses foaf: and v: undeclared",
    "post__existing_graph": (
        "the body's triple has no final '.', which Turtle requires (Turtle 1.1 grammar "
        "rule [6]), and §5.1 answers a body that does not parse with 400; the runner adds "
        "the '.' as the corrected suite does (graph-store-protocol/manifest-indirect.ttl)"
    ),
    "post__multipart_formdata": "likewise, both parts' triples lack the final '.'",
    "post__create__new_graph": (
        "carries Location: $NEWPATH$ as a request header; Location is the answer's header "
        "(§5.5), so the runner does not send it"
    ),
}
_MISSING_DOT = re.compile(r'^(<[^>]+> \S+ "[^"]*")[ \t]*$', re.MULTILINE)
_PATH_ERRATA = {"$GRAPHSTORE$/person/1": "$GRAPHSTORE$/person/1.ttl"}
_PERSON_2 = (
    "<http://$HOST$/$GRAPHSTORE$/person/2> a <http://xmlns.com/foaf/0.1/Person> .\n".replace(
        "http://$HOST$/$GRAPHSTORE$", STORE_IRI
    )
)


@dataclass(frozen=True)
class Step:
    """One request of an entry and what must come back."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: str | None
    status: int
    expected_body: str | None


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    steps: tuple[Step, ...]


@dataclass
class Run:
    """What running the manifest gave: failures per entry, and ``$NEWPATH$``."""

    failures: dict[str, list[str]] = field(default_factory=dict)
    new_path: str | None = None


def _list(graph: Graph, node) -> list:
    return list(Collection(graph, node)) if node is not None else []


def _headers(graph: Graph, node) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
        for h in _list(graph, graph.value(node, HT.headers))
    )


def _chars(graph: Graph, node) -> str | None:
    body = graph.value(node, HT.body)
    return None if body is None else str(graph.value(body, CNT.chars))


def manifest_entries() -> list[Entry]:
    """The manifest's entries in ``mf:entries`` order, each with its requests."""
    graph = Graph().parse(MANIFEST, format="turtle")
    [manifest] = graph.subjects(RDF.type, MF.Manifest)
    entries = []
    for entry in _list(graph, graph.value(manifest, MF.entries)):
        steps = []
        connection = graph.value(entry, MF.action)
        for request in _list(graph, graph.value(connection, HT.requests)):
            response = graph.value(request, HT.resp)
            steps.append(
                Step(
                    method=str(graph.value(request, HT.methodName)),
                    path=str(graph.value(request, HT.absolutePath)),
                    headers=_headers(graph, request),
                    body=_chars(graph, request),
                    status=int(graph.value(response, HT.statusCodeValue)),
                    expected_body=_chars(graph, response),
                )
            )
        name = str(entry).removeprefix(_BASE).removeprefix(GSP)
        entries.append(Entry(name, str(graph.value(entry, MF.name) or name), tuple(steps)))
    return entries


ENTRIES = manifest_entries()


def _substituted(text: str) -> str:
    return (
        text.replace("http://$HOST$/$GRAPHSTORE$", STORE_IRI)
        .replace("$HOST$", HOST)
        .replace("$GRAPHSTORE$", STORE_IRI)
    )


def request_target(path: str, new_path: str | None) -> str:
    """The URL to request for a manifest path (see the module's notes).

    >>> request_target("$GRAPHSTORE$/person/1.ttl", None)
    '/store/person/1.ttl'
    >>> request_target("$GRAPHSTORE$?graph=$GRAPHSTORE$/person/1.ttl", None)
    '/store?graph=http%3A%2F%2Ftestserver%2Fstore%2Fperson%2F1.ttl'
    >>> request_target("$GRAPHSTORE$?default", None)
    '/store?default'
    """
    if path == "$NEWPATH$":
        assert new_path, "$NEWPATH$ before the graph store answered a POST with a Location"
        return new_path
    route, _, query = path.partition("?")
    target = route.replace("$GRAPHSTORE$", STORE_PATH)
    if query.startswith("graph="):
        query = "graph=" + quote(_substituted(query.removeprefix("graph=")), safe="")
    return f"{target}?{query}" if query else target


def allowed_statuses(step: Step) -> set[int]:
    """The status codes that pass: the manifest's, or both where the Recommendation
    says "200 OK or 204 No Content" (§5.4 DELETE; §5.3 PUT of an existing graph)."""
    if step.status in (200, 204) and step.method in ("DELETE", "PUT"):
        return {200, 204}
    return {step.status}


def _send(app: App, entry_name: str, step: Step, target: str):
    headers = {
        name: _substituted(value) for name, value in step.headers if name.lower() != "location"
    } | WRITER
    content = None
    if step.body is not None:
        content = _substituted(step.body)
        if entry_name in ("post__existing_graph", "post__multipart_formdata"):
            content = _MISSING_DOT.sub(r"\1 .", content)
        if headers.get("Content-Type", "").startswith("multipart/"):
            content = content.replace("\r\n", "\n").replace("\n", "\r\n")
        content = content.encode("utf-8")
    return app.client.request(step.method, target, headers=headers, content=content)


def _answer_graph(response) -> Graph:
    syntax = syntax_for_media_type(response.headers.get("content-type", ""))
    assert syntax is not None, f"answer is {response.headers.get('content-type')}, not RDF"
    return Graph().parse(data=response.content, format=syntax.rdflib_name)


def _expected_graph(text: str) -> Graph:
    turtle = _substituted(text)
    if "@prefix foaf:" not in turtle:
        turtle = PROLOGUE + turtle
    return Graph().parse(data=turtle, format="turtle")


def run_entry(app: App, entry: Entry, run: Run) -> list[str]:
    """Send the entry's requests in order; what did not match (empty: it passed)."""
    failures = []
    if entry.name == "delete__existing_graph":
        app.client.put(
            "/store/person/2.ttl",
            content=_PERSON_2,
            headers={"Content-Type": "text/turtle"} | WRITER,
        )
    for step in entry.steps:
        path = _PATH_ERRATA.get(step.path, step.path)
        if path == "$NEWPATH$" and run.new_path is None:
            failures.append(f"{step.method} $NEWPATH$: no POST answered with a Location")
            continue
        response = _send(app, entry.name, step, request_target(path, run.new_path))
        allowed = allowed_statuses(step)
        if entry.name == "put__mismatched_payload":
            allowed = {200, 204}
        if response.status_code not in allowed:
            failures.append(
                f"{step.method} {path}: {response.status_code}, expected "
                f"{' or '.join(map(str, sorted(allowed)))}: {response.text[:300]}"
            )
            continue
        location = response.headers.get("location")
        if step.method == "POST" and step.path == "$GRAPHSTORE$":
            if not location:
                failures.append("POST $GRAPHSTORE$: 201 without a Location header")
            run.new_path = location
        if step.method == "HEAD" and response.content:
            failures.append(f"HEAD {path}: the answer has a body")
        if step.expected_body is not None:
            got, wanted = _answer_graph(response), _expected_graph(step.expected_body)
            if not isomorphic(got, wanted):
                failures.append(
                    f"{step.method} {path}: the graph differs; got\n"
                    + got.serialize(format="nt")
                    + "wanted\n"
                    + wanted.serialize(format="nt")
                )
    return failures


@pytest.fixture(scope="module")
def manifest_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    """Every entry run once, in order, on one fresh empty store."""
    app = App(tmp_path_factory.mktemp("w3c-gsp"))
    run = Run()
    try:
        for entry in ENTRIES:
            run.failures[entry.name] = run_entry(app, entry, run)
        yield run
    finally:
        app.close()


def test_the_manifest_is_the_one_vendored():
    """19 entries, one request each, in the order of ``mf:entries``."""
    assert len(ENTRIES) == 19
    assert sum(len(e.steps) for e in ENTRIES) == 19
    assert ENTRIES[0].name == "put__initial_state"
    assert ENTRIES[-1].name == "head_on_a_nonexisting_graph"
    assert set(ERRATA) <= {e.name for e in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_entry(manifest_run: Run, entry: Entry):
    failures = manifest_run.failures[entry.name]
    assert not failures, f"{entry.label}: " + "\n".join(failures)


def test_new_graph_iri_is_under_the_graph_store(manifest_run: Run):
    """§5.5: the new graph's IRI differs from the graph store's and is dereferenceable
    here (direct identification)."""
    assert manifest_run.new_path is not None
    assert manifest_run.new_path.startswith(STORE_IRI + "/")
    assert URIRef(manifest_run.new_path) != URIRef(STORE_IRI)
