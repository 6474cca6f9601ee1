"""Entity tags of stored descriptions and graphs, for conditional writes (RFC 9110 §8.8.3).

A client that reads a resource or a graph gets its tag (``ETag``); a write sent with
``If-Match: <tag>`` is applied only if, in the writer's turn, what is stored still has
that tag — the way a read-modify-write over HTTP loses no concurrent update.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from kg.store.base import Quad


def entity_tag(quads: Iterable[Quad]) -> str:
    """A strong entity tag of a set of quads: the same quads, the same tag, whatever the
    order they are read in.

    >>> from rdflib import URIRef, Literal
    >>> q = (URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("v"), URIRef("urn:x:g"))
    >>> entity_tag([q]) == entity_tag([q, q]) != entity_tag([])
    True
    """
    digest = hashlib.sha256()
    for line in sorted({" ".join(term.n3() for term in quad) for quad in quads}):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return f'"{digest.hexdigest()[:32]}"'
