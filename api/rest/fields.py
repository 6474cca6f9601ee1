"""Fields of REST models mapped one-to-one to vocabulary terms, and the conversion of
their values to and from RDF terms.

A field is declared with :func:`term`, naming the predicate (a CURIE) and how its value
is written: ``ref`` (the IRI of another resource), ``vocab`` (a controlled-list
individual as ``ckm:LocalName``, or the IRI of a firm's own concept), ``string``,
``date``, ``datetime`` or ``integer``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any
from typing import Literal as TypingLiteral

from pydantic import AfterValidator, Field
from pydantic.fields import FieldInfo
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg import PREFIXES, checked_iri

ValueKind = TypingLiteral["ref", "vocab", "string", "date", "datetime", "integer"]


def _absolute_iri(text: str) -> str:
    checked_iri(text)  # InvalidIri is a ValueError: pydantic reports it on the field
    return text


Ref = Annotated[str, AfterValidator(_absolute_iri)]
_CKM_CURIE = re.compile(r"ckm:[A-Za-z][A-Za-z0-9]*")


def _vocab_value(text: str) -> str:
    """``ckm:LocalName``, or the absolute IRI of a concept a firm's admin added to an
    open scheme (issue 17 E2); the shapes decide whether it is a member of the list."""
    if _CKM_CURIE.fullmatch(text):
        return text
    if text.startswith("ckm:"):
        raise ValueError(f"{text!r} is not a ckm: term (ckm:LocalName, letters and digits)")
    checked_iri(text)
    return text


Vocab = Annotated[str, AfterValidator(_vocab_value)]


def term(curie: str, kind: ValueKind, description: str, **field: Any) -> Any:
    """A model field holding values of the property ``curie``."""
    return Field(description=description, json_schema_extra={"term": curie, "kind": kind}, **field)


def expand(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    return URIRef(PREFIXES[prefix] + local)


def compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri[len(namespace) :].isalnum():
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def field_term(info: FieldInfo) -> tuple[URIRef, ValueKind] | None:
    extra = info.json_schema_extra
    if not isinstance(extra, dict) or "term" not in extra:
        return None
    return expand(str(extra["term"])), extra["kind"]  # type: ignore[return-value]


def to_rdf(value: Any, kind: ValueKind) -> Identifier:
    """A field value as the RDF term stored for it."""
    match kind:
        case "ref":
            return URIRef(value)
        case "vocab":
            return expand(value) if _CKM_CURIE.fullmatch(value) else URIRef(value)
        case "date":
            return Literal(value, datatype=XSD.date)
        case "datetime":
            return Literal(value, datatype=XSD.dateTime)
        case "integer":
            return Literal(value, datatype=XSD.integer)
    return Literal(value)


def from_rdf(node: Identifier, kind: ValueKind) -> Any:
    """A stored RDF term as a field value (the inverse of :func:`to_rdf`)."""
    if kind == "vocab":
        return compact(str(node))
    if kind == "ref" or not isinstance(node, Literal):
        return str(node)
    value = node.toPython()
    if kind == "integer":
        return int(value)
    if kind in ("date", "datetime") and isinstance(value, date | datetime):
        return value
    return str(value)
