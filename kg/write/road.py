"""The write road: intents become Deltas in the writer's turn, are admitted, validated,
inferred from and committed with their provenance in ONE atomic store operation.

:meth:`WriteRoad.settle` runs under the writer lock for a batch of queued writes (a group
commit). The batch is settled as if its writes ran one after another in queue order:
each write's Delta is built on the state the writes before it left, each is validated on
that state with them, and every accepted write of a *segment* is committed together.
A segment ends where a write must read what the pending writes may change through the
engine (a SPARQL ``WHERE``, the inferred graph): the segment so far is committed first
and that write starts the next one. A remote store's compare-and-set that fails because
another process committed first makes the segment be built, validated and committed
again from the start — Deltas are never carried over from a stale read.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TypeVar

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import URIRef

from kg.config import Settings
from kg.errors import InconsistentWrite, ValidationRefused, WriteConflict
from kg.ontology import load_ontology
from kg.reasoning import CompiledReasoner, InconsistencyReport, Reasoner
from kg.store.base import Quad, Store, Triple
from kg.validation import ValidationReport, Validator, shapes_for, validator_for
from kg.vocab import INFERRED_GRAPH, SYSTEM_GRAPHS
from kg.write.admission import admit, refuse_scheme_membership
from kg.write.delta import Delta, ensure_writable
from kg.write.design_descriptions import described_in_words
from kg.write.explanation import explained
from kg.write.intents import Intent
from kg.write.known_terms import KnownTerms
from kg.write.neighbourhood import focus_nodes, stored_context, stored_statements, touched_nodes
from kg.write.observation import Observer, watched
from kg.write.provenance import WriteContext, activity_record, provenance_naming
from kg.write.shape_paths import ShapeDependencies
from kg.write.state import NeedsOwnTurn, WriteState
from kg.write.terms import is_data_node

_T = TypeVar("_T")
# How often a segment is built and validated again when another process committed first.
WRITE_ATTEMPTS = 8


@dataclass(frozen=True)
class WriteReceipt:
    """What an accepted write did.

    ``created`` is True when the write created the graph or resource its intent names;
    ``existing`` names the stored resource a create found already there (nothing was
    written then).
    """

    activity: URIRef | None
    added: int
    removed: int
    inferred_added: int
    inferred_removed: int
    report: ValidationReport
    created: bool = False
    existing: URIRef | None = None


NO_CHANGE = WriteReceipt(None, 0, 0, 0, 0, ValidationReport())
Write = tuple[Intent, WriteContext]


@dataclass(frozen=True)
class _Segment:
    """Where a settled segment ends and the outcome of each of its writes."""

    end: int
    outcomes: dict[int, WriteReceipt | Exception]


@dataclass(frozen=True)
class _Accepted:
    """A write of a segment that passed: its own change and its report."""

    index: int
    own: Delta
    report: ValidationReport
    context: WriteContext
    created: bool
    existing: URIRef | None = None


class WriteRoad:
    """Validation, inference and commit of writes on one store (callers hold the lock)."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._settings = settings
        self._observers: list[Observer] = []

    def observe(self, observer: Observer) -> Callable[[], None]:
        """Report every validation, inference patch and consistency check to
        ``observer`` (see :mod:`kg.write.observation`); returns the function that stops."""
        if not self._observers:  # watch the engines from now on (made first if need be)
            self.validator = watched(self.validator, self._observers)
            self.reasoner = watched(self.reasoner, self._observers)
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)

    # The ontology, shapes and reasoner are read on the first write, not at opening:
    # reads, dumps and restores never need them (``ckm restore`` starts 0.4 s sooner).

    @functools.cached_property
    def ontology(self) -> Graph:
        return load_ontology(self._settings)  # the shipped one and CKM_EXTRA_ONTOLOGY

    @functools.cached_property
    def shapes(self) -> Graph:
        # The shipped shapes plus CKM_EXTRA_SHAPES, checked (InvalidShapes if not).
        return shapes_for(self._settings)

    @functools.cached_property
    def validator(self) -> Validator:
        # The shapes compiled to SPARQL and run by Oxigraph (pySHACL runs the shapes it
        # does not translate); ``CKM_VALIDATOR`` picks pySHACL or pyshacl-turbo.
        return validator_for(self._settings, self.ontology, shapes=self.shapes)

    @functools.cached_property
    def known_terms(self) -> KnownTerms:
        return KnownTerms.of(self.ontology)  # what a data write may use of ckm:

    @functools.cached_property
    def dependencies(self) -> ShapeDependencies:
        return ShapeDependencies.from_shapes(self.shapes)

    @functools.cached_property
    def reasoner(self) -> Reasoner:
        # The OWL 2 RL rules the ontology triggers, compiled once; ``reasonable`` runs
        # only for data the compiled rules do not cover (see kg.reasoning).
        return CompiledReasoner(self.ontology)

    def prepare(self) -> None:
        """Load and compile what the first write needs (ontology, shapes, validator,
        reasoner), so that it does not take seconds; safe beside writes (each part is
        made once)."""
        _ = self.known_terms, self.dependencies, self.reasoner
        prepare = getattr(self.validator, "prepare", None)
        if prepare is not None:
            prepare()

    # -- settling a batch ------------------------------------------------------------------

    def settle(self, batch: Sequence[Write]) -> list[WriteReceipt | Exception]:
        """Each write's receipt, or the error its writer must raise, in batch order.

        Atomic per segment: a segment's accepted writes are committed in one store
        operation or not at all (the store's error is then each of their outcomes).
        """
        outcomes: dict[int, WriteReceipt | Exception] = {}
        start = 0
        while start < len(batch):
            try:
                segment = _retried_on_conflict(
                    functools.partial(self._segment_in_turn, batch, start)
                )
            except WriteConflict as error:  # other processes kept winning: this write fails
                outcomes[start] = error
                start += 1
                continue
            outcomes.update(segment.outcomes)
            start = segment.end
        return [outcomes[index] for index in range(len(batch))]

    def _segment_in_turn(self, batch: Sequence[Write], start: int) -> _Segment:
        """:meth:`_segment` holding the store's writer turn (other processes' writers of
        a remote engine wait), from the first read of the segment to its commit."""
        with self._store.writer_turn():
            return self._segment(batch, start)

    def _segment(self, batch: Sequence[Write], start: int) -> _Segment:
        """Build, validate and commit the writes of ``batch`` from ``start`` on, until one
        needs its own turn (it then starts the next segment).

        Raises:
            WriteConflict: another process committed since the segment began; nothing
                of the segment was written (the caller builds it again).
        """
        started = datetime.now(UTC)
        version = self._store.version()
        pending = Delta()
        accepted: list[_Accepted] = []
        outcomes: dict[int, WriteReceipt | Exception] = {}
        around: _Surroundings | None = None
        index = start
        while index < len(batch):
            intent, context = batch[index]
            state = WriteState(self._store, pending)
            try:
                own = state.normalised(self._built(intent, state))
                report = ValidationReport()
                if not own.is_empty:
                    candidate = pending.then(own)
                    report, candidate_around = self.validate(candidate)
                    if not report.accepted:  # only a Violation refuses; warnings are reported
                        raise ValidationRefused(
                            explained(
                                report,
                                own,
                                candidate_around.after,
                                WriteState(self._store, candidate).describes,
                            )
                        )
                    # A write that makes the graph inconsistent (OWL 2 RL) is refused; only
                    # the clashes it brings about count, not those the store held already.
                    clashes = self.reasoner.inconsistencies_made(
                        candidate_around.after,
                        {q[:3] for q in candidate.removed},
                        {q[:3] for q in candidate.added},
                    )
                    if clashes:
                        raise InconsistentWrite(InconsistencyReport(tuple(clashes)))
                    pending, around = candidate, candidate_around
            except NeedsOwnTurn:
                break  # only raised with writes pending: commit them, then this one
            except Exception as error:  # the write's own refusal, raised in its thread
                outcomes[index] = error
                index += 1
                continue
            if accepted and not own.is_empty:
                report = report.about(touched_nodes(own))
            outcome = getattr(intent, "outcome", None)
            created = bool(getattr(outcome, "created", False))
            existing = getattr(outcome, "existing", None)
            forgotten = getattr(intent, "forgotten", frozenset())
            if forgotten:  # an erasure: no trace of what it erased, in any record
                context = replace(context, forget=context.forget | forgotten)
            accepted.append(_Accepted(index, own, report, context, created, existing))
            index += 1
        try:
            outcomes.update(self._commit(pending, around, accepted, started, version))
        except WriteConflict:
            raise
        except Exception as error:  # the store refused the commit: nothing was written
            outcomes.update({write.index: error for write in accepted})
        return _Segment(index, outcomes)

    def _built(self, intent: Intent, state: WriteState) -> Delta:
        """The intent's Delta, admitted as a data write.

        Raises:
            ProtectedGraph, ReservedTerm, UnstorableLiteral, UnknownTerm, and the
            intent's own errors.
        """
        delta = intent.delta(state)
        if not getattr(intent, "system", False):
            # A design parameter given in words is kept as its description (issue 17 E2).
            delta = described_in_words(delta)
            ensure_writable(delta.graphs())
            admit(delta.added)
            if not getattr(intent, "adds_concept", False):
                refuse_scheme_membership(delta.added)
            self.known_terms.refuse_unknown(
                delta.added, described=state.describes, base_iri=self._settings.base_iri
            )
        return delta

    def _commit(
        self,
        pending: Delta,
        around: _Surroundings | None,
        accepted: list[_Accepted],
        started: datetime,
        version: str,
    ) -> dict[int, WriteReceipt]:
        """Commit the segment's data, inferences and provenance records in one step.

        Raises:
            WriteConflict: another process committed since ``version`` (also when the
                segment changes nothing: its writes found "no change" on reads that may
                mix that commit's state with the one before).
        """
        if pending.is_empty or around is None:
            if self._store.version() != version:
                raise WriteConflict("the store changed while the writes were built")
            return {a.index: _receipt(None, a, 0, 0) for a in accepted}
        # The segment's writes were each normalised on the state before them; as one
        # change against the store, what undoes another's is no change at all.
        delta = WriteState(self._store).normalised(pending)
        inferred_removed, inferred_added = self.inference_patch(delta, around)
        records: set[Quad] = set()
        receipts: dict[int, WriteReceipt] = {}
        for write in accepted:
            activity = None
            if not write.own.is_empty:
                activity, record = activity_record(
                    write.context,
                    started=started,
                    added=len(write.own.added),
                    removed=len(write.own.removed),
                    graphs=write.own.graphs(),
                )
                records.update(record)
            receipts[write.index] = _receipt(
                activity, write, len(inferred_added), len(inferred_removed)
            )
        # An erasure's trace in the audit trail goes in the same commit (WriteContext.forget).
        forgotten = provenance_naming(self._store, {n for a in accepted for n in a.context.forget})
        self._store.commit(
            removed=delta.removed | inferred_removed | forgotten,
            added=delta.added | inferred_added | records,
            expected_version=version,
        )
        return receipts

    # -- validation and inference -----------------------------------------------------------

    def check(self, intent: Intent) -> ValidationReport:
        """Validate what ``intent`` would change on the store now; nothing is written.

        Raises:
            the intent's own errors, ProtectedGraph, ReservedTerm, UnstorableLiteral,
            UnknownTerm.
        """
        state = WriteState(self._store)
        return self.validate(state.normalised(self._built(intent, state)))[0]

    def validate(self, delta: Delta) -> tuple[ValidationReport, _Surroundings]:
        """The report on the nodes whose verdict ``delta`` can change, and what the
        write's inference patch starts from."""
        named = touched_nodes(delta)
        # Nodes the store does not mention have no stored context to read.
        unstored = frozenset(named - self._store.mentioned(named))
        focus = focus_nodes(self._store, delta, self.dependencies, unstored)
        touched = named | focus
        # Of the other touched nodes (a firm, a customer the write links to) only what
        # they say is read, not who links to them: that grows with the store.
        before = stored_context(self._store, focus - unstored) | stored_statements(
            self._store, touched - focus - unstored
        )
        after = _applied(before, delta)
        present = {s for s, _p, _o in after}
        # The shapes read the ontology too (subclasses, the typing and value areas of
        # controlled-list individuals): the validator holds it beside the data.
        report = self.validator.validate_triples(after, focus=focus & present)
        return report, _Surroundings(focus, touched, unstored, after)

    def inference_patch(self, delta: Delta, around: _Surroundings) -> tuple[set[Quad], set[Quad]]:
        """Inferred quads to remove and to add so the inferred graph holds what follows
        from the data as ``delta`` leaves it."""
        if not delta.removed:
            return self._additions_patch(delta, around)
        # Entailments about a touched node are recomputed from all that surrounds it.
        hubs = around.touched - around.focus - around.unstored
        after = around.after | _applied(
            stored_context(self._store, hubs, describe_neighbours=False), delta
        )
        entailed = self.reasoner.entailments_about(around.touched, after)
        new = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed}
        old = {
            q
            for node in around.touched
            for q in self._store.quads(node, None, None, INFERRED_GRAPH)
        }
        return old - new, new - old

    def _additions_patch(self, delta: Delta, around: _Surroundings) -> tuple[set[Quad], set[Quad]]:
        """The patch of a delta that only adds, reading who links to a touched node only
        when the write gives that node a new type.

        OWL 2 RL is monotone: adding data only adds entailments, and those about a
        touched node follow from the new triples with what the node says. A new type of
        an existing node may combine with what links to it (an intersection with a
        ``someValuesFrom`` over an inverse property): the entailments about that node
        are then computed again with its incoming links too.
        """
        entailed = self.reasoner.entailments_about(around.touched, around.after)
        new = self._unstored_inferences(entailed, around)
        existing = around.touched - around.focus - around.unstored
        retyped = {s for s, p, _o, _g in new if p == RDF.type and s in existing}
        if retyped:
            linked = stored_context(self._store, retyped, describe_neighbours=False)
            wider = around.after | _applied(linked, delta)
            entailed = self.reasoner.entailments_about(retyped, wider)
            new |= self._unstored_inferences(entailed, around)
        # What is now asserted is no longer kept as inferred (nothing is inferred about
        # a node the store did not mention).
        now_asserted = {
            (s, p, o, INFERRED_GRAPH) for s, p, o, _g in delta.added if s not in around.unstored
        }
        return self._store.held(now_asserted), new

    def _unstored_inferences(self, entailed: set[Triple], around: _Surroundings) -> set[Quad]:
        """``entailed`` as inferred quads, without those the store holds already."""
        quads = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed}
        # Nothing is stored about a node the store did not mention.
        maybe_stored = {q for q in quads if q[0] not in around.unstored}
        return quads - self._store.held(maybe_stored)

    def rebuild_inferences(self) -> int:
        """Recompute the whole inferred graph from the data graphs (callers hold the lock).

        Atomic, a compare-and-set against writers in other processes.
        Raises:
            WriteConflict: other writers kept winning the race; nothing written.
        """
        return _retried_on_conflict(self._rebuild_inferences_once)

    def _rebuild_inferences_once(self) -> int:
        with self._store.writer_turn():
            return self._rebuild_inferences_in_turn()

    def _rebuild_inferences_in_turn(self) -> int:
        version = self._store.version()
        data = {(s, p, o) for s, p, o, g in self._store.quads() if g not in SYSTEM_GRAPHS}
        entailed = self.reasoner.entailments(data)
        old = set(self._store.quads(graph=INFERRED_GRAPH))
        new = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed if is_data_node(s)}
        self._store.commit(removed=old - new, added=new - old, expected_version=version)
        return len(new)


def _receipt(
    activity: URIRef | None, write: _Accepted, inferred_added: int, inferred_removed: int
) -> WriteReceipt:
    if write.own.is_empty:
        return WriteReceipt(None, 0, 0, 0, 0, ValidationReport(), write.created, write.existing)
    return WriteReceipt(
        activity,
        len(write.own.added),
        len(write.own.removed),
        inferred_added,
        inferred_removed,
        write.report,
        write.created,
    )


@dataclass(frozen=True)
class _Surroundings:
    """The nodes a write's verdict (``focus``) and inferences (``touched``) may change,
    those of its nodes the store does not mention (``unstored``), and the triples
    around them as the write leaves them (``after``)."""

    focus: set[URIRef]
    touched: set[URIRef]
    unstored: frozenset[URIRef]
    after: set[Triple]


def _applied(quads: set[Quad], delta: Delta) -> set[Triple]:
    """The triples of ``quads`` as ``delta`` leaves them."""
    return {(s, p, o) for s, p, o, _g in (quads - delta.removed) | delta.added}


def _retried_on_conflict(attempt: Callable[[], _T]) -> _T:
    """``attempt()`` again while another process commits first, at most WRITE_ATTEMPTS.

    Raises:
        WriteConflict: every attempt lost the race; nothing was written.
    """
    for attempt_number in range(WRITE_ATTEMPTS - 1):
        try:
            return attempt()
        except WriteConflict:
            # Build and validate again on what the other writer left, after a random
            # pause so that writers who keep colliding drift apart.
            time.sleep(random.uniform(0, 0.05 * 2**attempt_number))
    try:
        return attempt()
    except WriteConflict as error:
        raise WriteConflict(
            f"the store kept changing under this write ({WRITE_ATTEMPTS} attempts); "
            "nothing written, try again"
        ) from error
