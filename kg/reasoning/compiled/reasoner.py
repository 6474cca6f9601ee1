"""The reasoner with the ontology's rules compiled once, applied to the data alone.

Same interface and same output as :class:`kg.reasoning.reference.ReferenceReasoner`,
which runs ``reasonable`` (and the rules it lacks) on the ontology plus the data on
every call and spends most of that time re-deriving the ontology's own closure. Here the
closure is derived once, at construction, and each call chains only the data's
consequences through tables of the rules the ontology triggers (see
:mod:`kg.reasoning.compiled.schema`). A call whose data the tables cannot decide (it
adds an axiom, or equates an ontology term) goes to the reference engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from itertools import chain

from rdflib import BNode, Graph

from kg.errors import OntologyUnusable
from kg.reasoning.compiled.chaining import BeyondCompiledRules, Chaining
from kg.reasoning.compiled.schema import CompiledSchema
from kg.reasoning.consistency import Inconsistency, InconsistencyReport, find_clashes
from kg.reasoning.coverage import Coverage
from kg.reasoning.reference import TRIVIAL_TYPES, ReferenceReasoner
from kg.reasoning.terms import SAME, TYPE, IndexedFacts, Numbering, index_of
from kg.store.base import Triple

log = logging.getLogger("ckm.reasoning")


class CompiledReasoner(ReferenceReasoner):
    """OWL 2 RL entailments and inconsistencies of data against a fixed ontology, as the
    reference engine gives them, from rules compiled out of the ontology's closure.

    ``fallbacks`` counts the calls handed to the reference engine (see
    :mod:`kg.reasoning.compiled.chaining` for when). ``coverage`` says which OWL 2 RL
    rules the ontology triggers and which engine runs each; it is logged at
    construction, a warning for each rule only the reference engine (or none) runs.

    Raises:
        OntologyUnusable: the ontology is inconsistent by itself.
    """

    def __init__(self, ontology: Graph) -> None:
        super().__init__(ontology)
        self._schema = CompiledSchema.of(self._ontology_closure)
        self._base = index_of(self._schema.numbered_closure)
        self.coverage = Coverage.of(self._schema.closure, self._schema.compilable, self._namespaces)
        self.coverage.log(log)
        own = find_clashes(
            self._schema.numbered_closure,
            IndexedFacts(self._schema.numbered_closure),
            self._schema.constraints,
            self._schema.numbering.term,
            self._namespaces,
        )
        if own:
            raise OntologyUnusable(
                "the ontology in use is inconsistent by itself:\n"
                + InconsistencyReport(tuple(own)).to_text()
            )
        # Closure triples the filter keeps whatever the data (owl:Thing a owl:Class…).
        self._closure_entailments = frozenset(
            t for t in self._schema.closure if t not in self._ontology_set and self._keep(t)
        )
        # Types never output: the trivial ones and the ontology's anonymous classes
        # (restrictions), half of all that is derived.
        numbering = self._schema.numbering
        unwanted = TRIVIAL_TYPES | {o for _s, _p, o in self._schema.closure if isinstance(o, BNode)}
        self._unwanted_types = {numbering.known(t) for t in unwanted} - {None}
        self.fallbacks = 0
        self._last: tuple[frozenset, tuple[Numbering, Chaining] | None] | None = None

    def _chained(self, asserted: set) -> tuple[Numbering, Chaining] | None:
        """The call's numbering and its chaining run to the fixpoint; None when the
        compiled rules cannot decide this data (the reference engine must).

        The last call's is kept for the next: the write road asks for the
        inconsistencies and then the entailments of the same triples (one chaining, not
        two). It is keyed by the triples themselves, so a changed set is chained anew,
        and dropped once used (a bulk write's working set is not held on to)."""
        key = frozenset(asserted)
        last, self._last = self._last, None
        if last is not None and last[0] == key:
            return last[1]
        chained = self._chain(key)
        self._last = (key, chained)
        return chained

    def _chain(self, asserted: frozenset) -> tuple[Numbering, Chaining] | None:
        if not self._schema.compilable:
            return None
        numbering = Numbering(base=self._schema.numbering)
        number = numbering.number
        numbered = [(number(s), number(p), number(o)) for s, p, o in asserted]
        chaining = Chaining(self._schema, self._base, numbering.term)
        try:
            chaining.run(numbered)
        except BeyondCompiledRules:
            return None
        return numbering, chaining

    def entailments(self, data: Iterable[Triple], about: set | None = None) -> set[Triple]:
        """Triples that follow from ``data`` and the ontology but are in neither, without
        the trivial ones and without anything said of ontology terms; only those whose
        subject is in ``about`` when given. Identical to
        :meth:`ReferenceReasoner.entailments`."""
        asserted = data if isinstance(data, (set, frozenset)) else set(data)
        chained = self._chained(asserted)
        if chained is None:
            self.fallbacks += 1
            return super().entailments(asserted, about)
        numbering, chaining = chained
        number = numbering.number
        inferred = {
            t
            for t in self._closure_entailments
            if (about is None or t[0] in about) and t not in asserted
        }
        # The data's own triples are asserted, unless numbering made them plain.
        if numbering.renamed:
            renamed = set(numbering.renamed)
            candidates = [(number(s), number(p), number(o)) for s, p, o in asserted if o in renamed]
        else:
            candidates = []
        wanted = None if about is None else {numbering.known(node) for node in about}
        term = numbering.term
        for s, p, o in chain(candidates, chaining.derived[chaining.data_count :]):
            # Cheap refusals on numbers before _keep, the filter's authority, sees terms.
            if (wanted is not None and s not in wanted) or p == SAME:
                continue
            if p == TYPE and o in self._unwanted_types:
                continue
            triple = (term(s), term(p), term(o))
            # A derived triple is in neither the data (it would not have been derived) nor
            # the ontology (whose every triple is about an ontology term: _keep drops it).
            if self._keep(triple) and triple not in asserted:
                inferred.add(triple)
        return inferred

    def inconsistencies(self, data: Iterable[Triple]) -> list[Inconsistency]:
        """Every way ``data`` with the ontology is inconsistent under OWL 2 RL; empty
        when consistent. Identical to :meth:`ReferenceReasoner.inconsistencies`.

        The ontology is consistent by itself (checked at construction): every clash
        involves a triple the data brings to the working set, and only those are
        matched against the ontology's constraints."""
        asserted = data if isinstance(data, (set, frozenset)) else set(data)
        chained = self._chained(asserted)
        if chained is None:
            self.fallbacks += 1
            return super().inconsistencies(asserted)
        numbering, chaining = chained
        return find_clashes(
            chaining.derived,
            chaining,
            self._schema.constraints,
            numbering.term,
            self._namespaces,
            first_new_term=numbering.first_own,
        )
