"""The SHACL Core constraint components of one shape as query branches that return its
violations (SHACL §4: §4.1 value type, §4.2 cardinality, §4.3 value range, §4.4 string
based, §4.5 property pair, §4.6 logical, §4.7 shape based, §4.8 other).

A branch starts from the shape's focus nodes (``?this``) and returns one row per
result: ``?value`` when the result has a value, ``?path`` when the result names a
predicate of its own (``sh:closed``). Per-value components test each value node with
the expressions of :mod:`kg.validation.compiled.expressions`; the components about the
set of values (counts, pairs, ``sh:uniqueLang``, qualified counts) have branches of
their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.validation.compiled.compiled import Reporting
from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.compiled.expressions import (
    INSTANCE_OF,
    PAIR_OPERATORS,
    RANGE_OPERATORS,
    SET_COMPONENTS,
    ShapeExpressions,
    compared,
    compared_with,
    constant,
    integer,
    same_language,
)
from kg.validation.compiled.messages import default_message
from kg.validation.compiled.paths import path_pattern
from kg.validation.compiled.shape_view import NOT_CONSTRAINTS, is_true_literal
from kg.validation.property_paths import Path

Branch = tuple[Reporting, str]
# The focus node's trail: the variables binding the nodes a nested shape's focus node
# was reached through (root focus node, intermediate value nodes). Results reached
# along two trails are two results (W3C test core/property/property-001).
TRAIL = ("?_t0", "?_t1", "?_t2")


@dataclass(frozen=True)
class Focus:
    """The pattern binding ``?this`` to a shape's focus nodes, and the trail variables
    it binds (none for a root)."""

    pattern: str
    trail: str = ""


_COMPONENT = "http://www.w3.org/ns/shacl#{}ConstraintComponent"
# Read by sh:sparql and SPARQL-based components (kg.validation.compiled.sparql) and by
# the focus of nested shapes (kg.validation.compiled.compiler), not here.
_ELSEWHERE = frozenset({SH.property, SH.sparql})


def component_iri(name: str) -> URIRef:
    return URIRef(_COMPONENT.format(name))


def local_name(component: Node) -> str:
    local = str(component).removeprefix(str(SH))
    return local[0].upper() + local[1:]


class CoreComponents:
    """Writes the branches of the core components of shapes of one shapes graph."""

    def __init__(self, expressions: ShapeExpressions) -> None:
        self._x = expressions
        self._view = expressions.view

    def branches(self, shape: Node, focus: Focus) -> Iterator[Branch]:
        """The branches of every core constraint of ``shape``; ``focus`` is the pattern
        binding ``?this`` to its focus nodes.

        Raises:
            UnsupportedShape: a component the compiler does not translate (the shape is
                then left to the reference engine).
        """
        view = self._view
        path = view.path(shape)
        custom = view.custom_parameters()
        for component, argument in view.constraints(shape):
            if component in _ELSEWHERE or component in NOT_CONSTRAINTS or component in custom:
                continue
            if not str(component).startswith(str(SH)):
                continue
            if path is None:
                yield from self._node(shape, component, argument, focus)
            else:
                yield from self._property(shape, path, component, argument, focus)

    def reporting(self, shape: Node, name: str, params: dict, path: Path | None) -> Reporting:
        view = self._view
        return Reporting(
            shape=shape,
            component=component_iri(name),
            severity=view.severity(shape),
            path=path,
            messages=view.messages(shape),
            default_message=default_message(name, params, path),
        )

    def _params(self, shape: Node, component: Node, argument: Node) -> dict:
        local = str(component).removeprefix(str(SH))
        lists = {"in", "languageIn", "and", "or", "xone", "ignoredProperties"}
        value = self._view.items(argument) if local in lists else argument
        return {local: value}

    def _report(self, shape: Node, component: Node, argument: Node, path: Path | None):
        return self.reporting(
            shape, local_name(component), self._params(shape, component, argument), path
        )

    # -- node shapes: the focus node is the one value node ----------------------------------

    def _node(self, shape: Node, component: Node, argument: Node, at: Focus) -> Iterator[Branch]:
        focus = at.pattern
        x = self._x
        report = self._report(shape, component, argument, None)
        if component == SH.closed:
            yield from self._closed(shape, argument, focus, "?this", report)
        elif component == SH.hasValue:
            # §4.8.2: the result names the focus node only, no value.
            check = x.value_check(shape, component, argument, "?this")
            yield report, f"{focus} FILTER(!({check}))"
        elif component == SH.equals:
            other = constant(argument, shape, "sh:equals")
            yield report, f"{focus} ?this {other} ?value FILTER(!sameTerm(?value, ?this))"
            yield (
                report,
                f"{focus} FILTER NOT EXISTS {{ ?this {other} ?this }} BIND(?this AS ?value)",
            )
        elif component == SH.disjoint:
            other = constant(argument, shape, "sh:disjoint")
            yield report, f"{focus} ?this {other} ?this BIND(?this AS ?value)"
        elif component in SET_COMPONENTS:
            raise UnsupportedShape(str(component), shape, "needs sh:path")
        elif component == SH["class"]:
            cls = constant(argument, shape, "sh:class")
            yield report, f"{focus} MINUS {{ ?this {INSTANCE_OF} {cls} }} BIND(?this AS ?value)"
        elif x.is_value_check(component, None):
            check = x.value_check(shape, component, argument, "?this")
            yield report, f"{focus} FILTER(!({check})) BIND(?this AS ?value)"
        else:
            raise UnsupportedShape(str(component), shape)

    # -- property shapes: the value nodes along the path -----------------------------------

    def _property(
        self, shape: Node, path: Path, component: Node, argument: Node, at: Focus
    ) -> Iterator[Branch]:
        focus = at.pattern
        x = self._x
        along: Callable[[str, str], str] = lambda s, o: path_pattern(path, s, o, x.variable)  # noqa: E731
        values = f"{focus} {along('?this', '?value')}"
        report = self._report(shape, component, argument, path)
        if component in (SH.minCount, SH.maxCount):
            bound = integer(argument, shape, str(component))
            yield report, _count_branch(at, along, component, bound)
        elif component == SH.hasValue:
            # MINUS evaluates its pattern once; NOT EXISTS would plan it from the constant.
            target = constant(argument, shape, "sh:hasValue")
            yield report, f"{focus} MINUS {{ {along('?this', target)} }}"
        elif component == SH.qualifiedValueShape:
            yield from self._qualified(shape, path, argument, at)
        elif component == SH.equals:
            other = constant(argument, shape, "sh:equals")
            yield report, f"{values} FILTER NOT EXISTS {{ ?this {other} ?value }}"
            yield (
                report,
                (
                    f"{focus} ?this {other} ?value "
                    f"FILTER NOT EXISTS {{ {along('?this', '?value')} }}"
                ),
            )
        elif component == SH.disjoint:
            yield report, f"{values} ?this {constant(argument, shape, 'sh:disjoint')} ?value ."
        elif component in PAIR_OPERATORS:
            other = constant(argument, shape, str(component))
            holds = compared("?value", PAIR_OPERATORS[component], "?_other", x.variable)
            yield report, f"{values} ?this {other} ?_other FILTER(!({holds}))"
        elif component == SH.uniqueLang:
            if self._view.is_true(shape, SH.uniqueLang):
                yield report, _unique_lang_branch(at, along)
        elif component in RANGE_OPERATORS:
            if not isinstance(argument, Literal):
                raise UnsupportedShape(str(component), shape, "the bound must be a literal")
            holds = compared_with("?value", RANGE_OPERATORS[component], argument, x.variable)
            yield report, f"{values} FILTER(!({holds}))"
        elif component == SH["class"]:
            # MINUS finds all instances once; a FILTER NOT EXISTS would look per value.
            cls = constant(argument, shape, "sh:class")
            yield report, f"{values} MINUS {{ ?value {INSTANCE_OF} {cls} }}"
        elif component == SH.closed:
            node = x.variable()
            yield from self._closed(
                shape, argument, f"{focus} {along('?this', node)}", node, report
            )
        elif x.is_value_check(component, path):
            check = x.value_check(shape, component, argument, "?value")
            yield report, f"{values} FILTER(!({check}))"
        else:
            raise UnsupportedShape(str(component), shape)

    def _closed(self, shape: Node, closed: Node, where: str, node: str, report: Reporting):
        """§4.8.1: each triple of a value node whose predicate the shape does not allow;
        the result names that predicate as its path and the object as its value."""
        if not is_true_literal(closed):
            return
        outside = self._x.outside_closed(shape, "?path")
        yield report, f"{where} {node} ?path ?value {outside}"

    def _qualified(self, shape: Node, path: Path, qualified: Node, at: Focus) -> Iterator[Branch]:
        """§4.7.3: how many values conform to the qualified shape (and, with
        ``sh:qualifiedValueShapesDisjoint``, to none of the siblings' shapes)."""
        x = self._x
        condition = x.qualified_condition(shape, qualified)("?_q")
        counted = (
            f"{{ SELECT ?this {at.trail} (COUNT(DISTINCT ?_q) AS ?_n) WHERE {{ {at.pattern} "
            f"OPTIONAL {{ {path_pattern(path, '?this', '?_q', x.variable)} "
            f"FILTER({condition}) }} }} "
            f"GROUP BY ?this {at.trail} }}"
        )
        for bound, name, test in (
            (SH.qualifiedMinCount, "QualifiedMinCount", "<"),
            (SH.qualifiedMaxCount, "QualifiedMaxCount", ">"),
        ):
            for limit in self._view.graph.objects(shape, bound):
                n = integer(limit, shape, str(bound))
                params = {
                    "qualifiedValueShape": qualified,
                    name[0].lower() + name[1:]: limit,
                }
                report = self.reporting(shape, name, params, path)
                yield report, f"{counted} FILTER(?_n {test} {n})"


def _count_branch(at: Focus, along: Callable[[str, str], str], component: Node, bound: int) -> str:
    optional, test = ("OPTIONAL", "<") if component == SH.minCount else ("", ">")
    return (
        f"{{ SELECT ?this {at.trail} (COUNT(DISTINCT ?_c) AS ?_n) WHERE {{ {at.pattern} "
        f"{optional} {{ {along('?this', '?_c')} }} }} GROUP BY ?this {at.trail} }} "
        f"FILTER(?_n {test} {bound})"
    )


def _unique_lang_branch(at: Focus, along: Callable[[str, str], str]) -> str:
    """§4.4.6: one result per language tag that two value nodes share (no value; the
    tag, as ``?_other``, tells two results about one focus node apart)."""
    return (
        f"{{ SELECT ?this {at.trail} ?_other WHERE {{ {at.pattern} {{ {along('?this', '?_a')} }} "
        f"{{ {along('?this', '?_b')} }} "
        f"FILTER(!sameTerm(?_a, ?_b) && {same_language('?_a', '?_b')}) }} "
        f"GROUP BY ?this {at.trail} (LCASE(LANG(?_a)) AS ?_other) }}"
    )
