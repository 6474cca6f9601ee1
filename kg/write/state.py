"""The state a write is built on: the store as the writer's turn finds it.

A write's Delta is computed inside the writer's turn, on the state it will commit on.
In a group commit several writes share one turn and one commit; each is built on the
store *plus the writes settled before it in the same turn*, not yet committed. That
overlay is exact for reads of one data graph (what a resource or a graph holds). A read
that could see inferences (the union default graph, the inferred graph) or that needs
the engine (a SPARQL query) cannot be answered from the overlay: the view then raises
:class:`NeedsOwnTurn`, the writes before it are committed first, and the write is
built again on the store itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib.term import URIRef

from kg.store.base import Dataset, Quad, Row, Store, Term
from kg.vocab import INFERRED_GRAPH, SYSTEM_GRAPHS
from kg.write.delta import Delta


class NeedsOwnTurn(BaseException):
    """The write reads what the pending writes of its turn may change; commit them first.

    A ``BaseException`` on purpose: rdflib's SPARQL evaluation turns an ``Exception``
    raised by a store read into a silent "no solution", which would build a wrong Delta.
    """


class WriteState:
    """Read access to the store as a write in its turn must see it.

    ``pending`` is what the writes settled before this one in the same turn change.
    """

    def __init__(self, store: Store, pending: Delta | None = None) -> None:
        self._store = store
        self._pending = pending or Delta()

    @property
    def overlaid(self) -> bool:
        """True when writes of this turn are pending (reads go through the overlay)."""
        return not self._pending.is_empty

    def quads(
        self,
        subject: Term | None = None,
        predicate: URIRef | None = None,
        obj: Term | None = None,
        graph: URIRef | None = None,
    ) -> Iterator[Quad]:
        """Quads matching the pattern, as the pending writes leave them.

        Raises:
            NeedsOwnTurn: writes are pending and the pattern spans every graph or the
                inferred graph (their inferences are not computed yet).
        """
        if not self.overlaid:
            yield from self._store.quads(subject, predicate, obj, graph)
            return
        if graph is None or graph == INFERRED_GRAPH:
            raise NeedsOwnTurn
        pattern = (subject, predicate, obj, graph)
        for quad in self._store.quads(subject, predicate, obj, graph):
            if quad not in self._pending.removed:
                yield quad
        for quad in self._pending.added:
            if all(want is None or want == have for want, have in zip(pattern, quad, strict=True)):
                yield quad

    def has_graph(self, graph: URIRef) -> bool:
        """True when ``graph`` holds at least one quad."""
        return next(self.quads(graph=graph), None) is not None

    def describes(self, node: URIRef) -> bool:
        """True when a data graph, as the pending writes leave it, has ``node`` as the
        subject of a triple (the system graphs do not count: an inference is no data)."""
        if any(q[0] == node and q[3] not in SYSTEM_GRAPHS for q in self._pending.added):
            return True
        return any(
            quad[3] not in SYSTEM_GRAPHS and quad not in self._pending.removed
            for quad in self._store.quads(node)
        )

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        """Those of ``quads`` the state holds (matched as the store writes them)."""
        wanted = set(quads)
        stored = self._store.held(wanted)
        return (stored - self._pending.removed) | (wanted & self._pending.added)

    def select(self, sparql: str, *, dataset: Dataset | None = None) -> list[Row]:
        """Rows of a SELECT on the store.

        Raises:
            NeedsOwnTurn: writes are pending (the engine cannot see them).
        """
        if self.overlaid:
            raise NeedsOwnTurn
        return self._store.select(sparql, dataset=dataset)

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        """The answer of an ASK on the store.

        Raises:
            NeedsOwnTurn: writes are pending (the engine cannot see them).
        """
        if self.overlaid:
            raise NeedsOwnTurn
        return self._store.ask(sparql, dataset=dataset)

    def normalised(self, delta: Delta) -> Delta:
        """``delta`` without what is no change here: removals of quads the state does
        not hold, additions of quads it holds already."""
        held = self.held(delta.removed | delta.added)
        return Delta(removed=delta.removed & held, added=delta.added - held)
