"""The knowledge graph: the one road every write takes, and the read road.

``KnowledgeGraph.write(delta)`` validates the nodes the delta touches against the SHACL
shapes, refuses the whole delta on any Violation, and otherwise commits the data, the
inferences it entails and its provenance record in ONE atomic store operation.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO, TypeVar

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import URIRef

from kg.config import Settings
from kg.delta import Delta, ensure_writable
from kg.erasure import ErasurePlan, plan_erasure
from kg.errors import InconsistentWrite  # issue 16: OWL 2 RL consistency
from kg.group_commit import GroupCommit
from kg.neighbourhood import (
    focus_nodes,
    is_data_node,
    stored_context,
    stored_statements,
    touched_nodes,
)
from kg.ontology import load_ontology, ontology_digest
from kg.provenance import WriteContext, activity_record
from kg.reasoning import CompiledReasoner, InconsistencyReport, Reasoner
from kg.resources import SHAPES_TTL
from kg.shacl import CompiledValidator
from kg.shape_paths import ShapeDependencies
from kg.store import open_store
from kg.store.base import (
    Dataset,
    DumpFormat,
    EngineFailed,
    EngineTimeout,
    Quad,
    QuerySyntaxError,
    QueryTimeout,
    Row,
    Store,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
    Triple,
    WriteConflict,
)
from kg.store.parsing import SYNTAXES, RdfSyntaxError, parse_quads, syntax_for_media_type
from kg.validation import ShapesValidator, ValidationReport
from kg.vocab import DATA_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, SYSTEM_GRAPHS

_T = TypeVar("_T")
# How often a write is validated again when another process committed first.
WRITE_ATTEMPTS = 8


class ValidationRefused(Exception):
    """A write broke at least one SHACL rule of severity Violation; nothing was written."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.to_text())
        self.report = report


@dataclass(frozen=True)
class WriteReceipt:
    """What an accepted write did."""

    activity: URIRef | None
    added: int
    removed: int
    inferred_added: int
    inferred_removed: int
    report: ValidationReport


class KnowledgeGraph:
    """The facade over a store: validated atomic writes, reasoning, provenance, queries."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self._write_lock = threading.Lock()
        self._group_commit = GroupCommit(self._write_lock, self._write_batch)

    # The ontology, shapes and reasoner are read on the first write, not at opening:
    # reads, dumps and restores never need them (``ckm restore`` starts 0.4 s sooner).

    @functools.cached_property
    def _ontology(self) -> Graph:
        return load_ontology(self.settings)  # issue 16: shipped + CKM_EXTRA_ONTOLOGY

    @functools.cached_property
    def _validator(self) -> ShapesValidator | CompiledValidator:
        # The shapes compiled to SPARQL and run by Oxigraph; pySHACL is the reference
        # (``CKM_VALIDATOR=pyshacl``) that the differential tests compare it with.
        if self.settings.validator == "pyshacl":
            return ShapesValidator(ontology=self._ontology)
        return CompiledValidator(ontology=self._ontology)

    @functools.cached_property
    def _dependencies(self) -> ShapeDependencies:
        return ShapeDependencies.from_shapes(Graph().parse(SHAPES_TTL, format="turtle"))

    @functools.cached_property
    def _reasoner(self) -> Reasoner:
        # The OWL 2 RL rules the ontology triggers, compiled once; ``reasonable`` runs
        # only for data the compiled rules do not cover (see kg.reasoning).
        return CompiledReasoner(self._ontology)

    @classmethod
    def open(cls, settings: Settings) -> KnowledgeGraph:
        """Open the store the settings name and make sure it holds the current ontology.

        Raises:
            StoreLocked: another process has the embedded store open.
        """
        graph = cls(open_store(settings), settings)
        graph.install_ontology()
        return graph

    def close(self) -> None:
        self.store.close()

    # -- the write road -----------------------------------------------------------------

    def check(self, delta: Delta) -> ValidationReport:
        """Validate ``delta`` against the stored graph without writing anything."""
        return self._validate(delta)[0]

    def write(self, delta: Delta, context: WriteContext | None = None) -> WriteReceipt:
        """Validate and commit ``delta`` with its inferences and provenance, atomically.

        Writers are serialised; readers are never blocked and see the state before or
        after the write, never a part of it. Writes that arrive while another runs are
        committed together when none undoes another's and all conform (a group commit;
        otherwise one by one, each with its own verdict); each keeps its own provenance
        record, and its receipt counts the inferences of the commit it was part of.
        Writers in other processes (several API processes on one remote engine) are
        detected by the store's compare-and-set: the write is then validated again on
        the store as the other writer left it.
        Raises:
            ProtectedGraph: the delta writes into a system graph; nothing written.
            WriteConflict: other writers kept winning the race; nothing written.
            ValidationRefused: a Violation; the report is attached; nothing written.
            InconsistentWrite: the data would be inconsistent with the ontology (OWL 2
                RL); the clashes are attached; nothing written.
            StoreError: the store refused; nothing written.
        """
        ensure_writable(delta.graphs())
        return self._group_commit.submit((delta, context or WriteContext()))

    def _write_batch(self, batch: Sequence[_Write]) -> list[WriteReceipt | Exception]:
        """Each write's receipt, or the error it must raise: the batch in one commit when
        its writes are independent and all conform, otherwise one write at a time."""
        if len(batch) > 1 and _independent([delta for delta, _context in batch]):
            try:
                return _retried_on_conflict(functools.partial(self._write_once, batch))
            except Exception:  # each write is then tried alone and gets its own verdict
                pass
        outcomes: list[WriteReceipt | Exception] = []
        for write in batch:
            try:
                outcomes += _retried_on_conflict(functools.partial(self._write_once, [write]))
            except Exception as error:  # raised in the writer's own thread
                outcomes.append(error)
        return outcomes

    def _write_once(self, batch: Sequence[_Write]) -> list[WriteReceipt]:
        """One validate-and-commit of every write of ``batch`` on the store as it is now,
        as a compare-and-set.

        Raises:
            WriteConflict: the store changed since it was read; nothing written.
            ValidationRefused, InconsistentWrite, StoreError: nothing written.
        """
        started = datetime.now(UTC)
        version = self.store.version()
        # Quads already stored are no change. The store's lookup matches them as the
        # store writes them ("40"^^xsd:nonNegativeInteger is stored as xsd:integer), so
        # a value loaded again is not validated as a second, different value.
        stored = self.store.held(_union(d.removed | d.added for d, _c in batch))
        deltas = [Delta(removed=d.removed & stored, added=d.added - stored) for d, _c in batch]
        delta = Delta(
            removed=_union(d.removed for d in deltas), added=_union(d.added for d in deltas)
        )
        if delta.is_empty:
            return [WriteReceipt(None, 0, 0, 0, 0, ValidationReport()) for _ in batch]
        report, around = self._validate(delta)
        if not report.conforms:
            raise ValidationRefused(report)
        # -- issue 16: a write that makes the graph inconsistent (OWL 2 RL) is refused --
        clashes = self._reasoner.inconsistencies_made(
            around.after, {q[:3] for q in delta.removed}, {q[:3] for q in delta.added}
        )
        if clashes:
            raise InconsistentWrite(InconsistencyReport(tuple(clashes)))
        # -- end issue 16 --
        inferred_removed, inferred_added = self._inference_patch(delta, around)
        receipts: list[WriteReceipt] = []
        records: set[Quad] = set()
        for own, (_delta, context) in zip(deltas, batch, strict=True):
            if own.is_empty:
                receipts.append(WriteReceipt(None, 0, 0, 0, 0, ValidationReport()))
                continue
            activity, record = activity_record(
                context,
                started=started,
                added=len(own.added),
                removed=len(own.removed),
                graphs=own.graphs(),
            )
            records.update(record)
            receipts.append(
                WriteReceipt(
                    activity,
                    len(own.added),
                    len(own.removed),
                    len(inferred_added),
                    len(inferred_removed),
                    report if len(batch) == 1 else report.about(touched_nodes(own)),
                )
            )
        self.store.commit(
            removed=delta.removed | inferred_removed,
            added=delta.added | inferred_added | records,
            expected_version=version,
        )
        return receipts

    def _validate(self, delta: Delta) -> tuple[ValidationReport, _Surroundings]:
        """The report on the nodes whose verdict ``delta`` can change, and what the
        write's inference patch starts from."""
        named = touched_nodes(delta)
        # Nodes the store does not mention have no stored context to read.
        unstored = frozenset(named - self.store.mentioned(named))
        focus = focus_nodes(self.store, delta, self._dependencies, unstored)
        touched = named | focus
        # Of the other touched nodes (a firm, a customer the write links to) only what
        # they say is read, not who links to them: that grows with the store.
        before = stored_context(self.store, focus - unstored) | stored_statements(
            self.store, touched - focus - unstored
        )
        after = _applied(before, delta)
        present = {s for s, _p, _o in after}
        # The shapes read the ontology too (subclasses, the typing and value areas of
        # controlled-list individuals): the validator holds it beside the data.
        report = self._validator.validate_triples(after, focus=focus & present)
        return report, _Surroundings(focus, touched, unstored, after)

    def _inference_patch(self, delta: Delta, around: _Surroundings) -> tuple[set[Quad], set[Quad]]:
        """Inferred quads to remove and to add so the inferred graph holds what follows
        from the data as ``delta`` leaves it."""
        if not delta.removed:
            return self._additions_patch(delta, around)
        # Entailments about a touched node are recomputed from all that surrounds it.
        hubs = around.touched - around.focus - around.unstored
        after = around.after | _applied(
            stored_context(self.store, hubs, describe_neighbours=False), delta
        )
        entailed = self._reasoner.entailments_about(around.touched, after)
        new = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed}
        old = {
            q for node in around.touched for q in self.store.quads(node, None, None, INFERRED_GRAPH)
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
        entailed = self._reasoner.entailments_about(around.touched, around.after)
        new = self._unstored_inferences(entailed, around)
        existing = around.touched - around.focus - around.unstored
        retyped = {s for s, p, _o, _g in new if p == RDF.type and s in existing}
        if retyped:
            linked = stored_context(self.store, retyped, describe_neighbours=False)
            wider = around.after | _applied(linked, delta)
            entailed = self._reasoner.entailments_about(retyped, wider)
            new |= self._unstored_inferences(entailed, around)
        # What is now asserted is no longer kept as inferred (nothing is inferred about
        # a node the store did not mention).
        now_asserted = {
            (s, p, o, INFERRED_GRAPH) for s, p, o, _g in delta.added if s not in around.unstored
        }
        return self.store.held(now_asserted), new

    def _unstored_inferences(self, entailed: set[Triple], around: _Surroundings) -> set[Quad]:
        """``entailed`` as inferred quads, without those the store holds already."""
        quads = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed}
        # Nothing is stored about a node the store did not mention.
        maybe_stored = {q for q in quads if q[0] not in around.unstored}
        return quads - self.store.held(maybe_stored)

    def erase_customer(
        self, customer: URIRef, context: WriteContext | None = None
    ) -> tuple[ErasurePlan, WriteReceipt]:
        """Erase a customer and everything that identifies them, through the write road.

        The provenance record says an erasure happened, by whom and how many triples
        went, but not which customer.
        Raises:
            UnknownCustomer: no such customer; nothing written.
            ValidationRefused: what remains would break a Violation rule; nothing written.
        """
        plan = plan_erasure(self.store, customer)
        agent = context.agent if context else "anonymous"
        receipt = self.write(plan.delta, WriteContext(agent=agent, operation="erase-customer"))
        return plan, receipt

    # -- system graphs ------------------------------------------------------------------

    def install_ontology(self) -> bool:
        """Make the ontology graph hold the ontology in use; True when it changed.

        The graph carries the SHA-256 of the files it was made from (the shipped one and
        ``CKM_EXTRA_ONTOLOGY``'s); different files replace it in one step, and the
        inferred graph is rebuilt since what follows from the data may have changed.
        Raises:
            OntologyUnusable: an extension is missing or invalid, or the ontology is
                inconsistent; nothing changed.
        """
        digest = Literal(ontology_digest(self.settings))  # issue 16: extensions count
        marker = (ONTOLOGY_GRAPH, DCTERMS.hasVersion, digest, ONTOLOGY_GRAPH)
        if next(self.store.quads(*marker), None) is not None:
            return False
        _ = self._reasoner  # issue 16: an inconsistent ontology is refused before storing
        with self._write_lock:
            self.store.replace_graph(ONTOLOGY_GRAPH, [*self._ontology, marker[:3]])
        self.rebuild_inferences()
        return True

    def rebuild_inferences(self) -> int:
        """Recompute the whole inferred graph from the data graphs (for recovery).

        Atomic: the old inferred graph is replaced in the same operation, a
        compare-and-set against writers in other processes.
        Returns the number of inferred triples.
        Raises:
            WriteConflict: other writers kept winning the race; nothing written.
        """
        with self._write_lock:
            return _retried_on_conflict(self._rebuild_inferences_once)

    def _rebuild_inferences_once(self) -> int:
        version = self.store.version()
        data = {(s, p, o) for s, p, o, g in self.store.quads() if g not in SYSTEM_GRAPHS}
        entailed = self._reasoner.entailments(data)
        old = set(self.store.quads(graph=INFERRED_GRAPH))
        new = {(s, p, o, INFERRED_GRAPH) for s, p, o in entailed if is_data_node(s)}
        self.store.commit(removed=old - new, added=new - old, expected_version=version)
        return len(new)

    # -- the read road ------------------------------------------------------------------

    def select(self, sparql: str, dataset: Dataset | None = None) -> list[Row]:
        """Rows of a SELECT over the union of all graphs (or ``dataset``)."""
        return self.store.select(sparql, dataset=dataset, timeout_s=self.settings.query_timeout_s)

    def ask(self, sparql: str, dataset: Dataset | None = None) -> bool:
        return self.store.ask(sparql, dataset=dataset)

    def construct(self, sparql: str, dataset: Dataset | None = None) -> list[Triple]:
        return self.store.construct(sparql, dataset=dataset)

    def query_serialized(
        self,
        sparql: str,
        media_type: str,
        dataset: Dataset | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        """Any query's answer in ``media_type``, within the settings' time limit.

        Raises:
            QueryTimeout: the answer took longer than ``query_timeout_s``.
        """
        return self.store.query_serialized(
            sparql,
            media_type=media_type,
            dataset=dataset,
            timeout_s=self.settings.query_timeout_s,
            row_limit=row_limit,
        )

    def stats(self) -> dict[str, int]:
        """Quads per named graph."""
        return {str(g): self.store.count(g) for g in self.store.graphs()}

    # -- operations ---------------------------------------------------------------------

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        self.store.dump(output, fmt)

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        """Replace the store's content with a dump (no validation: a dump was valid).

        Raises:
            ValueError: the dump does not parse; nothing changed.
        """
        with self._write_lock:
            return self.store.restore(source, fmt)


_Write = tuple[Delta, WriteContext]


def _union(sets: Iterable[frozenset[Quad]]) -> frozenset[Quad]:
    return frozenset().union(*sets)


def _independent(deltas: list[Delta]) -> bool:
    """True when no delta removes what another adds (their order does not matter)."""
    return not (_union(d.added for d in deltas) & _union(d.removed for d in deltas))


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


# What the HTTP layer may use; it never imports kg.store itself.
__all__ = [
    "DATA_GRAPH",
    "PROVENANCE_GRAPH",
    "SYNTAXES",
    "Dataset",
    "EngineFailed",
    "EngineTimeout",
    "InconsistentWrite",
    "KnowledgeGraph",
    "Quad",
    "QuerySyntaxError",
    "QueryTimeout",
    "RdfSyntaxError",
    "StoreError",
    "StoreFull",
    "StoreLocked",
    "StoreReadOnly",
    "StoreUnavailable",
    "ValidationRefused",
    "WriteConflict",
    "WriteReceipt",
    "parse_quads",
    "syntax_for_media_type",
]


def _retried_on_conflict(attempt: Callable[[], _T]) -> _T:
    """``attempt()`` again while another process commits first, at most WRITE_ATTEMPTS.

    Raises:
        WriteConflict: every attempt lost the race; nothing was written.
    """
    for attempt_number in range(WRITE_ATTEMPTS - 1):
        try:
            return attempt()
        except WriteConflict:
            # Validate again on what the other writer left, after a random pause so
            # that writers who keep colliding drift apart.
            time.sleep(random.uniform(0, 0.05 * 2**attempt_number))
    try:
        return attempt()
    except WriteConflict as error:
        raise WriteConflict(
            f"the store kept changing under this write ({WRITE_ATTEMPTS} attempts); "
            "nothing written, try again"
        ) from error
