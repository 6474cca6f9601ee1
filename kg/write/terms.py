"""Which IRIs are the ontology's terms, which the system's, and which name data.

A data node is any IRI a user may describe: not a term the ontology declares (its
classes, properties, controlled-list individuals, the ontology itself), not a term of
the W3C vocabularies (RDF, RDFS, OWL, XSD, SHACL), not an IRI the system mints for
itself (``urn:ckm:…``). Every data node a write touches is validated, whatever its
namespace: ``ckm:ghost a ckm:Customer`` is a customer like any other.
"""

from __future__ import annotations

import functools

from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import URIRef

from kg.resources import ONTOLOGY_TTL
from kg.store.parsing import parse_quads, syntax_named

W3C_NAMESPACES = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD, SH))
SYSTEM_PREFIX = "urn:ckm:"


@functools.cache
def declared_terms() -> frozenset[URIRef]:
    """Every IRI the shipped ontology file describes (a subject of one of its triples)."""
    quads = parse_quads(
        ONTOLOGY_TTL.read_bytes(),
        syntax_named("turtle"),
        target_graph=URIRef("urn:ckm:graph:ontology"),
        base_iri=ONTOLOGY_TTL.as_uri(),
    )
    return frozenset(s for s, _p, _o, _g in quads if isinstance(s, URIRef))


def is_vocabulary_term(term: object) -> bool:
    """True for an IRI of a W3C vocabulary or one the ontology declares."""
    return isinstance(term, URIRef) and (
        str(term).startswith(W3C_NAMESPACES) or term in declared_terms()
    )


def is_system_iri(term: object) -> bool:
    """True for an IRI the system mints for itself (graphs, activities, agents)."""
    return isinstance(term, URIRef) and str(term).startswith(SYSTEM_PREFIX)


def is_data_node(term: object) -> bool:
    """True for IRIs that name data (not vocabulary terms, system IRIs nor literals).

    >>> from kg.vocab import CKM
    >>> is_data_node(CKM.ghost), is_data_node(CKM.Customer), is_data_node(RDF.type)
    (True, False, False)
    """
    return isinstance(term, URIRef) and not is_vocabulary_term(term) and not is_system_iri(term)
