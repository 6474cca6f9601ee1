"""The SPARQL 1.1 Graph Store HTTP Protocol (W3C Recommendation 2013) at ``/store``.

``?graph=<iri>`` names a graph, ``?default`` the default graph, which for writes and
reads here is the data graph (:data:`kg.vocab.DATA_GRAPH`). Every write becomes one
Delta on the write road: validated and committed atomically, or refused with nothing
written (422 with the SHACL report). System graphs can be read but not written (403).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import AppSettings, Graph, ReaderCaller, WriterCaller
from api.errors import Problem
from api.limits import within_deadline
from api.negotiation import DOCUMENT_SYNTAXES, RDF_BODIES, negotiate
from api.rdf_output import content_type
from api.settings import ApiSettings
from kg import (
    DATA_GRAPH,
    SYNTAXES,
    SYSTEM_GRAPHS,
    KnowledgeGraph,
    ProtectedGraph,
    WriteContext,
    WriteReceipt,
    checked_iri,
    parse_quads,
    syntax_for_media_type,
)

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


@router.get(
    "/store",
    summary="Read a graph (§5.2)",
    openapi_extra=_GRAPH_PARAMS,
    responses={200: {"content": {t: {} for t in dict.fromkeys(DOCUMENT_SYNTAXES.values())}}},
)
async def read_graph(
    request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
) -> Response:
    """The graph's triples in the negotiated syntax, with its entity tag (``ETag``, for a
    conditional PUT, POST or DELETE with ``If-Match``); 404 when the graph is unknown."""
    body, media_type, tag = await _graph_document(request, graph, settings)
    return Response(body, media_type=content_type(media_type), headers=_headers(tag))


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
    body, media_type, tag = await _graph_document(request, graph, settings)
    return Response(
        media_type=content_type(media_type),
        headers=_headers(tag) | {"Content-Length": str(len(body))},
    )


def _headers(tag: str | None) -> dict[str, str]:
    return {"Vary": "Accept"} | ({"ETag": tag} if tag else {})


async def _graph_document(request: Request, graph: KnowledgeGraph, settings: ApiSettings):
    name = target_graph(request)
    media_type = negotiate(request.headers.get("accept"), DOCUMENT_SYNTAXES)
    if not graph.has_graph(name):
        raise Problem(404, f"no graph {name}", "unknown-graph")
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}"

    def read() -> tuple[bytes, str | None]:
        return graph.query_serialized(sparql, media_type), graph.graph_tag(name)

    body, tag = await within_deadline(read, settings.query_timeout_s)
    return body, media_type, tag


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
    """Make the graph hold exactly the body; 201 when it did not exist, else 204.
    With ``If-Match`` the graph is replaced only if it still has that tag (else 412)."""
    name = _writable(target_graph(request))
    quads = await _body_quads(request, settings, name)
    return await _written(
        lambda context: graph.write_graph(
            name, quads, context, replace=True, if_match=_if_match(request)
        ),
        caller.agent,
        name,
        "gsp-put",
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
    name = _writable(target_graph(request))
    quads = await _body_quads(request, settings, name)
    return await _written(
        lambda context: graph.write_graph(
            name, quads, context, replace=False, if_match=_if_match(request)
        ),
        caller.agent,
        name,
        "gsp-post",
    )


@router.delete(
    "/store", summary="Delete a graph (§5.4)", openapi_extra=_GRAPH_PARAMS, status_code=204
)
async def delete_graph(request: Request, graph: Graph, caller: WriterCaller) -> Response:
    """Empty the graph; 404 when it is unknown, else 204."""
    name = _writable(target_graph(request))
    return await _written(
        lambda context: graph.clear_graph(name, context, if_match=_if_match(request)),
        caller.agent,
        name,
        "gsp-delete",
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


def _writable(name):
    if name in SYSTEM_GRAPHS:
        raise ProtectedGraph(f"{name} is maintained by the system and cannot be written")
    return name


def _if_match(request: Request) -> str | None:
    return request.headers.get("if-match")


async def _written(write, agent: str, name, operation: str) -> Response:
    """Run ``write`` (given its provenance context) in the thread pool; 201 when it
    created the graph, else 204."""
    context = WriteContext(agent, f"{operation} {name}", operation)
    receipt: WriteReceipt = await run_in_threadpool(write, context)
    return Response(status_code=201 if receipt.created else 204)
