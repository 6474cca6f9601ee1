"""The axioms of a closed ontology, read into the rules they make fire on data.

Each rule is filed under what triggers it: a predicate (:class:`PropertyRules`) or the
class of an ``rdf:type`` triple (:class:`ClassRules`), so the chaining finds all that a
new triple concludes with one lookup. Terms are numbers (see :mod:`kg.rules.terms`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib.namespace import OWL, RDF, RDFS

from kg.rules.terms import TYPE, N

Numbered = tuple[int, int, int]


@dataclass(slots=True)
class PropertyRules:
    """What a triple with this predicate concludes, rule by rule."""

    domains: tuple[int, ...]  # prp-dom: subject a class
    ranges: tuple[int, ...]  # prp-rng: object a class
    super_properties: tuple[int, ...]  # prp-spo1
    inverses: tuple[int, ...]  # prp-inv1, prp-inv2
    functional: bool  # prp-fp
    classes_of_value: dict[int, tuple[int, ...]]  # cls-hv2: object -> restrictions
    some_values: tuple[tuple[int, int], ...]  # cls-svf1/2: (restriction, filler)


@dataclass(slots=True)
class ClassRules:
    """What ``x rdf:type`` this class concludes, rule by rule."""

    super_classes: tuple[int, ...]  # cax-sco, cax-eqc1/2, transitively: all ancestors
    parts: tuple[int, ...]  # cls-int2: the classes this intersection is made of
    intersections: tuple[tuple[int, tuple[int, ...]], ...]  # cls-int1: (class, its parts)
    unions: tuple[int, ...]  # cls-uni
    values: tuple[tuple[int, int], ...]  # cls-hv1: (property, value)
    some_values: tuple[tuple[int, int], ...]  # cls-svf1 as filler: (restriction, property)


def _table() -> defaultdict:
    return defaultdict(set)


class Axioms:
    """The closure's axioms as tables from trigger to conclusion, then grouped."""

    def __init__(self, closure: list[Numbered]) -> None:
        pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, p, o in closure:
            pairs[p].append((s, o))
        self.pairs = pairs
        lists = _lists(pairs[N[RDF.first]], pairs[N[RDF.rest]])
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
        for s, o in pairs[N[OWL.equivalentClass]]:
            self.super_classes[s].add(o)
            self.super_classes[o].add(s)
        self.inverses = _table()
        for s, o in pairs[N[OWL.inverseOf]]:
            self.inverses[s].add(o)
            self.inverses[o].add(s)
        self.functional = {s for s, o in pairs[TYPE] if o == N[OWL.FunctionalProperty]}
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
        for restriction, filler in self.pairs[N[OWL.someValuesFrom]]:
            for prop in on_property.get(restriction, ()):
                self.some_values_on[prop].add((restriction, filler))
                self.some_values_of[filler].add((restriction, prop))

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
            | values_by_property.keys()
            | self.some_values_on.keys()
        )
        return {
            prop: PropertyRules(
                tuple(self.domains.get(prop, ())),
                tuple(self.ranges.get(prop, ())),
                tuple(self.super_properties.get(prop, ())),
                tuple(self.inverses.get(prop, ())),
                prop in self.functional,
                dict(values_by_property.get(prop, ())),
                tuple(self.some_values_on.get(prop, ())),
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
            )
            for cls in keys
        }


def _reachable(start: int, edges: dict) -> set[int]:
    """``start`` and every node reachable from it along ``edges``."""
    seen, stack = {start}, [start]
    while stack:
        for following in edges.get(stack.pop(), ()):
            if following not in seen:
                seen.add(following)
                stack.append(following)
    return seen


def _lists(firsts: list, rests: list) -> dict:
    """Each RDF list's head node mapped to its members (``rdf:nil`` ends a list)."""
    first = dict(firsts)
    rest = dict(rests)
    members: dict = {}
    for head in first:
        items, node, seen = [], head, set()
        while node in first and node not in seen:
            seen.add(node)
            items.append(first[node])
            node = rest.get(node, N[RDF.nil])
        members[head] = tuple(items)
    return members
