"""The facts of a shapes graph the compiler reads, read once (SHACL §2.1 shapes, §2.1.3
targets, §2.1.4 severity, §2.1.5 messages, §2.1.6 deactivation, §2.3 property shapes).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.property_paths import IllFormedPath, Path, read_path

TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# sh: keywords that constrain nothing, or that are read with the component they belong
# to (sh:flags with sh:pattern, sh:ignoredProperties with sh:closed...).
NOT_CONSTRAINTS = frozenset(
    SH[name]
    for name in [
        *("message", "severity", "name", "description", "order", "group", "defaultValue"),
        *("path", "deactivated", "flags", "ignoredProperties", "qualifiedMinCount"),
        *("qualifiedMaxCount", "qualifiedValueShapesDisjoint", "prefixes", "declare"),
        *("labelTemplate", "shapesGraph", "suggestedShapesGraph", "entailment"),
        *("select", "ask"),  # read through the sh:sparql that names their node
    ]
) | frozenset(TARGET_PREDICATES)


class ShapesView:
    """Reads shapes from one shapes graph; every answer is computed once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @functools.cache  # noqa: B019 - the view lives as long as its compilation
    def path(self, shape: Node) -> Path | None:
        """The shape's ``sh:path``; None for a node shape.

        Raises:
            UnsupportedShape: several paths, or an ill-formed one (the shapes check
                refuses those at start; the compiler does not guess).
        """
        paths = list(self.graph.objects(shape, SH.path))
        if not paths:
            return None
        if len(paths) > 1:
            raise UnsupportedShape("sh:path", shape, "more than one sh:path")
        try:
            return read_path(self.graph, paths[0])
        except IllFormedPath as error:
            raise UnsupportedShape("sh:path", shape, str(error)) from error

    def severity(self, shape: Node) -> URIRef:
        value = self.graph.value(shape, SH.severity)
        return value if isinstance(value, URIRef) else SH.Violation

    def messages(self, node: Node) -> tuple[Literal, ...]:
        return tuple(
            sorted(m for m in self.graph.objects(node, SH.message) if isinstance(m, Literal))
        )

    def deactivated(self, shape: Node) -> bool:
        return any(_is_true(v) for v in self.graph.objects(shape, SH.deactivated))

    def is_true(self, node: Node, predicate: URIRef) -> bool:
        return any(_is_true(v) for v in self.graph.objects(node, predicate))

    def items(self, node: Node) -> list[Node]:
        """The members of a SHACL list."""
        return list(Collection(self.graph, node))

    def constraints(self, shape: Node) -> list[tuple[URIRef, Node]]:
        """The shape's (predicate, object) pairs, in a stable order."""
        return sorted(
            (p, o) for p, o in self.graph.predicate_objects(shape) if isinstance(p, URIRef)
        )

    @functools.cache  # noqa: B019
    def components(self) -> tuple[Node, ...]:
        """The SPARQL-based constraint components the shapes graph declares (§6.1)."""
        found = [
            node
            for node in set(self.graph.subjects(RDF.type, None))
            if SH.ConstraintComponent in self._types(node)
        ]
        return tuple(sorted(found, key=_order))

    @functools.cache  # noqa: B019
    def custom_parameters(self) -> frozenset[Node]:
        """The predicates that are parameters of a declared component (§6.1)."""
        return frozenset(
            path
            for component in self.components()
            for parameter in self.graph.objects(component, SH.parameter)
            for path in self.graph.objects(parameter, SH.path)
        )

    # -- targets (§2.1.3) -----------------------------------------------------------------

    def is_shape_typed(self, node: Node) -> bool:
        """``node`` is a SHACL instance of sh:NodeShape or sh:PropertyShape."""
        return bool({SH.NodeShape, SH.PropertyShape, SH.Shape} & self._types(node))

    def is_class(self, node: Node) -> bool:
        """``node`` is a SHACL instance of rdfs:Class (an owl:Class is one too)."""
        return bool({RDFS.Class, OWL.Class} & self._types(node))

    def is_metaclass(self, cls: Node) -> bool:
        """``cls`` is rdfs:Class, owl:Class or a subclass of one: its instances are
        classes (the type that makes a shape an implicit class target)."""
        return bool({RDFS.Class, OWL.Class} & (self._superclasses(cls) | {cls}))

    def _superclasses(self, cls: Node) -> set[Node]:
        found: set[Node] = set()
        pending = list(self.graph.objects(cls, RDFS.subClassOf))
        while pending:
            parent = pending.pop()
            if parent not in found:
                found.add(parent)
                pending.extend(self.graph.objects(parent, RDFS.subClassOf))
        return found

    def _types(self, node: Node) -> set[Node]:
        found: set[Node] = set()
        pending = list(self.graph.objects(node, RDF.type))
        while pending:
            cls = pending.pop()
            if cls not in found:
                found.add(cls)
                pending.extend(self.graph.objects(cls, RDFS.subClassOf))
        return found

    def targets(self, shape: Node) -> Iterator[tuple[URIRef, Node]]:
        """The shape's targets as (target predicate, object); an implicit class target
        (§2.1.3.3: a shape that is also a class) is given as ``sh:targetClass shape``."""
        for predicate in TARGET_PREDICATES:
            for obj in self.graph.objects(shape, predicate):
                yield predicate, obj
        if isinstance(shape, URIRef) and self.is_class(shape) and self.is_shape_typed(shape):
            yield SH.targetClass, shape

    def has_custom_targets(self, shape: Node) -> bool:
        """SHACL-AF targets (``sh:target``) the compiler does not translate."""
        return (shape, SH.target, None) in self.graph

    def roots(self) -> list[Node]:
        """Every active shape with a target, in a stable order."""
        candidates: set[Node] = set()
        for predicate in (*TARGET_PREDICATES, SH.target):
            candidates.update(self.graph.subjects(predicate, None))
        for cls in (RDFS.Class, OWL.Class):
            for node in self.graph.subjects(RDF.type, cls):
                if self.is_shape_typed(node):
                    candidates.add(node)
        for typed in (SH.NodeShape, SH.PropertyShape):
            for node in self.graph.subjects(RDF.type, typed):
                if self.is_class(node):
                    candidates.add(node)
        return sorted(
            (s for s in candidates if not self.deactivated(s) and not isinstance(s, Literal)),
            key=_order,
        )


def is_true_literal(value: Node) -> bool:
    """``value`` is the boolean literal ``true``."""
    return _is_true(value)


def _is_true(value: Node) -> bool:
    # The literal true, not "1"^^xsd:boolean (W3C test core/property/uniqueLang-002).
    return isinstance(value, Literal) and value.datatype == XSD.boolean and str(value) == "true"


def _order(node: Node) -> tuple[int, str]:
    return (isinstance(node, BNode), str(node))
