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
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)
from kg.validation import sparql_rules
from kg.validation.compiled.paths import sparql_path
from kg.validation.compiled.shape_view import ShapesView
from kg.validation.property_paths import IllFormedPath, read_path

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
    """The shapes with targets (SHACL §2.1.3), implicit class targets included."""
    return set(ShapesView(shapes).roots())


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
        query = shapes.value(constraint, SH.select)
        found |= {(*prefix, *path) for path in _sparql_paths(shapes, query)}
    for query in _component_queries(shapes, shape):
        found |= {(*prefix, *path) for path in _sparql_paths(shapes, query)}
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


def _component_queries(shapes: Graph, shape: Node) -> Iterable[str]:
    """The validator queries of the SPARQL-based components ``shape`` uses (SHACL §6),
    ``$PATH`` written as the shape's path (its triple patterns are then read)."""
    view = ShapesView(shapes)
    path = shapes.value(shape, SH.path)
    path_text = "" if path is None else _path_sparql(shapes, path)
    for component in view.components():
        parameters = [shapes.value(p, SH.path) for p in shapes.objects(component, SH.parameter)]
        if not any((shape, p, None) in shapes for p in parameters if p is not None):
            continue
        for keyword in (SH.validator, SH.nodeValidator, SH.propertyValidator):
            for validator in shapes.objects(component, keyword):
                for kind in (SH.select, SH.ask):
                    for text in shapes.objects(validator, kind):
                        yield str(text).replace("$PATH", path_text or "?_path")


def _path_sparql(shapes: Graph, path: Node) -> str:
    try:
        return sparql_path(read_path(shapes, path))
    except IllFormedPath:
        return "?_path"


def _sparql_paths(shapes: Graph, query: Node | str | None) -> set[Path]:
    """Paths from ``$this`` along the triple patterns of a SHACL-SPARQL query."""
    if query is None:
        return set()
    # Every prefix any query may use (the defaults, then all declarations): the query
    # passed the shapes check with its own, a subset of these.
    declared = {
        str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
        for d in shapes.subjects(SH.prefix, None)
    }
    prologue = sparql_rules.prologue({**sparql_rules.DEFAULT_PREFIXES, **declared})
    algebra = translateQuery(parseQuery(prologue + str(query))).algebra
    # Each triple pattern is an edge both ways between its subject and object; a path
    # from $this is a walk over distinct patterns and distinct variables (walking a
    # pattern back, or on from a constant, reaches nothing new and would make every
    # write re-validate the neighbours of hubs).
    by_group: dict[int | None, list[_Edge]] = {}
    for index, (subject, predicate, obj, group) in enumerate(_triple_patterns(algebra)):
        for steps in _query_steps(predicate):
            backwards = tuple((p, not inverse) for p, inverse in reversed(steps))
            by_group.setdefault(group, []).append((index, subject, steps, obj, True))
            by_group[group].append((index, obj, backwards, subject, False))
    this = Variable("this")
    paths, states = _walks([(this, (), frozenset(), frozenset({this}))], by_group.get(None, []), 3)
    bound = {state[0] for state in states}
    for group, edges in by_group.items():
        if group is None:
            continue
        # A pattern only inside FILTER (NOT) EXISTS whose two ends the query binds
        # outside: a solution binds both, so walking back from its subject finds every
        # focus node it concerns; its object side (a customer, a firm) is a hub.
        kept = [e for e in edges if e[4] or not (e[1] in bound and e[3] in bound)]
        more, _states = _walks(states, kept, 2)
        paths |= more
    return paths


# (pattern index, start, steps, end, read from the pattern's subject)
_Edge = tuple[int, Node, Path, Node, bool]


def _walks(starts: list, edges: list[_Edge], depth: int) -> tuple[set[Path], list]:
    """The paths of walks of up to ``depth`` more edges from ``starts`` (node, path so
    far, patterns used, variables visited), and every state they reach."""
    paths: set[Path] = set()
    frontier, states = list(starts), list(starts)
    for _depth in range(depth):
        reached = []
        for node, path, used, visited in frontier:
            for index, start, steps, end, _forward in edges:
                if start != node or index in used or end in visited:
                    continue
                paths.add((*path, *steps))
                if isinstance(end, Variable):
                    reached.append((end, (*path, *steps), used | {index}, visited | {end}))
        frontier = reached
        states += reached
    return paths, states


def _triple_patterns(node: object, group: int | None = None) -> Iterable[tuple]:
    """Every triple pattern of a query with its group: None for those the query's
    solutions hold, an id per FILTER (NOT) EXISTS body for the others (rdflib leaves
    those as parsed ``TriplesBlock`` rows of subject, predicate, object repeated)."""
    if isinstance(node, CompValue):
        if node.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            group = id(node)
        if node.name == "BGP":
            for s, p, o in node.triples:
                yield s, p, o, group
        elif node.name == "TriplesBlock":
            for row in node["triples"]:
                terms = list(row)
                for triple in zip(terms[0::3], terms[1::3], terms[2::3], strict=False):
                    yield (*triple, group)
        for child in node.values():
            yield from _triple_patterns(child, group)
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _triple_patterns(child, group)


def _query_steps(predicate: object) -> list[Path]:
    """The step sequences a query's predicate can take: an IRI, rdflib's path objects
    (in basic graph patterns) or parsed path expressions (inside EXISTS); a variable or
    negated property set reads nothing a shape path could name."""
    if isinstance(predicate, URIRef):
        return [((predicate, False),)]
    if isinstance(predicate, InvPath):
        return [tuple((p, not i) for p, i in reversed(s)) for s in _query_steps(predicate.arg)]
    if isinstance(predicate, AlternativePath):
        return [s for arg in predicate.args for s in _query_steps(arg)]
    if isinstance(predicate, SequencePath):
        return _product([_query_steps(arg) for arg in predicate.args])
    if isinstance(predicate, MulPath):
        once = _query_steps(predicate.path)
        return once + [a + b for a in once for b in once]  # followed twice, as above
    if isinstance(predicate, CompValue):
        parts = predicate.get("part") if "part" in predicate else None
        parts = parts if isinstance(parts, list) else [parts]
        if predicate.name == "PathAlternative":
            return [s for part in parts for s in _query_steps(part)]
        if predicate.name == "PathSequence":
            return _product([_query_steps(part) for part in parts])
        if predicate.name == "PathEltOrInverse":
            return [tuple((p, not i) for p, i in reversed(s)) for s in _query_steps(parts[0])]
        if predicate.name == "PathElt":
            once = _query_steps(parts[0])
            if "mod" in predicate and predicate["mod"]:  # noqa: RUF019 - CompValue.get lies
                return once + [a + b for a in once for b in once]
            return once
    return []


def _product(choices: list[list[Path]]) -> list[Path]:
    sequences: list[Path] = [()]
    for options in choices:
        sequences = [s + t for s in sequences for t in options]
    return sequences
