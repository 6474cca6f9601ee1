"""SHACL shapes as SPARQL boolean expressions: "does this node conform to that shape"
(SHACL §3.3 conformance, §4 the core constraint components).

A shape nested in ``sh:or``, ``sh:and``, ``sh:xone``, ``sh:not``, ``sh:node`` or
``sh:qualifiedValueShape`` produces no result of its own; only whether a node conforms
matters. :class:`ShapeExpressions` writes that as a ``FILTER`` expression over a
variable, recursively (``EXISTS`` / ``NOT EXISTS`` for what the node's values must be).
The same per-value checks decide each value node of a top-level constraint.

Comparisons (§4.3 value range, §4.5.3-4) are SPARQL's own operators on the values'
twins (see :mod:`kg.validation.compiled.terms`): SHACL defines them by SPARQL's ``<``,
``<=``, ``>``, ``>=``, and a comparison that errs (an IRI, an ill-typed literal, a date
against a date-time) is a violation.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.validation.compiled import terms
from kg.validation.compiled.datatypes import WELL_TYPED
from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.compiled.paths import exists_pattern, path_pattern
from kg.validation.compiled.shape_view import NOT_CONSTRAINTS, ShapesView, is_true_literal
from kg.validation.property_paths import Path

INSTANCE_OF = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
# How many distinct values a count inside an expression may ask for: n values are
# n variables pairwise different, n² tests; beyond this the shape is left to the
# reference engine.
MAX_COUNT_IN_EXPRESSION = 4
RANGE_OPERATORS = {
    SH.minExclusive: ">",
    SH.minInclusive: ">=",
    SH.maxExclusive: "<",
    SH.maxInclusive: "<=",
}
PAIR_OPERATORS = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
_NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "!isLiteral({x})",
    SH.BlankNodeOrLiteral: "!isIRI({x})",
    SH.IRIOrLiteral: "!isBlank({x})",
}
# Components that constrain the set of values along a path, not each value.
SET_COMPONENTS = frozenset(
    {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang}
    | {SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals}
)


def compared(value: str, operator: str, bound: str, fresh: Callable[[], str]) -> str:
    """True when SPARQL's ``value operator bound`` holds on the values (twins) of two
    nodes; false also when it errs, or when either node is not a literal."""
    left, right, g1, g2 = fresh(), fresh(), fresh(), fresh()
    inner = terms.with_twin(bound, right, g2, f"{left} {operator} {right}")
    return f"EXISTS {{ {terms.with_twin(value, left, g1, f'EXISTS {{ {inner} }}')} }}"


def compared_with(value: str, operator: str, bound: Literal, fresh: Callable[[], str]) -> str:
    """True when SPARQL's ``value operator bound`` holds for a constant ``bound``."""
    twin, graph = fresh(), fresh()
    condition = f"{twin} {operator} {terms.sparql_value(bound)}"
    return f"EXISTS {{ {terms.with_twin(value, twin, graph, condition)} }}"


def constant(term: Node, shape: Node, component: str) -> str:
    """``term`` as a SPARQL constant.

    Raises:
        UnsupportedShape: a blank node (SPARQL cannot name it).
    """
    if isinstance(term, BNode):
        raise UnsupportedShape(component, shape, "a blank node as a constant")
    return terms.sparql(term)


def integer(term: Node, shape: Node, component: str) -> int:
    """The non-negative integer a count or length parameter must be.

    Raises:
        UnsupportedShape: anything else (the shapes check refuses it at start).
    """
    value = term.value if isinstance(term, Literal) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise UnsupportedShape(component, shape, f"{term} is not a non-negative integer")
    return value


class ShapeExpressions:
    """Writes conformance to shapes of one shapes graph as SPARQL expressions."""

    def __init__(self, view: ShapesView) -> None:
        self.view = view
        self._fresh = itertools.count()
        self._stack: list[Node] = []
        self._value_checks: dict[Node, Callable[[Node, Node, Node, str], str]] = {
            SH["class"]: self._class,
            SH.datatype: self._datatype,
            SH.nodeKind: self._node_kind,
            SH.minLength: self._length,
            SH.maxLength: self._length,
            SH.pattern: self._pattern,
            SH.languageIn: self._language_in,
            SH["in"]: self._in,
            SH.hasValue: self._has_value,
            SH["not"]: self._not,
            SH["and"]: self._and,
            SH["or"]: self._or,
            SH.xone: self._xone,
            SH.node: self._node,
            SH.property: self._property,
            SH.closed: self._closed,
            **dict.fromkeys(RANGE_OPERATORS, self._range),
        }

    def variable(self) -> str:
        """A variable name not used anywhere else in the compiled queries."""
        return f"?_v{next(self._fresh)}"

    def is_value_check(self, component: Node, path: Path | None) -> bool:
        """``component`` decides each value node on its own (for a property shape
        ``sh:hasValue`` is about the set of values, for a node shape about the node)."""
        if component == SH.hasValue:
            return path is None
        return component in self._value_checks

    def value_check(self, shape: Node, component: Node, argument: Node, x: str) -> str:
        """The expression true when value node ``x`` satisfies one per-value component.

        Raises:
            UnsupportedShape: not a per-value component, or an argument it cannot use.
        """
        check = self._value_checks.get(component)
        if check is None:
            raise UnsupportedShape(str(component), shape, "not a per-value component")
        return check(shape, component, argument, x)

    def conforms(self, shape: Node, x: str) -> str:
        """The expression true when node ``x`` conforms to ``shape`` (targets ignored).

        Raises:
            UnsupportedShape: the shape, or a shape nested in it, uses a component the
                compiler does not translate inside an expression, or refers to itself.
        """
        if self.view.deactivated(shape):
            return "true"
        if shape in self._stack:
            raise UnsupportedShape("sh:node", shape, "a shape that refers to itself")
        self._stack.append(shape)
        try:
            path = self.view.path(shape)
            custom = self.view.custom_parameters()
            parts = []
            for component, argument in self.view.constraints(shape):
                if component in custom:
                    raise UnsupportedShape(str(component), shape, "a SPARQL-based component nested")
                if str(component).startswith(str(SH)) and component not in NOT_CONSTRAINTS:
                    parts.append(self._part(shape, path, component, argument, x))
        finally:
            self._stack.pop()
        return _all(parts)

    def _part(self, shape: Node, path: Path | None, component: Node, arg: Node, x: str) -> str:
        if path is None:
            if component in SET_COMPONENTS | {SH.sparql}:
                return self._node_set_part(shape, component, arg, x)
            return self.value_check(shape, component, arg, x)
        if self.is_value_check(component, path):
            value = self.variable()
            failed = f"!({self.value_check(shape, component, arg, value)})"
            return f"NOT EXISTS {{ {exists_pattern(path, x, value, self.variable, failed)} }}"
        return self.set_check(shape, path, component, arg, x)

    def _node_set_part(self, shape: Node, component: Node, arg: Node, x: str) -> str:
        if component == SH.equals:
            other = constant(arg, shape, "sh:equals")
            o = self.variable()
            others = f"NOT EXISTS {{ {x} {other} {o} FILTER(!sameTerm({o}, {x})) }}"
            return f"(EXISTS {{ {x} {other} {x} }} && {others})"
        if component == SH.disjoint:
            return f"NOT EXISTS {{ {x} {constant(arg, shape, 'sh:disjoint')} {x} }}"
        raise UnsupportedShape(str(component), shape, "on a node shape")

    # -- the set of values of a property shape ---------------------------------------------

    def set_check(self, shape: Node, path: Path, component: Node, arg: Node, x: str) -> str:
        """True when the values of ``x`` along ``path`` satisfy a set-level component.

        Raises:
            UnsupportedShape: a component not translated inside an expression.
        """
        view = self.view
        if component in (SH.minCount, SH.maxCount):
            return self._count(shape, path, component, integer(arg, shape, str(component)), x)
        if component == SH.hasValue:
            wanted = constant(arg, shape, "sh:hasValue")
            return f"EXISTS {{ {exists_pattern(path, x, wanted, self.variable)} }}"
        if component == SH.equals:
            other, v, o = constant(arg, shape, "sh:equals"), self.variable(), self.variable()
            return (
                f"(NOT EXISTS {{ {path_pattern(path, x, v, self.variable)} "
                f"FILTER NOT EXISTS {{ {x} {other} {v} }} }} && "
                f"NOT EXISTS {{ {x} {other} {o} FILTER NOT EXISTS {{ "
                f"{path_pattern(path, x, o, self.variable)} }} }})"
            )
        if component == SH.disjoint:
            other, v = constant(arg, shape, "sh:disjoint"), self.variable()
            return f"NOT EXISTS {{ {path_pattern(path, x, v, self.variable)} {x} {other} {v} }}"
        if component in PAIR_OPERATORS:
            other, v, o = constant(arg, shape, str(component)), self.variable(), self.variable()
            holds = compared(v, PAIR_OPERATORS[component], o, self.variable)
            pairs = f"{path_pattern(path, x, v, self.variable)} {x} {other} {o}"
            return f"NOT EXISTS {{ {pairs} FILTER(!({holds})) }}"
        if component == SH.uniqueLang:
            if not view.is_true(shape, SH.uniqueLang):
                return "true"
            a, b = self.variable(), self.variable()
            return (
                f"NOT EXISTS {{ {{ {path_pattern(path, x, a, self.variable)} }} "
                f"{{ {path_pattern(path, x, b, self.variable)} }} "
                f"FILTER(!sameTerm({a}, {b}) && {same_language(a, b)}) }}"
            )
        if component == SH.qualifiedValueShape:
            return self._qualified_part(shape, path, arg, x)
        raise UnsupportedShape(str(component), shape, "inside sh:or/sh:and/sh:not/sh:node")

    def _qualified_part(self, shape: Node, path: Path, qualified: Node, x: str) -> str:
        parts = []
        counted = self.qualified_condition(shape, qualified)
        for bound, at_least in ((SH.qualifiedMinCount, True), (SH.qualifiedMaxCount, False)):
            for limit in self.view.graph.objects(shape, bound):
                n = integer(limit, shape, str(bound)) + (0 if at_least else 1)
                test = self._at_least(shape, path, n, x, counted)
                parts.append(test if at_least else f"!({test})")
        return _all(parts)

    def qualified_condition(self, shape: Node, qualified: Node) -> Callable[[str], str]:
        """Whether a value counts for ``sh:qualifiedValueShape`` (§4.7.3): it conforms
        to the qualified shape and, with ``sh:qualifiedValueShapesDisjoint``, to none
        of the sibling shapes'."""
        siblings = self.siblings(shape, qualified)

        def condition(v: str) -> str:
            own = self.conforms(qualified, v)
            return _all([own, *(f"!({self.conforms(s, v)})" for s in siblings)])

        return condition

    def siblings(self, shape: Node, qualified: Node) -> list[Node]:
        """The qualified value shapes of the shape's siblings, when it asks for
        disjointness: the property shapes sharing a parent shape with it."""
        graph = self.view.graph
        if not self.view.is_true(shape, SH.qualifiedValueShapesDisjoint):
            return []
        found: set[Node] = set()
        for parent in graph.subjects(SH.property, shape):
            for sibling in graph.objects(parent, SH.property):
                if sibling != shape:
                    found.update(graph.objects(sibling, SH.qualifiedValueShape))
        found.discard(qualified)
        return sorted(found, key=str)

    def _count(self, shape: Node, path: Path, component: Node, bound: int, x: str) -> str:
        # At least n distinct values: n values pairwise different. At most n: not n + 1.
        needed = bound if component == SH.minCount else bound + 1
        test = self._at_least(shape, path, needed, x, None)
        return test if component == SH.minCount else f"!({test})"

    def _at_least(
        self, shape: Node, path: Path, n: int, x: str, condition: Callable[[str], str] | None
    ) -> str:
        if n == 0:
            return "true"
        if n > MAX_COUNT_IN_EXPRESSION:
            raise UnsupportedShape("sh:minCount", shape, f"a count of {n} inside an expression")
        values = [self.variable() for _ in range(n)]
        patterns = " ".join(f"{{ {path_pattern(path, x, v, self.variable)} }}" for v in values)
        tests = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(values, 2)]
        if condition is not None:
            tests += [f"({condition(v)})" for v in values]
        where = f" FILTER({' && '.join(tests)})" if tests else ""
        return f"EXISTS {{ {patterns}{where} }}"

    # -- per-value components -----------------------------------------------------------------

    def _class(self, shape: Node, component: Node, cls: Node, x: str) -> str:
        return f"EXISTS {{ {x} {INSTANCE_OF} {constant(cls, shape, 'sh:class')} }}"

    def _datatype(self, shape: Node, component: Node, datatype: Node, x: str) -> str:
        # Decided in Python per literal (see kg.validation.compiled.datatypes).
        graph = self.variable()
        dt = constant(datatype, shape, "sh:datatype")
        return f"EXISTS {{ GRAPH {graph} {{ <{WELL_TYPED}> {dt} {x} }} }}"

    def _node_kind(self, shape: Node, component: Node, kind: Node, x: str) -> str:
        template = _NODE_KINDS.get(kind)
        if template is None:
            raise UnsupportedShape("sh:nodeKind", shape, f"unknown node kind {kind}")
        return template.format(x=x)

    def _length(self, shape: Node, component: Node, length: Node, x: str) -> str:
        operator = ">=" if component == SH.minLength else "<="
        n = integer(length, shape, str(component))
        return f"(!isBlank({x}) && STRLEN(STR({x})) {operator} {n})"

    def _pattern(self, shape: Node, component: Node, pattern: Node, x: str) -> str:
        flags = self.view.graph.value(shape, SH.flags)
        extra = f", {terms.sparql(Literal(str(flags)))}" if flags is not None else ""
        regex = f"REGEX(STR({x}), {terms.sparql(Literal(str(pattern)))}{extra})"
        return f"(!isBlank({x}) && {regex})"

    def _language_in(self, shape: Node, component: Node, languages: Node, x: str) -> str:
        tags = [terms.sparql(Literal(str(tag))) for tag in self.view.items(languages)]
        matches = _any([f"langMatches(LANG({x}), {tag})" for tag in tags])
        return f"(isLiteral({x}) && ({matches}))"

    def _in(self, shape: Node, component: Node, members: Node, x: str) -> str:
        items = self.view.items(members)
        return _any([f"sameTerm({x}, {constant(item, shape, 'sh:in')})" for item in items])

    def _has_value(self, shape: Node, component: Node, value: Node, x: str) -> str:
        return f"sameTerm({x}, {constant(value, shape, 'sh:hasValue')})"

    def _range(self, shape: Node, component: Node, bound: Node, x: str) -> str:
        if not isinstance(bound, Literal):
            raise UnsupportedShape(str(component), shape, "the bound must be a literal")
        return compared_with(x, RANGE_OPERATORS[component], bound, self.variable)

    def _not(self, shape: Node, component: Node, negated: Node, x: str) -> str:
        return f"!({self.conforms(negated, x)})"

    def _and(self, shape: Node, component: Node, members: Node, x: str) -> str:
        return _all([self.conforms(m, x) for m in self.view.items(members)])

    def _or(self, shape: Node, component: Node, members: Node, x: str) -> str:
        return _any([self.conforms(m, x) for m in self.view.items(members)])

    def _xone(self, shape: Node, component: Node, members: Node, x: str) -> str:
        counted = " + ".join(f"IF({self.conforms(m, x)}, 1, 0)" for m in self.view.items(members))
        return f"(({counted or '0'}) = 1)"

    def _node(self, shape: Node, component: Node, other: Node, x: str) -> str:
        return self.conforms(other, x)

    def _property(self, shape: Node, component: Node, nested: Node, x: str) -> str:
        return self.conforms(nested, x)

    def _closed(self, shape: Node, component: Node, closed: Node, x: str) -> str:
        if not is_true_literal(closed):
            return "true"
        p, o = self.variable(), self.variable()
        return f"NOT EXISTS {{ {x} {p} {o} {self.outside_closed(shape, p)} }}"

    def outside_closed(self, shape: Node, predicate: str) -> str:
        """The FILTER keeping the predicates ``shape`` (closed) does not allow (§4.8.1:
        the IRI paths of its property shapes and ``sh:ignoredProperties``)."""
        graph = self.view.graph
        allowed: set[Node] = set()
        for nested in graph.objects(shape, SH.property):
            allowed.update(p for p in graph.objects(nested, SH.path) if isinstance(p, URIRef))
        for ignored in graph.objects(shape, SH.ignoredProperties):
            allowed.update(self.view.items(ignored))
        names = ", ".join(constant(p, shape, "sh:ignoredProperties") for p in sorted(allowed))
        return f"FILTER({predicate} NOT IN ({names}))" if names else ""


def same_language(a: str, b: str) -> str:
    """Both are literals with the same non-empty language tag (tags compare without
    case, RDF 1.1 §3.3)."""
    return f'isLiteral({a}) && LANG({a}) != "" && LCASE(LANG({a})) = LCASE(LANG({b}))'


def _all(parts: list[str]) -> str:
    return " && ".join(f"({p})" for p in parts) if parts else "true"


def _any(parts: list[str]) -> str:
    return " || ".join(f"({p})" for p in parts) if parts else "false"
