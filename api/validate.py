"""``/validate``: check RDF against the shapes as if it were added to the data graph;
nothing is written, whatever the outcome."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.deps import AppSettings, Graph, ReaderCaller
from api.errors import Problem
from api.negotiation import RDF_BODIES, negotiate
from api.rdf_output import content_type, serialize_graph
from kg import DATA_GRAPH, SYNTAXES, adding, parse_quads, syntax_for_media_type

router = APIRouter(tags=["validation"])

REPORT_FORMATS: dict[str, str] = {
    "application/json": "application/json",
    "text/turtle": "text/turtle",
    "application/ld+json": "application/ld+json",
    "text/plain": "text/plain",
}


@router.post(
    "/validate",
    summary="Validate RDF without writing it",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": RDF_BODIES,
        }
    },
    responses={200: {"content": {t: {} for t in REPORT_FORMATS}}},
)
async def validate(
    request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
) -> Response:
    """The SHACL report for the body added to the data graph (200 whether it conforms
    or not; ``conforms`` says). Named graphs in the body are validated as data too.

    Errors: 415 unknown Content-Type, 400 malformed RDF, 403 a system graph named.
    """
    syntax = syntax_for_media_type(request.headers.get("content-type", ""))
    if syntax is None:
        raise Problem(
            415, "send RDF: " + ", ".join(s.media_type for s in SYNTAXES), "unsupported-media-type"
        )
    media_type = negotiate(request.headers.get("accept"), REPORT_FORMATS)
    payload = await request.body()

    def check():
        quads = parse_quads(payload, syntax, target_graph=DATA_GRAPH, base_iri=settings.base_iri)
        return graph.check(adding(quads))

    report = await run_in_threadpool(check)
    if media_type == "application/json":
        return JSONResponse(report.as_dict())
    if media_type == "text/plain":
        return Response(report.to_text(), media_type=content_type(media_type))
    return Response(
        serialize_graph(report.to_rdf(), media_type), media_type=content_type(media_type)
    )
