"""Forward chaining of the compiled rules over one call's data, to a fixpoint.

The ontology's closure is already closed under every rule, so only triples that are new
(the data, then what follows from it) go on the agenda; each is joined with the whole
working set (the closure plus the call's triples) through two indexes, by subject and by
object. Equality (``owl:sameAs`` from functional properties) is carried out as
``reasonable`` does it: symmetric, transitive, and substituted into subjects and objects.
Terms are numbers here (see :mod:`kg.rules.terms`).
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.rules.axioms import Numbered, PropertyRules
from kg.rules.schema import CompiledSchema
from kg.rules.terms import (
    CHARACTERISTIC_NUMBERS,
    SAME,
    SCHEMA_NUMBERS,
    THING,
    TYPE,
)

# node -> predicate -> nodes: subject -> predicate -> objects, or the reverse.
Index = dict[int, dict[int, set[int]]]


class BeyondCompiledRules(Exception):
    """The call needs rules the compiled tables do not hold: the data adds an axiom, or
    makes an ontology term or a predicate the same as something else."""


def _insert(index: Index, key: int, predicate: int, value: int) -> None:
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
        _insert(forward, s, p, o)
        _insert(backward, o, p, s)
    return forward, backward


class Chaining:
    """One call's working set: the frozen closure of the ontology plus the call's triples.

    ``derived`` lists every triple the call put in the working set that the closure did
    not hold: the data's own new triples first (``data_count`` of them), then the rest.
    """

    def __init__(self, schema: CompiledSchema, base: tuple[Index, Index]) -> None:
        self._schema = schema
        self._properties = schema.properties
        self._classes = schema.classes
        self._base_forward, self._base_backward = base
        # Terms numbered below this are the ontology's: the base indexes hold their facts.
        self._ontology_size = len(schema.numbering)
        self._forward: Index = {}
        self._backward: Index = {}
        # Only cls-svf1 reads triples by object, until owl:sameAs needs them all (eq-rep-o).
        self._backward_predicates: frozenset[int] | None = schema.read_backwards | {SAME}
        self._equalities = False
        self._agenda: list[Numbered] = []
        # Types added with all their ancestors already: their cax-sco need not run again.
        self._closed_types: list[tuple[int, int]] = []
        self.derived: list[Numbered] = []
        self.data_count = 0

    def run(self, data: Iterable[Numbered]) -> list[Numbered]:
        """Add ``data`` and everything that follows from it; return ``derived``.

        Raises:
            BeyondCompiledRules: the compiled tables cannot decide this data.
        """
        add, fire, agenda, closed = self._add, self._fire, self._agenda, self._closed_types
        for s, p, o in data:
            add(s, p, o)
        self.data_count = len(self.derived)
        while agenda or closed:
            while closed:
                node, cls = closed.pop()
                fire(node, TYPE, cls, False)
            if agenda:
                fire(*agenda.pop())
        return self.derived

    # -- the working set ------------------------------------------------------------

    def objects(self, subject: int, predicate: int) -> set[int] | tuple:
        values = self._forward.get(subject, {}).get(predicate, ())
        if subject >= self._ontology_size:
            return values
        return _merged(values, self._base_forward.get(subject, {}).get(predicate, ()))

    def subjects(self, predicate: int, obj: int) -> set[int] | tuple:
        values = self._backward.get(obj, {}).get(predicate, ())
        if obj >= self._ontology_size:
            return values
        return _merged(values, self._base_backward.get(obj, {}).get(predicate, ()))

    def _add(self, s: int, p: int, o: int, closed: bool = False) -> None:
        by_predicate = self._forward.get(s)
        if by_predicate is None:
            by_predicate = self._forward[s] = {}
        objects = by_predicate.get(p)
        if objects is not None and o in objects:
            return
        if s < self._ontology_size and o in self._base_forward.get(s, {}).get(p, ()):
            return
        if p == SAME and s == o:
            return  # reflexive equality: substitutes nothing and is never output
        if p in SCHEMA_NUMBERS or (p == TYPE and o in CHARACTERISTIC_NUMBERS):
            raise BeyondCompiledRules("the data adds an axiom")
        if objects is None:
            by_predicate[p] = {o}
        else:
            objects.add(o)
        if self._backward_predicates is None or p in self._backward_predicates:
            _insert(self._backward, o, p, s)
        self.derived.append((s, p, o))
        if closed:
            self._closed_types.append((s, o))
        elif self._triggers(p, o):
            self._agenda.append((s, p, o))

    def _triggers(self, p: int, o: int) -> bool:
        """Whether firing a new triple can conclude anything. Most data triples (labels,
        dates…) trigger no rule: they stay off the agenda, and should an equality come
        later, it copies them from the index (eq-rep-s, eq-rep-o)."""
        if self._equalities or self._schema.thing_matters or p == SAME:
            return True
        if p == TYPE and o in self._classes:
            return True
        return p in self._properties

    # -- the rules --------------------------------------------------------------------

    def _fire(self, s: int, p: int, o: int, ancestors: bool = True) -> None:
        add = self._add
        if self._schema.thing_matters:
            add(s, TYPE, THING)
        if self._equalities:
            self._substitute_equals(s, p, o)
            if p == SAME:
                self._equality(s, o)
                return
        elif p == SAME:
            self._equality(s, o)
            return
        rules = self._properties.get(p)
        if rules is not None:
            self._property_rules(rules, s, p, o)
        if p == TYPE:
            self._class_rules(s, o, ancestors)

    # Most conclusions are known already (every link of an interaction says it is one):
    # a known one is skipped here, before the cost of a call to _add.

    def _property_rules(self, rules: PropertyRules, s: int, p: int, o: int) -> None:
        add, forward = self._add, self._forward
        known = forward[s].get(TYPE, ())
        for cls in rules.domains:  # prp-dom
            if cls not in known:
                add(s, TYPE, cls)
        if rules.ranges:  # prp-rng
            known_of_object = self.objects(o, TYPE)  # often an ontology individual
            for cls in rules.ranges:
                if cls not in known_of_object:
                    add(o, TYPE, cls)
        for prop in rules.super_properties:  # prp-spo1
            if o not in forward[s].get(prop, ()):
                add(s, prop, o)
        for prop in rules.inverses:  # prp-inv1, prp-inv2
            if s not in self.objects(o, prop):
                add(o, prop, s)
        if rules.functional:  # prp-fp
            for other in tuple(self.objects(s, p)):
                add(o, SAME, other)
        for cls in rules.classes_of_value.get(o, ()):  # cls-hv2
            if cls not in known:
                add(s, TYPE, cls)
        for restriction, filler in rules.some_values:  # cls-svf1, cls-svf2
            if restriction not in known and (filler == THING or filler in self.objects(o, TYPE)):
                add(s, TYPE, restriction)

    def _class_rules(self, node: int, cls: int, ancestors: bool) -> None:
        rules = self._classes.get(cls)
        if rules is None:
            return
        add, statements = self._add, self._forward[node]
        known = statements[TYPE]
        if ancestors:  # cax-sco, cax-eqc1, cax-eqc2
            for parent in rules.super_classes:
                if parent not in known:
                    add(node, TYPE, parent, True)
        for part in rules.parts:  # cls-int2
            if part not in known:
                add(node, TYPE, part)
        for intersection, parts in rules.intersections:  # cls-int1
            types = self.objects(node, TYPE)
            if intersection not in types and all(part in types for part in parts):
                add(node, TYPE, intersection)
        for union in rules.unions:  # cls-uni
            if union not in known:
                add(node, TYPE, union)
        for prop, value in rules.values:  # cls-hv1
            if value not in statements.get(prop, ()):
                add(node, prop, value)
        for restriction, prop in rules.some_values:  # cls-svf1
            for subject in tuple(self.subjects(prop, node)):
                add(subject, TYPE, restriction)

    def _substitute_equals(self, s: int, p: int, o: int) -> None:
        """eq-rep-s and eq-rep-o for a new triple whose subject or object has equals."""
        for other in tuple(self.objects(s, SAME)):
            self._add(other, p, o)
        for other in tuple(self.objects(o, SAME)):
            self._add(s, p, other)

    def _equality(self, first: int, second: int) -> None:
        """eq-sym, eq-trans, eq-rep-s, eq-rep-o for a new ``first owl:sameAs second``.

        Raises:
            BeyondCompiledRules: an ontology term or a predicate would be substituted.
        """
        for term in (first, second):
            if term < self._ontology_size or self._is_predicate(term):
                raise BeyondCompiledRules("owl:sameAs would rewrite the rules")
        if not self._equalities:
            self._equalities = True
            self._backward_predicates = None
            self._backward = index_of(
                (s, p, o) for s, by_p in self._forward.items() for p, os in by_p.items() for o in os
            )[1]
        add = self._add
        add(second, SAME, first)
        for other in tuple(self.objects(second, SAME)):
            add(first, SAME, other)
        for other in tuple(self.subjects(SAME, first)):
            add(other, SAME, second)
        for p, objects in list(self._forward.get(first, {}).items()):
            for o in tuple(objects):
                add(second, p, o)
        for p, subjects in list(self._backward.get(first, {}).items()):
            for s in tuple(subjects):
                add(s, p, second)

    def _is_predicate(self, term: int) -> bool:
        return any(term in by_predicate for by_predicate in self._forward.values())


def _merged(values: set[int] | tuple, frozen: set[int] | tuple) -> set[int] | tuple:
    if not frozen:
        return values
    return values | frozen if values else frozen
