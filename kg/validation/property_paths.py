"""SHACL property paths as values (SHACL §2.3.1): read from a graph, written as text and
as RDF.

A path in a shapes graph is a node with a shape of triples (a list for a sequence,
``sh:inversePath``, ``sh:alternativePath``, ``sh:zeroOrMorePath``...). Reading it once
into a :data:`Path` value lets the compiled engine write it as SPARQL, and a report
write it as text and as the ``sh:resultPath`` structure of the W3C report, without
looking at the graph again.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
    ...     ex:s sh:path ( ex:p [ sh:inversePath ex:q ] [ sh:zeroOrMorePath ex:r ] ) .
    ... ''', format="turtle")
    >>> path = read_path(g, g.value(URIRef("http://example.org/s"), SH.path))
    >>> path_text(path)
    'http://example.org/p/^http://example.org/q/http://example.org/r*'
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node


@dataclass(frozen=True)
class InversePath:
    """``sh:inversePath``: the path walked from its end to its start."""

    path: Path


@dataclass(frozen=True)
class SequencePath:
    """A SHACL list of at least two paths, walked one after the other."""

    steps: tuple[Path, ...]


@dataclass(frozen=True)
class AlternativePath:
    """``sh:alternativePath``: any one of at least two paths."""

    options: tuple[Path, ...]


@dataclass(frozen=True)
class RepeatedPath:
    """``sh:zeroOrMorePath`` (``*``), ``sh:oneOrMorePath`` (``+``), ``sh:zeroOrOnePath``
    (``?``)."""

    path: Path
    repeat: str  # "*", "+" or "?"


Path = URIRef | InversePath | SequencePath | AlternativePath | RepeatedPath

_REPEATS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
_REPEAT_PREDICATES = {mark: predicate for predicate, mark in _REPEATS.items()}


class IllFormedPath(ValueError):
    """A node in the shapes graph that is not a well-formed SHACL property path."""


def read_path(graph: Graph, node: Node, _seen: frozenset[Node] = frozenset()) -> Path:
    """The path ``node`` stands for in ``graph``.

    A node that is both a list and something else is read as the list (the W3C test
    ``path-strange-001`` expects this).

    Raises:
        IllFormedPath: a literal, a list of fewer than two steps, a blank node of no
            path kind, or a path that contains itself.
    """
    if isinstance(node, URIRef):
        return node
    if not isinstance(node, BNode) or node in _seen:
        raise IllFormedPath(f"{node} is not a well-formed property path")
    seen = _seen | {node}
    if graph.value(node, RDF.first) is not None:
        steps = tuple(read_path(graph, step, seen) for step in Collection(graph, node))
        if len(steps) < 2:
            raise IllFormedPath("a sequence path needs at least two steps")
        return SequencePath(steps)
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return InversePath(read_path(graph, inverse, seen))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        options = tuple(read_path(graph, o, seen) for o in Collection(graph, alternatives))
        if len(options) < 2:
            raise IllFormedPath("an alternative path needs at least two options")
        return AlternativePath(options)
    for predicate, mark in _REPEATS.items():
        repeated = graph.value(node, predicate)
        if repeated is not None:
            return RepeatedPath(read_path(graph, repeated, seen), mark)
    raise IllFormedPath(f"the blank node {node} is not a property path")


def path_text(path: Path) -> str:
    """The path as reports name it: an IRI is itself, then SPARQL's path operators
    (``^p``, ``p/q``, ``p|q``, ``p*``) around full IRIs; parentheses where needed."""
    if isinstance(path, URIRef):
        return str(path)
    if isinstance(path, InversePath):
        return f"^{_operand(path.path)}"
    if isinstance(path, SequencePath):
        return "/".join(_operand(step, within="/") for step in path.steps)
    if isinstance(path, AlternativePath):
        return "|".join(_operand(option, within="|") for option in path.options)
    return f"{_operand(path.path)}{path.repeat}"


def _operand(path: Path, within: str = "") -> str:
    text = path_text(path)
    simple = isinstance(path, URIRef | InversePath | RepeatedPath)
    # A sequence inside an alternative binds tighter and needs no parentheses.
    if simple or (within == "|" and isinstance(path, SequencePath)):
        return text
    return f"({text})"


def path_triples(path: Path) -> tuple[Node, list[tuple[Node, Node, Node]]]:
    """The node and the triples that write ``path`` in RDF (fresh blank nodes each
    call, so no two results share a path structure, as the W3C suite compares them)."""
    triples: list[tuple[Node, Node, Node]] = []
    return _write(path, triples), triples


def _write(path: Path, triples: list) -> Node:
    if isinstance(path, URIRef):
        return path
    node = BNode()
    if isinstance(path, InversePath):
        triples.append((node, SH.inversePath, _write(path.path, triples)))
    elif isinstance(path, RepeatedPath):
        triples.append((node, _REPEAT_PREDICATES[path.repeat], _write(path.path, triples)))
    elif isinstance(path, AlternativePath):
        triples.append((node, SH.alternativePath, _write_list(path.options, triples)))
    else:
        return _write_list(path.steps, triples)
    return node


def _write_list(items: tuple[Path, ...], triples: list) -> Node:
    head: Node = RDF.nil
    for item in reversed(items):
        cell = BNode()
        triples.append((cell, RDF.first, _write(item, triples)))
        triples.append((cell, RDF.rest, head))
        head = cell
    return head
