"""The axioms of a closed ontology, read into the instance rules they make fire on data.

W3C OWL 2 Profiles (2nd ed.) §4.3, the rules of Tables 5, 6 and 7 that conclude
triples about individuals. Each rule is filed under what triggers it: a predicate
(:class:`PropertyRules`) or the class of an ``rdf:type`` triple (:class:`ClassRules`),
so the chaining finds all that a new triple concludes with one lookup. Terms are
numbers (see :mod:`kg.reasoning.terms`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.reasoning.datatypes import DATATYPE_MAP
from kg.reasoning.terms import THING, TYPE, N, Numbered, cardinality, rdf_lists

# A chain property, its links, and the place of the triggering predicate among them.
Chain = tuple[int, tuple[int, ...], int]


@dataclass(slots=True)
class PropertyRules:
    """What a triple with this predicate concludes, rule by rule."""

    domains: tuple[int, ...]  # prp-dom: subject a class
    ranges: tuple[int, ...]  # prp-rng: object a class
    super_properties: tuple[int, ...]  # prp-spo1, prp-eqp1, prp-eqp2
    inverses: tuple[int, ...]  # prp-inv1, prp-inv2
    functional: bool  # prp-fp
    inverse_functional: bool  # prp-ifp
    symmetric: bool  # prp-symp
    transitive: bool  # prp-trp
    classes_of_value: dict[int, tuple[int, ...]]  # cls-hv2: object -> restrictions
    some_values: tuple[tuple[int, int], ...]  # cls-svf1/2: (restriction, filler)
    # dt-type2 with cls-svf1: (restriction, datatype the value must be of)
    some_data_values: tuple[tuple[int, Node], ...]
    all_values: tuple[tuple[int, int], ...]  # cls-avf: (restriction, filler)
    # cls-maxc2, cls-maxqc3, cls-maxqc4: (restriction, class its values must be or THING)
    max_one: tuple[tuple[int, int], ...]
    chains: tuple[Chain, ...]  # prp-spo2: the chains this predicate is a link of
    keys: tuple[tuple[int, tuple[int, ...]], ...]  # prp-key: (class, its key properties)


@dataclass(slots=True)
class ClassRules:
    """What ``x rdf:type`` this class concludes, rule by rule."""

    super_classes: tuple[int, ...]  # cax-sco, cax-eqc1/2, transitively: all ancestors
    parts: tuple[int, ...]  # cls-int2: the classes this intersection is made of
    intersections: tuple[tuple[int, tuple[int, ...]], ...]  # cls-int1: (class, its parts)
    unions: tuple[int, ...]  # cls-uni
    values: tuple[tuple[int, int], ...]  # cls-hv1: (property, value)
    some_values: tuple[tuple[int, int], ...]  # cls-svf1 as filler: (restriction, property)
    all_values: tuple[tuple[int, int], ...]  # cls-avf as restriction: (property, filler)
    max_one: tuple[tuple[int, int], ...]  # cls-maxc2/maxqc3/4 as restriction: (property, class)
    # cls-maxqc3 as the class values are counted in: (restriction, property)
    counted_in: tuple[tuple[int, int], ...]
    keys: tuple[tuple[int, ...], ...]  # prp-key: this class's keys

    def reads_thing(self) -> bool:
        """Whether an instance of this class (owl:Thing) concludes anything but the
        ``someValuesFrom owl:Thing`` restrictions, which cls-svf2 gives from the link."""
        return any(
            (
                self.super_classes,
                self.parts,
                self.intersections,
                self.unions,
                self.values,
                self.all_values,
                self.max_one,
                self.keys,
            )
        )


def _table() -> defaultdict:
    return defaultdict(set)


class Axioms:
    """The closure's axioms as tables from trigger to conclusion, then grouped."""

    def __init__(self, closure: list[Numbered], term: Callable[[int], Node]) -> None:
        pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, p, o in closure:
            pairs[p].append((s, o))
        self.pairs = pairs
        self._term = term
        self.lists = lists = rdf_lists(pairs[N[RDF.first]], pairs[N[RDF.rest]])
        self.domains, self.ranges = _table(), _table()
        self.super_properties, self.super_classes = _table(), _table()
        for table, predicate in (
            (self.domains, RDFS.domain),
            (self.ranges, RDFS.range),
            (self.super_properties, RDFS.subPropertyOf),
            (self.super_classes, RDFS.subClassOf),
        ):
            for s, o in pairs[N[predicate]]:
                table[s].add(o)
        for equivalence, table in (
            (OWL.equivalentClass, self.super_classes),
            (OWL.equivalentProperty, self.super_properties),
        ):
            for s, o in pairs[N[equivalence]]:
                table[s].add(o)
                table[o].add(s)
        for table in (self.super_properties, self.super_classes):
            for term_, parents in table.items():
                parents.discard(term_)
        self.inverses = _table()
        for s, o in pairs[N[OWL.inverseOf]]:
            self.inverses[s].add(o)
            self.inverses[o].add(s)
        kinds = _table()
        for s, o in pairs[TYPE]:
            kinds[o].add(s)
        self.functional = kinds[N[OWL.FunctionalProperty]]
        self.inverse_functional = kinds[N[OWL.InverseFunctionalProperty]]
        self.symmetric = kinds[N[OWL.SymmetricProperty]]
        self.transitive = kinds[N[OWL.TransitiveProperty]]
        self.intersection_parts, self.intersections_with = _table(), _table()
        for intersection, head in pairs[N[OWL.intersectionOf]]:
            parts = lists.get(head, ())
            self.intersection_parts[intersection].update(parts)
            for part in parts:
                self.intersections_with[part].add(intersection)
        self.unions_with = _table()
        for union, head in pairs[N[OWL.unionOf]]:
            for part in lists.get(head, ()):
                self.unions_with[part].add(union)
        self.chains = _table()
        for prop, head in pairs[N[OWL.propertyChainAxiom]]:
            links = lists.get(head, ())
            for position, link in enumerate(links):
                self.chains[link].add((prop, links, position))
        self.keys, self.keys_on = _table(), _table()
        for cls, head in pairs[N[OWL.hasKey]]:
            properties = lists.get(head, ())
            if properties:
                self.keys[cls].add(properties)
                for prop in properties:
                    self.keys_on[prop].add((cls, properties))
        self._read_restrictions()

    def _read_restrictions(self) -> None:
        on_property = _table()
        for restriction, prop in self.pairs[N[OWL.onProperty]]:
            on_property[restriction].add(prop)
        self.values_of_class, self.classes_of_value = _table(), _table()
        for restriction, value in self.pairs[N[OWL.hasValue]]:
            for prop in on_property.get(restriction, ()):
                self.values_of_class[restriction].add((prop, value))
                self.classes_of_value[(prop, value)].add(restriction)
        self.some_values_on, self.some_values_of = _table(), _table()
        self.some_data_values_on = _table()
        for restriction, filler in self.pairs[N[OWL.someValuesFrom]]:
            datatype = self._term(filler)
            for prop in on_property.get(restriction, ()):
                if datatype in DATATYPE_MAP:
                    self.some_data_values_on[prop].add((restriction, datatype))
                    continue
                self.some_values_on[prop].add((restriction, filler))
                self.some_values_of[filler].add((restriction, prop))
        self.all_values_on, self.all_values_of = _table(), _table()
        for restriction, filler in self.pairs[N[OWL.allValuesFrom]]:
            for prop in on_property.get(restriction, ()):
                self.all_values_on[prop].add((restriction, filler))
                self.all_values_of[restriction].add((prop, filler))
        # At most one value (of a class): maxCardinality 1 is maxQualifiedCardinality 1
        # on owl:Thing (cls-maxc2 = cls-maxqc4); without owl:onClass a qualified
        # restriction is on a data range, which no OWL 2 RL rule reads.
        on_class = dict(self.pairs[N[OWL.onClass]])
        counted = [(r, n, THING) for r, n in self.pairs[N[OWL.maxCardinality]]] + [
            (r, n, on_class[r])
            for r, n in self.pairs[N[OWL.maxQualifiedCardinality]]
            if r in on_class
        ]
        self.max_one_on, self.max_one_of, self.counted_in = _table(), _table(), _table()
        for restriction, count, cls in counted:
            if cardinality(self._term(count)) != 1:
                continue
            for prop in on_property.get(restriction, ()):
                self.max_one_on[prop].add((restriction, cls))
                self.max_one_of[restriction].add((prop, cls))
                if cls != THING:
                    self.counted_in[cls].add((restriction, prop))

    def property_rules(self) -> dict[int, PropertyRules]:
        """The rules of every predicate that triggers one."""
        values_by_property = _table()
        for (prop, value), restrictions in self.classes_of_value.items():
            values_by_property[prop].add((value, tuple(restrictions)))
        keys = (
            self.domains.keys()
            | self.ranges.keys()
            | self.super_properties.keys()
            | self.inverses.keys()
            | self.functional
            | self.inverse_functional
            | self.symmetric
            | self.transitive
            | values_by_property.keys()
            | self.some_values_on.keys()
            | self.some_data_values_on.keys()
            | self.all_values_on.keys()
            | self.max_one_on.keys()
            | self.chains.keys()
            | self.keys_on.keys()
        )
        return {
            prop: PropertyRules(
                tuple(self.domains.get(prop, ())),
                tuple(self.ranges.get(prop, ())),
                tuple(self.super_properties.get(prop, ())),
                tuple(self.inverses.get(prop, ())),
                prop in self.functional,
                prop in self.inverse_functional,
                prop in self.symmetric,
                prop in self.transitive,
                dict(values_by_property.get(prop, ())),
                tuple(self.some_values_on.get(prop, ())),
                tuple(self.some_data_values_on.get(prop, ())),
                tuple(self.all_values_on.get(prop, ())),
                tuple(self.max_one_on.get(prop, ())),
                tuple(self.chains.get(prop, ())),
                tuple(self.keys_on.get(prop, ())),
            )
            for prop in keys
        }

    def class_rules(self) -> dict[int, ClassRules]:
        """The rules of every class whose instances trigger one."""
        keys = (
            self.super_classes.keys()
            | self.intersection_parts.keys()
            | self.intersections_with.keys()
            | self.unions_with.keys()
            | self.values_of_class.keys()
            | self.some_values_of.keys()
            | self.all_values_of.keys()
            | self.max_one_of.keys()
            | self.counted_in.keys()
            | self.keys.keys()
        )
        return {
            cls: ClassRules(
                tuple(_reachable(cls, self.super_classes) - {cls}),
                tuple(self.intersection_parts.get(cls, ())),
                tuple(
                    (i, tuple(self.intersection_parts[i]))
                    for i in self.intersections_with.get(cls, ())
                ),
                tuple(self.unions_with.get(cls, ())),
                tuple(self.values_of_class.get(cls, ())),
                tuple(self.some_values_of.get(cls, ())),
                tuple(self.all_values_of.get(cls, ())),
                tuple(self.max_one_of.get(cls, ())),
                tuple(self.counted_in.get(cls, ())),
                tuple(self.keys.get(cls, ())),
            )
            for cls in keys
        }

    def read_backwards(self) -> frozenset[int]:
        """Predicates whose triples a rule looks up by object: cls-svf1 from the filler's
        side, prp-ifp, prp-trp, prp-spo2 (walking a chain back), prp-key (the others
        with a key value) and cls-maxqc3 from the counted class's side."""
        return frozenset(
            {p for entries in self.some_values_of.values() for _r, p in entries}
            | self.inverse_functional
            | self.transitive
            | {
                link
                for prop_links in self.chains.values()
                for _p, links, _i in prop_links
                for link in links
            }
            | {props[0] for key_set in self.keys.values() for props in key_set}
            | {p for entries in self.counted_in.values() for _r, p in entries}
        )


def _reachable(start: int, edges: dict) -> set[int]:
    """``start`` and every node reachable from it along ``edges``."""
    seen, stack = {start}, [start]
    while stack:
        for following in edges.get(stack.pop(), ()):
            if following not in seen:
                seen.add(following)
                stack.append(following)
    return seen
