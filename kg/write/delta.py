"""The Delta: what one write removes and adds. Every write commits one; nothing else writes.

A Delta is built in the writer's turn from the caller's intent (:mod:`kg.write.intents`)
on the state it will commit on; the builders here need no state at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib.term import URIRef

from kg.errors import ProtectedGraph
from kg.store.base import Quad
from kg.store.parsing import RdfSyntax, parse_quads
from kg.vocab import SYSTEM_GRAPHS


@dataclass(frozen=True)
class Delta:
    """Quads removed and quads added by one write, applied as one atomic step.

    A quad in both sets is a no-op and is dropped from both.

    >>> from rdflib import URIRef, Literal
    >>> q = (URIRef("urn:x:a"), URIRef("urn:x:p"), Literal(1), URIRef("urn:x:g"))
    >>> Delta(removed=frozenset({q}), added=frozenset({q})).is_empty
    True
    """

    removed: frozenset[Quad] = field(default_factory=frozenset)
    added: frozenset[Quad] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.removed & self.added
        if both:
            object.__setattr__(self, "removed", self.removed - both)
            object.__setattr__(self, "added", self.added - both)

    @property
    def is_empty(self) -> bool:
        return not self.removed and not self.added

    def graphs(self) -> set[URIRef]:
        """Every graph the delta writes to."""
        return {q[3] for q in self.removed} | {q[3] for q in self.added}

    def then(self, later: Delta) -> Delta:
        """This delta followed by ``later``, as one delta.

        >>> from rdflib import URIRef, Literal
        >>> q = (URIRef("urn:x:a"), URIRef("urn:x:p"), Literal(1), URIRef("urn:x:g"))
        >>> Delta(added=frozenset({q})).then(Delta(removed=frozenset({q}))).removed == {q}
        True
        """
        return Delta(
            removed=(self.removed - later.added) | later.removed,
            added=(self.added - later.removed) | later.added,
        )


def ensure_writable(graphs: Iterable[URIRef]) -> None:
    """Raise :class:`ProtectedGraph` when a system graph is among ``graphs``."""
    protected = sorted(str(g) for g in graphs if g in SYSTEM_GRAPHS)
    if protected:
        raise ProtectedGraph(
            f"{', '.join(protected)} is maintained by the system and cannot be written"
        )


def adding(quads: Iterable[Quad]) -> Delta:
    """A delta that adds ``quads``.

    Raises:
        ProtectedGraph: a quad targets a system graph.
    """
    added = frozenset(quads)
    ensure_writable({q[3] for q in added})
    return Delta(added=added)


def from_payload(payload: bytes | str, syntax: RdfSyntax, *, graph: URIRef, base_iri: str) -> Delta:
    """A delta adding the RDF in ``payload``; triples without a graph go to ``graph``.

    Raises:
        RdfSyntaxError: the payload does not parse.
        ProtectedGraph: the payload writes into a system graph.
    """
    return adding(parse_quads(payload, syntax, target_graph=graph, base_iri=base_iri))
