"""Whether a literal matches an ``sh:datatype`` (SHACL §4.1.2: its datatype, and not
ill-formed), decided as pySHACL 0.40 decides it.

SPARQL cannot see rdflib's ill-typed flag (``"abc"^^xsd:integer`` or
``"-1"^^xsd:nonNegativeInteger``), so the validator decides in Python, once per distinct
literal, and writes a marker triple ``WELL_TYPED <datatype> literal`` that the compiled
queries look up.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

WELL_TYPED = "urn:ckm:shacl:wellTyped"

# The Python value type rdflib gives a well-typed literal of each checked datatype;
# pySHACL accepts any other datatype whose IRI matches.
_VALUE_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def datatypes_matched(literal: Literal, wanted: frozenset[URIRef]) -> list[URIRef]:
    """The datatypes among ``wanted`` that ``literal`` satisfies (see
    :func:`matches_datatype`); only its own datatype and two special ones can."""
    if literal.datatype is not None:
        own = literal.datatype
    else:
        own = RDF.langString if literal.language else XSD.string
    matched = [own] if own in wanted and matches_datatype(literal, own) else []
    if RDFS.Literal in wanted:
        matched.append(RDFS.Literal)
    if RDFS.Datatype in wanted and literal.datatype is not None:
        matched.append(RDFS.Datatype)
    return matched


def matches_datatype(literal: Literal, datatype: URIRef) -> bool:
    """True when ``literal`` satisfies ``sh:datatype datatype`` (pySHACL 0.40 rules)."""
    if literal.datatype == datatype:
        return literal.ill_typed is not True and _holds_value_of(literal, datatype)
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype:
        return literal.datatype is not None
    if literal.datatype is None and literal.language is None and datatype == XSD.string:
        return _holds_value_of(literal, datatype)
    if datatype == RDF.langString and literal.language:
        return _holds_value_of(literal, datatype)
    return False


def _holds_value_of(literal: Literal, datatype: URIRef) -> bool:
    expected = _VALUE_TYPES.get(datatype)
    return expected is None or isinstance(literal.value, expected)
