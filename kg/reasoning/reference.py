"""The reference OWL 2 RL engine: ``reasonable`` completed by the rules it lacks.

W3C OWL 2 Profiles (2nd ed.) §4.3, Tables 4-9. ``reasonable`` (a Rust OWL 2 RL
reasoner) runs most rules on the ontology plus the data; the entailment rules it does
not run are applied by :mod:`kg.reasoning.complement` to its closure, and the two
alternate until neither adds a triple (both rule sets are monotone, so the fixpoint is
the closure under their union). The rules whose conclusion is "false" (inconsistency)
are checked on that closure by :mod:`kg.reasoning.consistency`. Which rule runs where:
:mod:`kg.reasoning.rules`.

It is the compiled engine's reference in the differential tests and takes over the
calls the compiled rules cannot decide.
"""

from __future__ import annotations

from collections.abc import Iterable

import reasonable
from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS
from rdflib.term import BNode, Literal, URIRef

from kg.reasoning.complement import complement
from kg.reasoning.consistency import Constraints, Inconsistency, find_clashes
from kg.reasoning.terms import IndexedFacts, Numbering, plain
from kg.store.base import Triple

# Entailments every node has and no analyst wants to see.
TRIVIAL_TYPES = frozenset({OWL.Thing, RDFS.Resource, OWL.NamedIndividual})
# rdflib resolves namespace attributes on every access: read once (0.8 s of a bulk write).
_RDF_TYPE = RDF.type
_INVERSE_FUNCTIONAL = OWL.InverseFunctionalProperty
_TRIVIAL_PREDICATES = {OWL.sameAs, OWL.differentFrom}
_ANNOTATION_PREDICATES = {
    RDFS.label,
    RDFS.comment,
    RDFS.seeAlso,
    RDFS.isDefinedBy,
    OWL.versionInfo,
}
# Vocabularies the ontology uses only to annotate (definitions, sources, schemes).
_ANNOTATION_NAMESPACES = (str(SKOS), str(DCTERMS))


def _is_annotation(predicate: URIRef, annotations: set) -> bool:
    return predicate in annotations or str(predicate).startswith(_ANNOTATION_NAMESPACES)


class ReferenceReasoner:
    """OWL 2 RL entailments and inconsistencies of data against a fixed ontology (TBox),
    from ``reasonable`` and the rules it lacks, recomputed from scratch on every call."""

    def __init__(self, ontology: Graph) -> None:
        # Annotations (labels, definitions, sources…) entail nothing under OWL 2 RL; left
        # out, the reasoner reads half the ontology on every write (94 -> 37 ms a write).
        annotations = _ANNOTATION_PREDICATES | set(
            ontology.subjects(RDF.type, OWL.AnnotationProperty)
        )
        self._ontology = [t for t in ontology if not _is_annotation(t[1], annotations)]
        self._ontology_set = frozenset(ontology)
        self._ontology_subjects = {s for s, _p, _o in ontology if isinstance(s, URIRef)}
        self._namespaces = ontology.namespace_manager
        # What the complement adds to the ontology alone (cls-oo's types…), given to
        # ``reasonable`` with it from now on: a call on data needs a second round only
        # when the data itself triggers a rule ``reasonable`` lacks.
        self._ontology_closure, added = self._fixpoint(list(self._ontology))
        self._ontology += [t for t in added if not isinstance(t[0], Literal)]

    def closure(self, data: Iterable[Triple]) -> set[Triple]:
        """Everything that follows from ``data`` and the ontology, both included
        (``reasonable``'s closure and the complement's, to their common fixpoint)."""
        return self._fixpoint(self._ontology + list(data))[0]

    def _fixpoint(self, triples: list[Triple]) -> tuple[set[Triple], set[Triple]]:
        """The closure of ``triples`` under ``reasonable`` and the complement, and what
        the complement added to it."""
        added: set[Triple] = set()
        # reasonable 0.4.4 runs prp-ifp wrong: it never sees an inverse-functional
        # property as one, the complement runs the rule (kg.reasoning.complement).
        hidden = {t for t in triples if t[1] == _RDF_TYPE and t[2] == _INVERSE_FUNCTIONAL}
        if hidden:
            triples = [t for t in triples if t not in hidden]
        # Triples about literals (an equality between two values…): ``reasonable``
        # refuses a literal subject, the complement reasons with them.
        about_literals: set[Triple] = set()
        while True:
            runner = reasonable.PyReasoner()
            runner.from_graph(triples)
            closed = {(s, p, plain(o)) for s, p, o in runner.reason()} | about_literals | hidden
            missing = complement(closed)
            if not missing:
                return closed, added
            added |= missing
            about_literals |= {t for t in missing if isinstance(t[0], Literal)}
            triples = [
                t for t in closed | missing if not isinstance(t[0], Literal) and t not in hidden
            ]

    def entailments(self, data: Iterable[Triple], about: set | None = None) -> set[Triple]:
        """Triples that follow from ``data`` and the ontology but are in neither,
        without the trivial ones (reflexive ``owl:sameAs``, ``rdf:type owl:Thing``…)
        and without anything said of ontology terms themselves; only those whose
        subject is in ``about`` when given."""
        asserted = set(data)
        inferred: set[Triple] = set()
        for triple in self.closure(asserted):
            # Most of the closure is about the ontology's own terms: drop it first.
            if about is not None and triple[0] not in about:
                continue
            if triple in asserted or triple in self._ontology_set or not self._keep(triple):
                continue
            inferred.add(triple)
        return inferred

    def _keep(self, triple: Triple) -> bool:
        subject, predicate, obj = triple
        if isinstance(subject, (BNode, Literal)) or isinstance(obj, BNode):
            return False
        if subject in self._ontology_subjects or predicate in _TRIVIAL_PREDICATES:
            return False
        return not (predicate == _RDF_TYPE and obj in TRIVIAL_TYPES)

    def entailments_about(self, nodes: set, data: Iterable[Triple]) -> set[Triple]:
        """The entailments whose subject is one of ``nodes``, from their neighbourhood."""
        return self.entailments(data, about=nodes)

    def inconsistencies(self, data: Iterable[Triple]) -> list[Inconsistency]:
        """Every way ``data`` with the ontology is inconsistent under OWL 2 RL (a rule of
        Tables 4-8 concluding "false" matches its closure); empty when consistent."""
        given = list(data)
        numbering = Numbering.starting_with_constants()
        number = numbering.number
        numbered = [(number(s), number(p), number(o)) for s, p, o in self.closure(given)]
        lists = [(number(s), number(p), number(o)) for s, p, o in self._ontology + given]
        return find_clashes(
            numbered,
            IndexedFacts(numbered),
            Constraints.of(numbered, numbering.term, lists),
            numbering.term,
            self._namespaces,
        )

    def inconsistencies_made(
        self, after: set[Triple], removed: Iterable[Triple], added: Iterable[Triple]
    ) -> list[Inconsistency]:
        """The clashes of ``after`` (the triples around a change, as it leaves them) that
        the change made: those ``removed`` and ``added`` did not start from.

        None when the change only removes (OWL 2 RL is monotone: less data never
        clashes more), and none that the triples held before: a clash stored before the
        check existed does not block writes that leave it as it is (an erasure, a
        repair), while one the change brings about is refused.
        """
        added = set(added)
        if not added:
            return []
        found = self.inconsistencies(after)
        if not found:
            return []
        before = (after - added) | set(removed)
        old = {(c.rule, frozenset(c.nodes)) for c in self.inconsistencies(before)}
        return [c for c in found if (c.rule, frozenset(c.nodes)) not in old]
