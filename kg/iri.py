"""Checking IRIs that come from users before they reach a query or the store."""

from __future__ import annotations

import re

from rdflib.term import URIRef

from kg.errors import InvalidIri

# RFC 3987: a scheme, then no whitespace, no <>"{}|\^` and no control characters.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`\x00-\x20]*")


def checked_iri(text: str) -> URIRef:
    """``text`` as an IRI, safe to write into SPARQL as ``<…>``.

    Raises:
        InvalidIri: not an absolute IRI (no scheme, spaces, angle brackets, quotes…).
    """
    if not _IRI.fullmatch(text):
        raise InvalidIri(f"not an absolute IRI: {text!r}")
    return URIRef(text)
