"""Forward chaining of the compiled rules over one call's data, to a fixpoint.

W3C OWL 2 Profiles (2nd ed.) §4.3: the instance rules of Tables 4-7 (eq-sym, eq-trans,
eq-rep-s, eq-rep-o; prp-dom, prp-rng, prp-fp, prp-ifp, prp-symp, prp-trp, prp-spo1,
prp-spo2, prp-eqp1, prp-eqp2, prp-inv1, prp-inv2, prp-key; cls-int1, cls-int2, cls-uni,
cls-svf1, cls-svf2, cls-avf, cls-hv1, cls-hv2, cls-maxc2, cls-maxqc3, cls-maxqc4;
cax-sco, cax-eqc1, cax-eqc2) and dt-type2 (Table 8) where cls-svf1 reads it (a
datatype as filler). The ontology's closure is already closed under every
rule, so only triples that are new (the data, then what follows from it) go on the
agenda; each is joined with the whole working set (the closure plus the call's triples)
through two indexes, by subject and by object. Equality (``owl:sameAs``) is carried out
as ``reasonable`` does it: symmetric, transitive, and substituted into subjects and
objects. Terms are numbers here (see :mod:`kg.reasoning.terms`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib.term import Node

from kg.reasoning.compiled.axioms import ClassRules, PropertyRules
from kg.reasoning.compiled.schema import CompiledSchema
from kg.reasoning.datatypes import in_value_space
from kg.reasoning.terms import (
    CHARACTERISTIC_NUMBERS,
    SAME,
    SCHEMA_NUMBERS,
    THING,
    TYPE,
    Index,
    Numbered,
    index_of,
    insert,
)


class BeyondCompiledRules(Exception):
    """The call needs rules the compiled tables do not hold: the data adds an axiom, or
    makes an ontology term or a predicate the same as something else."""


class Chaining:
    """One call's working set: the frozen closure of the ontology plus the call's triples.

    ``derived`` lists every triple the call put in the working set that the closure did
    not hold: the data's own new triples first (``data_count`` of them), then the rest.
    """

    def __init__(
        self, schema: CompiledSchema, base: tuple[Index, Index], term: Callable[[int], Node]
    ) -> None:
        self._schema = schema
        self._term = term  # the call's numbering: what a number stands for
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

    def linking(self, obj: int) -> list[tuple[int, int]]:
        """(subject, predicate) of the triples with object ``obj``, as far as the
        backward index reaches (all of them once an equality made it complete)."""
        found = [(s, p) for p, subjects in self._backward.get(obj, {}).items() for s in subjects]
        if obj < self._ontology_size:
            found += [
                (s, p) for p, subjects in self._base_backward.get(obj, {}).items() for s in subjects
            ]
        return found

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
            insert(self._backward, o, p, s)
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
        add, forward, objects = self._add, self._forward, self.objects
        known = forward[s].get(TYPE, ())
        for cls in rules.domains:  # prp-dom
            if cls not in known:
                add(s, TYPE, cls)
        if rules.ranges:  # prp-rng
            known_of_object = objects(o, TYPE)  # often an ontology individual
            for cls in rules.ranges:
                if cls not in known_of_object:
                    add(o, TYPE, cls)
        for prop in rules.super_properties:  # prp-spo1, prp-eqp1, prp-eqp2
            if o not in forward[s].get(prop, ()):
                add(s, prop, o)
        for prop in rules.inverses:  # prp-inv1, prp-inv2
            if s not in objects(o, prop):
                add(o, prop, s)
        if rules.functional:  # prp-fp
            for other in tuple(objects(s, p)):
                add(o, SAME, other)
        for cls in rules.classes_of_value.get(o, ()):  # cls-hv2
            if cls not in known:
                add(s, TYPE, cls)
        for restriction, filler in rules.some_values:  # cls-svf1, cls-svf2
            if restriction not in known and (filler == THING or filler in objects(o, TYPE)):
                add(s, TYPE, restriction)
        if rules.inverse_functional or rules.symmetric or rules.transitive:
            self._characteristics(rules, s, p, o)
        for restriction, datatype in rules.some_data_values:  # dt-type2 with cls-svf1
            if restriction not in known and in_value_space(self._term(o), datatype):
                add(s, TYPE, restriction)
        if rules.all_values or rules.max_one or rules.chains or rules.keys:
            self._restricting_rules(rules, s, p, o)

    def _characteristics(self, rules: PropertyRules, s: int, p: int, o: int) -> None:
        add = self._add
        if rules.inverse_functional:  # prp-ifp
            for other in tuple(self.subjects(p, o)):
                add(s, SAME, other)
        if rules.symmetric:  # prp-symp
            add(o, p, s)
        if rules.transitive:  # prp-trp, the new triple first or second
            for further in tuple(self.objects(o, p)):
                add(s, p, further)
            for before in tuple(self.subjects(p, s)):
                add(before, p, o)

    def _restricting_rules(self, rules: PropertyRules, s: int, p: int, o: int) -> None:
        """The rules of a link that read the subject's types or walk further links."""
        add, objects = self._add, self.objects
        types = objects(s, TYPE)
        for restriction, filler in rules.all_values:  # cls-avf
            if restriction in types:
                add(o, TYPE, filler)
        for restriction, cls in rules.max_one:  # cls-maxc2, cls-maxqc3, cls-maxqc4
            if restriction in types and (cls == THING or cls in objects(o, TYPE)):
                for other in tuple(objects(s, p)):
                    if cls == THING or cls in objects(other, TYPE):
                        add(o, SAME, other)
        for prop, links, position in rules.chains:  # prp-spo2
            starts = self._walk({s}, reversed(links[:position]), backwards=True)
            ends = self._walk({o}, links[position + 1 :], backwards=False)
            for start in starts:
                for end in ends:
                    add(start, prop, end)
        for cls, properties in rules.keys:  # prp-key
            if cls in types:
                self._same_by_key(s, cls, properties)

    def _walk(self, nodes: set[int], links: Iterable[int], backwards: bool) -> set[int]:
        """The nodes reached from ``nodes`` along ``links`` (against them when
        ``backwards``)."""
        for link in links:
            if backwards:
                nodes = {n for node in nodes for n in self.subjects(link, node)}
            else:
                nodes = {n for node in nodes for n in self.objects(node, link)}
            if not nodes:
                break
        return nodes

    def _same_by_key(self, node: int, cls: int, properties: tuple[int, ...]) -> None:
        """prp-key: ``node`` is the same as every other ``cls`` sharing a value of each
        key property with it."""
        objects = self.objects
        first = properties[0]
        sharing = {other for value in objects(node, first) for other in self.subjects(first, value)}
        sharing.discard(node)
        for other in sharing:
            if cls in objects(other, TYPE) and all(
                set(objects(node, prop)) & set(objects(other, prop)) for prop in properties[1:]
            ):
                self._add(node, SAME, other)

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
        if rules.all_values or rules.max_one or rules.counted_in or rules.keys:
            self._restricted_class_rules(rules, node, cls)

    def _restricted_class_rules(self, rules: ClassRules, node: int, cls: int) -> None:
        """The rules of a new type that read the node's links or the links to it."""
        add, objects = self._add, self.objects
        for prop, filler in rules.all_values:  # cls-avf
            for value in tuple(objects(node, prop)):
                add(value, TYPE, filler)
        for prop, counted in rules.max_one:  # cls-maxc2, cls-maxqc3, cls-maxqc4
            values = [
                v for v in objects(node, prop) if counted == THING or counted in objects(v, TYPE)
            ]
            for other in values[1:]:
                add(values[0], SAME, other)
        for restriction, prop in rules.counted_in:  # cls-maxqc3, the value's type last
            for subject in tuple(self.subjects(prop, node)):
                if restriction in objects(subject, TYPE):
                    for other in tuple(objects(subject, prop)):
                        if other != node and cls in objects(other, TYPE):
                            add(node, SAME, other)
        for properties in rules.keys:  # prp-key
            self._same_by_key(node, cls, properties)

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
