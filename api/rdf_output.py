"""Writing rdflib graphs in any negotiated RDF syntax (one table, one function)."""

from __future__ import annotations

from rdflib import Graph

from kg import PREFIXES, SYNTAXES

# Media type served -> rdflib serializer name.
RDFLIB_SERIALIZERS: dict[str, str] = {s.media_type: s.rdflib_name for s in SYNTAXES}


def serialize_graph(graph: Graph, media_type: str) -> bytes:
    """``graph`` in ``media_type`` (a key of :data:`RDFLIB_SERIALIZERS`), CKM prefixes bound."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=False)
    return graph.serialize(format=RDFLIB_SERIALIZERS[media_type], encoding="utf-8")


def content_type(media_type: str) -> str:
    """The ``Content-Type`` value for a served media type (UTF-8 for the text ones)."""
    if media_type.startswith("text/") or media_type in ("application/n-triples",):
        return f"{media_type}; charset=utf-8"
    return media_type
