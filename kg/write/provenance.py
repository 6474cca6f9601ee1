"""Provenance of writes: one ``prov:Activity`` per accepted write, in its own graph."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.store.base import Quad, Store
from kg.vocab import CKM, PROVENANCE_GRAPH

REQUEST_KEY: ContextVar[str | None] = ContextVar("ckm_request_key", default=None)
"""The idempotency key of the HTTP request being served (``api/idempotency.py`` sets
it): a write made for that request records it on its activity as ``dcterms:identifier``,
in the same commit, so that a retry after a crash can tell whether the write happened."""


@dataclass(frozen=True)
class WriteContext:
    """Who writes, from where, and what kind of write it is (for the provenance record).

    ``forget``: IRIs the write must leave no trace of (an erasure): the provenance
    quads naming them go in the same commit, and the write's own record names none.
    """

    agent: str = "anonymous"
    source: str | None = None
    operation: str = "write"
    forget: frozenset[URIRef] = frozenset()
    request_key: str | None = field(default_factory=REQUEST_KEY.get)


def agent_iri(name: str) -> URIRef:
    return URIRef(f"urn:ckm:agent:{quote(name, safe='')}")


def activity_record(
    context: WriteContext,
    *,
    started: datetime,
    added: int,
    removed: int,
    graphs: set[URIRef],
) -> tuple[URIRef, list[Quad]]:
    """The activity IRI and quads describing one write (no personal data beyond the
    writer's key name and the source the writer named)."""
    activity = URIRef(f"urn:ckm:activity:{uuid.uuid4()}")
    agent = agent_iri(context.agent)
    ended = datetime.now(UTC)
    triples = [
        (activity, RDF.type, PROV.Activity),
        (activity, RDF.type, CKM.WriteActivity),
        (activity, RDFS.label, Literal(context.operation)),
        (activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)),
        (activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)),
        (activity, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.Agent),
        (agent, RDFS.label, Literal(context.agent)),
        (activity, CKM.triplesAdded, Literal(added, datatype=XSD.nonNegativeInteger)),
        (activity, CKM.triplesRemoved, Literal(removed, datatype=XSD.nonNegativeInteger)),
    ]
    triples += [(activity, CKM.changedGraph, graph) for graph in sorted(graphs - context.forget)]
    if context.source:
        triples.append((activity, DCTERMS.source, Literal(context.source)))
    if context.request_key:
        triples.append((activity, DCTERMS.identifier, Literal(context.request_key)))
    return activity, [(s, p, o, PROVENANCE_GRAPH) for s, p, o in triples]


def provenance_naming(store: Store, nodes: Iterable[URIRef]) -> set[Quad]:
    """The provenance quads that name any of ``nodes``, in any position."""
    found: set[Quad] = set()
    for node in nodes:
        for pattern in ((node, None, None), (None, node, None), (None, None, node)):
            found.update(store.quads(*pattern, PROVENANCE_GRAPH))
    return found
