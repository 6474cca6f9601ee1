"""What an engine answers, in rdflib terms: SPARQL 1.1 JSON results, RDF bodies, and the
form of a query (to check it against the call before sending it)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import BNode, Literal, URIRef

from kg.errors import StoreError
from kg.store.base import Quad, Row, Term
from kg.store.oxterms import from_ox, to_ox

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term_from_json(value: dict) -> Term:
    """The rdflib term of one SPARQL 1.1 JSON results binding."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype is None or datatype == _XSD_STRING:
            return Literal(value["value"])
        return Literal(value["value"], datatype=URIRef(datatype))
    raise StoreError(f"unsupported term in SPARQL results: {kind}")


def rows_of(answer: dict) -> list[Row]:
    """The rows of a SPARQL 1.1 JSON SELECT answer."""
    return [
        {name: term_from_json(value) for name, value in binding.items()}
        for binding in answer["results"]["bindings"]
    ]


def parsed(body: bytes, fmt: ox.RdfFormat) -> list[Quad]:
    """The quads (or triples, graph ``URIRef("")``) an engine sent."""
    try:
        return [
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph_of(q))
            for q in ox.parse(body, fmt)
        ]
    except SyntaxError as error:
        raise StoreError(f"the engine sent {fmt.name} that does not parse: {error}") from error


def graph_of(parsed: ox.Quad | ox.Triple) -> URIRef:
    graph = getattr(parsed, "graph_name", None)
    if graph is None or isinstance(graph, ox.DefaultGraph):
        return URIRef("")
    return from_ox(graph)


def serialized(items: list, fmt: ox.RdfFormat) -> bytes:
    return ox.serialize(items, format=fmt) or b""


def pattern_term(term: Term | None, variable: str) -> str:
    """A pattern position: ``variable`` when unbound, else the term in N-Triples syntax.

    Raises:
        ValueError: a blank node (a query cannot name a stored one) or a term that is
            not valid RDF.
    """
    if term is None:
        return variable
    if isinstance(term, BNode):
        raise ValueError("a SPARQL query cannot name a stored blank node")
    return str(to_ox(term))  # validated: an invalid IRI or language tag raises ValueError
