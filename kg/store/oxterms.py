"""Conversions between rdflib terms (above the seam) and pyoxigraph terms (below it)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from kg.store.base import Quad, Term

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term equal to an rdflib term.

    Raises:
        ValueError: the IRI or literal is not valid RDF (e.g. an IRI with a space).
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise ValueError(f"not an RDF term: {term!r}")


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
    """The rdflib term equal to a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        # Made as ``URIRef(value)`` makes it, minus rdflib's check of the IRI's
        # characters (which only logs): Oxigraph holds valid IRIs only, and the check
        # was a third of the time of reading a page of resources.
        return str.__new__(URIRef, term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise ValueError(f"not an RDF term: {term!r}")


def quad_to_ox(quad: Quad) -> ox.Quad:
    subject, predicate, obj, graph = quad
    return ox.Quad(to_ox(subject), to_ox(predicate), to_ox(obj), to_ox(graph))


def quad_from_ox(quad: ox.Quad) -> Quad:
    graph = quad.graph_name
    graph_term = URIRef("") if isinstance(graph, ox.DefaultGraph) else from_ox(graph)
    return (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), graph_term)
