"""The seed passages a diagnosis cites: ``quotes.ttl``, one ``ckm:Quote`` per passage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import URIRef

from kg.vocab import CKM

QUOTES_FILE = Path(__file__).resolve().parent / "quotes.ttl"
QUOTE = Namespace("https://w3id.org/ckm/diagnosis/quote/")


@dataclass(frozen=True)
class Quote:
    """A passage quoted word for word, and the seed file and line it is from."""

    iri: URIRef
    text: str
    source: str


@cache
def quotes() -> Mapping[URIRef, Quote]:
    """Every quote of ``quotes.ttl``, keyed by IRI; read once."""
    graph = Graph().parse(QUOTES_FILE, format="turtle")
    return MappingProxyType(
        {
            iri: Quote(
                iri, str(graph.value(iri, CKM.quotedText)), str(graph.value(iri, DCTERMS.source))
            )
            for iri in graph.subjects(RDF.type, CKM.Quote)
            if isinstance(iri, URIRef)
        }
    )


def quote(slug: str) -> Quote:
    """The quote ``q:<slug>``.

    Raises:
        KeyError: ``quotes.ttl`` has no such quote.
    """
    return quotes()[QUOTE[slug]]
