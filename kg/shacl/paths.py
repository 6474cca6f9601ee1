"""SHACL property paths as SPARQL triple patterns and as report text."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.shacl.errors import UnsupportedShape


def path_pattern(
    shapes: Graph, path: Node, shape: Node, subject: str, obj: str, fresh: Callable[[], str]
) -> str:
    """Triple patterns linking ``subject`` to ``obj`` along ``path``.

    A sequence becomes a chain of triple patterns through fresh variables and an
    inverse step a reversed pattern: Oxigraph evaluates a property path whose end is a
    constant from that end, which made ``FILTER NOT EXISTS { ?this p/q <c> }`` cost the
    whole set of ``<c>``'s predecessors per focus node.

    Raises:
        UnsupportedShape: a path form other than predicate, sequence, inverse or
            alternative (zeroOrMore, oneOrMore, zeroOrOne are not used by the shapes).
    """
    if isinstance(path, URIRef):
        return f"{subject} <{path}> {obj} ."
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return path_pattern(shapes, inverse, shape, obj, subject, fresh)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        branches = [
            f"{{ {path_pattern(shapes, step, shape, subject, obj, fresh)} }}"
            for step in Collection(shapes, alternatives)
        ]
        return " UNION ".join(branches)
    if shapes.value(path, RDF.first) is not None:
        steps = list(Collection(shapes, path))
        nodes = [subject, *(fresh() for _ in steps[1:]), obj]
        return " ".join(
            path_pattern(shapes, step, shape, nodes[i], nodes[i + 1], fresh)
            for i, step in enumerate(steps)
        )
    raise UnsupportedShape("sh:path", shape, f"path form of {path} is not supported")


def exists_pattern(
    shapes: Graph,
    path: Node,
    shape: Node,
    subject: str,
    obj: str,
    fresh: Callable[[], str],
    condition: str = "",
) -> str:
    """The body of an ``EXISTS { }`` true when ``subject`` reaches ``obj`` along ``path``
    and ``condition`` holds there.

    Each step after the first is nested in its own ``FILTER EXISTS``: Oxigraph plans the
    patterns of an EXISTS without knowing which variables the outer query binds, so a
    join of ``?x p ?m . ?m q <c>`` starts from ``<c>`` and reads all its predecessors for
    every ``?x``; one pattern per EXISTS always starts from the bound end.

    Raises:
        UnsupportedShape: as :func:`path_pattern`.
    """
    return _exists_along(shapes, _steps(shapes, path), shape, subject, obj, fresh, condition)


def _exists_along(
    shapes: Graph,
    steps: list[Node],
    shape: Node,
    subject: str,
    obj: str,
    fresh: Callable[[], str],
    condition: str,
) -> str:
    first, rest = steps[0], steps[1:]
    if rest:
        middle = fresh()
        inner = _exists_along(shapes, rest, shape, middle, obj, fresh, condition)
        return _exists_along(
            shapes, _steps(shapes, first), shape, subject, middle, fresh, f"EXISTS {{ {inner} }}"
        )
    alternatives = None if isinstance(first, URIRef) else shapes.value(first, SH.alternativePath)
    if alternatives is not None:
        return " UNION ".join(
            f"{{ {exists_pattern(shapes, step, shape, subject, obj, fresh, condition)} }}"
            for step in Collection(shapes, alternatives)
        )
    where = f" FILTER({condition})" if condition else ""
    return f"{path_pattern(shapes, first, shape, subject, obj, fresh)}{where}"


def _steps(shapes: Graph, path: Node) -> list[Node]:
    """A sequence path's steps; any other path is one step."""
    if not isinstance(path, URIRef) and shapes.value(path, RDF.first) is not None:
        return list(Collection(shapes, path))
    return [path]


def path_text(shapes: Graph, path: Node) -> str:
    """The path as a validation report names it (see ``kg.validation._path_text``).

    An IRI is itself, an inverse path ``^p``, a sequence ``p/q``. pySHACL reports an
    alternative path as a blank node whose label changes between runs; it is written
    here as ``p|^q`` instead, the one place where the texts differ.
    """
    if isinstance(path, URIRef):
        return str(path)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{path_text(shapes, inverse)}"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(path_text(shapes, step) for step in Collection(shapes, alternatives))
    return "/".join(path_text(shapes, step) for step in Collection(shapes, path))
