"""What callers ask of the write road: intents, each turned into a Delta in the writer's
turn, on the state the write will commit on.

A caller never computes a Delta from what it read earlier: between its read and its
commit another writer may have committed (a lost update). It hands the write road its
intent — an update text, a graph body, the fields to change, a resource to delete — and
the road builds the Delta under the writer lock (and inside the compare-and-set of a
remote store), again on every retry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from rdflib.namespace import RDF
from rdflib.term import URIRef

from kg.errors import PreconditionFailed, UnknownResource
from kg.store.base import Quad, Term
from kg.vocab import DATA_GRAPH, SYSTEM_GRAPHS
from kg.write.delta import Delta, ensure_writable
from kg.write.erasure import ErasurePlan, plan_erasure
from kg.write.preconditions import entity_tag
from kg.write.state import WriteState
from kg.write.update import ParsedUpdate


class Intent(Protocol):
    """A write as its caller means it; :meth:`delta` is called in the writer's turn."""

    def delta(self, state: WriteState) -> Delta:
        """The Delta this intent applies to ``state``; may raise a domain error (the
        write is then refused, nothing written)."""
        ...


@dataclass
class Outcome:
    """Facts an intent learns while its Delta is built (read after a successful write)."""

    created: bool = False
    existing: URIRef | None = None


@dataclass
class ResourceCreation:
    """Create a resource (REST POST) unless one of ``of_class`` already says all of
    ``same_as`` (a customer of the same name and firm): then nothing is written and
    :attr:`Outcome.existing` names it. Decided in the writer's turn, so two identical
    creates sent at once make one resource."""

    quads: frozenset[Quad]
    of_class: URIRef | None = None
    same_as: tuple[tuple[URIRef, Term], ...] = ()
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        twin = self._twin(state) if self.same_as else None
        if twin is not None:
            self.outcome.existing = twin
            return Delta()
        self.outcome.created = True
        return Delta(added=self.quads)

    def _twin(self, state: WriteState) -> URIRef | None:
        (first, value), *rest = self.same_as
        candidates = sorted(
            q[0] for q in state.quads(None, first, value, DATA_GRAPH) if isinstance(q[0], URIRef)
        )
        for subject in candidates:
            if all(next(state.quads(subject, p, o, DATA_GRAPH), None) for p, o in rest) and (
                self.of_class is None
                or next(state.quads(subject, RDF.type, self.of_class, DATA_GRAPH), None)
            ):
                return subject
        return None


@dataclass
class Addition:
    """Add these quads (a file load, a REST create, a Graph Store POST): needs no state."""

    quads: frozenset[Quad]
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        return Delta(added=self.quads)


@dataclass
class GivenDelta:
    """A Delta built by the caller from no stored state (tests, demo data, restore)."""

    given: Delta
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        return self.given


@dataclass
class SparqlUpdate:
    """A SPARQL 1.1 Update request: every operation applied in order, atomically."""

    parsed: ParsedUpdate
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        return self.parsed.delta(state)


@dataclass
class GraphWrite:
    """A Graph Store write: replace (PUT), add to (POST) or empty (DELETE) one graph.

    ``outcome.created`` says whether the graph was empty before. ``if_match`` is the
    entity tag the client read the graph with (RFC 9110 §13.1.1).
    """

    graph: URIRef
    quads: frozenset[Quad] = frozenset()
    replace: bool = True
    if_match: str | None = None
    must_exist: bool = False
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        ensure_writable([self.graph])
        held = set(state.quads(graph=self.graph))
        check_tag(self.if_match, held, f"graph {self.graph}")
        if self.must_exist and not held and self.graph != DATA_GRAPH:
            raise UnknownResource(f"no graph {self.graph}")
        self.outcome.created = not held and bool(self.quads)
        removed = frozenset(held) if self.replace else frozenset()
        return Delta(removed=removed, added=self.quads)


@dataclass
class DescriptionChange:
    """Replace what a resource says with some properties, keep the rest (REST PUT and
    PATCH, CSV import).

    For each predicate of ``predicates`` the stored values of ``subject`` in the data
    graph are replaced by those ``quads`` give (none: the values are removed); every
    other stored triple of the resource stays. ``rdf:type`` among the predicates
    replaces the asserted types. ``exists`` checks that the resource is stored (of the
    class, asserted or inferred) before anything changes; ``if_match`` is the entity tag
    the client read it with.
    """

    subject: URIRef
    predicates: frozenset[URIRef]
    quads: frozenset[Quad]
    exists: Callable[[WriteState], bool] | None = None
    if_match: str | None = None
    outcome: Outcome = field(default_factory=Outcome)
    # What to write when the resource is not stored at all (REST PUT creates it there).
    create: frozenset[Quad] | None = None

    def delta(self, state: WriteState) -> Delta:
        stored = set(state.quads(self.subject, None, None, DATA_GRAPH))
        if not stored and self.create is not None and self.if_match in (None, "*"):
            self.outcome.created = True
            return Delta(added=self.create)
        if self.exists is not None and not (stored and self.exists(state)):
            raise UnknownResource(f"no resource {self.subject}")
        check_tag(self.if_match, stored, str(self.subject))
        removed = {q for q in stored if q[1] in self.predicates}
        return Delta(removed=frozenset(removed), added=self.quads)


@dataclass
class ResourceDeletion:
    """Delete a resource: what it says and every data-graph link to it."""

    subject: URIRef
    exists: Callable[[WriteState], bool] | None = None
    if_match: str | None = None
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        stored = set(state.quads(self.subject, None, None, DATA_GRAPH))
        if self.exists is not None and not (stored and self.exists(state)):
            raise UnknownResource(f"no resource {self.subject}")
        check_tag(self.if_match, stored, str(self.subject))
        links = {q for q in state.quads(None, None, self.subject) if q[3] not in SYSTEM_GRAPHS}
        return Delta(removed=frozenset(stored | links))


@dataclass
class CustomerErasure:
    """Erase a customer and what identifies it (:mod:`kg.write.erasure`); ``plan`` says
    what went, after the write."""

    customer: URIRef
    plan: ErasurePlan | None = None
    outcome: Outcome = field(default_factory=Outcome)

    def delta(self, state: WriteState) -> Delta:
        self.plan = plan_erasure(state, self.customer)
        return self.plan.delta

    @property
    def forgotten(self) -> frozenset[URIRef]:
        """What the erasure removes, of which no provenance quad may remain (nor a
        graph of that name in the erasure's own record)."""
        if self.plan is None:
            return frozenset()
        return frozenset(n for nodes in self.plan.removed_nodes.values() for n in nodes)


def check_tag(if_match: str | None, stored: Iterable[Quad], what: str) -> None:
    """Raise :class:`PreconditionFailed` unless ``if_match`` is absent, ``*`` for
    something stored, or the entity tag of ``stored``."""
    if if_match is None:
        return
    quads = list(stored)
    current = entity_tag(quads) if quads else None
    wanted = [t.strip() for t in if_match.split(",")]
    if "*" in wanted and current is not None:
        return
    if current is not None and any(_weakly_equal(t, current) for t in wanted):
        return
    raise PreconditionFailed(
        f"{what} changed since it was read (If-Match {if_match} no longer holds); "
        "nothing was written: read it again and retry",
        current,
    )


def _weakly_equal(tag: str, current: str) -> bool:
    return tag.removeprefix("W/") == current.removeprefix("W/")


def replacement_of(
    subject: URIRef, values: Mapping[URIRef, Iterable[Term]], graph: URIRef = DATA_GRAPH
) -> tuple[frozenset[URIRef], frozenset[Quad]]:
    """The predicates and quads of a :class:`DescriptionChange` setting ``values``."""
    quads = frozenset((subject, p, o, graph) for p, objects in values.items() for o in objects)
    return frozenset(values), quads


__all__ = [
    "RDF",
    "Addition",
    "CustomerErasure",
    "DescriptionChange",
    "GivenDelta",
    "GraphWrite",
    "Intent",
    "Outcome",
    "ResourceDeletion",
    "SparqlUpdate",
    "check_tag",
    "replacement_of",
]
