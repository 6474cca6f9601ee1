"""The OWL 2 RL rules ``reasonable`` lacks, run naively over a closed graph of rdflib terms.

W3C OWL 2 Profiles (2nd ed.) §4.3: ``reasonable`` 0.4 gets prp-ifp wrong (see
:func:`_prp_ifp`) and gives none of the entailments of
prp-spo2 (Table 5, property chains), prp-key (Table 5, keys), cls-maxc2, cls-maxqc3,
cls-maxqc4 (Table 6, "at most one" restrictions), cls-oo (Table 6, enumerations) and
scm-svf1, scm-svf2, scm-avf1, scm-avf2 (Table 9, subsumption between restrictions),
nor dt-type2 (Table 8) where cls-svf1 reads it (a datatype as filler). It also keeps
the equalities between literals that ``reasonable`` substitutes without saying
(prp-fp on a datatype property), which the consistency check reads (dt-diff).
:func:`complement` applies them once to a graph ``reasonable`` has closed; the reference
engine (:mod:`kg.reasoning.reference`) alternates the two until neither adds a triple.

Written independently of the compiled rules (:mod:`kg.reasoning.compiled`), in the
plainest form the rule tables allow, so the differential tests compare two
implementations of each rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Literal, Node

from kg.reasoning.datatypes import DATATYPE_MAP, in_value_space
from kg.reasoning.terms import cardinality
from kg.store.base import Triple

TYPE, SAME = RDF.type, OWL.sameAs


class _Graph:
    """A closed graph, its triples by predicate, and each predicate's triples indexed by
    subject and by object when a rule first asks (most predicates are never asked)."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.by_predicate: dict = defaultdict(list)
        for s, p, o in triples:
            self.by_predicate[p].append((s, o))
        self._forward: dict = {}
        self._backward: dict = {}

    def _index(self, indexes: dict, p: Node, backwards: bool) -> dict:
        index = indexes.get(p)
        if index is None:
            index = indexes[p] = defaultdict(set)
            for s, o in self.by_predicate.get(p, ()):
                if backwards:
                    index[o].add(s)
                else:
                    index[s].add(o)
        return index

    def objects(self, s: Node, p: Node) -> set:
        return self._index(self._forward, p, False).get(s, set())

    def subjects(self, p: Node, o: Node) -> set:
        return self._index(self._backward, p, True).get(o, set())

    def linking_to(self, o: Node) -> list[tuple[Node, Node]]:
        """Every (subject, predicate) with a triple whose object is ``o``."""
        return [(s, p) for p, pairs in self.by_predicate.items() for s, obj in pairs if obj == o]

    def value(self, s: Node, p: Node) -> Node | None:
        return next(iter(self.objects(s, p)), None)

    def members(self, head: Node) -> list:
        items, node, seen = [], head, set()
        while node != RDF.nil and node not in seen and self.objects(node, RDF.first):
            seen.add(node)
            items.append(self.value(node, RDF.first))
            node = self.value(node, RDF.rest) or RDF.nil
        return items

    def instances(self, cls: Node) -> set:
        return self.subjects(TYPE, cls)

    def above(self, node: Node, predicate: Node) -> set:
        """``node`` and its ``predicate`` ancestors (scm-cls, scm-sco, scm-op, scm-dp and
        scm-spo make the hierarchies reflexive and transitive)."""
        seen, stack = {node}, [node]
        while stack:
            for parent in self.objects(stack.pop(), predicate):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen


def complement(closure: Iterable[Triple]) -> set[Triple]:
    """What the rules ``reasonable`` lacks conclude from ``closure`` in one round, less
    what ``closure`` holds already."""
    triples = closure if isinstance(closure, (set, frozenset)) else set(closure)
    graph = _Graph(triples)
    found: set[Triple] = set()
    for rule in (
        _prp_ifp,
        _cls_oo,
        _prp_spo2,
        _prp_key,
        _cls_max_one,
        _scm_restrictions,
        _svf_data,
        _literal_equalities,
    ):
        found |= rule(graph)
    return {t for t in found if t not in triples and not (t[1] == SAME and t[0] == t[2])}


def _prp_ifp(graph: _Graph) -> set[Triple]:
    """prp-ifp: two subjects of one value of an inverse-functional property are the same.

    ``reasonable`` 0.4.4 has it wrong (its join's ``match y1 { y2 => … }`` binds ``y2``
    anew, so it equates every two subjects of the property whatever their values): the
    reference engine does not show it the property's characteristic and runs it here."""
    found = set()
    for prop in graph.instances(OWL.InverseFunctionalProperty):
        by_value: dict = defaultdict(set)
        for s, o in graph.by_predicate[prop]:
            by_value[o].add(s)
        for subjects in by_value.values():
            found |= {(a, SAME, b) for a in subjects for b in subjects if a != b}
    return found


def _cls_oo(graph: _Graph) -> set[Triple]:
    """cls-oo: every member of ``c owl:oneOf (x1 … xn)`` is a ``c``."""
    return {
        (member, TYPE, cls)
        for cls, head in graph.by_predicate[OWL.oneOf]
        for member in graph.members(head)
    }


def _prp_spo2(graph: _Graph) -> set[Triple]:
    """prp-spo2: ``p owl:propertyChainAxiom (p1 … pn)``, ``u1 p1 u2 … un pn un+1`` give
    ``u1 p un+1``."""
    found = set()
    for prop, head in graph.by_predicate[OWL.propertyChainAxiom]:
        links = graph.members(head)
        if not links:
            continue
        paths = set(graph.by_predicate[links[0]])
        for link in links[1:]:
            paths = {(start, end) for start, middle in paths for end in graph.objects(middle, link)}
        found |= {(start, prop, end) for start, end in paths}
    return found


def _prp_key(graph: _Graph) -> set[Triple]:
    """prp-key: two instances of ``c owl:hasKey (p1 … pn)`` sharing a value of every pi
    are the same."""
    found = set()
    for cls, head in graph.by_predicate[OWL.hasKey]:
        keys = graph.members(head)
        if not keys:
            continue
        instances = graph.instances(cls)
        for x in instances:
            sharing = {y for z in graph.objects(x, keys[0]) for y in graph.subjects(keys[0], z)}
            for y in sharing & instances - {x}:
                if all(graph.objects(x, p) & graph.objects(y, p) for p in keys[1:]):
                    found.add((x, SAME, y))
    return found


def _cls_max_one(graph: _Graph) -> set[Triple]:
    """cls-maxc2, cls-maxqc3, cls-maxqc4: two values of ``p`` of an instance of a
    restriction allowing at most one (of class ``c``, for the qualified ones) are the
    same."""
    found = set()
    # A qualified restriction without owl:onClass is on a data range (owl:onDataRange):
    # no OWL 2 RL rule reads it.
    restrictions = [(r, n, OWL.Thing) for r, n in graph.by_predicate[OWL.maxCardinality]] + [
        (r, n, graph.value(r, OWL.onClass))
        for r, n in graph.by_predicate[OWL.maxQualifiedCardinality]
    ]
    for restriction, count, on_class in restrictions:
        if cardinality(count) != 1 or on_class is None:
            continue
        for prop in graph.objects(restriction, OWL.onProperty):
            for u in graph.instances(restriction):
                values = [
                    y
                    for y in graph.objects(u, prop)
                    if on_class == OWL.Thing or on_class in graph.objects(y, TYPE)
                ]
                found |= {(y1, SAME, y2) for y1 in values for y2 in values if y1 != y2}
    return found


def _scm_restrictions(graph: _Graph) -> set[Triple]:
    """scm-svf1, scm-svf2, scm-avf1, scm-avf2: a restriction on a narrower filler or
    property is a subclass of the same restriction on the wider one (the other way round
    for ``allValuesFrom`` over properties)."""
    ancestors: dict = {}

    def under(predicate: Node, narrow: Node, wide: Node) -> bool:
        if (narrow, predicate) not in ancestors:
            ancestors[(narrow, predicate)] = graph.above(narrow, predicate)
        return wide in ancestors[(narrow, predicate)]

    found = set()
    for kind in (OWL.someValuesFrom, OWL.allValuesFrom):
        restrictions = [
            (r, p, filler)
            for r, filler in graph.by_predicate[kind]
            for p in graph.objects(r, OWL.onProperty)
        ]
        for r1, p1, y1 in restrictions:
            for r2, p2, y2 in restrictions:
                if r1 == r2:
                    continue
                if p1 == p2 and under(RDFS.subClassOf, y1, y2):  # scm-svf1, scm-avf1
                    found.add((r1, RDFS.subClassOf, r2))
                if y1 == y2 and under(RDFS.subPropertyOf, p1, p2):
                    # scm-svf2: r1 below r2; scm-avf2: r2 below r1.
                    below, above = (r1, r2) if kind == OWL.someValuesFrom else (r2, r1)
                    found.add((below, RDFS.subClassOf, above))
    return found


def _svf_data(graph: _Graph) -> set[Triple]:
    """dt-type2 with cls-svf1: a value of ``p`` in the value space of the datatype ``d``
    makes its subject a ``[ owl:onProperty p ; owl:someValuesFrom d ]``."""
    found = set()
    for restriction, datatype in graph.by_predicate[OWL.someValuesFrom]:
        if datatype not in DATATYPE_MAP:
            continue
        for prop in graph.objects(restriction, OWL.onProperty):
            found |= {
                (s, TYPE, restriction)
                for s, value in graph.by_predicate[prop]
                if in_value_space(value, datatype)
            }
    return found


def _literal_equalities(graph: _Graph) -> set[Triple]:
    """Equalities between literals: prp-fp's (``reasonable`` substitutes them but gives no
    triple with a literal subject), then eq-sym, eq-trans and eq-rep-o over them (it is
    never given one)."""
    found = set()
    for prop in graph.instances(OWL.FunctionalProperty):
        by_subject: dict = defaultdict(set)
        for s, o in graph.by_predicate[prop]:
            if isinstance(o, Literal):
                by_subject[s].add(o)
        for values in by_subject.values():
            found |= {(a, SAME, b) for a in values for b in values if a != b}
    equal = [(a, b) for a, b in graph.by_predicate.get(SAME, ()) if isinstance(a, Literal)]
    for a, b in equal:
        found.add((b, SAME, a))
        found |= {(a, SAME, c) for c in graph.objects(b, SAME) if c != a}
        found |= {(s, prop, b) for s, prop in graph.linking_to(a) if prop != SAME}
    return found
