"""The remote backend: any engine speaking the SPARQL 1.1 protocols over HTTP.

Only standards are spoken: the SPARQL 1.1 Query protocol (``POST`` of a form with
``query``, ``default-graph-uri`` and ``named-graph-uri``), the SPARQL 1.1 Update protocol
(``POST`` of ``application/sparql-update``) and the SPARQL 1.1 Graph Store protocol
(``GET``/``PUT`` of the whole dataset at the store URL) for dump and restore. What a
given engine needs beyond the standards lives in :data:`ENGINE_QUIRKS`, nowhere else.

Atomicity comes from the engine: every write is ONE update request (or one ``PUT``),
which SPARQL engines run as one transaction. Reads are retried with exponential backoff
when the engine cannot be reached or fails (5xx); writes are never retried, since a
write whose answer was lost may have been applied.

Errors:
    StoreUnavailable: the engine cannot be reached, failed (5xx) or refused the
        credentials (401/403).
    QuerySyntaxError: the engine rejected a query as malformed (400).
    QueryTimeout: the engine did not answer within the time limit.
    StoreError: the engine refused a write (nothing was written) or another request.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from kg.store.base import (
    Dataset,
    DumpFormat,
    Quad,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    StoreError,
    StoreUnavailable,
    Term,
    Triple,
)
from kg.store.embedded import GRAPH_FORMATS, RESULT_FORMATS, _syntax_message
from kg.store.oxterms import from_ox, quad_to_ox, to_ox

# Engine quirks, the only engine-specific knowledge of this module. The SPARQL protocol
# leaves the default graph of a query without a named dataset to the engine; the Store
# seam promises the union of all graphs, which each engine is asked for its own way.
ENGINE_QUIRKS: dict[str, dict[str, str]] = {
    # Oxigraph server: ``union-default-graph`` query parameter (no value needed).
    "oxigraph": {"union-default-graph": ""},
}
DEFAULT_ENGINE = "oxigraph"

_DUMP_MEDIA_TYPES = {
    DumpFormat.NQUADS: "application/n-quads",
    DumpFormat.TRIG: "application/trig",
}
_DUMP_FORMATS = {DumpFormat.NQUADS: ox.RdfFormat.N_QUADS, DumpFormat.TRIG: ox.RdfFormat.TRIG}
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
    or any :class:`httpx.Auth`. ``timeout_s`` limits each request; ``retries`` is how many
    times an idempotent read is tried again when the engine is unreachable or fails.

    Blank nodes: a SPARQL query cannot name a stored blank node, so ``quads()`` refuses
    a blank node in its pattern, and blank nodes written by ``commit``/``replace_graph``
    get fresh labels from the engine.
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
        self._quirks = ENGINE_QUIRKS.get(engine, {})
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
                raise QueryTimeout(message) from error
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
        form: list[tuple[str, str]] = [("query", sparql)]
        params: dict[str, str] = {}
        if dataset is not None and dataset.default_graphs is not None:
            form += [("default-graph-uri", str(g)) for g in dataset.default_graphs]
            # The protocol empties the named graphs when only default graphs are given;
            # the seam promises every graph of the store, so they are named explicitly.
            named = dataset.named_graphs if dataset.named_graphs is not None else self.graphs()
            form += [("named-graph-uri", str(g)) for g in named]
        else:
            if union:
                params.update(self._quirks)
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
            return self._send(request, idempotent=True, timeout_s=timeout_s)
        except _Rejected as error:
            if error.status == 400:
                raise QuerySyntaxError(_syntax_message(error.body)) from None
            if error.status == 406:
                raise ValueError(f"the engine cannot answer this query as {accept}") from None
            raise StoreError(f"the engine refused the query: {error}") from None

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
        """Rows of a SELECT query (read, retried). Raises QuerySyntaxError, QueryTimeout,
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
        try:
            parsed = ox.parse(body, ox.RdfFormat.N_TRIPLES)
            return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in parsed]
        except SyntaxError as error:
            raise StoreError(f"the engine sent N-Triples that do not parse: {error}") from error

    def query_serialized(
        self, sparql: str, *, media_type: str, dataset: Dataset | None = None
    ) -> bytes:
        """Any query's answer as the engine serialises it in ``media_type``.

        Raises:
            ValueError: ``media_type`` does not suit the query form.
        """
        form = query_form(sparql)
        if form in {"CONSTRUCT", "DESCRIBE"}:
            if media_type not in GRAPH_FORMATS:
                raise ValueError(f"{media_type} cannot carry the graph a CONSTRUCT returns")
        elif media_type not in RESULT_FORMATS:
            raise ValueError(f"{media_type} cannot carry SELECT or ASK results")
        return self._query(sparql, dataset, media_type).content

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
            where = f"{{ GRAPH ?g {{ {triple} }} }} UNION {{ {triple} }}"
        rows = self._bindings(f"SELECT * WHERE {{ {where} }}", None, union=False)
        for row in rows:
            yield (
                row.get("s", subject),
                row.get("p", predicate),
                row.get("o", obj),
                row.get("g", graph if graph is not None else URIRef("")),
            )

    def graphs(self) -> list[URIRef]:
        """Names of the non-empty named graphs."""
        rows = self._bindings(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None, union=False
        )
        return sorted(row["g"] for row in rows if isinstance(row.get("g"), URIRef))

    def count(self, graph: URIRef | None = None) -> int:
        """How many quads the store (or one graph) holds."""
        if graph is None:
            where = "{ GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o }"
        else:
            where = f"GRAPH {_pattern_term(graph, '?g')} {{ ?s ?p ?o }}"
        rows = self._bindings(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", None, union=False)
        return int(rows[0]["n"].toPython()) if rows else 0

    # -- writes --------------------------------------------------------------------------

    def commit(self, removed: Iterable[Quad], added: Iterable[Quad]) -> None:
        """Remove then add quads as ONE update request (``DELETE DATA … ; INSERT DATA …``).

        The engine runs one update request as one transaction, so either every quad is
        removed and added or nothing changes. Never retried.
        Raises:
            ValueError: a quad is not valid RDF (nothing was sent).
            StoreUnavailable, StoreError: nothing was written.
        """
        removed_ox = [quad_to_ox(q) for q in removed]
        added_ox = [quad_to_ox(q) for q in added]
        if not removed_ox and not added_ox:
            return
        parts = []
        if removed_ox:
            parts.append(f"DELETE DATA {{ {_quad_block(removed_ox)} }}")
        if added_ox:
            parts.append(f"INSERT DATA {{ {_quad_block(added_ox)} }}")
        self._update(" ;\n".join(parts))

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples`` by ONE update (``DROP`` + ``INSERT DATA``).

        Atomic by the engine's transaction. Raises StoreError: nothing was changed.
        """
        name = to_ox(graph)
        body = "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)
        self._update(f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{ {body} }} }}")

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        """Write the whole dataset, fetched by one Graph Store protocol ``GET``."""
        request = self._client.build_request(
            "GET", self.store_url, headers={"Accept": _DUMP_MEDIA_TYPES[fmt]}
        )
        try:
            response = self._send(request, idempotent=True)
        except _Rejected as error:
            raise StoreError(f"the engine refused the dump: {error}") from None
        output.write(response.content)

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace the whole dataset by one Graph Store protocol ``PUT`` of N-Quads.

        The input is parsed here first, so input that does not parse never reaches the
        engine and changes nothing. Whether the replacement itself is one transaction is
        the engine's to promise (the Graph Store protocol does not say); never retried.
        Raises:
            ValueError: the input does not parse (the message names line and column).
            StoreUnavailable, StoreError: the engine refused the new dataset.
        """
        try:
            quads = list(ox.parse(source, _DUMP_FORMATS[fmt]))
        except SyntaxError as error:
            raise ValueError(f"the {fmt.value} input does not parse: {error}") from error
        body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        request = self._client.build_request(
            "PUT",
            self.store_url,
            content=body,
            headers={"Content-Type": "application/n-quads"},
        )
        try:
            self._send(request, idempotent=False)
        except _Rejected as error:
            raise StoreError(f"the engine refused the restore: {error}") from None
        return len(quads)

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
        raise StoreUnavailable(f"the SPARQL engine at {url} {reason} (HTTP {status}): {body}")
    if status >= 500:
        raise StoreUnavailable(f"the SPARQL engine at {url} failed (HTTP {status}): {body}")
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


def _quad_block(quads: list[ox.Quad]) -> str:
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL accepts as is.
    return "\n".join(
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads
    )
