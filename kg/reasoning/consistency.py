"""The OWL 2 RL rules that conclude "false": what makes data and ontology inconsistent.

W3C OWL 2 Profiles (2nd ed.) §4.3: eq-diff1, eq-diff2, eq-diff3 (Table 4); prp-irp,
prp-asyp, prp-pdw, prp-adp, prp-npa1, prp-npa2 (Table 5); cls-nothing2, cls-com,
cls-maxc1, cls-maxqc1, cls-maxqc2 (Table 6); cax-dw, cax-adc (Table 7); dt-not-type
(Table 8), and dt-diff with eq-diff1 for two literals of different values made the same
(a functional property with two values). :class:`Constraints` files the ontology's
axioms under what triggers them; :func:`find_clashes` matches each triple of a closed
working set against them. Terms are numbers (:mod:`kg.reasoning.terms`).

A rule here reads only a closed working set: the compiled chaining's (its fixpoint) or
the reference engine's closure. Each clash is found from any one of its premises, so
checking only the triples new to the working set finds every clash they take part in.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from rdflib.namespace import OWL, RDF, NamespaceManager
from rdflib.term import Literal, Node

from kg.reasoning.datatypes import DATATYPE_MAP
from kg.reasoning.terms import (
    DIFFERENT,
    NOTHING,
    SAME,
    SOURCE,
    THING,
    TYPE,
    N,
    Numbered,
    cardinality,
    rdf_lists,
)

Term = Callable[[int], Node]


class Facts(Protocol):
    """The lookups the check makes in a closed working set of numbered triples."""

    def objects(self, subject: int, predicate: int) -> set[int] | tuple: ...

    def subjects(self, predicate: int, obj: int) -> set[int] | tuple: ...

    def linking(self, obj: int) -> Iterable[tuple[int, int]]:
        """(subject, predicate) of every triple whose object is ``obj``."""
        ...


@dataclass(frozen=True)
class Axiom:
    """An axiom a clash breaks: its rule and how to write it (``{0}``… name ``terms``)."""

    rule: str
    template: str
    terms: tuple[int, ...]


@dataclass(frozen=True)
class Inconsistency:
    """One way the graph is inconsistent: the OWL 2 RL rule that concluded "false", the
    axiom it read (Turtle, prefixed names), the nodes it matched, and a sentence."""

    rule: str
    axiom: str
    nodes: tuple[Node, ...]
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "axiom": self.axiom,
            "nodes": [str(node) for node in self.nodes],
            "message": self.message,
        }


@dataclass(frozen=True)
class InconsistencyReport:
    """The clashes that made a write inconsistent (what ``InconsistentWrite`` carries)."""

    inconsistencies: tuple[Inconsistency, ...]

    @property
    def consistent(self) -> bool:
        return not self.inconsistencies

    def to_text(self) -> str:
        if self.consistent:
            return "consistent under OWL 2 RL"
        lines = [f"inconsistent under OWL 2 RL: {len(self.inconsistencies)} clash(es)"]
        for clash in self.inconsistencies:
            lines.append(f"- {clash.rule}: {clash.message}")
            if clash.axiom:
                lines.append(f"  axiom: {clash.axiom}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "consistent": self.consistent,
            "inconsistencies": [clash.as_dict() for clash in self.inconsistencies],
        }


@dataclass
class Constraints:
    """The axioms of a closed set of numbered triples, filed under the triple that
    triggers their rule."""

    # class -> (class it may not share an instance with, axiom): cax-dw, cax-adc, cls-com
    disjoint: dict[int, list[tuple[int, Axiom]]] = field(default_factory=lambda: defaultdict(list))
    # restriction -> (property, class or THING, axiom): cls-maxc1, cls-maxqc1, cls-maxqc2
    max_zero: dict[int, list[tuple[int, int, Axiom]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # property -> (restriction, class or THING, axiom): the same, from the value's side
    max_zero_by_property: dict[int, list[tuple[int, int, Axiom]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # class -> (restriction, property, axiom): the same, from the qualifying class's side
    max_zero_fillers: dict[int, list[tuple[int, int, Axiom]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    irreflexive: dict[int, Axiom] = field(default_factory=dict)  # prp-irp
    asymmetric: dict[int, Axiom] = field(default_factory=dict)  # prp-asyp
    # property -> (property disjoint with it, axiom): prp-pdw, prp-adp
    disjoint_properties: dict[int, list[tuple[int, Axiom]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # individual -> individual declared different -> axiom: eq-diff2, eq-diff3
    different: dict[int, dict[int, Axiom]] = field(default_factory=lambda: defaultdict(dict))
    # the negative property assertions: prp-npa1, prp-npa2
    negative: list[int] = field(default_factory=list)

    @classmethod
    def of(
        cls, closure: Iterable[Numbered], term: Term, asserted: Iterable[Numbered] | None = None
    ) -> Constraints:
        """The constraints of the axioms in ``closure``; their lists (the members of an
        ``owl:AllDifferent``…) read from ``asserted`` when given: in a closure where two
        members are the same, eq-rep-o has given a list node both as its first."""
        pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, p, o in closure:
            pairs[p].append((s, o))
        listed = pairs
        if asserted is not None:
            listed = defaultdict(list)
            for s, p, o in asserted:
                if p in (N[RDF.first], N[RDF.rest]):
                    listed[p].append((s, o))
        made = cls()
        made._read(pairs, rdf_lists(listed[N[RDF.first]], listed[N[RDF.rest]]), term)
        return made

    @functools.cached_property
    def triggering_classes(self) -> frozenset[int]:
        """The classes whose new instances may clash."""
        return frozenset({NOTHING} | self.disjoint.keys() | self.max_zero.keys()) | frozenset(
            self.max_zero_fillers.keys()
        )

    @functools.cached_property
    def triggering_properties(self) -> frozenset[int]:
        """The predicates whose new triples may clash (or declare what may)."""
        return frozenset(
            {SAME, DIFFERENT, SOURCE}
            | self.irreflexive.keys()
            | self.asymmetric.keys()
            | self.disjoint_properties.keys()
            | self.max_zero_by_property.keys()
        )

    @property
    def backward_predicates(self) -> frozenset[int]:
        """Properties the check follows from object to subject."""
        return frozenset(p for entries in self.max_zero_fillers.values() for _r, p, _a in entries)

    def _read(self, pairs: dict, lists: dict, term: Term) -> None:
        for c1, c2 in pairs[N[OWL.disjointWith]]:
            self._disjoint(c1, c2, Axiom("cax-dw", "{0} owl:disjointWith {1}", (c1, c2)))
        for c1, c2 in pairs[N[OWL.complementOf]]:
            self._disjoint(c1, c2, Axiom("cls-com", "{0} owl:complementOf {1}", (c1, c2)))
        for p1, p2 in pairs[N[OWL.propertyDisjointWith]]:
            axiom = Axiom("prp-pdw", "{0} owl:propertyDisjointWith {1}", (p1, p2))
            self.disjoint_properties[p1].append((p2, axiom))
            self.disjoint_properties[p2].append((p1, axiom))
        kinds = defaultdict(set)
        for node, kind in pairs[TYPE]:
            kinds[kind].add(node)
        for p in kinds[N[OWL.IrreflexiveProperty]]:
            self.irreflexive[p] = Axiom("prp-irp", "{0} a owl:IrreflexiveProperty", (p,))
        for p in kinds[N[OWL.AsymmetricProperty]]:
            self.asymmetric[p] = Axiom("prp-asyp", "{0} a owl:AsymmetricProperty", (p,))
        self._read_lists(pairs, lists, kinds)
        self._read_max_zero(pairs, term)
        self.negative = [node for node, _source in pairs[N[OWL.sourceIndividual]]]

    def _disjoint(self, c1: int, c2: int, axiom: Axiom) -> None:
        self.disjoint[c1].append((c2, axiom))
        self.disjoint[c2].append((c1, axiom))

    def _read_lists(self, pairs: dict, lists: dict, kinds: dict) -> None:
        """cax-adc, prp-adp, eq-diff2 and eq-diff3: the pairwise axioms over a list."""
        members_of = defaultdict(list)
        for node, head in pairs[N[OWL.members]]:
            members_of[node].append(("members", lists.get(head, ())))
        for node, head in pairs[N[OWL.distinctMembers]]:
            members_of[node].append(("distinctMembers", lists.get(head, ())))
        for node, entries in members_of.items():
            for keyword, members in entries:
                listed = " ".join("{" + str(i + 1) + "}" for i in range(len(members)))
                template = "[] a {0} ; owl:" + keyword + " ( " + listed + " )"
                for kind, rule in (
                    (OWL.AllDisjointClasses, "cax-adc"),
                    (OWL.AllDisjointProperties, "prp-adp"),
                    (OWL.AllDifferent, "eq-diff2" if keyword == "members" else "eq-diff3"),
                ):
                    if node not in kinds[N[kind]]:
                        continue
                    axiom = Axiom(rule, template, (N[kind], *members))
                    for i, first in enumerate(members):
                        for second in members[i + 1 :]:
                            if first == second:
                                continue
                            if rule == "cax-adc":
                                self._disjoint(first, second, axiom)
                            elif rule == "prp-adp":
                                self.disjoint_properties[first].append((second, axiom))
                                self.disjoint_properties[second].append((first, axiom))
                            else:
                                self.different[first][second] = axiom
                                self.different[second][first] = axiom

    def _read_max_zero(self, pairs: dict, term: Term) -> None:
        """cls-maxc1, cls-maxqc1, cls-maxqc2: restrictions allowing no value."""
        on_property = defaultdict(list)
        for restriction, prop in pairs[N[OWL.onProperty]]:
            on_property[restriction].append(prop)
        on_class = dict(pairs[N[OWL.onClass]])
        restrictions = [(r, n, THING, "cls-maxc1") for r, n in pairs[N[OWL.maxCardinality]]]
        for r, n in pairs[N[OWL.maxQualifiedCardinality]]:
            if r in on_class:  # without it, on a data range: no OWL 2 RL rule
                filler = on_class[r]
                restrictions.append(
                    (r, n, filler, "cls-maxqc2" if filler == THING else "cls-maxqc1")
                )
        for restriction, count, filler, rule in restrictions:
            if cardinality(term(count)) != 0:
                continue
            for prop in on_property[restriction]:
                if rule == "cls-maxc1":
                    text = "[ owl:onProperty {1} ; owl:maxCardinality 0 ]"
                else:
                    text = (
                        "[ owl:onProperty {1} ; owl:maxQualifiedCardinality 0 ; owl:onClass {2} ]"
                    )
                axiom = Axiom(rule, text, (restriction, prop, filler))
                self.max_zero[restriction].append((prop, filler, axiom))
                self.max_zero_by_property[prop].append((restriction, filler, axiom))
                if filler != THING:
                    self.max_zero_fillers[filler].append((restriction, prop, axiom))


class _Clashes:
    """The clashes found so far, each once, with the terms to write them."""

    def __init__(self, term: Term, namespaces: NamespaceManager) -> None:
        self.term = term
        self._namespaces = namespaces
        self.found: dict[tuple, Inconsistency] = {}

    def name(self, number: int) -> str:
        term = self.term(number)
        try:
            return term.n3(self._namespaces)
        except Exception:  # a term rdflib cannot write in Turtle (never expected)
            return str(term)

    def add(self, axiom: Axiom | None, rule: str, nodes: tuple[int, ...], message: str) -> None:
        # A symmetric clash is found from both its premises: once is enough.
        key = (rule, axiom and (axiom.rule, frozenset(axiom.terms)), frozenset(nodes))
        if key in self.found:
            return
        text = axiom.template.format(*map(self.name, axiom.terms)) if axiom else ""
        names = [self.name(n) for n in nodes]
        self.found[key] = Inconsistency(
            rule, text, tuple(self.term(n) for n in nodes), message.format(*names)
        )


def find_clashes(
    triples: Iterable[Numbered],
    facts: Facts,
    constraints: Constraints,
    term: Term,
    namespaces: NamespaceManager,
    first_new_term: int = 0,
) -> list[Inconsistency]:
    """Every clash a triple of ``triples`` takes part in, in the closed working set
    ``facts`` (which holds ``triples``); literals numbered from ``first_new_term`` on are
    checked against their datatype (dt-not-type)."""
    clashes = _Clashes(term, namespaces)
    checked_literals: set[int] = set()
    assertions = set(constraints.negative)
    # Most triples trigger no "false" rule: they are passed over on a set lookup.
    classes, properties = constraints.triggering_classes, constraints.triggering_properties
    for s, p, o in triples:
        if p == TYPE:
            if o in classes:
                _class_clashes(clashes, facts, constraints, s, o)
        elif p in properties:
            _property_clashes(clashes, facts, constraints, s, p, o)
            if p == SOURCE:
                assertions.add(s)
        if o >= first_new_term and o not in checked_literals:
            checked_literals.add(o)
            _literal_clash(clashes, term, o)
    for node in assertions:
        _negative_assertion_clashes(clashes, facts, term, node)
    return list(clashes.found.values())


def _negative_assertion_clashes(clashes: _Clashes, facts: Facts, term: Term, node: int) -> None:
    """prp-npa1, prp-npa2: the assertion a negative property assertion denies holds."""
    for source in facts.objects(node, SOURCE):
        for prop in facts.objects(node, N[OWL.assertionProperty]):
            for keyword in ("targetIndividual", "targetValue"):
                for target in facts.objects(node, N[OWL[keyword]]):
                    if target not in facts.objects(source, prop):
                        continue
                    rule = "prp-npa1" if keyword == "targetIndividual" else "prp-npa2"
                    axiom = Axiom(
                        rule,
                        "[] owl:sourceIndividual {0} ; owl:assertionProperty {1} ; owl:"
                        + keyword
                        + " {2}",
                        (source, prop, target),
                    )
                    message = "{0} {1} {2}, which a negative property assertion denies"
                    clashes.add(axiom, rule, (source, prop, target), message)


def _class_clashes(clashes: _Clashes, facts: Facts, c: Constraints, x: int, cls: int) -> None:
    if cls == NOTHING:  # cls-nothing2
        clashes.add(None, "cls-nothing2", (x,), "{0} is a member of owl:Nothing")
    types = facts.objects(x, TYPE)
    for other, axiom in c.disjoint.get(cls, ()):  # cax-dw, cax-adc, cls-com
        if other in types:
            clashes.add(
                axiom,
                axiom.rule,
                (x, cls, other),
                "{0} is both a {1} and a {2}, which exclude each other",
            )
    for prop, filler, axiom in c.max_zero.get(cls, ()):  # cls-maxc1, cls-maxqc1, cls-maxqc2
        for value in facts.objects(x, prop):
            if filler == THING or filler in facts.objects(value, TYPE):
                _max_zero_clash(clashes, axiom, x, prop, value)
    for restriction, prop, axiom in c.max_zero_fillers.get(cls, ()):  # cls-maxqc1, from y
        for subject in facts.subjects(prop, x):
            if restriction in facts.objects(subject, TYPE):
                _max_zero_clash(clashes, axiom, subject, prop, x)


def _max_zero_clash(clashes: _Clashes, axiom: Axiom, x: int, prop: int, value: int) -> None:
    clashes.add(
        axiom, axiom.rule, (x, prop, value), "{0} has {1} {2}, which its class allows none of"
    )


def _property_clashes(
    clashes: _Clashes, facts: Facts, c: Constraints, s: int, p: int, o: int
) -> None:
    if p == SAME:
        if s != o:
            _equality_clashes(clashes, facts, c, s, o)
        return
    if p == DIFFERENT:
        if s == o:  # eq-ref makes every term the same as itself
            clashes.add(None, "eq-diff1", (s,), "{0} is declared different from itself")
        elif o in facts.objects(s, SAME):
            _same_and_different(clashes, s, o)
        return
    axiom = c.irreflexive.get(p)
    if axiom is not None and s == o:  # prp-irp
        clashes.add(axiom, "prp-irp", (s, p), "{0} {1} itself, but {1} is irreflexive")
    axiom = c.asymmetric.get(p)
    if axiom is not None and s in facts.objects(o, p):  # prp-asyp
        clashes.add(axiom, "prp-asyp", (s, p, o), "{0} {1} {2} and back, but {1} is asymmetric")
    for other, axiom in c.disjoint_properties.get(p, ()):  # prp-pdw, prp-adp
        if o in facts.objects(s, other):
            clashes.add(
                axiom,
                axiom.rule,
                (s, p, other, o),
                "{0} is linked to {3} by both {1} and {2}, which are disjoint properties",
            )
    for restriction, filler, axiom in c.max_zero_by_property.get(p, ()):
        if restriction in facts.objects(s, TYPE) and (
            filler == THING or filler in facts.objects(o, TYPE)
        ):
            _max_zero_clash(clashes, axiom, s, p, o)


def _equality_clashes(clashes: _Clashes, facts: Facts, c: Constraints, x: int, y: int) -> None:
    """eq-diff1, eq-diff2, eq-diff3, and dt-diff: ``x owl:sameAs y`` where they differ."""
    x, y = min(x, y), max(x, y)  # found from both directions: written one way
    if y in facts.objects(x, DIFFERENT) or x in facts.objects(y, DIFFERENT):
        _same_and_different(clashes, x, y)
    axiom = c.different.get(x, {}).get(y)
    if axiom is not None:
        clashes.add(
            axiom,
            axiom.rule,
            (x, y),
            "{0} and {1} follow to be the same individual, but they are declared all different",
        )
    first, second = clashes.term(x), clashes.term(y)
    if not (isinstance(first, Literal) and isinstance(second, Literal)):
        return
    if _equal_values(first, second):
        return
    # Name what made them the same: a subject with both as values of one property.
    # (After eq-rep-o every subject with one has the other: name the first, by IRI.)
    links = set(facts.linking(y))
    causes = [(s, p) for s, p in facts.linking(x) if (s, p) in links and p != SAME]
    cause = min(
        causes, key=lambda c: (str(clashes.term(c[0])), str(clashes.term(c[1]))), default=None
    )
    axiom = Axiom("dt-diff", "{0} owl:differentFrom {1}", (x, y))
    if cause is None:
        clashes.add(
            axiom, "eq-diff1", (x, y), "the values {0} and {1} differ but follow to be the same"
        )
        return
    clashes.add(
        axiom,
        "eq-diff1",
        (cause[0], cause[1], x, y),
        "{0} {1} both {2} and {3}: the values differ, but follow to be the same (a "
        "functional property, a key or an at-most-one restriction)",
    )


def _equal_values(first: Literal, second: Literal) -> bool:
    """Whether two literals have the same value (dt-eq), not merely the same form."""
    try:
        return bool(first.eq(second))
    except TypeError:  # values rdflib cannot compare are of different value spaces
        return False


def _same_and_different(clashes: _Clashes, x: int, y: int) -> None:
    clashes.add(
        Axiom("eq-diff1", "{0} owl:differentFrom {1}", (x, y)),
        "eq-diff1",
        (x, y),
        "{0} and {1} follow to be the same individual, but are declared different",
    )


def _literal_clash(clashes: _Clashes, term: Term, number: int) -> None:
    """dt-not-type: a literal whose lexical form its datatype does not allow."""
    literal = term(number)
    if (
        isinstance(literal, Literal)
        and literal.datatype in DATATYPE_MAP
        and literal.ill_typed is True
    ):
        clashes.add(
            None,
            "dt-not-type",
            (number,),
            "{0} is not a value of its datatype",
        )
