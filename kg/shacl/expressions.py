"""SHACL shapes as SPARQL boolean expressions: "does this node conform to that shape".

A shape nested in ``sh:or``, ``sh:and``, ``sh:not``, ``sh:node`` or
``sh:qualifiedValueShape`` produces no result of its own; only whether a node conforms
matters. :class:`ShapeExpressions` writes that as a ``FILTER`` expression over a
variable, recursively (``EXISTS`` / ``NOT EXISTS`` for what the node's values must be).
The same expressions test each value node of a top-level value constraint.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from rdflib import Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.shacl import terms
from kg.shacl.datatypes import WELL_TYPED
from kg.shacl.errors import UnsupportedShape
from kg.shacl.paths import exists_pattern, path_pattern

INSTANCE_OF = f"<{RDF.type}>/<{RDFS.subClassOf}>*"

# sh: keywords that carry no constraint (or are read together with the one that does).
_NOT_CONSTRAINTS = frozenset(
    SH[name]
    for name in [
        *("message", "severity", "name", "description", "order", "group", "defaultValue"),
        *("path", "deactivated", "targetClass", "targetNode", "targetSubjectsOf"),
        *("targetObjectsOf", "flags", "prefixes", "declare", "qualifiedMinCount"),
        *("qualifiedMaxCount", "qualifiedValueShapesDisjoint"),
    ]
)
# Components that constrain the set of values along a path, not each value.
PATH_COMPONENTS = frozenset(
    {SH.minCount, SH.maxCount, SH.hasValue, SH.qualifiedValueShape, SH.equals}
    | {SH.lessThanOrEquals, SH.minInclusive, SH.maxInclusive, SH.sparql, SH.property}
)


class ShapeExpressions:
    """Writes conformance to shapes of one shapes graph as SPARQL expressions."""

    def __init__(self, shapes: Graph) -> None:
        self._shapes = shapes
        self._fresh = itertools.count()
        # One handler per value-level component: (shape, object, variable) -> expression.
        self._value_handlers: dict[Node, Callable[[Node, Node, str], str]] = {
            SH["class"]: self._class,
            SH.datatype: self._datatype,
            SH["in"]: self._in,
            SH.hasValue: self._has_value,
            SH["not"]: self._not,
            SH["and"]: self._and,
            SH["or"]: self._or,
            SH.node: self._node,
            SH.pattern: self._pattern,
        }

    def variable(self) -> str:
        """A variable name not used anywhere else in the compiled queries."""
        return f"?_v{next(self._fresh)}"

    def supports_value_component(self, component: Node) -> bool:
        return component in self._value_handlers

    def value_constraint(self, shape: Node, component: Node, argument: Node, x: str) -> str:
        """The expression true when node ``x`` satisfies one value-level component.

        Raises:
            UnsupportedShape: ``component`` is not a value-level component.
        """
        handler = self._value_handlers.get(component)
        if handler is None:
            raise UnsupportedShape(str(component), shape, "not a value-level component")
        return handler(shape, argument, x)

    def conforms(self, shape: Node, x: str) -> str:
        """The expression true when node ``x`` conforms to ``shape`` (targets ignored).

        Raises:
            UnsupportedShape: the shape, or a shape nested in it, uses a component the
                compiler does not translate inside an expression.
        """
        if self._shapes.value(shape, SH.deactivated) == Literal(True):
            return "true"
        path = self._shapes.value(shape, SH.path)
        parts: list[str] = []
        for predicate, argument in sorted(self._shapes.predicate_objects(shape)):
            if not str(predicate).startswith(str(SH)) or predicate in _NOT_CONSTRAINTS:
                continue
            if predicate == SH.property:
                parts.append(self.conforms(argument, x))
            elif path is not None:
                parts.append(self._property_part(shape, path, predicate, argument, x))
            else:
                parts.append(self.value_constraint(shape, predicate, argument, x))
        return _all(parts)

    # -- a nested property shape: the node's values along the path ----------------------

    def _property_part(self, shape: Node, path: Node, component: Node, arg: Node, x: str) -> str:
        along = self.along(shape, path)
        if component in (SH.minCount, SH.maxCount) and int(arg) + (component == SH.maxCount) == 1:
            exists = "EXISTS" if component == SH.minCount else "NOT EXISTS"
            return f"{exists} {{ {self._exists(shape, path, x, self.variable())} }}"
        if component in (SH.minCount, SH.maxCount):
            return self._count(along, component, int(arg), x)
        if component == SH.hasValue:
            return f"EXISTS {{ {self._exists(shape, path, x, terms.sparql(arg))} }}"
        if component in PATH_COMPONENTS:
            raise UnsupportedShape(str(component), shape, "inside sh:or/sh:and/sh:not")
        value = self.variable()
        check = self.value_constraint(shape, component, arg, value)
        return f"NOT EXISTS {{ {self._exists(shape, path, x, value, f'!({check})')} }}"

    def _exists(self, shape: Node, path: Node, x: str, obj: str, condition: str = "") -> str:
        return exists_pattern(self._shapes, path, shape, x, obj, self.variable, condition)

    def along(self, shape: Node, path: Node) -> Callable[[str, str], str]:
        """Writes the patterns linking two terms along ``path`` (of ``shape``).

        Raises:
            UnsupportedShape: a path form the compiler does not translate.
        """
        path_pattern(self._shapes, path, shape, "?s", "?o", self.variable)  # fail early

        def pattern(subject: str, obj: str) -> str:
            return path_pattern(self._shapes, path, shape, subject, obj, self.variable)

        return pattern

    def _count(self, along: Callable[[str, str], str], component: Node, bound: int, x: str) -> str:
        # At least n distinct values: n values pairwise different. At most n: not n + 1.
        needed = bound if component == SH.minCount else bound + 1
        if needed == 0:
            return "true" if component == SH.minCount else "false"
        values = [self.variable() for _ in range(needed)]
        triples = " ".join(f"{{ {along(x, v)} }}" for v in values)
        different = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(values, 2)]
        distinct = f" FILTER({' && '.join(different)})" if different else ""
        exists = "EXISTS" if component == SH.minCount else "NOT EXISTS"
        return f"{exists} {{ {triples}{distinct} }}"

    # -- value-level components -----------------------------------------------------------

    def _class(self, shape: Node, cls: Node, x: str) -> str:
        return f"EXISTS {{ {x} {INSTANCE_OF} {terms.sparql(cls)} }}"

    def _datatype(self, shape: Node, datatype: Node, x: str) -> str:
        # Decided in Python per literal (see kg.shacl.datatypes); the marker says yes.
        graph = self.variable()
        return f"EXISTS {{ GRAPH {graph} {{ <{WELL_TYPED}> {terms.sparql(datatype)} {x} }} }}"

    def _in(self, shape: Node, members: Node, x: str) -> str:
        items = list(Collection(self._shapes, members))
        return _any([f"sameTerm({x}, {terms.sparql(item)})" for item in items])

    def _has_value(self, shape: Node, value: Node, x: str) -> str:
        return f"sameTerm({x}, {terms.sparql(value)})"

    def _not(self, shape: Node, negated: Node, x: str) -> str:
        return f"!({self.conforms(negated, x)})"

    def _and(self, shape: Node, members: Node, x: str) -> str:
        return _all([self.conforms(m, x) for m in Collection(self._shapes, members)])

    def _or(self, shape: Node, members: Node, x: str) -> str:
        return _any([self.conforms(m, x) for m in Collection(self._shapes, members)])

    def _node(self, shape: Node, other: Node, x: str) -> str:
        return self.conforms(other, x)

    def _pattern(self, shape: Node, pattern: Node, x: str) -> str:
        flags = self._shapes.value(shape, SH.flags)
        extra = f", {terms.sparql(Literal(str(flags)))}" if flags is not None else ""
        regex = f"REGEX(STR({x}), {terms.sparql(Literal(str(pattern)))}{extra})"
        return f"(!isBlank({x}) && {regex})"


def _all(parts: list[str]) -> str:
    return " && ".join(f"({p})" for p in parts) if parts else "true"


def _any(parts: list[str]) -> str:
    return " || ".join(f"({p})" for p in parts) if parts else "false"
