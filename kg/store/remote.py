"""The remote backend: any engine speaking the SPARQL 1.1 protocols over HTTP.

Only standards are spoken: the SPARQL 1.1 Query protocol (``POST`` of a form with
``query``, ``default-graph-uri`` and ``named-graph-uri``), the SPARQL 1.1 Update protocol
(``POST`` of ``application/sparql-update``) and the SPARQL 1.1 Graph Store protocol
(``GET``/``PUT`` of the whole dataset, or graph by graph) for dump and restore. What a
given engine needs beyond the standards lives in :mod:`kg.store.engines`, nowhere else.

Atomicity comes from the engine: every write is ONE update request, which SPARQL
engines run as one transaction. Several processes may write to one engine: the store
keeps a version token (``<urn:ckm:store> dcterms:hasVersion <urn:ckm:version:…>`` in the
graph ``urn:ckm:graph:version``, which the seam does not list, count nor dump) that
every write replaces, and a commit given the version it was based on is a
compare-and-set: one ``DELETE … INSERT … WHERE { version }`` request that does nothing
when another writer got there first (then :class:`WriteConflict`). Each new version
links to the one it replaced, which tells the writer afterwards whether its request
matched. Reads
are retried with exponential backoff when the engine cannot be reached or fails (5xx);
writes are never retried, since a write whose answer was lost may have been applied.

Errors:
    StoreUnavailable: the engine cannot be reached.
    EngineFailed: the engine failed (5xx) or refused the credentials (401/403).
    QuerySyntaxError: the engine rejected a query as malformed (400).
    EngineTimeout: the engine did not answer within the time limit.
    WriteConflict: another writer committed first (compare-and-set commits).
    StoreError: the engine refused a write (nothing was written) or another request.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from kg.store.base import (
    Dataset,
    DumpFormat,
    EngineFailed,
    EngineTimeout,
    Quad,
    QuerySyntaxError,
    Row,
    StoreError,
    StoreUnavailable,
    Term,
    Triple,
    WriteConflict,
)
from kg.store.engines import DEFAULT_ENGINE, Engine, engine_named, syntax_error_message
from kg.store.formats import (
    DUMP_FORMATS,
    check_answer_format,
    has_dataset_clause,
    parse_dump,
    quad_block,
    triples_body,
    without_dataset_clauses,
)
from kg.store.oxterms import from_ox, quad_to_ox, to_ox
from kg.vocab import VERSION_GRAPH

_VERSION_GRAPH = f"<{VERSION_GRAPH}>"
_STORE_NODE = "<urn:ckm:store>"
_HAS_VERSION = "<http://purl.org/dc/terms/hasVersion>"
_REPLACES = "<http://purl.org/dc/terms/replaces>"
# Graphs holding a large commit's quads for the one operation that applies them.
_STAGING = "urn:ckm:staging:"
_JSON_RESULTS = "application/sparql-results+json"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BACKOFF_S = 0.1


class _BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>`` on every request."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class RemoteStore:
    """A store held by a SPARQL engine reached over HTTP.

    ``auth`` is ``(user, password)`` for HTTP basic auth, a string for a bearer token,
    or any :class:`httpx.Auth` (``httpx.DigestAuth`` for Virtuoso's ``/sparql-auth``).
    ``timeout_s`` limits each request; ``retries`` is how many times an idempotent read
    is tried again when the engine is unreachable or fails. ``engine`` names the
    engine's quirks (:data:`kg.store.engines.ENGINES`).

    Blank nodes: a SPARQL query cannot name a stored blank node, so ``quads()`` refuses
    a blank node in its pattern, and blank nodes written by ``commit``/``replace_graph``
    get fresh labels from the engine.
    Raises:
        ValueError: ``engine`` is not a known engine.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str,
        store_url: str,
        *,
        auth: tuple[str, str] | str | httpx.Auth | None = None,
        timeout_s: float = 30,
        retries: int = 3,
        engine: str = DEFAULT_ENGINE,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout_s = timeout_s
        self.retries = retries
        self.engine: Engine = engine_named(engine)
        self._hidden: frozenset[str] | None = None
        if isinstance(auth, str):
            auth = _BearerAuth(auth)
        self._client = httpx.Client(auth=auth, timeout=timeout_s)

    # -- HTTP ----------------------------------------------------------------------------

    def _send(
        self, request: httpx.Request, *, idempotent: bool, timeout_s: float | None = None
    ) -> httpx.Response:
        """Send ``request``; map transport failures and HTTP errors to Store errors."""
        url = str(request.url.copy_with(query=None))
        attempts = 1 + (self.retries if idempotent else 0)
        timeout = httpx.Timeout(self.timeout_s if timeout_s is None else timeout_s)
        request.extensions["timeout"] = timeout.as_dict()
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._client.send(request)
            except httpx.TimeoutException as error:
                if isinstance(error, httpx.ConnectTimeout) and not last:
                    time.sleep(_BACKOFF_S * 2**attempt)
                    continue
                if isinstance(error, httpx.ConnectTimeout):
                    raise StoreUnavailable(
                        f"the SPARQL engine at {url} is unreachable: {error}"
                    ) from error
                message = f"the SPARQL engine at {url} did not answer within {timeout.read} s"
                if not idempotent:
                    message += "; the write may or may not have been applied"
                raise EngineTimeout(message) from error
            except httpx.TransportError as error:
                if not last:
                    time.sleep(_BACKOFF_S * 2**attempt)
                    continue
                raise StoreUnavailable(
                    f"the SPARQL engine at {url} is unreachable: {error}"
                ) from error
            if response.status_code >= 500 and not last:
                time.sleep(_BACKOFF_S * 2**attempt)
                continue
            return _checked(response, url)
        raise AssertionError("unreachable")  # pragma: no cover

    def _query(
        self,
        sparql: str,
        dataset: Dataset | None,
        accept: str,
        *,
        union: bool = True,
        timeout_s: float | None = None,
    ) -> httpx.Response:
        """POST a query (SPARQL 1.1 Query protocol, form-encoded), retried when it fails.

        With default graphs named but no named graphs, one more query lists the store's
        graphs so that ``GRAPH ?g`` still ranges over all of them, as the seam promises.
        """
        if dataset is not None and not self.engine.protocol_dataset_overrides_from:
            sparql = without_dataset_clauses(sparql)
        form: list[tuple[str, str]] = [("query", sparql)]
        params: dict[str, str] = {}
        if dataset is not None and dataset.default_graphs is not None:
            form += [("default-graph-uri", str(g)) for g in dataset.default_graphs]
            # The protocol empties the named graphs when only default graphs are given;
            # the seam promises every graph of the store, so they are named explicitly.
            named = dataset.named_graphs if dataset.named_graphs is not None else self.graphs()
            form += [("named-graph-uri", str(g)) for g in named]
        else:
            if union and not has_dataset_clause(sparql):
                params.update(self.engine.union_default_params)
            if dataset is not None and dataset.named_graphs is not None:
                form += [("named-graph-uri", str(g)) for g in dataset.named_graphs]
        request = self._client.build_request(
            "POST",
            self.query_url,
            params=params,
            content=urlencode(form).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            response = self._send(request, idempotent=True, timeout_s=timeout_s)
        except _Rejected as error:
            if error.status == 400:
                raise QuerySyntaxError(syntax_error_message(error.body)) from None
            if error.status == 406:
                raise ValueError(f"the engine cannot answer this query as {accept}") from None
            raise StoreError(f"the engine refused the query: {error}") from None
        cut = self.engine.truncation_header
        if cut is not None and cut in response.headers:
            raise StoreError(
                f"the engine cut the answer at {response.headers[cut]} rows; raise its "
                "result limit (Virtuoso: [SPARQL] ResultSetMaxRows) — no partial answer "
                "is used"
            )
        return response

    def _update(self, sparql: str) -> None:
        """POST one update request (SPARQL 1.1 Update protocol); never retried."""
        request = self._client.build_request(
            "POST",
            self.update_url,
            content=sparql.encode(),
            headers={"Content-Type": "application/sparql-update"},
        )
        try:
            self._send(request, idempotent=False)
        except _Rejected as error:
            raise StoreError(f"the engine refused the update, nothing written: {error}") from None

    def _system_graphs(self) -> frozenset[str]:
        """The graphs the seam hides: the version graph and the engine's own graphs,
        found once by listing every graph (cached)."""
        if self._hidden is None:
            engine_graphs: set[str] = set()
            if self.engine.system_graph_pattern is not None:
                engine_graphs = {
                    str(g)
                    for g in self._graph_names(hide_system_graphs=False)
                    if self.engine.is_system_graph(str(g))
                }
            self._hidden = frozenset({str(VERSION_GRAPH), *engine_graphs})
        return self._hidden

    # -- reads ---------------------------------------------------------------------------

    def _bindings(
        self,
        sparql: str,
        dataset: Dataset | None,
        *,
        union: bool = True,
        timeout_s: float | None = None,
    ) -> list[Row]:
        answer = self._query(
            sparql, dataset, _JSON_RESULTS, union=union, timeout_s=timeout_s
        ).json()
        return [
            {name: term_from_json(value) for name, value in binding.items()}
            for binding in answer["results"]["bindings"]
        ]

    def select(
        self, sparql: str, *, dataset: Dataset | None = None, timeout_s: float | None = None
    ) -> list[Row]:
        """Rows of a SELECT query (read, retried). Raises QuerySyntaxError, EngineTimeout,
        StoreUnavailable, StoreError; ValueError when the query is not a SELECT."""
        if query_form(sparql) != "SELECT":
            raise ValueError("not a SELECT query")
        return self._bindings(sparql, dataset, timeout_s=timeout_s)

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        """The answer of an ASK query (read, retried)."""
        if query_form(sparql) != "ASK":
            raise ValueError("not an ASK query")
        return bool(self._query(sparql, dataset, _JSON_RESULTS).json()["boolean"])

    def construct(self, sparql: str, *, dataset: Dataset | None = None) -> list[Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query (read, retried)."""
        if query_form(sparql) not in {"CONSTRUCT", "DESCRIBE"}:
            raise ValueError("not a CONSTRUCT or DESCRIBE query")
        body = self._query(sparql, dataset, "application/n-triples").content
        return [(s, p, o) for s, p, o, _g in _parsed(body, ox.RdfFormat.N_TRIPLES)]

    def query_serialized(
        self,
        sparql: str,
        *,
        media_type: str,
        dataset: Dataset | None = None,
        timeout_s: float | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        """Any query's answer as the engine serialises it in ``media_type``.

        The engine's own time limit applies (every request has the store's timeout), and
        the API cuts rows beyond ``row_limit``; both parameters are accepted and unused.
        Raises:
            ValueError: ``media_type`` does not suit the query form.
        """
        check_answer_format(query_form(sparql) in {"CONSTRUCT", "DESCRIBE"}, media_type)
        return self._query(sparql, dataset, media_type).content

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        """One query per 100 quads, each quad a pattern of its own in a UNION (the engine
        matches a pattern's literal as it stores it; a VALUES join would compare terms
        and miss canonical forms).

        Raises:
            ValueError: a quad holds a blank node or a term that is not valid RDF.
        """
        ordered = list(quads)
        found: set[Quad] = set()
        for start in range(0, len(ordered), 100):
            chunk = ordered[start : start + 100]
            branches = " UNION ".join(
                f"{{ GRAPH {_pattern_term(g, '?g')} {{ {_pattern_term(s, '?s')} "
                f"{_pattern_term(p, '?p')} {_pattern_term(o, '?o')} }} BIND({index} AS ?i) }}"
                for index, (s, p, o, g) in enumerate(chunk)
            )
            rows = self._bindings(f"SELECT DISTINCT ?i WHERE {{ {branches} }}", None, union=False)
            found.update(chunk[int(row["i"])] for row in rows)
        return found

    def mentioned(self, nodes: Iterable[URIRef]) -> set[URIRef]:
        """One query per 200 nodes (the nodes bound inside each branch of its UNION)."""
        ordered = sorted(nodes, key=str)
        found: set[URIRef] = set()
        for start in range(0, len(ordered), 200):
            values = " ".join(_pattern_term(n, "?n") for n in ordered[start : start + 200])
            branches = (
                f"{{ VALUES ?n {{ {values} }} {self._every_graph(pattern)} }}"
                for pattern in ("?n ?p ?o", "?s ?p ?n")
            )
            sparql = f"SELECT DISTINCT ?n WHERE {{ {' UNION '.join(branches)} }}"
            found.update(row["n"] for row in self._bindings(sparql, None, union=False))
        return found

    def quads(
        self,
        subject: Term | None = None,
        predicate: URIRef | None = None,
        obj: Term | None = None,
        graph: URIRef | None = None,
    ) -> Iterator[Quad]:
        """Stored quads matching a pattern, by one SELECT with the bound terms written in.

        Quads of the engine's own default graph come back with graph ``URIRef("")``.
        Raises:
            ValueError: a term of the pattern is a blank node or not valid RDF.
        """
        s, p, o = (
            _pattern_term(t, v) for t, v in ((subject, "?s"), (predicate, "?p"), (obj, "?o"))
        )
        triple = f"{s} {p} {o}"
        if graph is not None:
            where = f"GRAPH {_pattern_term(graph, '?g')} {{ {triple} }}"
        else:
            where = self._every_graph(triple)
        rows = self._bindings(f"SELECT * WHERE {{ {where} }}", None, union=False)
        for row in rows:
            yield (
                row.get("s", subject),
                row.get("p", predicate),
                row.get("o", obj),
                row.get("g", graph if graph is not None else URIRef("")),
            )

    def _every_graph(self, triple: str) -> str:
        """A pattern matching ``triple`` once in every graph the seam shows, the
        default one included."""
        hidden = ", ".join(f"<{g}>" for g in sorted(self._system_graphs()))
        shown = f'?g NOT IN ({hidden}) && !STRSTARTS(STR(?g), "{_STAGING}")'
        named = f"GRAPH ?g {{ {triple} FILTER ({shown}) }}"
        if self.engine.separate_default_graph:
            return f"{{ {named} }} UNION {{ {triple} }}"
        return named

    def graphs(self) -> list[URIRef]:
        """Names of the non-empty named graphs (the engine's own graphs left out)."""
        return self._graph_names(hide_system_graphs=True)

    def _graph_names(self, *, hide_system_graphs: bool) -> list[URIRef]:
        rows = self._bindings(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None, union=False
        )
        names = [row["g"] for row in rows if isinstance(row.get("g"), URIRef)]
        if not hide_system_graphs:
            return sorted(names)
        hidden = self._system_graphs()
        return sorted(g for g in names if str(g) not in hidden and not g.startswith(_STAGING))

    def count(self, graph: URIRef | None = None) -> int:
        """How many quads the store (or one graph) holds."""
        if graph is None:
            where = self._every_graph("?s ?p ?o")
        else:
            where = f"GRAPH {_pattern_term(graph, '?g')} {{ ?s ?p ?o }}"
        rows = self._bindings(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", None, union=False)
        return int(rows[0]["n"].toPython()) if rows else 0

    # -- writes --------------------------------------------------------------------------

    def version(self) -> str:
        """The store's version token (one is written first when the store has none)."""
        rows = self._bindings(
            f"SELECT ?v WHERE {{ GRAPH {_VERSION_GRAPH} {{ {_STORE_NODE} {_HAS_VERSION} ?v }} }}",
            None,
            union=False,
        )
        if rows:
            return str(rows[0]["v"])
        first = f"{_STORE_NODE} {_HAS_VERSION} {_new_version()}"
        self._update(
            f"INSERT {{ GRAPH {_VERSION_GRAPH} {{ {first} }} }}"
            f" WHERE {{ FILTER NOT EXISTS {{ GRAPH {_VERSION_GRAPH} "
            f"{{ {_STORE_NODE} {_HAS_VERSION} ?any }} }} }}"
        )
        return self.version()

    def commit(
        self,
        removed: Iterable[Quad],
        added: Iterable[Quad],
        *,
        expected_version: str | None = None,
    ) -> None:
        """Remove then add quads, and replace the version token, as ONE update request.

        The engine runs one update request as one transaction, so either every quad is
        removed and added or nothing changes. With ``expected_version`` the request
        matches only while the store still has that version, so of two racing writers
        based on the same version exactly one commits. Never retried.
        Raises:
            ValueError: a quad is not valid RDF (nothing was sent).
            WriteConflict: another writer committed since ``expected_version``.
            StoreUnavailable, StoreError: nothing was written.
        """
        removed_ox = [quad_to_ox(q) for q in removed]
        added_ox = [quad_to_ox(q) for q in added]
        if not removed_ox and not added_ox:
            return
        new = _new_version()
        old = "?v" if expected_version is None else str(to_ox(URIRef(expected_version)))
        limit = self.engine.max_operation_triples
        if limit is None or len(removed_ox) + len(added_ox) <= limit:
            self._update(
                _versioned_change(quad_block(removed_ox), quad_block(added_ox), new, expected=old)
            )
        else:
            self._staged_commit(removed_ox, added_ox, new, old)
        if expected_version is None:
            return
        # Matched: ``new`` replaced ``old`` — or a later writer already replaced ``new``.
        applied = self._query(
            f"ASK {{ GRAPH {_VERSION_GRAPH} {{ {{ {new} {_REPLACES} {old} }} "
            f"UNION {{ ?later {_REPLACES} {new} }} }} }}",
            None,
            _JSON_RESULTS,
        ).json()["boolean"]
        if not applied:
            raise WriteConflict(
                "another writer changed the store during this write; nothing written"
            )

    def _staged_commit(
        self, removed: list[ox.Quad], added: list[ox.Quad], new: str, expected: str
    ) -> None:
        """A commit too large for one operation of the engine, still applied by ONE.

        The quads are first put in hidden staging graphs (one Graph Store ``POST`` per
        target graph and direction, which no query of the seam shows); then ONE update
        operation moves them into place and replaces the version; the staging graphs
        are dropped afterwards, whatever happened.
        Raises:
            StoreUnavailable, StoreError: nothing of the commit reached its graphs.
        """
        tag = uuid.uuid4()
        staged: dict[str, list[tuple[str, str]]] = {"del": [], "add": []}
        try:
            for role, quads in (("del", removed), ("add", added)):
                by_graph: dict[str, list[ox.Triple]] = {}
                for quad in quads:
                    by_graph.setdefault(str(quad.graph_name), []).append(quad.triple)
                for target, triples in by_graph.items():
                    staging = URIRef(f"{_STAGING}{tag}:{role}:{len(staged[role])}")
                    body = _serialized(triples, ox.RdfFormat.N_TRIPLES)
                    self._gsp("POST", staging, "application/n-triples", body)
                    staged[role].append((f"<{staging}>", target))
            self._update(_staged_change(staged["del"], staged["add"], new, expected))
        finally:
            names = [name for pairs in staged.values() for name, _target in pairs]
            if names:
                self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names))

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples`` by ONE Graph Store ``PUT``.

        The ``PUT`` replaces the graph whole (one request, atomic in the engine); the
        store's version is replaced afterwards. Raises StoreError: nothing was changed.
        """
        body = triples_body(triples).encode()
        self._gsp("PUT", graph, "application/n-triples", body)
        self._update(_versioned_change("", "", _new_version()))

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        """Write the whole dataset, fetched by Graph Store protocol ``GET`` requests.

        One request for the whole dataset where the engine serves it at the store URL,
        else one per graph (``?graph=``) — then the graphs are read one after another,
        not as one snapshot.
        """
        if self.engine.whole_dataset_gsp:
            hidden = self._system_graphs()
            quads = [
                quad
                for quad in _parsed(
                    self._gsp("GET", None, "application/n-quads"), ox.RdfFormat.N_QUADS
                )
                if str(quad[3]) not in hidden
            ]
        else:
            quads = [
                (s, p, o, graph)
                for graph in self.graphs()
                for s, p, o, _g in _parsed(
                    self._gsp("GET", graph, "application/n-triples"), ox.RdfFormat.N_TRIPLES
                )
            ]
        output.write(ox.serialize(map(quad_to_ox, quads), format=DUMP_FORMATS[fmt]) or b"")

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace the whole dataset by Graph Store protocol ``PUT`` requests.

        The input is parsed here first, so input that does not parse never reaches the
        engine and changes nothing. Where the engine takes the whole dataset at the
        store URL it is ONE ``PUT``; else every graph of the input is put, then graphs
        the input lacks are deleted (the engine's own graphs are kept) — graph by graph,
        so a failure part way leaves some graphs restored. Never retried.
        Raises:
            ValueError: the input does not parse (the message names line and column).
            StoreUnavailable, StoreError: the engine refused the new dataset.
        """
        quads = parse_dump(source, fmt)
        try:
            return self._restore(quads)
        finally:
            # A fresh version: a writer that read the one the dump carries must not
            # commit on top of the restored store as if nothing had happened.
            self._update(_versioned_change("", "", _new_version()))

    def _restore(self, quads: list[ox.Quad]) -> int:
        if self.engine.whole_dataset_gsp:
            self._gsp("PUT", None, "application/n-quads", _serialized(quads, ox.RdfFormat.N_QUADS))
            return len(quads)
        by_graph: dict[URIRef | None, list[ox.Triple]] = {}
        for quad in quads:
            by_graph.setdefault(_graph_of(quad) or None, []).append(quad.triple)
        for graph, triples in by_graph.items():
            body = _serialized(triples, ox.RdfFormat.N_TRIPLES)
            self._gsp("PUT", graph, "application/n-triples", body, default=graph is None)
        for graph in self.graphs():
            if graph not in by_graph:
                self._gsp("DELETE", graph, None)
        return len(quads)

    def _gsp(
        self,
        method: str,
        graph: URIRef | None,
        media_type: str | None,
        body: bytes = b"",
        *,
        default: bool = False,
    ) -> bytes:
        """One Graph Store protocol request on ``graph``, on the default graph when
        ``default``, else on the whole dataset when ``graph`` is None."""
        params = {"default": ""} if default else {} if graph is None else {"graph": str(graph)}
        header = "Accept" if method == "GET" else "Content-Type"
        headers = {header: media_type} if media_type else {}
        request = self._client.build_request(
            method, self.store_url, params=params, content=body or None, headers=headers
        )
        try:
            return self._send(request, idempotent=method == "GET").content
        except _Rejected as error:
            raise StoreError(f"the engine refused the Graph Store {method}: {error}") from None

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()


class _Rejected(Exception):
    """A 4xx answer other than 401/403, for the caller to turn into the right error."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


def _checked(response: httpx.Response, url: str) -> httpx.Response:
    if response.is_success:
        return response
    body = response.text.strip()
    if len(body) > 500:
        body = body[:500] + "…"
    status = response.status_code
    if status in (401, 403):
        reason = "refused the credentials" if status == 401 else "forbids this request"
        raise EngineFailed(f"the SPARQL engine at {url} {reason} (HTTP {status}): {body}")
    if status >= 500:
        raise EngineFailed(f"the SPARQL engine at {url} failed (HTTP {status}): {body}")
    raise _Rejected(status, body)


def term_from_json(value: dict) -> Term:
    """The rdflib term of one SPARQL 1.1 JSON results binding."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype is None or datatype == _XSD_STRING:
            return Literal(value["value"])
        return Literal(value["value"], datatype=URIRef(datatype))
    raise StoreError(f"unsupported term in SPARQL results: {kind}")


_IRI_OR_STRING = re.compile(r"<[^<>\"{}|^`\\\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_COMMENT = re.compile(r"#[^\n]*")
# A keyword, not part of a prefixed name (``ask:x``, ``ex:select``) or a variable.
_FORM = re.compile(r"(?<![\w:?$-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.IGNORECASE)


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the form of a query, or None."""
    text = _COMMENT.sub(" ", _IRI_OR_STRING.sub(" ", sparql))
    match = _FORM.search(text)
    return match.group(1).upper() if match else None


def _pattern_term(term: Term | None, variable: str) -> str:
    """A pattern position: ``variable`` when unbound, else the term in N-Triples syntax."""
    if term is None:
        return variable
    if isinstance(term, BNode):
        raise ValueError("a SPARQL query cannot name a stored blank node")
    return str(to_ox(term))  # validated: an invalid IRI or language tag raises ValueError


def _new_version() -> str:
    return f"<urn:ckm:version:{uuid.uuid4()}>"


def _versioned_change(
    removed: str, added: str, new: str, *, expected: str = "?v", matching: str = ""
) -> str:
    """ONE update operation removing and adding quad blocks and giving the store the
    version ``new`` — only while it has the version ``expected`` when that is an IRI.

    Templates (``DELETE {…} INSERT {…} WHERE {…}``), not ``INSERT DATA``: they are
    equal for ground data, and Virtuoso refuses blank nodes in ``INSERT DATA``. The
    link to the version ``expected`` had before it is dropped: one link is kept.
    ``matching`` is a pattern the templates' variables come from (staged quads).
    """
    version = f"{_STORE_NODE} {_HAS_VERSION} {expected}"
    if expected == "?v":
        where = (
            f"OPTIONAL {{ GRAPH {_VERSION_GRAPH} {{ {version} "
            f"OPTIONAL {{ ?v {_REPLACES} ?older }} }} }}"
        )
    else:
        where = (
            f"GRAPH {_VERSION_GRAPH} {{ {version} OPTIONAL {{ {expected} {_REPLACES} ?older }} }}"
        )
    return (
        f"DELETE {{ GRAPH {_VERSION_GRAPH} {{ {version} . {expected} {_REPLACES} ?older }}\n"
        f"{removed} }}\n"
        f"INSERT {{ GRAPH {_VERSION_GRAPH} {{ {_STORE_NODE} {_HAS_VERSION} {new} . "
        f"{new} {_REPLACES} {expected} }}\n{added} }}\n"
        f"WHERE {{ {where} {matching} }}"
    )


def _staged_change(
    deletions: list[tuple[str, str]], additions: list[tuple[str, str]], new: str, expected: str
) -> str:
    """ONE update operation moving staged quads into place, as :func:`_versioned_change`
    does for quads written out: ``(staging graph, target graph)`` pairs each way."""
    branches = []
    for pairs, (g, t, s, p, o) in (
        (deletions, ("?dg", "?dt", "?ds", "?dp", "?do")),
        (additions, ("?ag", "?at", "?as", "?ap", "?ao")),
    ):
        if pairs:
            values = " ".join(f"({staging} {target})" for staging, target in pairs)
            branches.append(f"{{ VALUES ({g} {t}) {{ {values} }} GRAPH {g} {{ {s} {p} {o} }} }}")
    return _versioned_change(
        "GRAPH ?dt { ?ds ?dp ?do }",
        "GRAPH ?at { ?as ?ap ?ao }",
        new,
        expected=expected,
        matching=" UNION ".join(branches),
    )


def _parsed(body: bytes, fmt: ox.RdfFormat) -> list[Quad]:
    """The quads (or triples, graph ``URIRef("")``) an engine sent."""
    try:
        return [
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), _graph_of(q))
            for q in ox.parse(body, fmt)
        ]
    except SyntaxError as error:
        raise StoreError(f"the engine sent {fmt.name} that does not parse: {error}") from error


def _graph_of(parsed: ox.Quad | ox.Triple) -> URIRef:
    graph = getattr(parsed, "graph_name", None)
    if graph is None or isinstance(graph, ox.DefaultGraph):
        return URIRef("")
    return from_ox(graph)


def _serialized(items: list, fmt: ox.RdfFormat) -> bytes:
    return ox.serialize(items, format=fmt) or b""
