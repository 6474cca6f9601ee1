"""The remote backend: any engine speaking the SPARQL 1.1 protocols over HTTP.

Only standards are spoken: the SPARQL 1.1 Query protocol (``POST`` of a form with
``query``, ``default-graph-uri`` and ``named-graph-uri``), the SPARQL 1.1 Update protocol
(``POST`` of ``application/sparql-update``) and the SPARQL 1.1 Graph Store protocol
(``GET``/``PUT`` of the whole dataset, or graph by graph) for dump and restore. What a
given engine needs beyond the standards lives in :mod:`kg.store.engines`, nowhere else.
The rooms: HTTP in :mod:`.transport`, answers in :mod:`.results`, the version token and
compare-and-set commits in :mod:`.versions`, the writers' turn across processes in
:mod:`.turn`.

Atomicity comes from the engine: every write is ONE update request, which SPARQL
engines run as one transaction. Several processes may write to one engine: a write
holds the engine's writer turn (:meth:`RemoteStore.writer_turn`) from its first read to
its commit, and its commit is a compare-and-set on the version token.

Errors: those of :mod:`.transport`, and WriteConflict (another writer committed first).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import httpx
import pyoxigraph as ox
from rdflib.term import URIRef

from kg.errors import WriteConflict
from kg.sparql_text import query_form
from kg.store.base import Dataset, DumpFormat, Quad, Row, Term, Triple
from kg.store.engines import DEFAULT_ENGINE, Engine, engine_named
from kg.store.formats import DUMP_FORMATS, check_answer_format, parse_dump, quad_block, triples_body
from kg.store.oxterms import quad_to_ox, to_ox
from kg.store.remote import versions
from kg.store.remote.results import (
    graph_of,
    parsed,
    pattern_term,
    rows_of,
    serialized,
)
from kg.store.remote.transport import EngineClient
from kg.store.remote.turn import GRAPH_IRI as TURNS_GRAPH
from kg.store.remote.turn import WriterTurn
from kg.vocab import VERSION_GRAPH

_JSON_RESULTS = "application/sparql-results+json"


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
        lease_s: float = 30.0,
        turn_wait_s: float = 60.0,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout_s = timeout_s
        self.retries = retries
        self.engine: Engine = engine_named(engine)
        self._hidden: frozenset[str] | None = None
        self._client = EngineClient(
            query_url,
            update_url,
            store_url,
            self.engine,
            auth=auth,
            timeout_s=timeout_s,
            retries=retries,
        )
        self._turn = WriterTurn(self._client, lease_s=lease_s, wait_s=turn_wait_s)

    def writer_turn(self) -> contextlib.AbstractContextManager[None]:
        """The engine's write turn, across processes (:mod:`kg.store.remote.turn`): hold
        it from the first read a write is built on to its commit.

        Raises:
            WriteConflict: another writer kept the turn too long; nothing written.
        """
        return self._turn.held()

    def _query(self, sparql, dataset, accept, *, union=True, timeout_s=None):
        return self._client.query(
            sparql, dataset, accept, union=union, timeout_s=timeout_s, graphs=self.graphs
        )

    def _update(self, sparql: str) -> None:
        self._client.update(sparql)

    def _gsp(self, method, graph, media_type, body=b"", *, default=False) -> bytes:
        return self._client.graph_store(method, graph, media_type, body, default=default)

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
            self._hidden = frozenset({str(VERSION_GRAPH), TURNS_GRAPH, *engine_graphs})
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
        answer = self._query(sparql, dataset, _JSON_RESULTS, union=union, timeout_s=timeout_s)
        return rows_of(answer.json())

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
        return [(s, p, o) for s, p, o, _g in parsed(body, ox.RdfFormat.N_TRIPLES)]

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
                f"{{ GRAPH {pattern_term(g, '?g')} {{ {pattern_term(s, '?s')} "
                f"{pattern_term(p, '?p')} {pattern_term(o, '?o')} }} BIND({index} AS ?i) }}"
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
            values = " ".join(pattern_term(n, "?n") for n in ordered[start : start + 200])
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
        s, p, o = (pattern_term(t, v) for t, v in ((subject, "?s"), (predicate, "?p"), (obj, "?o")))
        triple = f"{s} {p} {o}"
        if graph is not None:
            where = f"GRAPH {pattern_term(graph, '?g')} {{ {triple} }}"
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
        shown = f'?g NOT IN ({hidden}) && !STRSTARTS(STR(?g), "{versions.STAGING}")'
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
        return sorted(
            g for g in names if str(g) not in hidden and not g.startswith(versions.STAGING)
        )

    def count(self, graph: URIRef | None = None) -> int:
        """How many quads the store (or one graph) holds."""
        if graph is None:
            where = self._every_graph("?s ?p ?o")
        else:
            where = f"GRAPH {pattern_term(graph, '?g')} {{ ?s ?p ?o }}"
        rows = self._bindings(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", None, union=False)
        return int(rows[0]["n"].toPython()) if rows else 0

    # -- writes --------------------------------------------------------------------------

    def version(self) -> str:
        """The store's version token (one is written first when the store has none)."""
        rows = self._bindings(versions.version_query(), None, union=False)
        if rows:
            return str(rows[0]["v"])
        self._update(versions.first_version())
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
        new = versions.new_version()
        old = "?v" if expected_version is None else str(to_ox(URIRef(expected_version)))
        limit = self.engine.max_operation_triples
        if limit is None or len(removed_ox) + len(added_ox) <= limit:
            self._update(
                versions.versioned_change(
                    quad_block(removed_ox), quad_block(added_ox), new, expected=old
                )
            )
        else:
            self._staged_commit(removed_ox, added_ox, new, old)
        if expected_version is None:
            return
        # Matched: ``new`` replaced ``old`` — or a later writer already replaced ``new``.
        applied = self._query(versions.applied_query(new, old), None, _JSON_RESULTS).json()[
            "boolean"
        ]
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
                    staging = URIRef(f"{versions.STAGING}{tag}:{role}:{len(staged[role])}")
                    body = serialized(triples, ox.RdfFormat.N_TRIPLES)
                    self._gsp("POST", staging, "application/n-triples", body)
                    staged[role].append((f"<{staging}>", target))
            self._update(versions.staged_change(staged["del"], staged["add"], new, expected))
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
        self._update(versions.versioned_change("", "", versions.new_version()))

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
                for quad in parsed(
                    self._gsp("GET", None, "application/n-quads"), ox.RdfFormat.N_QUADS
                )
                if str(quad[3]) not in hidden
            ]
        else:
            quads = [
                (s, p, o, graph)
                for graph in self.graphs()
                for s, p, o, _g in parsed(
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
            self._update(versions.versioned_change("", "", versions.new_version()))

    def _restore(self, quads: list[ox.Quad]) -> int:
        if self.engine.whole_dataset_gsp:
            self._gsp("PUT", None, "application/n-quads", serialized(quads, ox.RdfFormat.N_QUADS))
            return len(quads)
        by_graph: dict[URIRef | None, list[ox.Triple]] = {}
        for quad in quads:
            by_graph.setdefault(graph_of(quad) or None, []).append(quad.triple)
        for graph, triples in by_graph.items():
            body = serialized(triples, ox.RdfFormat.N_TRIPLES)
            self._gsp("PUT", graph, "application/n-triples", body, default=graph is None)
        for graph in self.graphs():
            if graph not in by_graph:
                self._gsp("DELETE", graph, None)
        return len(quads)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()
