"""Which stored nodes a change can make (in)valid, read from the shapes themselves.

A node shape reads its focus node's values along property paths; a SHACL-SPARQL
constraint reads whatever its query names. So a changed triple ``(s, p, o)`` can change
the verdict on ``s`` itself, and on every node that reaches ``s`` along a path whose
later step is ``p`` (or reaches ``o`` through an inverse step). This module turns the
shapes into those paths once, so a write re-validates exactly the nodes it can affect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)

Step = tuple[URIRef, bool]  # (predicate, inverse)
Path = tuple[Step, ...]
# Node-level keywords whose objects are shapes applying to the same node.
_SAME_NODE_LISTS = (SH["or"], SH["and"], SH.xone)
_SAME_NODE = (SH["not"], SH.node)
# Value-level keywords whose objects are shapes applying to each value node.
_VALUE_SHAPES = (SH.qualifiedValueShape, SH.node)
_SIBLING_PROPERTIES = (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)

WalkBack = Callable[[set[URIRef], Step], set[URIRef]]


@dataclass(frozen=True)
class ShapeDependencies:
    """Every path along which some shape (core or SPARQL constraint) reads data."""

    paths: frozenset[Path]

    @classmethod
    def from_shapes(cls, shapes: Graph) -> ShapeDependencies:
        paths: set[Path] = set()
        for shape in _node_shapes(shapes):
            paths.update(_paths_from(shapes, shape, (), set()))
        return cls(frozenset(p for p in paths if p))

    def dependents(
        self, changed: Iterable[tuple[Node, URIRef, Node]], walk_back: WalkBack
    ) -> set[URIRef]:
        """Nodes, other than the changed triples' subjects, whose verdict may change.

        ``walk_back(nodes, (p, inverse))`` answers the nodes X with ``X p n`` (or
        ``n p X`` when inverse) for some n in ``nodes``, in the store or the write.
        """
        found: set[URIRef] = set()
        by_predicate: dict[URIRef, list[tuple[Node, Node]]] = {}
        for subject, predicate, obj in changed:
            by_predicate.setdefault(predicate, []).append((subject, obj))
        for path in self.paths:
            for position, (predicate, inverse) in enumerate(path):
                starts = {
                    (o if inverse else s)
                    for s, o in by_predicate.get(predicate, ())
                    if isinstance(o if inverse else s, URIRef)
                }
                if not starts:
                    continue
                if position == 0 and inverse:
                    found.update(starts)  # the object is read by an inverse first step
                    continue
                for step in reversed(path[:position]):
                    if not starts:
                        break
                    starts = walk_back(starts, step)
                if position > 0:
                    found.update(starts)
        return found


def _node_shapes(shapes: Graph) -> set[Node]:
    targeted = set()
    for keyword in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        targeted.update(shapes.subjects(keyword, None))
    return targeted


def _paths_from(shapes: Graph, shape: Node, prefix: Path, seen: set) -> set[Path]:
    """Paths read by ``shape`` applied to a node reached along ``prefix``."""
    if (shape, prefix) in seen or len(prefix) > 6:
        return set()
    seen.add((shape, prefix))
    found: set[Path] = {(*prefix, (RDF.type, False))}
    for keyword in _SAME_NODE_LISTS:
        for members in shapes.objects(shape, keyword):
            for member in Collection(shapes, members):
                found |= _paths_from(shapes, member, prefix, seen)
    for keyword in _SAME_NODE:
        for member in shapes.objects(shape, keyword):
            found |= _paths_from(shapes, member, prefix, seen)
    for sibling in _SIBLING_PROPERTIES:
        for predicate in shapes.objects(shape, sibling):
            found.add((*prefix, (predicate, False)))
    for constraint in shapes.objects(shape, SH.sparql):
        found |= {(*prefix, *path) for path in _sparql_paths(shapes, constraint)}
    properties = list(shapes.objects(shape, SH.property))
    if (shape, SH.path, None) in shapes:
        properties.append(shape)
    for prop in properties:
        for steps in _steps(shapes, shapes.value(prop, SH.path)):
            here = (*prefix, *steps)
            found.add(here)
            if _literal_valued(shapes, prop):
                continue  # a literal has no properties: nothing is read beyond it
            if (prop, SH["class"], None) in shapes:
                found.add((*here, (RDF.type, False)))
            for keyword in _VALUE_SHAPES:
                for value_shape in shapes.objects(prop, keyword):
                    found |= _paths_from(shapes, value_shape, here, seen)
            for keyword in _SAME_NODE_LISTS:
                for members in shapes.objects(prop, keyword):
                    for member in Collection(shapes, members):
                        found |= _paths_from(shapes, member, here, seen)
            for member in shapes.objects(prop, SH["not"]):
                found |= _paths_from(shapes, member, here, seen)
            for sibling in _SIBLING_PROPERTIES:
                for predicate in shapes.objects(prop, sibling):
                    found.add((*prefix, (predicate, False)))
    return found


def _literal_valued(shapes: Graph, prop: Node) -> bool:
    """True when a property shape only admits literal values (``sh:datatype``, or an
    ``sh:or`` of datatypes), so no constraint of it reads past its values."""
    if (prop, SH.datatype, None) in shapes or (prop, SH.nodeKind, SH.Literal) in shapes:
        return True
    alternatives = [list(Collection(shapes, members)) for members in shapes.objects(prop, SH["or"])]
    return bool(alternatives) and all(
        members and all((m, SH.datatype, None) in shapes for m in members)
        for members in alternatives
    )


def _steps(shapes: Graph, path: Node | None) -> list[Path]:
    """Every alternative sequence of steps a SHACL path expression can take."""
    if path is None:
        return []
    if isinstance(path, URIRef):
        return [((path, False),)]
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return [tuple((p, not inv) for p, inv in reversed(s)) for s in _steps(shapes, inverse)]
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return [s for a in Collection(shapes, alternatives) for s in _steps(shapes, a)]
    for repeat in (SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
        inner = shapes.value(path, repeat)
        if inner is not None:
            # A repeated step is followed twice: enough for the depths shapes use here.
            once = _steps(shapes, inner)
            return once + [a + b for a in once for b in once]
    if shapes.value(path, RDF.first) is not None:
        sequences: list[Path] = [()]
        for member in Collection(shapes, path):
            sequences = [s + t for s in sequences for t in _steps(shapes, member)]
        return sequences
    return []


def _sparql_paths(shapes: Graph, constraint: Node) -> set[Path]:
    """Paths from ``$this`` along the triple patterns of a SHACL-SPARQL constraint."""
    query = shapes.value(constraint, SH.select)
    if query is None:
        return set()
    prologue = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in shapes.subjects(SH.prefix, None)
    )
    algebra = translateQuery(parseQuery(prologue + str(query))).algebra
    edges: list[tuple[Node, Step, Node]] = []
    for subject, predicate, obj in _triple_patterns(algebra):
        if isinstance(predicate, URIRef):
            edges += [(subject, (predicate, False), obj), (obj, (predicate, True), subject)]
    paths: set[Path] = set()
    frontier: list[tuple[Node, Path]] = [(Variable("this"), ())]
    for _depth in range(3):
        reached = []
        for node, path in frontier:
            for start, step, end in edges:
                if start == node and end != Variable("this"):
                    reached.append((end, (*path, step)))
                    paths.add((*path, step))
        frontier = reached
    return paths


def _triple_patterns(node: object) -> Iterable[tuple[Node, Node, Node]]:
    if isinstance(node, CompValue):
        if node.name == "BGP":
            yield from node.triples
        for child in node.values():
            yield from _triple_patterns(child)
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _triple_patterns(child)
