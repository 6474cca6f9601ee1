"""The SPARQL 1.1 Service Description of the endpoint (served on GET without a query)."""

from __future__ import annotations

from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from api.settings import ApiSettings

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "N-Quads",
    "TriG",
)


def service_description(endpoint: str, settings: ApiSettings, graphs: list[URIRef]) -> Graph:
    """What the endpoint at ``endpoint`` supports and the dataset it serves."""
    sd = Graph()
    sd.bind("sd", SD)
    sd.bind("formats", FORMATS)
    service = URIRef(endpoint + "#service")
    sd.add((service, RDF.type, SD.Service))
    sd.add((service, SD.endpoint, URIRef(endpoint)))
    sd.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    sd.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    sd.add((service, SD.feature, SD.UnionDefaultGraph))
    if settings.allow_service:
        sd.add((service, SD.feature, SD.BasicFederatedQuery))
    for name in _RESULT_FORMATS:
        sd.add((service, SD.resultFormat, FORMATS[name]))
    dataset, default = BNode(), BNode()
    sd.add((service, SD.defaultDataset, dataset))
    sd.add((dataset, RDF.type, SD.Dataset))
    sd.add((dataset, SD.defaultGraph, default))
    sd.add((default, RDF.type, SD.Graph))
    for graph in graphs:
        named = BNode()
        sd.add((dataset, SD.namedGraph, named))
        sd.add((named, RDF.type, SD.NamedGraph))
        sd.add((named, SD.name, graph))
    return sd
