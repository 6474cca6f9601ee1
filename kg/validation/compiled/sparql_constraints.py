"""SHACL-SPARQL constraints (``sh:sparql [ sh:select ... ]``) as query branches.

The SELECT is used as a sub-query joined with the shape's focus nodes: ``$this`` and
``?this`` are the same SPARQL variable, so the focus binding needs no rewriting. A
sub-query is evaluated for every node and then joined, which gives pySHACL's results
(it pre-binds ``$this``) for the usual queries that read ``$this`` as a pattern term.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.shacl.errors import UnsupportedShape

# pySHACL declares these for every SHACL-SPARQL query.
_DEFAULT_PREFIXES = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
_PROJECTION = re.compile(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*WHERE", re.I | re.S)
_TEMPLATE_VARIABLE = re.compile(r"{[?$](\w+)}")
# Variables a result message may name: the ones every branch projects.
TEMPLATE_VARIABLES = frozenset({"this", "value", "path"})


def prefixes(shapes: Graph, constraint: Node, shape: Node) -> dict[str, str]:
    """The prefixes the constraint's query may use (``sh:prefixes`` / ``sh:declare``).

    Raises:
        UnsupportedShape: a declaration without exactly one prefix and namespace.
    """
    declared = dict(_DEFAULT_PREFIXES)
    for owner in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            names = list(shapes.objects(declaration, SH.prefix))
            namespaces = list(shapes.objects(declaration, SH.namespace))
            if len(names) != 1 or len(namespaces) != 1:
                raise UnsupportedShape("sh:declare", shape, "needs one sh:prefix, one sh:namespace")
            declared[str(names[0])] = str(namespaces[0])
    return declared


def select(shapes: Graph, constraint: Node, shape: Node) -> str:
    """The constraint's SELECT query text, checked to project ``$this``.

    Raises:
        UnsupportedShape: no ``sh:select`` (e.g. ``sh:ask`` validators), or a SELECT that
            does not project ``$this``.
    """
    text = shapes.value(constraint, SH.select)
    if text is None:
        raise UnsupportedShape("sh:sparql", shape, "only sh:select constraints are supported")
    projection = _PROJECTION.search(str(text))
    if projection is None or not re.search(r"[?$]this\b|\*", projection.group(1)):
        raise UnsupportedShape("sh:select", shape, "the SELECT must project $this")
    return str(text)


def messages(shapes: Graph, constraint: Node, shape: Node) -> tuple[str, ...]:
    """The shape's messages and the constraint's own (pySHACL reports both).

    Raises:
        UnsupportedShape: no message at all, or a template naming a variable other than
            ``this``, ``value`` or ``path``.
    """
    own: list[Literal] = list(shapes.objects(shape, SH.message))
    texts = [str(m) for m in own]
    texts += [str(m) for m in shapes.objects(constraint, SH.message) if m not in own]
    if not texts:
        raise UnsupportedShape("sh:sparql", shape, "a constraint without sh:message")
    for text in texts:
        unknown = set(_TEMPLATE_VARIABLE.findall(text)) - TEMPLATE_VARIABLES
        if unknown:
            raise UnsupportedShape("sh:message", shape, f"template names {sorted(unknown)}")
    return tuple(texts)
