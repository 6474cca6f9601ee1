"""The knowledge graph: the one road every write takes, and the read road.

Callers hand :class:`KnowledgeGraph` their *intent* — a Delta of new data, an update
text, a graph body, the fields of a resource to change, a customer to erase — never a
Delta computed from an earlier read. The graph builds each write's Delta in the writer's
turn, on the state it will commit on (:mod:`kg.write.road`), refuses it whole on any
Violation, and otherwise commits the data, the inferences it entails and its provenance
record in ONE atomic store operation.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, BinaryIO

from rdflib import Literal
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import URIRef

from kg.config import Settings
from kg.errors import MigrationRefused, RestoreRefused, StoreError
from kg.migration import MigrationPlan, Recorded, migration_steps, migration_update
from kg.ontology import ontology_digest
from kg.reasoning import InconsistencyReport
from kg.schemes import (
    ConceptAddition,
    Scheme,
    kind_named,
    minted_concept_iri,
    ontology_schemes,
    scheme_named,
    with_added,
)
from kg.store import open_store
from kg.store.answer_journal import JOURNAL_NAME, AnswerJournal
from kg.store.base import Dataset, DumpFormat, Quad, Row, Store, Term, Triple
from kg.store.base_iri import note_after_write, remembered_base, settled_base
from kg.store.parsing import deskolemised, skolem_base, syntax_for_media_type
from kg.validation import ValidationReport
from kg.validation.stored import validate_stored
from kg.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, SYSTEM_GRAPHS, sparql_prologue
from kg.write.delta import Delta, ensure_writable
from kg.write.erasure import ErasurePlan
from kg.write.group_commit import GroupCommit
from kg.write.intents import (
    CustomerErasure,
    DescriptionChange,
    GivenDelta,
    GraphWrite,
    Intent,
    ResourceCreation,
    ResourceDeletion,
    SparqlUpdate,
)
from kg.write.observation import Observer
from kg.write.preconditions import entity_tag
from kg.write.provenance import WriteContext, activity_record
from kg.write.restore import RestoreReceipt, planned_restore
from kg.write.road import WriteReceipt, WriteRoad
from kg.write.seal import sealing
from kg.write.state import WriteState
from kg.write.update import parse_update

if TYPE_CHECKING:
    from kg.diagnosis.diagnosis import Diagnosis


class KnowledgeGraph:
    """The face over a store: validated atomic writes, reasoning, provenance, queries.

    Writers are serialised; readers are never blocked and see the state before or after
    a write, never a part of it. Writes that queue behind a running one are settled in
    the same turn, as if they ran one after another in queue order (a group commit).
    """

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self._store = store
        self.settings = settings or Settings()
        self._write_lock = threading.Lock()
        self._road = WriteRoad(store, self.settings)
        self._group_commit = GroupCommit(self._write_lock, self._road.settle)
        self._persistent = True
        self._writes_prepared = threading.Event()
        self._writes_preparing = False
        self._answers: AnswerJournal | None = None
        self._base_noted = True  # the store remembers its base (kg.store.base_iri)
        self._answers_lock = threading.Lock()

    @classmethod
    def open(
        cls, settings: Settings, *, read_only: bool = False, served_at: str | None = None
    ) -> KnowledgeGraph:
        """Open the store the settings name and make sure it holds the current ontology.

        The graph's ``settings.base_iri`` is the base new resources are minted under:
        ``CKM_BASE_IRI`` when set, else the one the store remembers, else the address
        ``served_at`` of the server opening it (:mod:`kg.store.base_iri`).

        With ``read_only`` (the command line beside a running ``ckm serve``) the embedded
        store is opened for reading, as a snapshot of what was committed before, and
        left as it is; every write is refused with :class:`StoreReadOnly`.

        Raises:
            StoreLocked: another process has the embedded store open (not with
                ``read_only``).
            StoreError: with ``read_only``, a store whose ontology is not the current
                one (the writer installs it first), or a store that cannot be opened.
        """
        store = open_store(settings, read_only=read_only)
        base = settled_base(
            settings,
            store_dir=None if settings.remote_query_url else settings.store,
            holds_data=lambda: any(name not in SYSTEM_GRAPHS for name in store.graphs()),
            served_at=served_at,
            writable=not read_only,
        )
        if base != settings.base_iri:
            settings = settings.model_copy(update={"base_iri": base})
        graph = cls(store, settings)
        embedded = None if settings.remote_query_url else settings.store
        graph._base_noted = read_only or embedded is None or remembered_base(embedded) is not None
        if read_only:
            marker = (*graph._ontology_marker(), ONTOLOGY_GRAPH)
            if next(graph._store.quads(*marker), None) is None:
                graph.close()
                raise StoreError(
                    f"the store at {settings.store} does not hold this release's ontology "
                    "yet: stop the process that has it open, or let it install it"
                )
            return graph
        graph.install_ontology()
        return graph

    @classmethod
    def in_memory(cls, settings: Settings | None = None) -> KnowledgeGraph:
        """A graph on a fresh in-memory store holding the ontology (tests, examples)."""
        from kg.store.embedded import EmbeddedStore

        graph = cls(EmbeddedStore(None), settings)
        graph._persistent = False  # its dumps are not sealed: no store to keep a key for
        graph.install_ontology()
        return graph

    def close(self) -> None:
        if self._answers is not None:
            self._answers.close()
        self._store.close()

    @property
    def answers(self) -> AnswerJournal:
        """The answers kept for retried HTTP requests (``Idempotency-Key``):
        ``idempotency.sqlite`` beside an embedded store, in memory otherwise (or when
        the directory cannot be written). An erasure purges it (:meth:`erase_customer`)."""
        with self._answers_lock:
            if self._answers is None:
                embedded = self._persistent and not self.settings.remote_query_url
                path = self.settings.store / JOURNAL_NAME if embedded else None
                ttl = float(getattr(self.settings, "idempotency_ttl_s", 86_400.0))
                self._answers = AnswerJournal(path, ttl_s=ttl)
            return self._answers

    # -- the write road -----------------------------------------------------------------

    def write(self, delta: Delta, context: WriteContext | None = None) -> WriteReceipt:
        """Validate and commit ``delta`` — data that depends on no stored state (a file
        load, new resources) — with its inferences and provenance, atomically.

        A design parameter given as a literal (``ckm:localDesign "the clinic"``) is kept
        on its description property (``ckm:localDesignDescription``), with a Warning.

        Raises:
            ProtectedGraph: the delta writes into a system graph; nothing written.
            ReservedTerm: it describes ontology terms, states schema, forges
                provenance or puts a concept in a ``ckm:`` scheme (that is
                :meth:`add_concept`'s); nothing written.
            UnstorableLiteral: a literal no dump could carry back; nothing written.
            UnknownTerm: it uses a ckm: term the ontology does not declare (a typo:
                the message suggests the nearest declared terms); nothing written.
            ValidationRefused: a Violation; the report is attached; nothing written.
            WriteConflict: other processes kept winning the race; nothing written.
            StoreError: the store refused; nothing written.
        """
        ensure_writable(delta.graphs())
        return self.write_intent(GivenDelta(delta), context)

    def write_intent(self, intent: Intent, context: WriteContext | None = None) -> WriteReceipt:
        """Build ``intent``'s Delta in the writer's turn, then validate and commit it.

        The same guarantees and errors as :meth:`write`, and the intent's own (an
        unknown resource, a failed ``If-Match``…), all raised with nothing written.
        """
        receipt = self._group_commit.submit((intent, context or WriteContext()))
        if not self._base_noted:  # the first write mints under the base: remember it
            self._base_noted = note_after_write(self.settings.store, self.settings.base_iri)
        return receipt

    def update(
        self,
        text: str,
        context: WriteContext | None = None,
        *,
        base_iri: str | None = None,
        allow_load: bool = False,
    ) -> WriteReceipt:
        """Apply a SPARQL 1.1 Update request: its operations in order, each seeing the
        one before, all of them atomically (a read-modify-write loses no concurrent
        update: the request is evaluated in the writer's turn).

        Raises:
            UpdateSyntaxError: the request does not parse (before anything is read).
            UpdateRefused: LOAD/SERVICE, or an operation that fails as specified.
            and the errors of :meth:`write`; nothing written.
        """
        parsed = parse_update(
            text, base_iri=base_iri or self.settings.base_iri, allow_load=allow_load
        )
        return self.write_intent(SparqlUpdate(parsed), context)

    def write_graph(
        self,
        graph: URIRef,
        quads: Iterable[Quad],
        context: WriteContext | None = None,
        *,
        replace: bool,
        if_match: str | None = None,
    ) -> WriteReceipt:
        """Make ``graph`` hold exactly ``quads`` (``replace``) or add them to it; the
        receipt's ``created`` says whether the graph was empty before.

        Raises:
            PreconditionFailed: ``if_match`` is not the graph's tag; nothing written.
            and the errors of :meth:`write`.
        """
        intent = GraphWrite(graph, frozenset(quads), replace=replace, if_match=if_match)
        return self.write_intent(intent, context)

    def clear_graph(
        self, graph: URIRef, context: WriteContext | None = None, *, if_match: str | None = None
    ) -> WriteReceipt:
        """Empty ``graph``.

        Raises:
            UnknownResource: the graph holds nothing (the data graph always exists).
            PreconditionFailed: ``if_match`` is not the graph's tag; nothing written.
        """
        intent = GraphWrite(graph, replace=True, if_match=if_match, must_exist=True)
        return self.write_intent(intent, context)

    def change_description(
        self,
        subject: URIRef,
        values: Mapping[URIRef, Iterable[Term]],
        context: WriteContext | None = None,
        *,
        of_class: URIRef | None = None,
        if_match: str | None = None,
        create: Iterable[Quad] | None = None,
    ) -> WriteReceipt:
        """Replace the values of the predicates in ``values`` on ``subject`` (an empty
        list removes them); everything else the resource says stays. With ``create``,
        a ``subject`` not stored at all is created from those quads instead (the
        receipt's ``created`` says so; REST ``PUT`` with a client's id).

        Raises:
            UnknownResource: ``subject`` is not stored (as an ``of_class``) and there is
                nothing to ``create``.
            PreconditionFailed: ``if_match`` is not the resource's tag.
            and the errors of :meth:`write`; nothing written.
        """
        quads = frozenset((subject, p, o, DATA_GRAPH) for p, objs in values.items() for o in objs)
        intent = DescriptionChange(
            subject,
            frozenset(values),
            quads,
            _member_of(subject, of_class),
            if_match,
            create=None if create is None else frozenset(create),
        )
        return self.write_intent(intent, context)

    def create_resource(
        self,
        quads: Iterable[Quad],
        context: WriteContext | None = None,
        *,
        of_class: URIRef | None = None,
        same_as: Iterable[tuple[URIRef, Term]] = (),
    ) -> WriteReceipt:
        """Write a new resource's ``quads`` — unless a resource of ``of_class`` already
        says every predicate-value pair of ``same_as`` (a customer of that name and
        firm), in the data graph: then nothing is written and the receipt's
        ``existing`` names it (the first such, by IRI). Decided
        in the writer's turn: two identical creates at once make one resource.

        Raises:
            the errors of :meth:`write`; nothing written.
        """
        intent = ResourceCreation(frozenset(quads), of_class, tuple(same_as))
        return self.write_intent(intent, context)

    def delete_resource(
        self,
        subject: URIRef,
        context: WriteContext | None = None,
        *,
        of_class: URIRef | None = None,
        if_match: str | None = None,
    ) -> WriteReceipt:
        """Delete what ``subject`` says and every data-graph link to it.

        Raises:
            UnknownResource: ``subject`` is not stored (as an ``of_class``).
            PreconditionFailed, ValidationRefused (what links to it needs it).
        """
        intent = ResourceDeletion(subject, _member_of(subject, of_class), if_match)
        return self.write_intent(intent, context)

    def erase_customer(
        self, customer: URIRef, context: WriteContext | None = None
    ) -> tuple[ErasurePlan, WriteReceipt]:
        """Erase a customer and everything that identifies them, through the write road.

        Every quad naming the customer (or what goes with them) in any position of any
        graph goes: as subject, predicate, object or graph name, inferences and the
        provenance quads naming it included, in the one commit of the write. The
        provenance record says an erasure happened, by whom and how many triples went,
        but not which customer.
        Raises:
            UnknownCustomer: no such customer; nothing written.
            ValidationRefused: what remains would break a Violation rule; nothing written.
        """
        agent = context.agent if context else "anonymous"
        intent = CustomerErasure(customer)
        receipt = self.write_intent(intent, WriteContext(agent=agent, operation="erase-customer"))
        assert intent.plan is not None  # set when the Delta was built
        self.answers.forget_mentions(_mentions(intent.plan))  # kept answers copy the data
        return intent.plan, receipt

    def add_concept(
        self,
        scheme: str,
        label: str,
        definition: str,
        context: WriteContext | None = None,
        *,
        kind: str | None = None,
        broader: URIRef | None = None,
        language: str = "en",
    ) -> tuple[URIRef, WriteReceipt]:
        """Add a firm's concept to the open concept scheme ``scheme`` (its local name,
        e.g. ``ResourceIntegratingPracticeScheme``); returns its IRI and the receipt.

        The concept gets an IRI in the store's id namespace (``ckm:`` is the
        ontology's), ``skos:Concept``, the scheme's list class (``kind``, a local name,
        when the scheme has several), ``skos:inScheme``, ``skos:prefLabel`` (also
        ``rdfs:label``) and ``skos:definition``, and from then on the shapes accept it
        wherever they accept members of the scheme. It goes through the write road:
        atomic, validated, recorded in provenance (operation ``add concept``); the label
        is checked against the scheme in the writer's turn, so of two concurrent
        additions of one label exactly one succeeds.

        Raises:
            UnknownScheme: no such scheme; nothing written.
            ClosedScheme: the literature closes the list (``owl:oneOf``); nothing written.
            DuplicateConcept: the scheme has a concept of this label; nothing written.
            ConceptRefused: no label or definition, a wrong ``kind``, a ``broader``
                concept outside the scheme; nothing written.
            and the errors of :meth:`write`; nothing written.

        >>> graph = KnowledgeGraph.in_memory()
        >>> iri, receipt = graph.add_concept(
        ...     "ResourceIntegratingPracticeScheme", "Joint budgeting",
        ...     "Provider and customer plan the integration's budget together.")
        >>> str(iri).startswith(graph.settings.base_iri + "concept/joint-budgeting-")
        True
        >>> [c.label for c in graph.scheme("ResourceIntegratingPracticeScheme").concepts][-1]
        'Joint budgeting'
        >>> graph.add_concept("ValueSphereScheme", "Mars", "Nowhere.")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.ClosedScheme: ValueSphereScheme is a closed list (the literature gives ...
        """
        found = scheme_named(ontology_schemes(self._road.ontology), scheme)
        intent = ConceptAddition(
            found,
            minted_concept_iri(self.settings.base_iri, label),
            label,
            definition,
            kind_named(kind) if kind else None,
            broader,
            language,
        )
        context = replace(context or WriteContext(), operation="add concept")
        return intent.iri, self.write_intent(intent, context)

    def schemes(self) -> list[Scheme]:
        """Every concept scheme of the ontology, open and closed, with its concepts (the
        ontology's, then those the firm added), by name."""
        return [self._with_added(s) for s in ontology_schemes(self._road.ontology).values()]

    def scheme(self, name: str) -> Scheme:
        """The concept scheme ``name`` with its concepts.

        Raises:
            UnknownScheme: no such scheme.
        """
        return self._with_added(scheme_named(ontology_schemes(self._road.ontology), name))

    def _with_added(self, scheme: Scheme) -> Scheme:
        members = {q[0] for q in self._store.quads(None, SKOS.inScheme, scheme.iri, DATA_GRAPH)}
        return with_added(scheme, (q for m in members for q in self.description(m)))

    def check(self, change: Delta | Intent) -> ValidationReport:
        """Validate a change against the stored graph without writing anything."""
        intent = GivenDelta(change) if isinstance(change, Delta) else change
        return self._road.check(intent)

    def validate_stored(self, engine: str = "turbo") -> ValidationReport:
        """The report on everything the store holds, validated at once by ``engine``
        (``turbo``, ``compiled`` or ``pyshacl``); nothing is written.

        Raises:
            ValueError: an unknown engine. StoreError: the store cannot be read.
        """
        return validate_stored(self._store, self.settings, engine)

    def migrate(
        self, context: WriteContext | None = None, *, dry_run: bool = False
    ) -> MigrationPlan:
        """Carry data written under ontology 1.x to this release (``ckm migrate``).

        The steps of :mod:`kg.migration.steps` run as one SPARQL Update through the
        write road: built in the writer's turn, validated, atomic, recorded in provenance
        as a ``migrate`` activity. First the whole data graph as the steps would leave
        it is validated against this release's shapes: data the steps leave invalid
        anywhere (not only where they change it) refuses the migration whole.
        ``dry_run`` computes and checks the change and writes nothing. A migrated store
        migrates to nothing.

        Raises:
            MigrationRefused: the migrated data would break the shapes (the report
                names the nodes); nothing written.
            and the errors of :meth:`write`; nothing written.
        """
        steps = migration_steps()
        if not steps:
            return MigrationPlan(steps)
        text = migration_update(steps)
        base = self.settings.base_iri
        recorded = Recorded(SparqlUpdate(parse_update(text, base_iri=base)))
        self._road.check(recorded)
        delta = recorded.seen or Delta()
        data = {q for q in self._store.quads(None, None, None, None) if q[3] not in SYSTEM_GRAPHS}
        after = {q[:3] for q in (data - delta.removed) | delta.added}
        report = self._road.validator.validate_triples(after)
        if not report.accepted:
            raise MigrationRefused(
                f"after migration the data would break {len(report.violations)} SHACL "
                "rule(s); nothing was written (decide those nodes, then migrate again)",
                report,
            )
        plan = MigrationPlan(steps, delta.removed, delta.added)
        if dry_run or plan.is_empty:
            return plan
        context = replace(context or WriteContext(), operation="migrate")
        receipt = self.write_intent(SparqlUpdate(parse_update(text, base_iri=base)), context)
        return replace(plan, written=True, activity=receipt.activity)

    # -- system graphs ------------------------------------------------------------------

    def install_ontology(self) -> bool:
        """Make the ontology graph hold the ontology file; True when it changed.

        The graph carries the SHA-256 of the files it was made from (the shipped one and
        ``CKM_EXTRA_ONTOLOGY``'s); different files replace it in one step, and the
        inferred graph is rebuilt since what follows from the data may have changed.
        Raises:
            OntologyUnusable: an extension is missing or invalid, or the ontology is
                inconsistent; nothing changed.
        """
        marker = (*self._ontology_marker(), ONTOLOGY_GRAPH)
        if next(self._store.quads(*marker), None) is not None:
            return False
        _ = self._road.reasoner  # an inconsistent ontology is refused before it is stored
        with self._write_lock, self._store.writer_turn():
            self._install_ontology_locked()
            self._road.rebuild_inferences()
        return True

    def _install_ontology_locked(self) -> None:
        marker = self._ontology_marker()
        self._store.replace_graph(ONTOLOGY_GRAPH, [*self._road.ontology, marker])

    def _ontology_marker(self) -> Triple:
        """The triple saying which ontology files (the shipped one and
        ``CKM_EXTRA_ONTOLOGY``'s) the ontology graph was made from."""
        return (ONTOLOGY_GRAPH, DCTERMS.hasVersion, Literal(ontology_digest(self.settings)))

    def rebuild_inferences(self) -> int:
        """Recompute the whole inferred graph from the data graphs (for recovery).

        Atomic: the old inferred graph is replaced in the same operation, a
        compare-and-set against writers in other processes.
        Returns the number of inferred triples.
        Raises:
            WriteConflict: other writers kept winning the race; nothing written.
        """
        with self._write_lock:
            return self._road.rebuild_inferences()

    def observe_writes(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer`` with a :class:`~kg.write.observation.StageTiming` for every
        SHACL validation, inference patch and consistency check a write makes (what
        benchmarks and diagnosis measure). Observing writes nothing and changes no
        verdict; it runs in the writer's thread, so it must be quick.

        Returns the function that stops the observation.

        >>> graph = KnowledgeGraph.in_memory()
        >>> seen = []
        >>> stop = graph.observe_writes(lambda timing: seen.append(timing.stage))
        >>> _ = graph.update(
        ...     "PREFIX ckm: <https://w3id.org/ckm#> "
        ...     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        ...     "INSERT DATA { <http://example.org/id/firm/f9> a ckm:Firm ; rdfs:label 'Medsoft' }"
        ... )
        >>> stop()
        >>> sorted(set(seen))
        ['consistency', 'entail', 'validate']
        """
        return self._road.observe(observer)

    def entailments(self, triples: Iterable[Triple]) -> set[Triple]:
        """What OWL 2 RL entails from ``triples`` with the ontology (nothing is read from
        or written to the store): the inferred triples a write of them would store."""
        return self._road.reasoner.entailments(set(triples))

    # -- the read road ------------------------------------------------------------------

    def select(self, sparql: str, dataset: Dataset | None = None) -> list[Row]:
        """Rows of a SELECT over the union of all graphs (or ``dataset``)."""
        return self._store.select(sparql, dataset=dataset, timeout_s=self.settings.query_timeout_s)

    def diagnose(
        self, firm: URIRef, start: date | None = None, end: date | None = None
    ) -> Diagnosis:
        """The CKM diagnosis of ``firm`` for the days ``start`` to ``end`` (inclusive;
        None: open): its position, knowledge-partner candidates, alignment per practice,
        co-creation maturity and cited findings (docs/DIAGNOSIS.md). Reads only.

        Raises:
            UnknownResource: no stored ``ckm:Firm`` has the IRI ``firm``.
            BadParameter: ``firm`` is not an absolute IRI.
            ValueError: ``start`` is after ``end``.
            QueryTimeout: a step took longer than ``query_timeout_s``.
        """
        from kg.diagnosis.diagnosis import diagnose

        return diagnose(self, firm, start, end)

    def ask(self, sparql: str, dataset: Dataset | None = None) -> bool:
        return self._store.ask(sparql, dataset=dataset)

    def construct(self, sparql: str, dataset: Dataset | None = None) -> list[Triple]:
        return self._store.construct(sparql, dataset=dataset)

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
        return self._store.query_serialized(
            sparql,
            media_type=media_type,
            dataset=dataset,
            timeout_s=self.settings.query_timeout_s,
            row_limit=row_limit,
        )

    def graph_document(self, graph: URIRef, media_type: str) -> bytes:
        """What ``graph`` holds in ``media_type`` (an RDF syntax), within the settings'
        time limit, the skolem IRIs this store minted for blank nodes shown as blank
        nodes again (RDF 1.1 §3.5): a graph read, written back and read again is the
        same graph. The labels are stable (the skolem IRI's tail).

        Raises:
            QueryTimeout: the answer took longer than ``query_timeout_s``.
            ValueError: ``media_type`` is not an RDF syntax.
        """
        syntax = syntax_for_media_type(media_type)
        if syntax is None:
            raise ValueError(f"{media_type} is not an RDF syntax")
        sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph.n3()} {{ ?s ?p ?o }} }}"
        ntriples = self.query_serialized(sparql, "application/n-triples")
        return deskolemised(ntriples, syntax, skolem_base(self.settings.base_iri))

    def quads(
        self,
        subject: Term | None = None,
        predicate: URIRef | None = None,
        obj: Term | None = None,
        graph: URIRef | None = None,
    ) -> Iterator[Quad]:
        """Stored quads matching a pattern (``None`` matches anything)."""
        return self._store.quads(subject, predicate, obj, graph)

    def description(self, subject: URIRef) -> set[Quad]:
        """What ``subject`` says in the data graph."""
        return set(self._store.quads(subject, None, None, DATA_GRAPH))

    def links_to(self, subject: URIRef) -> set[Quad]:
        """Quads of the data graphs pointing at ``subject``."""
        return {q for q in self._store.quads(None, None, subject) if q[3] not in SYSTEM_GRAPHS}

    def description_tag(self, subject: URIRef) -> str | None:
        """The entity tag of what ``subject`` says (for ``If-Match``), None if nothing."""
        quads = self.description(subject)
        return entity_tag(quads) if quads else None

    def graph_tag(self, graph: URIRef) -> str | None:
        """The entity tag of what ``graph`` holds (for ``If-Match``), None if empty."""
        quads = list(self._store.quads(graph=graph))
        return entity_tag(quads) if quads else None

    def has_graph(self, graph: URIRef) -> bool:
        """True for a graph holding at least one quad (the data graph always exists)."""
        return graph == DATA_GRAPH or WriteState(self._store).has_graph(graph)

    def graphs(self) -> list[URIRef]:
        """Names of the non-empty named graphs."""
        return self._store.graphs()

    def vocabulary(self) -> list[dict[str, str]]:
        """The ``ckm:`` terms of the ontology in use (the shipped one and
        ``CKM_EXTRA_ONTOLOGY``): CURIE, IRI, kind (class, property, datatype,
        individual), label and definition, by CURIE — for an editor's completion.

        Raises:
            OntologyUnusable: an extension file cannot be used.
        """
        return self._road.known_terms.catalogue(self._road.ontology)

    def nearest_terms(self, local: str, kind: str = "any") -> list[str]:
        """The declared ``ckm:`` terms nearest to the local name ``local`` (those of
        ``kind`` first), as a write using a misspelt term is told; empty when none is
        close.

        >>> KnowledgeGraph.in_memory().nearest_terms("Costumer", "class")[0]
        'ckm:Customer'
        """
        return self._road.known_terms.suggestions(local, kind)

    def prepare_queries(self) -> None:
        """Start what evaluates queries (the store's query workers), in the background;
        without it the first query starts them."""
        start = getattr(self._store, "start_workers", None)
        if start is not None:
            start()

    def prepare_writes(self) -> threading.Thread:
        """Load the ontology and shapes and compile the validator and reasoner in a
        background thread (returned); a write that comes first waits for them instead of
        making them again. Without it the first write makes them (3.4 s at 2.0.0 on an
        idle core, ten times that beside 16 busy readers).
        :attr:`write_readiness` says when they are made."""

        def prepare() -> None:
            self._road.prepare()
            self._writes_prepared.set()

        self._writes_preparing = True
        thread = threading.Thread(target=prepare, name="prepare-writes", daemon=True)
        thread.start()
        return thread

    @property
    def write_readiness(self) -> str:
        """``ready`` once :meth:`prepare_writes` is done, ``preparing`` before, and
        ``on-first-write`` when it was never asked for."""
        if self._writes_prepared.is_set():
            return "ready"
        return "preparing" if self._writes_preparing else "on-first-write"

    def stats(self) -> dict[str, int]:
        """Quads per named graph."""
        return {str(g): self._store.count(g) for g in self._store.graphs()}

    def count(self, graph: URIRef | None = None) -> int:
        """How many quads the store (or one graph) holds."""
        return self._store.count(graph)

    # -- operations ---------------------------------------------------------------------

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        """Write every quad of the store to ``output``, sealed with the store's key (a
        comment line at the end; :mod:`kg.write.seal`) so that a restore into this store
        may trust its system graphs."""
        writer = sealing(output, self.settings) if self._persistent else None
        if writer is None:
            self._store.dump(output, fmt)
            return
        self._store.dump(writer, fmt)  # type: ignore[arg-type]
        writer.close_seal()

    def restore(
        self,
        source: BinaryIO,
        fmt: DumpFormat,
        context: WriteContext | None = None,
        *,
        unchecked: bool = False,
        data_only: bool = False,
    ) -> RestoreReceipt:
        """Replace the store's content with a dump, checked whole first.

        The dump's data must pass the admission rules and the shapes, and its system
        graphs are loaded only from a dump this store sealed (``data_only``: they are
        left out and rebuilt). ``unchecked`` loads the dump as it is, on purpose. The
        restore is recorded as a provenance activity saying whether it was checked.
        Atomic as the store's restore is: nothing changes when this raises.
        Raises:
            ValueError: the dump does not parse; nothing changed.
            RestoreRefused: invalid data (the report attached) or unsealed system
                graphs; nothing changed.
            ReservedTerm, UnstorableLiteral, UnknownTerm: data no write could bring in
                (an unknown ``ckm:`` term is looked for unless ``unchecked``).
        """
        context = context or WriteContext(operation="restore")
        plan = planned_restore(
            source.read(), fmt, self.settings, unchecked=unchecked, data_only=data_only
        )
        report = ValidationReport()
        if plan.checked:
            # What a write would refuse as a misspelt term, a restore refuses too (a 1.x
            # dump uses only terms 2.0 still declares, so it loads for ckm migrate).
            described = {q[0] for q in plan.data}
            self._road.known_terms.refuse_unknown(
                plan.data, described=described.__contains__, base_iri=self.settings.base_iri
            )
            report = self._road.validator.validate_triples({q[:3] for q in plan.data})
            if not report.accepted:
                raise RestoreRefused(
                    f"the dump's data breaks {len(report.violations)} SHACL rule(s); "
                    "nothing was changed (fix the data, or --unchecked on purpose)",
                    report,
                )
            clashes = self._road.reasoner.inconsistencies({q[:3] for q in plan.data})
            if clashes:
                raise RestoreRefused(
                    f"the dump's data is inconsistent with the ontology ({len(clashes)} "
                    "clash(es) under OWL 2 RL); nothing was changed",
                    InconsistencyReport(tuple(clashes)),
                )
        started = datetime.now(UTC)
        with self._write_lock, self._store.writer_turn():
            self._store.restore(io.BytesIO(plan.payload), fmt)
            if not plan.with_system_graphs:
                self._install_ontology_locked()
                self._road.rebuild_inferences()
            operation = context.operation + ("" if plan.checked else " (unchecked)")
            activity, record = activity_record(
                replace(context, operation=operation),
                started=started,
                added=plan.quads,
                removed=0,
                graphs=set(),
            )
            self._store.commit(removed=[], added=record)
        return RestoreReceipt(plan.quads, plan.checked, plan.with_system_graphs, activity, report)


def _member_of(subject: URIRef, of_class: URIRef | None):
    """An existence check: ``subject`` is an ``of_class`` (asserted or inferred)."""
    if of_class is None:
        return None
    sparql = f"{sparql_prologue()}ASK {{ {subject.n3()} a {of_class.n3()} }}"
    return lambda state: state.ask(sparql)


def _mentions(plan: ErasurePlan) -> set[str]:
    """What names the erased: every removed node's IRI and the texts they said (a name,
    an address…), as an answer kept for a retry may hold them."""
    nodes = {node for listed in plan.removed_nodes.values() for node in listed}
    texts = {str(node) for node in nodes}
    for subject, _predicate, obj, _graph in plan.delta.removed:
        if subject in nodes and isinstance(obj, Literal) and len(str(obj)) >= 3:
            texts.add(str(obj))
    return texts
