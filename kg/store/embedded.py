"""The embedded backend: a pyoxigraph (RocksDB) store on local disk, owned by one process."""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib.term import URIRef

from kg.sparql_text import has_dataset_clause
from kg.store.base import (
    Dataset,
    DumpFormat,
    Quad,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    Term,
    Triple,
    WriteConflict,
)
from kg.store.formats import (
    DUMP_FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    check_answer_format,
    count_dump,
    data_update,
    graph_replacement,
    syntax_message,
    triples_body,
)
from kg.store.oxterms import from_ox, quad_from_ox, quad_to_ox, to_ox
from kg.store.streaming import SPARQL_JSON, Deadline, solutions_json


class EmbeddedStore:
    """A persistent on-disk store (or an in-memory one when ``path`` is None).

    Every write is one transaction; readers see a consistent snapshot and never wait
    for writers. Only one process may open a directory: a second gets
    :class:`StoreLocked`.
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        """Open (or create) the store at ``path`` (in memory when None); with
        ``read_only``, open it for reading only, as a directory nobody writes.

        Raises:
            StoreLocked: another process has the directory open for writing.
            StoreError: the directory cannot be opened.
        """
        self.path = path
        self.read_only = read_only
        self._write_lock = threading.Lock()
        # One process owns the directory, so an in-memory counter versions the store.
        self._version = 0
        if read_only and path is not None:
            self._store = self._read_only(path)
            return
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
            if path is None or not _is_read_only(error):
                raise StoreError(f"cannot open the store at {path}: {error}") from error
            # A read-only directory (mounted so, or a backup): serve reads, refuse writes.
            self._store = self._read_only(path)
            self.read_only = True

    @staticmethod
    def _read_only(path: Path) -> ox.Store:
        try:
            return ox.Store.read_only(str(path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StoreReadOnly(
                f"the store at {self.path} is read-only (its directory cannot be "
                "written); nothing was written, reads still work"
            )

    # -- reads -------------------------------------------------------------------------

    def _run(self, sparql: str, dataset: Dataset | None):
        kwargs: dict[str, object] = {}
        if dataset is not None and dataset.default_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(str(g)) for g in dataset.default_graphs]
        elif not has_dataset_clause(sparql):
            # The union of all graphs, unless the query names its own with FROM (which
            # Oxigraph's union option would override).
            kwargs["use_default_graph_as_union"] = True
        if dataset is not None and dataset.named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(str(g)) for g in dataset.named_graphs]
        try:
            return self._store.query(sparql, **kwargs)
        except SyntaxError as error:
            raise QuerySyntaxError(syntax_message(str(error))) from error
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
        self,
        sparql: str,
        *,
        media_type: str,
        dataset: Dataset | None = None,
        timeout_s: float | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        deadline = Deadline(timeout_s)
        answer = self._run(sparql, dataset)
        check_answer_format(isinstance(answer, ox.QueryTriples), media_type)
        # Taken one by one so that a runaway enumeration stops at the deadline.
        if isinstance(answer, ox.QueryTriples):
            return ox.serialize(deadline.watch(answer), format=GRAPH_FORMATS[media_type])
        if isinstance(answer, ox.QuerySolutions) and media_type == SPARQL_JSON:
            return solutions_json(answer, deadline, row_limit)
        deadline.check()
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

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        # One lookup per quad inside Oxigraph: 3x faster than a pattern per quad.
        return {quad for quad in quads if quad_to_ox(quad) in self._store}

    def mentioned(self, nodes: Iterable[URIRef]) -> set[URIRef]:
        return {node for node in nodes if self._names(to_ox(node))}

    def _names(self, node: ox.NamedNode) -> bool:
        as_subject = self._store.quads_for_pattern(node, None, None, None)
        return next(as_subject, None) is not None or (
            next(self._store.quads_for_pattern(None, None, node, None), None) is not None
        )

    def graphs(self) -> list:
        return sorted(from_ox(g) for g in self._store.named_graphs())

    def count(self, graph=None) -> int:
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, to_ox(graph)))

    # -- writes ------------------------------------------------------------------------

    def writer_turn(self) -> contextlib.AbstractContextManager[None]:
        """Nothing to take: one process owns the directory, and its writer lock
        serialises its writers."""
        return contextlib.nullcontext()

    def version(self) -> str:
        return str(self._version)

    def commit(
        self,
        removed: Iterable[Quad],
        added: Iterable[Quad],
        *,
        expected_version: str | None = None,
    ) -> None:
        self._refuse_if_read_only()
        removed_ox = [quad_to_ox(q) for q in removed]
        added_ox = [quad_to_ox(q) for q in added]
        with self._write_lock:
            if expected_version is not None and expected_version != str(self._version):
                raise WriteConflict("the store changed during the write; nothing written")
            self._version += 1
            try:
                if not removed_ox:
                    self._store.extend(added_ox)
                else:
                    self._store.update(data_update(removed_ox, added_ox))
            except OSError as error:
                raise _write_refused(error) from error

    def replace_graph(self, graph, triples) -> None:
        self._refuse_if_read_only()
        name = to_ox(graph)
        body = triples_body(triples)
        with self._write_lock:
            self._version += 1
            try:
                self._store.update(graph_replacement(name, body))
            except OSError as error:
                raise _write_refused(error) from error

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        self._store.dump(output, DUMP_FORMATS[fmt])

    def backup(self, directory: Path) -> None:
        """A consistent copy of the store in the new ``directory``, usable as a store of
        its own (hard links to the immutable files where on the same file system).

        Raises:
            StoreError: an in-memory store, or the copy failed (nothing is left of it).
        """
        if self.path is None:
            raise StoreError("an in-memory store has no backup; dump it instead")
        with self._write_lock:
            try:
                self._store.backup(str(directory))
            except OSError as error:
                raise StoreError(f"cannot copy the store to {directory}: {error}") from error

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace everything by the dump: it is parsed whole first (a syntax error
        changes nothing), then written by Oxigraph's bulk loader, which skips the
        transaction log — a crash during a restore needs the restore run again."""
        self._refuse_if_read_only()
        data = source.read()
        count = count_dump(io.BytesIO(data), fmt)
        with self._write_lock:
            self._version += 1
            self._store.clear()
            self._store.bulk_load(data, DUMP_FORMATS[fmt])
        return count

    def close(self) -> None:
        """Release the directory. Every commit is already durable (RocksDB's log); a
        flush that fails (disk full) loses nothing, so it does not stop the close."""
        if not self.read_only:
            with contextlib.suppress(OSError):
                self._store.flush()
        del self._store


def _is_read_only(error: OSError) -> bool:
    text = str(error).lower()
    return "read-only file system" in text or "permission denied" in text


def _write_refused(error: OSError) -> StoreError:
    """The error a failed write raises: what the disk said, in the store's terms."""
    text = str(error)
    if "no space left" in text.lower():
        return StoreFull(
            "the disk holding the store is full; nothing was written, reads still work. "
            f"Free space, then restart the server ({text})"
        )
    if _is_read_only(error):
        return StoreReadOnly(f"the store cannot be written; nothing was written ({text})")
    return StoreError(f"the store refused the write, nothing written: {text}")
