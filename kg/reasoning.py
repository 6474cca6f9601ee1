"""OWL 2 RL inference, kept in its own named graph and consistent after every write.

The rules are run by ``reasonable`` (a Rust OWL 2 RL reasoner). After a write, the
entailments about the nodes the write touched are recomputed from those nodes'
neighbourhood plus the ontology, and the inferred graph is patched with the
difference; ``rebuild`` recomputes everything from scratch for recovery.
"""

from __future__ import annotations

from collections.abc import Iterable

import reasonable
from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import BNode, Literal, URIRef

from kg.store.base import Triple

# Entailments every node has and no analyst wants to see.
TRIVIAL_TYPES = frozenset({OWL.Thing, RDFS.Resource, OWL.NamedIndividual})
# rdflib resolves namespace attributes on every access: read once (0.8 s of a bulk write).
_RDF_TYPE = RDF.type
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


class Reasoner:
    """Computes OWL 2 RL entailments of data against a fixed ontology (TBox)."""

    def __init__(self, ontology: Graph) -> None:
        # Annotations (labels, definitions, sources…) entail nothing under OWL 2 RL; left
        # out, the reasoner reads half the ontology on every write (94 -> 37 ms a write).
        annotations = _ANNOTATION_PREDICATES | set(
            ontology.subjects(RDF.type, OWL.AnnotationProperty)
        )
        self._ontology = [t for t in ontology if not _is_annotation(t[1], annotations)]
        self._ontology_set = frozenset(ontology)
        self._ontology_subjects = {s for s, _p, _o in ontology if isinstance(s, URIRef)}

    def entailments(self, data: Iterable[Triple], about: set | None = None) -> set[Triple]:
        """Triples that follow from ``data`` and the ontology but are in neither,
        without the trivial ones (reflexive ``owl:sameAs``, ``rdf:type owl:Thing``…)
        and without anything said of ontology terms themselves; only those whose
        subject is in ``about`` when given."""
        asserted = set(data)
        reasoner = reasonable.PyReasoner()
        reasoner.from_graph(self._ontology + list(asserted))
        inferred: set[Triple] = set()
        for subject, predicate, obj in reasoner.reason():
            # Most of the closure is about the ontology's own terms: drop it first.
            if about is not None and subject not in about:
                continue
            triple = (subject, predicate, plain(obj))
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


def plain(term):
    """``"v"^^xsd:string`` as the plain literal ``"v"`` it equals in RDF 1.1 (the reasoner
    returns the former, rdflib tells them apart)."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term
