"""The SPARQL 1.1 Graph Store HTTP Protocol (W3C Recommendation 2013) at ``/store``.

``?graph=<iri>`` names a graph, ``?default`` the default graph, which for writes and
reads here is the data graph (:data:`kg.vocab.DATA_GRAPH`). Every write becomes one
Delta on the write road: validated and committed atomically, or refused with nothing
written (422 with the SHACL report). System graphs can be read but not written (403).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from api.auth import Caller
from api.deps import AppSettings, Graph, ReaderCaller, WriterCaller
from api.errors import Problem
from api.limits import within_deadline
from api.negotiation import DOCUMENT_SYNTAXES, RDF_BODIES, negotiate
from api.rdf_output import content_type
from api.settings import ApiSettings
from kg.delta import Delta, adding, clearing_graph, ensure_writable, replacing_graph
from kg.graph import SYNTAXES, KnowledgeGraph, parse_quads, syntax_for_media_type
from kg.iri import checked_iri
from kg.provenance import WriteContext
from kg.vocab import DATA_GRAPH

router = APIRouter(tags=["Graph Store HTTP Protocol"])

_GRAPH_PARAMS = {
    "parameters": [
        {
            "name": "graph",
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": "IRI of the graph",
            "example": str(DATA_GRAPH),
        },
        {
            "name": "default",
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "allowEmptyValue": True,
            "description": "present (no value) to name the default (data) graph",
        },
    ]
}
_RDF_BODY = {
    **_GRAPH_PARAMS,
    "requestBody": {
        "required": True,
        "content": RDF_BODIES
        | {
            "text/turtle": {
                "schema": {"type": "string"},
                "example": (
                    "@prefix ckm: <https://w3id.org/ckm#> .\n"
                    '<http://localhost:8000/id/customer/acme> ckm:country "LI" .'
                ),
            }
        },
    },
}


def target_graph(request: Request):
    """The graph a request names (§4): ``?graph=`` or ``?default``, exactly one.

    Raises:
        Problem: 400 for neither, both, or a graph that is not an absolute IRI.
    """
    params = request.query_params
    graphs = params.getlist("graph")
    if ("default" in params) == bool(graphs) or len(graphs) > 1:
        raise Problem(400, "name exactly one graph: ?graph=<iri> or ?default", "graph-required")
    return DATA_GRAPH if "default" in params else checked_iri(graphs[0])


def _exists(graph: KnowledgeGraph, name) -> bool:
    return name == DATA_GRAPH or next(graph.store.quads(graph=name), None) is not None


@router.get(
    "/store",
    summary="Read a graph (§5.2)",
    openapi_extra=_GRAPH_PARAMS,
    responses={200: {"content": {t: {} for t in dict.fromkeys(DOCUMENT_SYNTAXES.values())}}},
)
async def read_graph(
    request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
) -> Response:
    """The graph's triples in the negotiated syntax; 404 when the graph is unknown."""
    body, media_type = await _graph_document(request, graph, settings)
    return Response(body, media_type=content_type(media_type), headers={"Vary": "Accept"})


@router.head(
    "/store",
    summary="Headers of a graph's GET (§5.6)",
    openapi_extra=_GRAPH_PARAMS,
    responses={200: {"content": {t: {} for t in dict.fromkeys(DOCUMENT_SYNTAXES.values())}}},
)
async def graph_headers(
    request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
) -> Response:
    """What GET would answer, without the body."""
    body, media_type = await _graph_document(request, graph, settings)
    return Response(
        media_type=content_type(media_type),
        headers={"Vary": "Accept", "Content-Length": str(len(body))},
    )


async def _graph_document(request: Request, graph: KnowledgeGraph, settings: ApiSettings):
    name = target_graph(request)
    media_type = negotiate(request.headers.get("accept"), DOCUMENT_SYNTAXES)
    if not _exists(graph, name):
        raise Problem(404, f"no graph {name}", "unknown-graph")
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}"
    body = await within_deadline(
        lambda: graph.query_serialized(sparql, media_type), settings.query_timeout_s
    )
    return body, media_type


@router.put(
    "/store",
    summary="Replace a graph (§5.3)",
    openapi_extra=_RDF_BODY,
    status_code=204,
    responses={201: {"description": "graph created"}},
)
async def replace_graph(
    request: Request, graph: Graph, settings: AppSettings, caller: WriterCaller
) -> Response:
    """Make the graph hold exactly the body; 201 when it did not exist, else 204."""
    name = target_graph(request)
    ensure_writable([name])
    quads = await _body_quads(request, settings, name)
    return await _write(
        graph, caller, name, "gsp-put", lambda: replacing_graph(graph.store, name, quads)
    )


@router.post(
    "/store",
    summary="Add to a graph (§5.5)",
    openapi_extra=_RDF_BODY,
    status_code=204,
    responses={201: {"description": "graph created"}},
)
async def merge_into_graph(
    request: Request, graph: Graph, settings: AppSettings, caller: WriterCaller
) -> Response:
    """Add the body's triples to the graph; 201 when it did not exist, else 204."""
    name = target_graph(request)
    ensure_writable([name])
    quads = await _body_quads(request, settings, name)
    return await _write(graph, caller, name, "gsp-post", lambda: adding(quads))


@router.delete(
    "/store", summary="Delete a graph (§5.4)", openapi_extra=_GRAPH_PARAMS, status_code=204
)
async def delete_graph(request: Request, graph: Graph, caller: WriterCaller) -> Response:
    """Empty the graph; 404 when it is unknown, else 204."""
    name = target_graph(request)
    ensure_writable([name])
    if name != DATA_GRAPH and not _exists(graph, name):
        raise Problem(404, f"no graph {name}", "unknown-graph")
    return await _write(
        graph, caller, name, "gsp-delete", lambda: clearing_graph(graph.store, name)
    )


async def _body_quads(request: Request, settings: ApiSettings, name):
    """The body's triples, all placed in graph ``name``.

    Raises:
        Problem: 415 for a media type that is not an RDF syntax.
        RdfSyntaxError: the body does not parse (400 naming line and column).
    """
    declared = request.headers.get("content-type", "")
    syntax = syntax_for_media_type(declared) if declared else None
    if syntax is None:
        offered = ", ".join(s.media_type for s in SYNTAXES)
        raise Problem(
            415,
            f"send RDF as one of {offered}, not {declared or 'no Content-Type'}",
            "unsupported-media-type",
        )
    payload = await request.body()
    quads = await run_in_threadpool(
        parse_quads, payload, syntax, target_graph=name, base_iri=settings.base_iri
    )
    # The body is the content of ONE graph: graph names inside it are not honoured.
    return [(s, p, o, name) for s, p, o, _g in quads]


async def _write(graph: KnowledgeGraph, caller: Caller, name, operation: str, build) -> Response:
    def apply() -> bool:
        existed = next(graph.store.quads(graph=name), None) is not None
        delta: Delta = build()
        graph.write(delta, WriteContext(caller.agent, f"{operation} {name}", operation))
        return existed

    existed = await run_in_threadpool(apply)
    created = not existed and next(graph.store.quads(graph=name), None) is not None
    return Response(status_code=201 if created else 204)
