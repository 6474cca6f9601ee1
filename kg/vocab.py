"""Namespaces, graph names and the vocabulary terms the code refers to by name."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CKM = Namespace("https://w3id.org/ckm#")
CKMSH = Namespace("https://w3id.org/ckm/shapes#")
ONTOLOGY_IRI = URIRef("https://w3id.org/ckm")

# Named graphs of the store. Queries see their union as the default graph.
ONTOLOGY_GRAPH = URIRef("urn:ckm:graph:ontology")
DATA_GRAPH = URIRef("urn:ckm:graph:data")
INFERRED_GRAPH = URIRef("urn:ckm:graph:inferred")
PROVENANCE_GRAPH = URIRef("urn:ckm:graph:provenance")
# The store's version token (remote engines shared by several processes), no data.
VERSION_GRAPH = URIRef("urn:ckm:graph:version")
SYSTEM_GRAPHS = frozenset({ONTOLOGY_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH, VERSION_GRAPH})

PREFIXES: dict[str, str] = {
    "ckm": str(CKM),
    "ckmsh": str(CKMSH),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
}


# What a query or update sent to the endpoint (or `ckm query`) may use undeclared: ours,
# and the common ones GraphDB and Virtuoso predeclare.
COMMON_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
}


def sparql_prologue() -> str:
    """PREFIX declarations for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
