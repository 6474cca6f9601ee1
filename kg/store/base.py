"""The Store seam: the narrow protocol every storage backend implements.

Everything above this seam speaks rdflib terms and SPARQL text; nothing above it imports
a storage engine or speaks HTTP to one. Graph names are always IRIs: the store's own
default graph is never written (writes to "the default graph" go to
:data:`kg.vocab.DATA_GRAPH`), and queries see the union of all graphs as their default
graph unless a dataset is named.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO, Protocol

from rdflib.term import Identifier, URIRef

from kg.errors import (  # noqa: F401
    EngineFailed,
    EngineTimeout,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
    WriteConflict,
)

Term = Identifier
Triple = tuple[Term, URIRef, Term]
Quad = tuple[Term, URIRef, Term, URIRef]
Row = dict[str, Term]


class DumpFormat(StrEnum):
    """Formats a whole store can be dumped to and restored from."""

    NQUADS = "nquads"
    TRIG = "trig"


@dataclass(frozen=True)
class Dataset:
    """An RDF dataset for one query (SPARQL ``FROM`` / ``FROM NAMED`` or protocol params).

    ``None`` for ``default_graphs`` means "the union of all graphs"; ``None`` for
    ``named_graphs`` means "every graph of the store".
    """

    default_graphs: tuple[URIRef, ...] | None = None
    named_graphs: tuple[URIRef, ...] | None = None


class Store(Protocol):
    """What the knowledge graph needs from a storage backend."""

    def select(
        self, sparql: str, *, dataset: Dataset | None = None, timeout_s: float | None = None
    ) -> list[Row]:
        """Rows of a SELECT query, unbound variables left out of each row.

        Raises:
            QuerySyntaxError, QueryTimeout, StoreError.
        """
        ...

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        """The answer of an ASK query."""
        ...

    def construct(self, sparql: str, *, dataset: Dataset | None = None) -> list[Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query."""
        ...

    def query_serialized(
        self,
        sparql: str,
        *,
        media_type: str,
        dataset: Dataset | None = None,
        timeout_s: float | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        """Run any query and serialise its answer in ``media_type``.

        ``timeout_s`` bounds the time taken; ``row_limit`` cuts SELECT results in SPARQL
        JSON after that many rows (a backend may ignore both where its engine enforces
        limits of its own).
        Raises:
            QuerySyntaxError, StoreError; QueryTimeout past ``timeout_s``; ValueError
            when ``media_type`` does not suit the query form.
        """
        ...

    def version(self) -> str:
        """A token that changes with every write to the store, for :meth:`commit`."""
        ...

    def writer_turn(self) -> AbstractContextManager[None]:
        """Exclusion of the store's other writers, also those of other processes, for
        as long as the block runs (a write holds it from its first read to its commit).
        Re-entrant within one thread.

        Raises:
            WriteConflict: another writer kept the turn too long; nothing written.
        """
        ...

    def commit(
        self,
        removed: Iterable[Quad],
        added: Iterable[Quad],
        *,
        expected_version: str | None = None,
    ) -> None:
        """Remove then add quads in ONE atomic operation.

        Either every quad is removed and added, or nothing changes (the store's
        transaction); concurrent readers see the state before or after, never between.
        With ``expected_version`` the commit is a compare-and-set: it happens only if no
        other write reached the store since :meth:`version` returned that token, also
        when the writers are different processes.
        Raises:
            WriteConflict: the store changed since ``expected_version``; nothing written.
            StoreError: nothing was written.
        """
        ...

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples`` (blank nodes allowed), atomically.

        Raises:
            StoreError: nothing was changed.
        """
        ...

    def quads(
        self,
        subject: Term | None = None,
        predicate: URIRef | None = None,
        obj: Term | None = None,
        graph: URIRef | None = None,
    ) -> Iterator[Quad]:
        """Stored quads matching a pattern (``None`` matches anything)."""
        ...

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        """Those of ``quads`` the store holds, matched as the store writes them
        (``"40"^^xsd:nonNegativeInteger`` matches the stored ``"40"^^xsd:integer``)."""
        ...

    def mentioned(self, nodes: Iterable[URIRef]) -> set[URIRef]:
        """Those of ``nodes`` that a stored quad names as its subject or object (a node
        it does not name has no stored context to read)."""
        ...

    def graphs(self) -> list[URIRef]:
        """Names of the non-empty named graphs."""
        ...

    def count(self, graph: URIRef | None = None) -> int:
        """How many quads the store (or one graph) holds."""
        ...

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        """Write every quad of the store to ``output``."""
        ...

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace the whole content of the store with the dataset read from ``source``.

        Atomic: on a parse error nothing is changed. Returns the number of quads read.
        Raises:
            ValueError: the input does not parse (the message names line and column).
        """
        ...

    def close(self) -> None:
        """Release the store (files, locks, connections)."""
        ...
