"""Parameter types: user text parsed into a typed RDF term, and the term written as SPARQL.

User text never reaches a query as it was typed. It is parsed into a Python value of the
parameter's type (an IRI is checked against RFC 3987, a date goes through
:meth:`date.fromisoformat`…) and the term is written from that value: canonical lexical
forms for numbers and dates, escaped quotes for strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.iri import InvalidIri, checked_iri
from kg.vocab import PREFIXES

IRI = "IRI"
Term = URIRef | Literal

_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):([A-Za-z_][A-Za-z0-9_.-]*)")
_DATE = re.compile(r"-?\d{4,}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}
# SPARQL ECHAR escapes (SPARQL 1.1 §19.7): everything a short string literal cannot hold.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def expand_iri(text: str) -> URIRef:
    """``text`` as an IRI: a CURIE with a known prefix (``ckm:Discount``) or an absolute IRI.

    Raises:
        ValueError: neither a known CURIE nor an absolute IRI.
    """
    curie = _CURIE.fullmatch(text)
    if curie and curie.group(1) in PREFIXES:
        return URIRef(PREFIXES[curie.group(1)] + curie.group(2))
    try:
        return checked_iri(text)
    except InvalidIri:
        raise ValueError(
            "expected an absolute IRI (e.g. http://localhost:8000/id/firm/acme) or a CURIE "
            f"with a known prefix ({', '.join(PREFIXES)})"
        ) from None


def _date(text: str) -> Literal:
    if not _DATE.fullmatch(text):
        raise ValueError("expected a date as YYYY-MM-DD")
    return Literal(date.fromisoformat(text).isoformat(), datatype=XSD.date)


def _date_time(text: str) -> Literal:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("expected a date-time as YYYY-MM-DDThh:mm:ss with a time zone") from None
    if value.tzinfo is None:
        raise ValueError("expected a date-time with a time zone, e.g. 2026-03-04T10:00:00Z")
    return Literal(value.isoformat(), datatype=XSD.dateTime)


def _integer(text: str) -> Literal:
    if not _INTEGER.fullmatch(text):
        raise ValueError("expected a whole number")
    return Literal(str(int(text)), datatype=XSD.integer)


def _decimal(text: str) -> Literal:
    if not _DECIMAL.fullmatch(text):
        raise ValueError("expected a decimal number such as 0.3")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("expected a decimal number such as 0.3") from None
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _boolean(text: str) -> Literal:
    if text.lower() not in _BOOLEAN:
        raise ValueError("expected true or false")
    return Literal("true" if _BOOLEAN[text.lower()] else "false", datatype=XSD.boolean)


def _string(text: str) -> Literal:
    return Literal(text)


# The types a parameter may have: "IRI" or one of these XSD datatypes (as CURIEs).
PARSERS: dict[str, Callable[[str], Term]] = {
    IRI: expand_iri,
    "xsd:string": _string,
    "xsd:date": _date,
    "xsd:dateTime": _date_time,
    "xsd:integer": _integer,
    "xsd:decimal": _decimal,
    "xsd:boolean": _boolean,
}


def parse_term(datatype: str, text: str) -> Term:
    """``text`` as a term of ``datatype`` (a key of :data:`PARSERS`).

    Raises:
        ValueError: ``text`` is not a value of ``datatype`` (the message says what is
            expected), or is empty while the type is not ``xsd:string``.
        KeyError: ``datatype`` is not a supported parameter type.
    """
    parser = PARSERS[datatype]
    if not text and datatype != "xsd:string":
        raise ValueError("the value is empty")
    return parser(text)


def sparql_term(term: Term | None) -> str:
    """``term`` written as SPARQL (``UNDEF`` for None), from its parsed value only."""
    if term is None:
        return "UNDEF"
    if isinstance(term, URIRef):
        return f"<{checked_iri(str(term))}>"
    text = f'"{str(term).translate(_ESCAPES)}"'
    if term.datatype is None or term.datatype == XSD.string:
        return text
    return f"{text}^^<{term.datatype}>"
