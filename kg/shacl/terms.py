"""How RDF terms are written into the validation store and into compiled queries.

Oxigraph stores typed literals by value: ``"01"^^xsd:integer`` comes back as ``"1"``,
``"-1"^^xsd:nonNegativeInteger`` as ``"-1"^^xsd:integer``. SHACL (and pySHACL) work on
terms, so two literals with different lexical forms are different values, and a report
shows the form that was written. Every typed literal other than an ``xsd:string`` is
therefore stored under a *surrogate datatype* (``urn:ckm:shacl:typed:`` + its datatype),
which Oxigraph keeps as written. Shape constants are encoded the same way, so term
equality in a query is term equality in the data; value comparisons decode first.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from kg.store.oxterms import to_ox

SURROGATE = "urn:ckm:shacl:typed:"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def stored(term: Node) -> OxTerm:
    """The Oxigraph term that stands for ``term`` in the validation store.

    Raises:
        ValueError: ``term`` is not an RDF term Oxigraph accepts.
    """
    if isinstance(term, Literal) and not term.language:
        datatype = term.datatype
        if datatype is not None and str(datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(SURROGATE + str(datatype)))
    return to_ox(term)


def decoded(term: OxTerm) -> Node:
    """The rdflib term a stored term stands for (the inverse of :func:`stored`)."""
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype.startswith(SURROGATE):
            return Literal(term.value, datatype=URIRef(datatype[len(SURROGATE) :]))
        return Literal(term.value)
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    return BNode(term.value)


def sparql(term: Node) -> str:
    """``term`` written as a SPARQL constant, encoded as it is stored.

    Raises:
        ValueError: a blank node (a shape constant must be an IRI or a literal).
    """
    if isinstance(term, BNode):
        raise ValueError(f"a blank node cannot be a constant in a query: {term}")
    return str(stored(term))
