"""Resources as JSON (compact JSON-LD with the published ``@context``) or as RDF.

The JSON-LD form (``application/ld+json``) is the JSON plus every stored triple of the
resource that its fields do not carry, under the predicate's compact IRI: expanded, it
gives the same triples as the Turtle form. Plain JSON (``application/json``) is the
model alone."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from api.negotiation import RESOURCE_FORMATS, negotiate
from api.rdf_output import content_type, serialize_graph
from api.rest.fields import compact, field_term
from api.rest.mapping import values_of
from api.rest.model import ResourceKind, ResourceModel
from kg import Quad

CONTEXT_PATH = "/context.jsonld"


def as_json(model: ResourceModel) -> dict:
    return model.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def unmapped(model: ResourceModel, kind: ResourceKind, stored: set[Quad]) -> dict:
    """What the JSON-LD form changes in ``model``'s JSON so that it expands to exactly
    the ``stored`` triples: each stored triple no field carries, under its predicate's
    compact IRI; and a field whose JSON value is not the stored term (``40`` for
    ``"40"^^xsd:nonNegativeInteger``, a language tag, a second value) given as the
    stored terms themselves (JSON-LD value objects are not coerced by the context)."""
    carried = values_of(model, kind)
    fields = {}
    for name, info in type(model).model_fields.items():
        mapped = field_term(info)
        if mapped is not None and name != "type":
            fields[mapped[0]] = name
    by_predicate: dict = {}
    for _s, predicate, obj, _g in sorted(stored):
        by_predicate.setdefault(predicate, []).append(obj)
    changed: dict[str, object] = {}
    for predicate in sorted(set(by_predicate) | set(fields)):
        values = by_predicate.get(predicate, [])
        exact = set(carried.get(predicate, ()))
        if predicate in fields and exact and exact != set(values):
            changed[fields[predicate]] = [_jsonld_value(v) for v in values] or None
            continue
        rest = [v for v in values if v not in exact]
        if rest:
            changed[compact(str(predicate))] = [_jsonld_value(v) for v in rest]
    return changed


def _jsonld_value(node) -> dict:
    if isinstance(node, URIRef):
        return {"@id": str(node)}
    if isinstance(node, Literal) and node.language:
        return {"@value": str(node), "@language": node.language}
    if isinstance(node, Literal) and node.datatype not in (None, XSD.string):
        return {"@value": str(node), "@type": str(node.datatype)}
    return {"@value": str(node)}


def represent(
    request: Request,
    body: dict,
    quads: set[Quad],
    status: int = 200,
    headers: dict[str, str] | None = None,
    linked: dict | list[dict] | None = None,
) -> Response:
    """``body`` (JSON) or ``quads`` (RDF syntaxes), by the request's ``Accept``;
    ``linked`` is what JSON-LD adds (:func:`unmapped`) to the body, or to each of its
    ``items``.

    Raises:
        Problem: 406 when no offered format is acceptable.
    """
    media_type = negotiate(request.headers.get("accept"), RESOURCE_FORMATS)
    headers = {"Vary": "Accept", **(headers or {})}
    if media_type in ("application/json", "application/ld+json"):
        if media_type == "application/ld+json" and isinstance(linked, list):
            body = body | {"items": [i | e for i, e in zip(body["items"], linked, strict=True)]}
        elif media_type == "application/ld+json" and linked:
            body = body | linked
        context = str(request.url_for("jsonld_context"))
        return JSONResponse(
            {"@context": context, **body}, status, headers=headers, media_type=media_type
        )
    graph = Graph()
    for s, p, o, _g in quads:
        graph.add((s, p, o))
    return Response(
        serialize_graph(graph, media_type),
        status,
        headers=headers,
        media_type=content_type(media_type),
    )
