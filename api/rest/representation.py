"""Resources as JSON (compact JSON-LD with the published ``@context``) or as RDF."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from rdflib import Graph

from api.negotiation import RESOURCE_FORMATS, negotiate
from api.rdf_output import content_type, serialize_graph
from api.rest.model import ResourceModel
from kg import Quad

CONTEXT_PATH = "/context.jsonld"


def as_json(model: ResourceModel) -> dict:
    return model.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def represent(
    request: Request,
    body: dict,
    quads: set[Quad],
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """``body`` (JSON) or ``quads`` (RDF syntaxes), by the request's ``Accept``.

    Raises:
        Problem: 406 when no offered format is acceptable.
    """
    media_type = negotiate(request.headers.get("accept"), RESOURCE_FORMATS)
    headers = {"Vary": "Accept", **(headers or {})}
    if media_type in ("application/json", "application/ld+json"):
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
