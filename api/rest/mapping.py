"""Resource models to quads and back; reading a resource from the data graph."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Identifier

from api.errors import Problem
from api.rest.fields import expand, field_term, from_rdf, to_rdf
from api.rest.model import ResourceKind, ResourceModel
from kg import DATA_GRAPH, KnowledgeGraph, Quad, sparql_prologue

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def iri_of(base_iri: str, kind: ResourceKind, slug: str) -> URIRef:
    """The IRI ``{base_iri}{singular}/{slug}``.

    Raises:
        Problem: 404 for a slug that no minted IRI could have.
    """
    if not _SLUG.fullmatch(slug):
        raise Problem(404, f"no {kind.singular} {slug!r}", "unknown-resource")
    return URIRef(f"{base_iri}{kind.singular}/{slug}")


def is_slug(text: str) -> bool:
    """True when ``text`` is a slug an IRI of this API may end in."""
    return _SLUG.fullmatch(text) is not None


def minted_slug(label: str | None) -> str:
    """A new slug: the label's words (if any) and a random suffix."""
    words = re.sub(r"[^a-z0-9]+", "-", (label or "").lower()).strip("-")[:40].strip("-")
    suffix = uuid.uuid4().hex[:8]
    return f"{words}-{suffix}" if words else suffix


def quads_of(model: ResourceModel, iri: URIRef, kind: ResourceKind) -> set[Quad]:
    """The data-graph quads describing ``model`` as ``iri`` (its class always typed)."""
    return {
        (iri, predicate, value, DATA_GRAPH)
        for predicate, values in values_of(model, kind).items()
        for value in values
    }


def values_of(
    model: ResourceModel, kind: ResourceKind, fields: Iterable[str] | None = None
) -> dict[URIRef, list[Identifier]]:
    """The RDF values of ``model``'s mapped ``fields`` (all when None), by predicate; a
    field without a value maps to no values. ``rdf:type`` always holds the kind's class.
    """
    names = type(model).model_fields if fields is None else fields
    values: dict[URIRef, list[Identifier]] = {}
    for name in names:
        mapped = field_term(type(model).model_fields[name])
        if mapped is None:
            continue
        predicate, value_kind = mapped
        value = getattr(model, name)
        items = [] if value is None else value if isinstance(value, list) else [value]
        values[predicate] = [to_rdf(item, value_kind) for item in items]
    if fields is None or RDF.type in values:
        kind_class = expand(kind.rdf_class)
        types = values.setdefault(RDF.type, [])
        if kind_class not in types:
            types.append(kind_class)
    return values


def stored_quads(graph: KnowledgeGraph, iri: URIRef) -> set[Quad]:
    return graph.description(iri)


def is_member(graph: KnowledgeGraph, iri: URIRef, kind: ResourceKind) -> bool:
    return graph.ask(f"{sparql_prologue()}ASK {{ {iri.n3()} a {kind.rdf_class} }}")


def model_from(quads: set[Quad], iri: URIRef, kind: ResourceKind) -> ResourceModel:
    """The model of a stored resource (values that fit no field are left out)."""
    by_predicate: dict[URIRef, list] = {}
    for _s, predicate, obj, _g in sorted(quads):
        by_predicate.setdefault(predicate, []).append(obj)
    values: dict[str, Any] = {"id": str(iri)}
    for name, info in kind.model.model_fields.items():
        mapped = field_term(info)
        if mapped is None or mapped[0] not in by_predicate:
            continue
        converted = [from_rdf(o, mapped[1]) for o in by_predicate[mapped[0]]]
        values[name] = converted if _is_list(info) else converted[0]
    try:
        return kind.model.model_validate(values)
    except ValidationError:  # stored data the model cannot express: show what there is
        return kind.model.model_construct(**values)


def _is_list(info) -> bool:
    return getattr(info.annotation, "__origin__", None) is list


def read(graph: KnowledgeGraph, iri: URIRef, kind: ResourceKind) -> ResourceModel:
    """The stored resource ``iri`` of ``kind``.

    Raises:
        Problem: 404 when no such resource exists.
    """
    quads = stored_quads(graph, iri)
    if not quads or not is_member(graph, iri, kind):
        raise Problem(404, f"no {kind.singular} {iri}", "unknown-resource")
    return model_from(quads, iri, kind)
