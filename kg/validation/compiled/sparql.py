"""SHACL-SPARQL as queries of their own: SPARQL-based constraints (SHACL §5) and
SPARQL-based constraint components (§6).

Each constraint becomes a :class:`PreboundQuery`: the user's query rewritten so that
``$this`` is pre-bound to the focus nodes of a target group, ``$currentShape``,
``$shapesGraph`` and a component's parameters to their values (read from an auxiliary
graph, so blank nodes can be pre-bound too), and ``$PATH`` replaced by the shape's
path. An ASK validator (§6.2.2) is asked once per value node: the query returns the
(focus, value) pairs for which its ASK pattern does not hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import InvalidShapes
from kg.validation import sparql_rules
from kg.validation.compiled import sparql_text
from kg.validation.compiled.compiled import (
    FOCUS,
    GROUP,
    NATURAL_AUX_GRAPH,
    PREBOUND,
    PREBOUND_GRAPH,
    SHAPES_GRAPH,
    SINGLE_GROUP,
    PreboundQuery,
    Reporting,
)
from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.compiled.messages import component_message, default_message
from kg.validation.compiled.paths import path_pattern, sparql_path
from kg.validation.compiled.shape_view import ShapesView

_PREBOUND_VALUE = "urn:ckm:shacl:prebound-value:"
_HIDDEN = (NATURAL_AUX_GRAPH, PREBOUND_GRAPH)


@dataclass(frozen=True)
class _Validator:
    """A query with what to report when it finds something."""

    node: Node
    text: str
    kind: str  # "select" or "ask"
    messages: tuple[Literal, ...]
    default: object


class SparqlConstraints:
    """Compiles the SHACL-SPARQL constraints of shapes of one shapes graph."""

    def __init__(self, view: ShapesView) -> None:
        self._view = view
        self._counter = itertools.count()
        self.quads: list[tuple[Node, URIRef, Node]] = []

    def queries(self, shape: Node, group: int, nested: bool) -> Iterator[PreboundQuery]:
        """The queries of every ``sh:sparql`` constraint and SPARQL-based component of
        ``shape`` whose focus nodes are those of ``group``.

        Raises:
            UnsupportedShape: a constraint on a shape nested below a property shape
                (its focus nodes are not those of a target group).
        """
        view = self._view
        for constraint in sorted(view.graph.objects(shape, SH.sparql), key=str):
            if view.deactivated(constraint):
                continue
            if nested:
                raise UnsupportedShape("sh:sparql", shape, "below a property shape")
            yield self._constraint(shape, constraint, group)
        for component in view.components():
            for bindings in self._uses(shape, component):
                if nested:
                    raise UnsupportedShape(str(component), shape, "below a property shape")
                yield self._component(shape, component, bindings, group)

    # -- §5 SPARQL-based constraints ----------------------------------------------------------

    def _constraint(self, shape: Node, constraint: Node, group: int) -> PreboundQuery:
        view = self._view
        select = view.graph.value(constraint, SH.select)
        if not isinstance(select, Literal):
            raise UnsupportedShape("sh:sparql", shape, "a constraint without sh:select")
        path = view.path(shape)
        messages = tuple(sorted({*view.messages(shape), *view.messages(constraint)}))
        reporting = Reporting(
            shape=shape,
            component=SH.SPARQLConstraintComponent,
            severity=view.severity(shape),
            path=path,
            messages=messages,
            default_message=default_message("SPARQL", {}, path),
            source_constraint=constraint,
        )
        return self._prebound(shape, constraint, str(select), "select", {}, reporting, group)

    # -- §6 SPARQL-based constraint components -----------------------------------------------

    def _uses(self, shape: Node, component: Node) -> Iterator[dict[str, Node]]:
        """The parameter values with which ``shape`` uses ``component`` (§6.1: a value
        for every parameter that is not optional), one mapping per combination."""
        graph = self._view.graph
        names: list[tuple[str, list[Node], bool]] = []
        for parameter in graph.objects(component, SH.parameter):
            path = graph.value(parameter, SH.path)
            if not isinstance(path, URIRef):
                continue
            optional = self._view.is_true(parameter, SH.optional)
            names.append(
                (sparql_rules.parameter_name(path), sorted(graph.objects(shape, path)), optional)
            )
        if not names or any(not values and not optional for _n, values, optional in names):
            return
        given = [(name, values) for name, values, _optional in names if values]
        for combination in itertools.product(*(values for _name, values in given)):
            yield {name: value for (name, _values), value in zip(given, combination, strict=True)}

    def _component(
        self, shape: Node, component: Node, bindings: dict[str, Node], group: int
    ) -> PreboundQuery:
        view = self._view
        validator = self._validator(shape, component)
        path = view.path(shape)
        messages = view.messages(shape) or validator.messages or view.messages(component)
        reporting = Reporting(
            shape=shape,
            component=component,  # type: ignore[arg-type]
            severity=view.severity(shape),
            path=path,
            messages=messages,
            default_message=component_message(component),  # type: ignore[arg-type]
            constants=bindings,
        )
        return self._prebound(
            shape, validator.node, validator.text, validator.kind, bindings, reporting, group
        )

    def _validator(self, shape: Node, component: Node) -> _Validator:
        """§6.2: a node shape uses sh:nodeValidator, a property shape
        sh:propertyValidator, either falls back to sh:validator."""
        graph = self._view.graph
        own = SH.nodeValidator if self._view.path(shape) is None else SH.propertyValidator
        for predicate in (own, SH.validator):
            node = graph.value(component, predicate)
            if node is None:
                continue
            for kind in ("select", "ask"):
                text = graph.value(node, SH[kind])
                if isinstance(text, Literal):
                    return _Validator(node, str(text), kind, self._view.messages(node), None)
        raise UnsupportedShape(str(component), shape, "no validator for this kind of shape")

    # -- the rewritten query ------------------------------------------------------------------

    def _prebound(
        self,
        shape: Node,
        owner: Node,
        text: str,
        kind: str,
        bindings: dict[str, Node],
        reporting: Reporting,
        group: int,
    ) -> PreboundQuery:
        view = self._view
        path = view.path(shape)
        where = f"shape {shape}, SPARQL of {owner}"
        if path is not None:
            text = sparql_text.with_path(text, sparql_path(path))
        mentioned = sparql_text.variables(text)
        constants: dict[str, Node] = dict(bindings)
        if "currentShape" in mentioned:
            constants["currentShape"] = shape
        if "shapesGraph" in mentioned:
            constants["shapesGraph"] = URIRef(SHAPES_GRAPH)
        prebound = {"this", "currentShape", "shapesGraph", *bindings}
        if kind == "ask":
            prebound.add("value")
        try:
            prefixes = sparql_rules.prefix_declarations(view.graph, owner, where)
            checked = sparql_rules.checked(text, prefixes, prebound, kind, where)
        except InvalidShapes as error:
            raise UnsupportedShape("sh:sparql", shape, str(error)) from error
        key = f"{PREBOUND}{next(self._counter)}"
        constant_patterns = self._constants(key, constants)

        def rewritten(group_iri: str) -> str:
            focus = f"GRAPH <{NATURAL_AUX_GRAPH}> {{ <{group_iri}> <{FOCUS}> ?this }}"
            if kind == "select":
                body = sparql_text.with_prebound(text, f"{focus} {constant_patterns}", _HIDDEN)
                return checked.prologue + body
            values = (
                "BIND(?this AS ?value)"
                if path is None
                else path_pattern(path, "?this", "?value", _fresh())
            )
            head, ask = _ask_parts(text)
            ask = sparql_text.with_prebound(ask, "", _HIDDEN)
            return (
                f"{checked.prologue}{head} SELECT ?this ?value WHERE {{ {focus} "
                f"{constant_patterns} {values} FILTER NOT EXISTS {ask} }}"
            )

        return PreboundQuery(
            reporting=reporting,
            group=group,
            text=rewritten(f"{GROUP}{group}"),
            single_text=rewritten(SINGLE_GROUP),
            batchable=checked.batchable or kind == "ask",
            node_shape=path is None,
            reads_shapes_graph="shapesGraph" in constants,
        )

    def _constants(self, key: str, constants: dict[str, Node]) -> str:
        patterns = []
        for name, value in sorted(constants.items()):
            predicate = URIRef(_PREBOUND_VALUE + name)
            self.quads.append((URIRef(key), predicate, value))
            patterns.append(f"<{key}> <{predicate}> ?{name} .")
        if not patterns:
            return ""
        return f"GRAPH <{PREBOUND_GRAPH}> {{ {' '.join(patterns)} }}"


def _ask_parts(text: str) -> tuple[str, str]:
    """An ASK query as (its prologue, its group pattern)."""
    parts = list(sparql_text.tokens(text))
    start = next(i for i, t in enumerate(parts) if t.kind == "word" and t.text.upper() == "ASK")
    depth, begin = 0, None
    for index in range(start, len(parts)):
        kind = parts[index].kind
        if kind == "open":
            depth += 1
            begin = index if begin is None else begin
        elif kind == "close":
            depth -= 1
            if depth == 0 and begin is not None:
                head = "".join(t.text for t in parts[:start])
                return head, "".join(t.text for t in parts[begin : index + 1])
    raise UnsupportedShape("sh:ask", URIRef(""), "an ASK query without a group")


def _fresh():
    counter = itertools.count()
    return lambda: f"?_p{next(counter)}"
