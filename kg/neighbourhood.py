"""The nodes a write touches and the stored context around them.

Validation and reasoning of a write both look at the same neighbourhood: the touched
nodes, the nodes linking to them, everything those nodes say, what their linked nodes
say, and who links to them. It is read once per write, in one query per chunk.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import URIRef

from kg.delta import Delta
from kg.store.base import Quad, Store
from kg.vocab import CKM, SYSTEM_GRAPHS

_VOCABULARY_NAMESPACES = tuple(str(ns) for ns in (CKM, RDF, RDFS, OWL, XSD, SKOS, PROV, DCTERMS))
_CHUNK = 400
_SYSTEM_LIST = ", ".join(f"<{g}>" for g in sorted(SYSTEM_GRAPHS))
_NOT_SYSTEM = f"FILTER(?g NOT IN ({_SYSTEM_LIST}))"
_NOT_SYSTEM_0 = f"FILTER(?g0 NOT IN ({_SYSTEM_LIST}))"


def is_data_node(term) -> bool:
    """True for IRIs that name data (not vocabulary terms nor literals)."""
    return isinstance(term, URIRef) and not str(term).startswith(_VOCABULARY_NAMESPACES)


def touched_nodes(delta: Delta) -> set[URIRef]:
    """Subjects and objects of the delta's quads that name data."""
    nodes: set[URIRef] = set()
    for subject, _p, obj, _g in delta.removed | delta.added:
        nodes.update(t for t in (subject, obj) if is_data_node(t))
    return nodes


def linking_nodes(store: Store, nodes: Iterable[URIRef]) -> set[URIRef]:
    """Stored data nodes that link to any of ``nodes`` in a data graph."""
    found: set[URIRef] = set()
    for chunk in _chunks(sorted(nodes)):
        rows = store.select(
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?n {{ {_values(chunk)} }} "
            f"GRAPH ?g {{ ?s ?p ?n }} {_NOT_SYSTEM} }}"
        )
        found.update(r["s"] for r in rows if is_data_node(r["s"]))
    return found


def stored_context(store: Store, nodes: Iterable[URIRef]) -> set[Quad]:
    """Data-graph quads around ``nodes``: what they say, what the nodes they link to say,
    and what the nodes linking to them say (shapes follow paths both ways)."""
    quads: set[Quad] = set()
    for chunk in _chunks(sorted(nodes)):
        rows = store.select(
            "SELECT ?s ?p ?o ?g WHERE { "
            f"VALUES ?n {{ {_values(chunk)} }} "
            "{ GRAPH ?g { ?n ?p ?o } BIND(?n AS ?s) } "
            f"UNION {{ GRAPH ?g0 {{ ?n ?q ?s }} {_NOT_SYSTEM_0} GRAPH ?g {{ ?s ?p ?o }} }} "
            f"UNION {{ GRAPH ?g0 {{ ?s ?q ?n }} {_NOT_SYSTEM_0} GRAPH ?g {{ ?s ?p ?o }} }} "
            f"{_NOT_SYSTEM} }}"
        )
        quads.update((r["s"], r["p"], r["o"], r["g"]) for r in rows)
    return quads


def _chunks(items: list) -> Iterable[list]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _values(nodes: list[URIRef]) -> str:
    return " ".join(node.n3() for node in nodes)
