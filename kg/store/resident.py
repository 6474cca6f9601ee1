"""The embedded store with its reads answered from a copy held in memory.

Oxigraph's in-memory store answers the saved analyst queries 2 to 14 times faster than
its on-disk store (median 3.5x, measured on the S benchmark data, see
docs/BENCHMARKS.md), at the price of the memory the copy takes. The disk store stays the
authority: every write commits there first, then to the copy; the copy is loaded from
the disk store in a background thread when the store opens, and reads go to the disk
store until it is ready, so start-up is not delayed.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rdflib.term import URIRef

from kg.store.base import Dataset, DumpFormat, Quad, Row, Term, Triple
from kg.store.embedded import EmbeddedStore

_log = logging.getLogger(__name__)


class ResidentStore:
    """An :class:`EmbeddedStore` on disk whose reads come from a copy in memory.

    Writes keep the disk store's guarantees (one transaction each, all or nothing); the
    copy receives the same change before :meth:`commit` returns, so a writer reads its
    own write, and readers see the state before or after a write, never a part of it.
    """

    def __init__(self, disk: EmbeddedStore) -> None:
        self._disk = disk
        self._memory = EmbeddedStore(None)
        self._ready = threading.Event()
        # Held by writes and by the loading of the copy: a write waits for the copy.
        self._write_lock = threading.Lock()
        self.path = disk.path
        self.read_only = disk.read_only
        self._start_loading()

    def _start_loading(self) -> None:
        self._ready.clear()
        threading.Thread(target=self._load, name="ckm-resident-load", daemon=True).start()

    def _load(self) -> None:
        with self._write_lock:
            snapshot = io.BytesIO()
            self._disk.dump(snapshot, DumpFormat.NQUADS)
            self._memory.restore(io.BytesIO(snapshot.getvalue()), DumpFormat.NQUADS)
            self._ready.set()

    def wait_until_resident(self, timeout_s: float | None = None) -> bool:
        """True once reads come from memory (False when ``timeout_s`` passed first)."""
        return self._ready.wait(timeout_s)

    @property
    def _reader(self) -> EmbeddedStore:
        return self._memory if self._ready.is_set() else self._disk

    # -- reads -------------------------------------------------------------------------

    def select(
        self, sparql: str, *, dataset: Dataset | None = None, timeout_s: float | None = None
    ) -> list[Row]:
        return self._reader.select(sparql, dataset=dataset, timeout_s=timeout_s)

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        return self._reader.ask(sparql, dataset=dataset)

    def construct(self, sparql: str, *, dataset: Dataset | None = None) -> list[Triple]:
        return self._reader.construct(sparql, dataset=dataset)

    def query_serialized(
        self,
        sparql: str,
        *,
        media_type: str,
        dataset: Dataset | None = None,
        timeout_s: float | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        return self._reader.query_serialized(
            sparql, media_type=media_type, dataset=dataset, timeout_s=timeout_s, row_limit=row_limit
        )

    def quads(
        self,
        subject: Term | None = None,
        predicate=None,
        obj: Term | None = None,
        graph=None,
    ) -> Iterator[Quad]:
        return self._reader.quads(subject, predicate, obj, graph)

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        return self._reader.held(quads)

    def mentioned(self, nodes: Iterable[URIRef]) -> set[URIRef]:
        return self._reader.mentioned(nodes)

    def graphs(self) -> list:
        return self._reader.graphs()

    def count(self, graph=None) -> int:
        return self._reader.count(graph)

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        self._disk.dump(output, fmt)

    def backup(self, directory: Path) -> None:
        """A consistent copy of the disk store in ``directory`` (see
        :meth:`EmbeddedStore.backup`)."""
        with self._write_lock:
            self._disk.backup(directory)

    # -- writes ------------------------------------------------------------------------

    def writer_turn(self) -> contextlib.AbstractContextManager[None]:
        """Nothing to take: one process owns the directory, and its writer lock
        serialises its writers."""
        return contextlib.nullcontext()

    def version(self) -> str:
        return self._disk.version()

    def commit(
        self,
        removed: Iterable[Quad],
        added: Iterable[Quad],
        *,
        expected_version: str | None = None,
    ) -> None:
        """Commit to the disk store (atomic, compare-and-set), then to the copy.

        Raises:
            WriteConflict, StoreError: as the disk store; nothing written anywhere.
        """
        removed, added = list(removed), list(added)
        with self._write_lock:
            self._disk.commit(removed, added, expected_version=expected_version)
            self._mirror(lambda: self._memory.commit(removed, added))

    def replace_graph(self, graph, triples) -> None:
        triples = list(triples)
        with self._write_lock:
            self._disk.replace_graph(graph, triples)
            self._mirror(lambda: self._memory.replace_graph(graph, triples))

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace everything on disk by the dump, then the copy.

        Raises:
            ValueError: the dump does not parse; nothing changed.
        """
        data = source.read()
        with self._write_lock:
            count = self._disk.restore(io.BytesIO(data), fmt)
            self._mirror(lambda: self._memory.restore(io.BytesIO(data), fmt))
        return count

    def _mirror(self, change) -> None:
        """Apply to the copy a change the disk store has made; the copy cannot refuse
        what the disk store took, but if it fails anyway (memory exhausted), reads go
        back to disk and the copy is loaded again — the write itself stands."""
        if not self._ready.is_set():
            return  # the copy is being loaded from the disk store, which has the change
        try:
            change()
        except Exception:
            _log.exception("the in-memory copy missed a write; reloading it from disk")
            self._start_loading()

    def close(self) -> None:
        with self._write_lock:
            self._disk.close()
