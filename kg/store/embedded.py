"""The embedded backend: a pyoxigraph (RocksDB) store on local disk, owned by one process."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.store.base import (
    Dataset,
    DumpFormat,
    Quad,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    StoreError,
    StoreLocked,
    Term,
    Triple,
)
from kg.store.oxterms import from_ox, quad_from_ox, quad_to_ox, to_ox

_DUMP_FORMATS = {DumpFormat.NQUADS: ox.RdfFormat.N_QUADS, DumpFormat.TRIG: ox.RdfFormat.TRIG}

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
# Bulk writes beyond this many quads go through the bulk loader (no transaction log).
_CHUNK = 50_000


class EmbeddedStore:
    """A persistent on-disk store (or an in-memory one when ``path`` is None).

    Every write is one transaction; readers see a consistent snapshot and never wait
    for writers. Only one process may open a directory: a second gets
    :class:`StoreLocked`.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        try:
            if path is None:
                self._store = ox.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreLocked(
                    f"the store at {path} is open in another process "
                    "(stop that process, or point CKM_STORE elsewhere)"
                ) from error
            raise StoreError(f"cannot open the store at {path}: {error}") from error
        self._write_lock = threading.Lock()

    # -- reads -------------------------------------------------------------------------

    def _run(self, sparql: str, dataset: Dataset | None):
        kwargs: dict[str, object] = {}
        if dataset is None or dataset.default_graphs is None:
            kwargs["use_default_graph_as_union"] = True
        else:
            kwargs["default_graph"] = [ox.NamedNode(str(g)) for g in dataset.default_graphs]
        if dataset is not None and dataset.named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(str(g)) for g in dataset.named_graphs]
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as error:
            raise QuerySyntaxError(_syntax_message(str(error))) from error
        except OSError as error:
            raise StoreError(str(error)) from error

    def select(
        self, sparql: str, *, dataset: Dataset | None = None, timeout_s: float | None = None
    ) -> list[Row]:
        solutions = self._run(sparql, dataset)
        if not isinstance(solutions, ox.QuerySolutions):
            raise ValueError("not a SELECT query")
        names = [v.value for v in solutions.variables]
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        rows: list[Row] = []
        for solution in solutions:
            rows.append({n: from_ox(solution[n]) for n in names if solution[n] is not None})
            if deadline is not None and len(rows) % 1024 == 0 and time.monotonic() > deadline:
                raise QueryTimeout(f"the query ran longer than {timeout_s} s")
        return rows

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        answer = self._run(sparql, dataset)
        if not isinstance(answer, ox.QueryBoolean):
            raise ValueError("not an ASK query")
        return bool(answer)

    def construct(self, sparql: str, *, dataset: Dataset | None = None) -> list[Triple]:
        triples = self._run(sparql, dataset)
        if not isinstance(triples, ox.QueryTriples):
            raise ValueError("not a CONSTRUCT or DESCRIBE query")
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in triples]

    def query_serialized(
        self, sparql: str, *, media_type: str, dataset: Dataset | None = None
    ) -> bytes:
        answer = self._run(sparql, dataset)
        if isinstance(answer, ox.QueryTriples):
            if media_type not in GRAPH_FORMATS:
                raise ValueError(f"{media_type} cannot carry the graph a CONSTRUCT returns")
            return ox.serialize(answer, format=GRAPH_FORMATS[media_type])
        if media_type not in RESULT_FORMATS:
            raise ValueError(f"{media_type} cannot carry SELECT or ASK results")
        return answer.serialize(format=RESULT_FORMATS[media_type])

    def quads(
        self,
        subject: Term | None = None,
        predicate=None,
        obj: Term | None = None,
        graph=None,
    ) -> Iterator[Quad]:
        pattern = [None if t is None else to_ox(t) for t in (subject, predicate, obj, graph)]
        for quad in self._store.quads_for_pattern(*pattern):
            yield quad_from_ox(quad)

    def graphs(self) -> list:
        return sorted(from_ox(g) for g in self._store.named_graphs())

    def count(self, graph=None) -> int:
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, to_ox(graph)))

    # -- writes ------------------------------------------------------------------------

    def commit(self, removed: Iterable[Quad], added: Iterable[Quad]) -> None:
        removed_ox = [quad_to_ox(q) for q in removed]
        added_ox = [quad_to_ox(q) for q in added]
        with self._write_lock:
            try:
                if not removed_ox:
                    self._store.extend(added_ox)
                else:
                    self._store.update(_data_update(removed_ox, added_ox))
            except OSError as error:
                raise _write_refused(error) from error

    def replace_graph(self, graph, triples) -> None:
        name = to_ox(graph)
        body = "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)
        with self._write_lock:
            try:
                self._store.update(
                    f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{ {body} }} }}"
                )
            except OSError as error:
                raise _write_refused(error) from error

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        self._store.dump(output, _DUMP_FORMATS[fmt])

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        try:
            quads = list(ox.parse(source, _DUMP_FORMATS[fmt]))
        except SyntaxError as error:
            raise ValueError(f"the {fmt.value} input does not parse: {error}") from error
        with self._write_lock:
            graphs = " ".join(f"DROP SILENT GRAPH {g} ;" for g in self._store.named_graphs())
            self._store.update(f"{graphs} DROP SILENT DEFAULT")
            for start in range(0, len(quads), _CHUNK):
                self._store.extend(quads[start : start + _CHUNK])
        return len(quads)

    def close(self) -> None:
        self._store.flush()
        del self._store


def _write_refused(error: OSError) -> StoreError:
    return StoreError(f"the store refused the write, nothing written: {error}")


def _syntax_message(raw: str) -> str:
    """Oxigraph's "error at 1:22: expected …" as "line 1, column 22: expected …"."""
    match = re.match(r"error at (\d+):(\d+): (.*)", raw, re.DOTALL)
    if match is None:
        return raw
    line, column, detail = match.groups()
    detail = " ".join(detail.split())
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return f"line {line}, column {column}: {detail}"


def _data_update(removed: list[ox.Quad], added: list[ox.Quad]) -> str:
    """``DELETE DATA {…} ; INSERT DATA {…}`` for the given quads (no blank nodes)."""
    parts = []
    if removed:
        parts.append(f"DELETE DATA {{ {_quad_block(removed)} }}")
    if added:
        parts.append(f"INSERT DATA {{ {_quad_block(added)} }}")
    return " ;\n".join(parts)


def _quad_block(quads: list[ox.Quad]) -> str:
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL accepts as is.
    return "\n".join(
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads
    )
