"""RDF terms numbered, so the rules join on small integers.

rdflib compares terms in Python (``Node.__eq__``); every dictionary hit on a term pays
for that call. The chaining numbers each term once on the way in and joins on the
numbers, which compare and hash in C. The OWL and RDF terms the rules name come first,
with fixed numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.reasoning import plain

# Predicates whose triples are axioms the compiled rules are made from: a data triple
# with one of them changes the rules themselves.
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
# Every numbering starts with these terms, in this order: the rules name them by number.
CONSTANTS = (
    RDF.type,
    OWL.sameAs,
    OWL.Thing,
    RDF.nil,
    *sorted(SCHEMA_PREDICATES | PROPERTY_CHARACTERISTICS),
)
N = {term: number for number, term in enumerate(CONSTANTS)}
TYPE, SAME, THING = N[RDF.type], N[OWL.sameAs], N[OWL.Thing]
# A triple with one of these predicates, or typing a property with one of these classes,
# is an axiom the compiled rules would have to include.
SCHEMA_NUMBERS = frozenset(N[p] for p in SCHEMA_PREDICATES)
CHARACTERISTIC_NUMBERS = frozenset(N[c] for c in PROPERTY_CHARACTERISTICS)


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
            return self._base._terms[number]  # type: ignore[union-attr]
        return self._terms[number - self._offset]
