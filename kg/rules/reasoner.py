"""The ``Reasoner`` with the ontology's rules compiled once, applied to the data alone.

Same interface and same output as :class:`kg.reasoning.Reasoner`, which runs
``reasonable`` on the ontology plus the data on every call and spends most of that time
re-deriving the ontology's own closure. Here the closure is derived once, at
construction, and each call chains only the data's consequences through tables of the
rules the ontology triggers (see :mod:`kg.rules.schema`). A call whose data the tables
cannot decide (it adds an axiom, or equates an ontology term) goes to ``reasonable``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from rdflib import BNode, Graph

from kg.reasoning import TRIVIAL_TYPES, Reasoner
from kg.rules.chaining import BeyondCompiledRules, Chaining, index_of
from kg.rules.schema import CompiledSchema
from kg.rules.terms import SAME, TYPE, Numbering
from kg.store.base import Triple


class CompiledReasoner(Reasoner):
    """OWL 2 RL entailments of data against a fixed ontology, as ``reasonable`` gives
    them, from rules compiled out of the ontology's closure.

    ``fallbacks`` counts the calls handed to ``reasonable`` (see :mod:`kg.rules.chaining`
    for when).
    """

    def __init__(self, ontology: Graph) -> None:
        super().__init__(ontology)
        self._schema = CompiledSchema.of(self._ontology)
        self._base = index_of(self._schema.numbered_closure)
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

    def entailments(self, data: Iterable[Triple], about: set | None = None) -> set[Triple]:
        """Triples that follow from ``data`` and the ontology but are in neither, without
        the trivial ones and without anything said of ontology terms; only those whose
        subject is in ``about`` when given. Identical to :meth:`Reasoner.entailments`."""
        asserted = data if isinstance(data, (set, frozenset)) else set(data)
        if not self._schema.compilable:
            self.fallbacks += 1
            return super().entailments(asserted, about)
        numbering = Numbering(base=self._schema.numbering)
        number = numbering.number
        numbered = [(number(s), number(p), number(o)) for s, p, o in asserted]
        chaining = Chaining(self._schema, self._base)
        try:
            derived = chaining.run(numbered)
        except BeyondCompiledRules:
            self.fallbacks += 1
            return super().entailments(asserted, about)
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
        for s, p, o in chain(candidates, derived[chaining.data_count :]):
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
