"""RDF terms numbered, so the rules join on small integers; indexes and lists of them.

rdflib compares terms in Python (``Node.__eq__``); every dictionary hit on a term pays
for that call. The compiled rules and the consistency check number each term once on
the way in and join on the numbers, which compare and hash in C. The OWL and RDF terms
the rules name come first, with fixed numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Literal, Node

Numbered = tuple[int, int, int]
# node -> predicate -> nodes: subject -> predicate -> objects, or the reverse.
Index = dict[int, dict[int, set[int]]]

# Predicates whose triples are axioms the compiled rules are made from: a data triple
# with one of them changes the rules themselves (or the consistency check's tables).
SCHEMA_PREDICATES = frozenset(
    {
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.inverseOf,
        OWL.intersectionOf,
        OWL.unionOf,
        OWL.hasValue,
        OWL.onProperty,
        OWL.someValuesFrom,
        OWL.allValuesFrom,
        OWL.complementOf,
        OWL.disjointWith,
        OWL.propertyDisjointWith,
        OWL.propertyChainAxiom,
        OWL.hasKey,
        OWL.maxCardinality,
        OWL.maxQualifiedCardinality,
        OWL.onClass,
        OWL.oneOf,
        OWL.members,
        OWL.distinctMembers,
        RDF.first,
        RDF.rest,
    }
)
# Classes that give a property a rule of its own when it is typed with them.
PROPERTY_CHARACTERISTICS = frozenset(
    {
        OWL.FunctionalProperty,
        OWL.InverseFunctionalProperty,
        OWL.SymmetricProperty,
        OWL.TransitiveProperty,
        OWL.IrreflexiveProperty,
        OWL.AsymmetricProperty,
    }
)
# Terms the consistency check names beside those (Table 4, 5 and 6's "false" rules).
CONSISTENCY_TERMS = frozenset(
    {
        OWL.Nothing,
        OWL.differentFrom,
        OWL.AllDifferent,
        OWL.AllDisjointClasses,
        OWL.AllDisjointProperties,
        OWL.sourceIndividual,
        OWL.assertionProperty,
        OWL.targetIndividual,
        OWL.targetValue,
    }
)
# Every numbering starts with these terms, in this order: the rules name them by number.
CONSTANTS = (
    RDF.type,
    OWL.sameAs,
    OWL.Thing,
    RDF.nil,
    *sorted(SCHEMA_PREDICATES | PROPERTY_CHARACTERISTICS | CONSISTENCY_TERMS),
)
N = {term: number for number, term in enumerate(CONSTANTS)}
TYPE, SAME, THING, NIL = N[RDF.type], N[OWL.sameAs], N[OWL.Thing], N[RDF.nil]
NOTHING, DIFFERENT = N[OWL.Nothing], N[OWL.differentFrom]
SOURCE = N[OWL.sourceIndividual]
# A triple with one of these predicates, or typing a property with one of these classes,
# is an axiom the compiled rules would have to include.
SCHEMA_NUMBERS = frozenset(N[p] for p in SCHEMA_PREDICATES)
CHARACTERISTIC_NUMBERS = frozenset(N[c] for c in PROPERTY_CHARACTERISTICS)


def plain(term):
    """``"v"^^xsd:string`` as the plain literal ``"v"`` it equals in RDF 1.1 (the reasoner
    returns the former, rdflib tells them apart)."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


class Numbering:
    """Terms numbered from 0; a term and its :func:`plain` form get the same number.

    A numbering made with ``base`` numbers the base's terms as the base does and its own
    new terms after them, leaving the base untouched (one per call over a frozen one).
    """

    def __init__(self, terms: Iterable[Node] = (), base: Numbering | None = None) -> None:
        self._base = base
        self._offset = len(base) if base is not None else 0
        self._numbers: dict[Node, int] = {}
        self._terms: list[Node] = []
        # Terms numbered as their plain form (``"v"^^xsd:string``), in order.
        self.renamed: list[Node] = []
        for term in terms:
            self.number(term)

    @classmethod
    def starting_with_constants(cls) -> Numbering:
        return cls(CONSTANTS)

    def __len__(self) -> int:
        return self._offset + len(self._terms)

    @property
    def first_own(self) -> int:
        """The first number this numbering gave itself (those below are the base's)."""
        return self._offset

    def number(self, term: Node) -> int:
        """The number of ``term``, given it now if it has none yet."""
        if self._base is not None:
            known = self._base._numbers.get(term)
            if known is not None:
                return known
        known = self._numbers.get(term)
        if known is not None:
            return known
        canonical = plain(term)
        if canonical is not term and canonical != term:
            known = self.number(canonical)
            self.renamed.append(term)
        else:
            known = self._offset + len(self._terms)
            self._terms.append(term)
        self._numbers[term] = known
        return known

    def known(self, term: Node) -> int | None:
        """The number of ``term``, or None when it has none."""
        number = self._base.known(term) if self._base is not None else None
        return number if number is not None else self._numbers.get(term)

    def term(self, number: int) -> Node:
        """The (plain) term numbered ``number``.

        Raises:
            IndexError: no term has that number.
        """
        if number < self._offset:
            return self._base.term(number)  # type: ignore[union-attr]
        return self._terms[number - self._offset]


def insert(index: Index, key: int, predicate: int, value: int) -> None:
    by_predicate = index.get(key)
    if by_predicate is None:
        index[key] = {predicate: {value}}
        return
    values = by_predicate.get(predicate)
    if values is None:
        by_predicate[predicate] = {value}
    else:
        values.add(value)


def index_of(triples: Iterable[Numbered]) -> tuple[Index, Index]:
    """The by-subject and by-object indexes of ``triples``."""
    forward: Index = {}
    backward: Index = {}
    for s, p, o in triples:
        insert(forward, s, p, o)
        insert(backward, o, p, s)
    return forward, backward


class IndexedFacts:
    """Lookups in a fixed set of numbered triples (what the consistency check reads)."""

    def __init__(self, triples: Iterable[Numbered]) -> None:
        self._forward, self._backward = index_of(triples)

    def objects(self, subject: int, predicate: int) -> set[int] | tuple:
        return self._forward.get(subject, {}).get(predicate, ())

    def subjects(self, predicate: int, obj: int) -> set[int] | tuple:
        return self._backward.get(obj, {}).get(predicate, ())

    def linking(self, obj: int) -> list[tuple[int, int]]:
        return [(s, p) for p, subjects in self._backward.get(obj, {}).items() for s in subjects]


def rdf_lists(firsts: Iterable[tuple[int, int]], rests: Iterable[tuple[int, int]]) -> dict:
    """Each RDF list's head node mapped to its members (``rdf:nil`` ends a list)."""
    first = dict(firsts)
    rest = dict(rests)
    members: dict = {}
    for head in first:
        items, node, seen = [], head, set()
        while node in first and node not in seen:
            seen.add(node)
            items.append(first[node])
            node = rest.get(node, NIL)
        members[head] = tuple(items)
    return members


def cardinality(term: Node) -> int | None:
    """The integer a cardinality literal (``"1"^^xsd:nonNegativeInteger``) stands for."""
    if (
        isinstance(term, Literal)
        and isinstance(term.value, int)
        and not isinstance(term.value, bool)
    ):
        return term.value
    return None
