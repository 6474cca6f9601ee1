"""How RDF terms are written into the validation store and into compiled queries.

Oxigraph stores typed literals by value: ``"01"^^xsd:integer`` comes back as ``"1"``,
``"-1"^^xsd:nonNegativeInteger`` as ``"-1"^^xsd:integer``. SHACL works on terms (§4.2
counts distinct terms, §4.8.3 ``sh:in`` matches terms, a report shows the term that was
written), so every typed literal other than an ``xsd:string`` is stored under a
*surrogate datatype* (``urn:ckm:shacl:typed:`` + its datatype), which Oxigraph keeps as
written. Shape constants are encoded the same way, so term equality in a query is term
equality in the data.

Comparisons (§4.3 value range, §4.5.3-4 ``lessThan``) are SPARQL's on the *value*: each
stored literal has a value twin (the literal as Oxigraph types it) beside it, see
:data:`VALUE_OF`.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from kg.store.oxterms import to_ox

SURROGATE = "urn:ckm:shacl:typed:"
ILL_TYPED = "urn:ckm:shacl:ill-typed:"
# ``_:n TWIN_OF literal ; VALUE_OF twin`` (in an auxiliary graph): the value SPARQL
# compares for a stored literal (a literal cannot be the subject of a triple).
TWIN_OF = "urn:ckm:shacl:twinOf"
VALUE_OF = "urn:ckm:shacl:valueOf"
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
            # An ill-typed literal rdflib rewrote into a valid lexical form
            # ("none"^^xsd:boolean read as "false") stays apart from the valid one.
            kind = ILL_TYPED if term.ill_typed is True else SURROGATE
            return ox.Literal(str(term), datatype=ox.NamedNode(kind + str(datatype)))
    return to_ox(term)


def twin(term: Literal) -> ox.Literal:
    """The literal as Oxigraph types it: what a SPARQL comparison of ``term`` sees."""
    return to_ox(term)  # type: ignore[return-value]


def with_twin(node: str, value: str, graph: str, condition: str) -> str:
    """An EXISTS body true when ``condition`` holds with ``value`` bound to the twin of
    the stored literal ``node`` (false when ``node`` has none: not a literal).

    The two steps are nested, one pattern per EXISTS: Oxigraph plans an EXISTS without
    the outer bindings, and would read every twin of the data for every value node.
    """
    blank = f"{value}_n"
    return (
        f"GRAPH {graph} {{ {blank} <{TWIN_OF}> {node} }} FILTER EXISTS {{ "
        f"GRAPH {graph} {{ {blank} <{VALUE_OF}> {value} }} FILTER({condition}) }}"
    )


def decoded(term: OxTerm) -> Node:
    """The rdflib term a stored term stands for (the inverse of :func:`stored`)."""
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        for kind in (SURROGATE, ILL_TYPED):
            if datatype.startswith(kind):
                return Literal(term.value, datatype=URIRef(datatype[len(kind) :]))
        return Literal(term.value)
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    return BNode(term.value)


def sparql(term: Node) -> str:
    """``term`` written as a SPARQL constant, encoded as it is stored.

    Raises:
        ValueError: a blank node (SPARQL has no constant for a given blank node).
    """
    if isinstance(term, BNode):
        raise ValueError(f"a blank node cannot be a constant in a query: {term}")
    return str(stored(term))


def sparql_value(term: Literal) -> str:
    """``term`` as a SPARQL constant of its own datatype, to compare values with."""
    return str(to_ox(term))
