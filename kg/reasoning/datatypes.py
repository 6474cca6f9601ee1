"""The OWL 2 RL datatype map (Profiles §4.2) and rule dt-type2: a literal's value in a
datatype's value space.

dt-type2 (Table 8) types every literal with each datatype whose value space holds its
value. The inferred graph never holds those triples (a literal is no subject in RDF);
they matter as a premise of cls-svf1 with a datatype filler (``[ owl:onProperty p ;
owl:someValuesFrom xsd:decimal ]``), which is where both engines use this.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Literal, Node

_INTEGER_RANGES: dict[Node, tuple[int | None, int | None]] = {
    XSD.integer: (None, None),
    XSD.nonNegativeInteger: (0, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.positiveInteger: (1, None),
    XSD.negativeInteger: (None, -1),
    XSD.long: (-(2**63), 2**63 - 1),
    XSD.int: (-(2**31), 2**31 - 1),
    XSD.short: (-(2**15), 2**15 - 1),
    XSD.byte: (-128, 127),
    XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1),
    XSD.unsignedByte: (0, 255),
}
_DECIMALS = frozenset({XSD.decimal, *_INTEGER_RANGES})
_STRINGS = frozenset(
    {XSD.string, XSD.normalizedString, XSD.token, XSD.language, XSD.Name, XSD.NCName, XSD.NMTOKEN}
)
DATATYPE_MAP = frozenset(
    {RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, XSD.float, XSD.double, XSD.boolean}
    | {XSD.hexBinary, XSD.base64Binary, XSD.anyURI, XSD.dateTime, XSD.dateTimeStamp}
    | _DECIMALS
    | _STRINGS
)


def in_value_space(literal: Node, datatype: Node) -> bool:
    """Whether ``literal``'s value lies in the value space of ``datatype``, a datatype of
    the OWL 2 RL datatype map (dt-type2); False for anything else.

    The value spaces nest as XML Schema says: integers (each type its range) within
    decimals, string types within ``xsd:string``, strings within ``rdf:PlainLiteral``,
    everything within ``rdfs:Literal``. An ill-typed literal has no value.
    """
    if not isinstance(literal, Literal) or datatype not in DATATYPE_MAP:
        return False
    if datatype == RDFS.Literal:
        return True
    if literal.ill_typed:
        return False
    own = literal.datatype
    if own is None:  # a plain literal: xsd:string, or rdf:langString with a language
        own = RDF.langString if literal.language else XSD.string
    if own == datatype:
        return True
    if datatype == RDF.PlainLiteral:
        return own in _STRINGS or own == RDF.langString
    if own in _STRINGS:
        return datatype == XSD.string
    if own in _DECIMALS and datatype in _DECIMALS:
        return _decimal_in(literal.value, datatype)
    if own == XSD.dateTimeStamp:
        return datatype == XSD.dateTime
    if own == XSD.dateTime and datatype == XSD.dateTimeStamp:
        return getattr(literal.value, "tzinfo", None) is not None
    return False


def _decimal_in(value: object, datatype: Node) -> bool:
    if datatype == XSD.decimal:
        return True
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            return False
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    low, high = _INTEGER_RANGES[datatype]
    return (low is None or value >= low) and (high is None or value <= high)
