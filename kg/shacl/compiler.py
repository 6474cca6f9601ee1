"""Compile a SHACL shapes graph into SPARQL queries run by Oxigraph.

Every constraint of every shape that has focus nodes (its own targets, or those of the
node shapes that reference it with ``sh:property``) becomes one branch of a single
UNION query. A branch starts from the focus nodes of its target group, which the
validator writes into an auxiliary graph before running the query, and returns the
violating ``(focus, value)`` pairs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from kg.shacl import comparisons, sparql_constraints, terms
from kg.shacl.compiled import (
    AUX_GRAPH,
    FOCUS,
    GROUP,
    CompiledConstraint,
    CompiledShapes,
    RowCheck,
)
from kg.shacl.errors import UnsupportedShape
from kg.shacl.expressions import INSTANCE_OF, PATH_COMPONENTS, ShapeExpressions
from kg.shacl.paths import path_text

_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_TARGETS = {
    SH.targetClass: lambda c: f"?this {INSTANCE_OF} {terms.sparql(c)} .",
    SH.targetSubjectsOf: lambda p: f"?this {terms.sparql(p)} ?_o .",
    SH.targetObjectsOf: lambda p: f"?_s {terms.sparql(p)} ?this .",
    SH.targetNode: lambda n: f"VALUES ?this {{ {terms.sparql(n)} }}",
}
# Oxigraph's planning time grows faster than linearly with the size of a UNION: a few
# queries of a handful of branches each are much faster than one query of all of them
# (measured on the CKM shapes: 8 branches per query, 5 ms; all 205 in one query, 78 ms).
BRANCHES_PER_QUERY = 8
Along = Callable[[str, str], str]  # (subject, object) -> patterns along a path
_COMPONENT = "http://www.w3.org/ns/shacl#{}ConstraintComponent"


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile every constraint of ``shapes`` that applies to some focus node.

    Raises:
        UnsupportedShape: a shape uses a SHACL feature the compiler does not translate;
            it names the component and the shape.
    """
    return _Compiler(shapes).compile()


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes
        self._expressions = ShapeExpressions(shapes)
        self._targets: list[str] = []
        self._groups: list[frozenset[int]] = []
        self._prefixes: dict[str, str] = {}

    def compile(self) -> CompiledShapes:
        constraints: list[CompiledConstraint] = []
        for shape in sorted(self._shapes_with_focus()):
            constraints.extend(self._constraints(shape))
        target_branches = [f"{{ {t} BIND({i} AS ?t) }}" for i, t in enumerate(self._targets)]
        target_union = " UNION ".join(target_branches) or "{ FILTER(false) }"
        target_query = f"SELECT DISTINCT ?t ?this WHERE {{ {target_union} }}"
        queries = self._queries(constraints)
        return CompiledShapes(target_query, tuple(self._groups), queries, tuple(constraints))

    def _queries(self, constraints: list[CompiledConstraint]) -> tuple[tuple[int, str], ...]:
        """The constraint branches as UNION queries, a few branches of one group each."""
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(self._prefixes.items()))
        select = "SELECT ?_k ?this ?value ?_other ?path"
        queries = []
        for group in range(len(self._groups)):
            branches = [
                f"{{ {c.branch} BIND({k} AS ?_k) }}"
                for k, c in enumerate(constraints)
                if c.group == group
            ]
            for start in range(0, len(branches), BRANCHES_PER_QUERY):
                union = "\nUNION\n".join(branches[start : start + BRANCHES_PER_QUERY])
                queries.append((group, f"{prologue}{select} WHERE {{\n{union}\n}}"))
        return tuple(queries)

    # -- which shapes have focus nodes, and where they come from --------------------------

    def _shapes_with_focus(self) -> set[Node]:
        shapes = self._shapes
        active = lambda s: shapes.value(s, SH.deactivated) != Literal(True)  # noqa: E731
        found = {s for t in _TARGETS for s in shapes.subjects(t, None) if active(s)}
        found |= {o for s in found for o in shapes.objects(s, SH.property) if active(o)}
        return found

    @functools.cache  # noqa: B019 - one compiler per compilation
    def _target_set(self, shape: Node) -> frozenset[str]:
        own = {
            make(target)
            for predicate, make in _TARGETS.items()
            for target in self._shapes.objects(shape, predicate)
        }
        for parent in self._shapes.subjects(SH.property, shape):
            if self._shapes.value(parent, SH.deactivated) != Literal(True):
                own |= self._target_set(parent)
        return frozenset(own)

    def _group_of(self, shape: Node) -> int:
        """The index of the target group holding the shape's focus nodes."""
        indexes = []
        for pattern in sorted(self._target_set(shape)):
            if pattern not in self._targets:
                self._targets.append(pattern)
            indexes.append(self._targets.index(pattern))
        group = frozenset(indexes)
        if group not in self._groups:
            self._groups.append(group)
        return self._groups.index(group)

    # -- the constraints of one shape -------------------------------------------------------

    def _constraints(self, shape: Node) -> Iterable[CompiledConstraint]:
        shapes = self._shapes
        path = shapes.value(shape, SH.path)
        group = self._group_of(shape)
        focus = f"GRAPH <{AUX_GRAPH}> {{ <{GROUP}{group}> <{FOCUS}> ?this }}"
        report = _Reporter(shapes, shape, path, group)
        try:
            yield from self._each_constraint(shape, path, focus, report)
        except UnsupportedShape as unsupported:
            if unsupported.shape == shape:
                raise
            # Name the shape that has focus nodes, not the blank node nested in it.
            detail = f"in a nested shape: {unsupported}"
            raise UnsupportedShape(unsupported.component, shape, detail) from unsupported

    def _each_constraint(self, shape, path, focus, report) -> Iterable[CompiledConstraint]:
        shapes = self._shapes
        for component, argument in sorted(shapes.predicate_objects(shape)):
            if component == SH.sparql:
                yield self._sparql(shape, argument, focus, report)
            elif component == SH.property or not str(component).startswith(str(SH)):
                continue
            elif path is None:
                yield from self._node_constraint(shape, component, argument, focus, report)
            else:
                yield from self._property_constraint(
                    shape, self._expressions.along(shape, path), component, argument, focus, report
                )

    def _node_constraint(self, shape, component, argument, focus, report):
        if component == SH.hasValue:
            branch = f"{focus} FILTER(!sameTerm(?this, {terms.sparql(argument)}))"
            yield report("HasValue", branch)
        elif self._expressions.supports_value_component(component):
            check = self._expressions.value_constraint(shape, component, argument, "?this")
            yield report(_name(component), f"{focus} FILTER(!({check})) BIND(?this AS ?value)")
        elif component in PATH_COMPONENTS:
            raise UnsupportedShape(str(component), shape, "needs sh:path")
        else:
            _check_known(shape, component)

    def _property_constraint(self, shape, along, component, argument, focus, report):
        values = f"{focus} {along('?this', '?value')}"
        if component in (SH.minCount, SH.maxCount):
            yield report(_name(component), _count_branch(focus, along, component, argument))
        elif component == SH.hasValue:
            # MINUS evaluates its pattern once; NOT EXISTS would plan it from the constant.
            branch = f"{focus} MINUS {{ {along('?this', terms.sparql(argument))} }}"
            yield report("HasValue", branch)
        elif component == SH.qualifiedValueShape:
            yield from self._qualified(shape, along, argument, focus, report)
        elif component == SH.equals:
            other = terms.sparql(argument)
            branch = (
                f"{focus} {{ {values} FILTER NOT EXISTS {{ ?this {other} ?value }} }} UNION "
                f"{{ ?this {other} ?value FILTER NOT EXISTS {{ {along('?this', '?value')} }} }}"
            )
            yield report("Equals", branch)
        elif component == SH.lessThanOrEquals:
            branch = f"{values} ?this {terms.sparql(argument)} ?_other ."
            check: RowCheck = lambda v, o: comparisons.violates_less_than_or_equals(v, o)  # noqa: E731
            yield report("LessThanOrEquals", branch, check)
        elif (name := str(component).removeprefix(str(SH))) in comparisons.RANGE_COMPONENTS:
            yield report(_name(component), values, _range_check(name, argument))
        elif component == SH["class"]:
            # MINUS finds all instances once; a FILTER NOT EXISTS would look per value.
            yield report(
                "Class", f"{values} MINUS {{ ?value {INSTANCE_OF} {terms.sparql(argument)} }}"
            )
        elif self._expressions.supports_value_component(component):
            check_text = self._expressions.value_constraint(shape, component, argument, "?value")
            yield report(_name(component), f"{values} FILTER(!({check_text}))")
        else:
            _check_known(shape, component)

    def _qualified(self, shape, along, qualified, focus, report):
        shapes = self._shapes
        if shapes.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise UnsupportedShape("sh:qualifiedValueShapesDisjoint", shape)
        conforms = self._expressions.conforms(qualified, "?_q")
        counted = (
            f"{{ SELECT ?this (COUNT(DISTINCT ?_q) AS ?_n) WHERE {{ {focus} "
            f"OPTIONAL {{ {along('?this', '?_q')} FILTER({conforms}) }} }} GROUP BY ?this }}"
        )
        for bound, name, test in (
            (SH.qualifiedMinCount, "QualifiedMinCount", "<"),
            (SH.qualifiedMaxCount, "QualifiedMaxCount", ">"),
        ):
            for limit in shapes.objects(shape, bound):
                yield report(name, f"{counted} FILTER(?_n {test} {int(limit)})")

    def _sparql(self, shape, constraint, focus, report) -> CompiledConstraint:
        shapes = self._shapes
        declared = sparql_constraints.prefixes(shapes, constraint, shape)
        for prefix, namespace in declared.items():
            if self._prefixes.setdefault(prefix, namespace) != namespace:
                raise UnsupportedShape("sh:prefixes", shape, f"prefix {prefix}: redefined")
        select = sparql_constraints.select(shapes, constraint, shape)
        return report(
            "SPARQL",
            f"{focus} {{ {select} }}",
            messages=sparql_constraints.messages(shapes, constraint, shape),
        )


class _Reporter:
    """Makes the constraints of one shape, with the shape's severity, messages, path."""

    def __init__(self, shapes: Graph, shape: Node, path: Node | None, group: int) -> None:
        self._shape = shape
        self._group = group
        severity = shapes.value(shape, SH.severity) or SH.Violation
        self._severity = _SEVERITY_NAMES.get(severity, str(severity))
        self._messages = tuple(str(m) for m in shapes.objects(shape, SH.message))
        self._path = None if path is None else path_text(shapes, path)

    def __call__(
        self,
        component: str,
        branch: str,
        check: RowCheck | None = None,
        messages: tuple[str, ...] | None = None,
    ) -> CompiledConstraint:
        if not (messages or self._messages):
            raise UnsupportedShape(component, self._shape, "a shape without sh:message")
        return CompiledConstraint(
            shape=str(self._shape),
            group=self._group,
            component=_COMPONENT.format(component),
            severity=self._severity,
            messages=messages or self._messages,
            path=self._path,
            branch=branch,
            check=check,
            templated=messages is not None,
        )


def _name(component: Node) -> str:
    local = str(component).removeprefix(str(SH))
    return local[0].upper() + local[1:]


def _count_branch(focus: str, along: Along, component: Node, bound: Node) -> str:
    optional, test = ("OPTIONAL", "<") if component == SH.minCount else ("", ">")
    return (
        f"{{ SELECT ?this (COUNT(DISTINCT ?_c) AS ?_n) WHERE {{ {focus} "
        f"{optional} {{ {along('?this', '?_c')} }} }} GROUP BY ?this }} "
        f"FILTER(?_n {test} {int(bound)})"
    )


def _range_check(component: str, bound: Node) -> RowCheck:
    if not isinstance(bound, Literal):
        raise UnsupportedShape(component, bound, "the bound must be a literal")
    return lambda value, _other: comparisons.violates_range(component, bound, value)


_KNOWN_NON_CONSTRAINTS = {SH[n] for n in ("message", "severity", "name", "description", "order")}


def _check_known(shape: Node, component: Node) -> None:
    """Accept keywords that constrain nothing; refuse unknown constraint components.

    Raises:
        UnsupportedShape: ``component`` is a SHACL constraint the compiler cannot compile.
    """
    ignored = _KNOWN_NON_CONSTRAINTS | set(_TARGETS) | {SH.path, SH.deactivated, SH.group}
    ignored |= {SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.defaultValue}
    ignored |= {SH.qualifiedValueShapesDisjoint}
    if component not in ignored:
        raise UnsupportedShape(str(component), shape)
