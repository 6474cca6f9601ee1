"""The SPARQL 1.1 Protocol (W3C Recommendation 2013) as a mountable router at ``/sparql``.

Query by GET, by POST form or by POST ``application/sparql-query``; update by POST form
or by POST ``application/sparql-update``. An update becomes one Delta and takes the
write road: it is validated and committed atomically, or refused (422 with the SHACL
report) with nothing written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.auth import Caller, Role, authorize, caller_of
from api.deps import AppSettings, Graph, read_role
from api.errors import Problem
from api.negotiation import GRAPH_SYNTAXES, SELECT_RESULTS, negotiate
from api.query_runner import answer_query
from api.rdf_output import content_type, serialize_graph
from api.service_description import service_description
from api.settings import ApiSettings
from kg import (
    COMMON_PREFIXES,
    Dataset,
    KnowledgeGraph,
    UpdateSyntaxError,
    WriteContext,
    checked_iri,
    line_as_written,
    with_common_prefixes,
    with_using,
)

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
Params = Mapping[str, Sequence[str]]

router = APIRouter(tags=["SPARQL 1.1 Protocol"])


def _graph_parameters(*names: str, where: str) -> list[dict]:
    """The protocol's dataset parameters (§2.1.4, §2.2.3): IRIs, each repeatable."""
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "schema": {"type": "array", "items": {"type": "string"}},
            "explode": True,
            "description": f"{name.replace('-', ' ')} ({where}; repeatable)",
        }
        for name in names
    ]


_GET_PARAMS = {
    "parameters": _graph_parameters("default-graph-uri", "named-graph-uri", where="a query")
}
_POST_BODY = {
    # In the URL for a direct body; a form carries them as its own fields.
    "parameters": _graph_parameters(
        "default-graph-uri",
        "named-graph-uri",
        "using-graph-uri",
        "using-named-graph-uri",
        where="with a direct query or update body",
    ),
    "requestBody": {
        "required": True,
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "update": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "using-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "using-named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "example": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"},
            },
            SPARQL_QUERY: {
                "schema": {"type": "string", "format": "binary"},
                "example": "PREFIX ckm: <https://w3id.org/ckm#>\n"
                "SELECT ?c WHERE { ?c a ckm:Customer } LIMIT 10",
            },
            SPARQL_UPDATE: {
                "schema": {"type": "string", "format": "binary"},
                "example": "PREFIX ckm: <https://w3id.org/ckm#>\n"
                "INSERT DATA { <http://localhost:8000/id/customer/acme> "
                'ckm:country "LI" }',
            },
        },
    },
}


@router.get(
    "/sparql",
    summary="SPARQL query by GET; without a query, the service description",
    openapi_extra=_GET_PARAMS,
    responses={200: {"content": {"application/sparql-results+json": {}, "text/turtle": {}}}},
)
async def query_by_get(
    request: Request,
    graph: Graph,
    settings: AppSettings,
    query: str | None = None,
) -> Response:
    """SPARQL 1.1 Protocol §2.1.1 (query via GET); parameters ``query``,
    ``default-graph-uri``, ``named-graph-uri`` (repeatable)."""
    params = _multi(request.query_params.multi_items())
    authorize(caller_of(request), read_role(settings))
    if "update" in params:
        raise Problem(
            400, "an update must be sent by POST (SPARQL 1.1 Protocol §2.2)", "update-by-get"
        )
    if "query" not in params:
        return _service_description(request, graph, settings)
    return await _query(request, graph, settings, _single(params, "query"), params)


@router.post(
    "/sparql",
    summary="SPARQL query or update by POST (form or direct body)",
    openapi_extra=_POST_BODY,
    responses={
        200: {
            "description": "query results, a graph, or (update) what was written",
            "content": {
                t: {} for t in dict.fromkeys([*SELECT_RESULTS.values(), *GRAPH_SYNTAXES.values()])
            },
        }
    },
)
async def query_or_update_by_post(
    request: Request, graph: Graph, settings: AppSettings
) -> Response:
    """SPARQL 1.1 Protocol §2.1.2-2.1.3 (query via POST) and §2.2.1-2.2.2 (update)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in (FORM, SPARQL_QUERY, SPARQL_UPDATE):
        raise Problem(
            415,
            f"send {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}, "
            f"not {media_type or 'no Content-Type'}",
            "unsupported-media-type",
        )
    text = _utf8(await request.body())
    url_params = _multi(request.query_params.multi_items())
    caller = caller_of(request)
    if media_type == SPARQL_QUERY:
        authorize(caller, read_role(settings))
        return await _query(request, graph, settings, text, url_params)
    if media_type == SPARQL_UPDATE:
        authorize(caller, Role.WRITER)
        return await _update(graph, settings, caller, text, url_params)
    form = _multi(parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict"))
    if "query" in form and "update" in form:
        raise Problem(400, "send either query or update, not both", "query-and-update")
    if "update" in form:
        authorize(caller, Role.WRITER)
        return await _update(graph, settings, caller, _single(form, "update"), form)
    if "query" not in form:
        raise Problem(400, "the form has neither a query nor an update parameter", "missing-query")
    authorize(caller, read_role(settings))
    return await _query(request, graph, settings, _single(form, "query"), form)


# -- query ----------------------------------------------------------------------------


async def _query(
    request: Request, graph: KnowledgeGraph, settings: ApiSettings, sparql: str, params: Params
) -> Response:
    dataset = _dataset(params)
    answer = await answer_query(graph, settings, sparql, dataset, request.headers.get("accept"))
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["CKM-Result-Limit"] = str(settings.result_limit)
    return Response(answer.body, media_type=content_type(answer.media_type), headers=headers)


def _dataset(params: Params) -> Dataset | None:
    """The RDF dataset the protocol parameters name (§2.1.4); None when they name none."""
    default = [checked_iri(g) for g in params.get("default-graph-uri", ())]
    named = [checked_iri(g) for g in params.get("named-graph-uri", ())]
    if not default and not named:
        return None
    return Dataset(default_graphs=tuple(default), named_graphs=tuple(named))


def _service_description(request: Request, graph: KnowledgeGraph, settings: ApiSettings):
    media_type = negotiate(request.headers.get("accept"), GRAPH_SYNTAXES)
    endpoint = str(request.url.replace(query=""))
    description = service_description(endpoint, settings, graph.graphs())
    return Response(
        serialize_graph(description, media_type),
        media_type=content_type(media_type),
        headers={"Vary": "Accept"},
    )


# -- update ---------------------------------------------------------------------------


async def _update(
    graph: KnowledgeGraph, settings: ApiSettings, caller: Caller, text: str, params: Params
) -> Response:
    text, added_lines = with_common_prefixes(text, COMMON_PREFIXES)
    using = [checked_iri(g) for g in params.get("using-graph-uri", ())]
    using_named = [checked_iri(g) for g in params.get("using-named-graph-uri", ())]
    try:
        text = with_using(text, using, using_named)
    except ValueError as error:
        raise Problem(400, str(error), "using-conflict") from error

    def apply() -> dict:
        try:
            receipt = graph.update(
                text,
                WriteContext(caller.agent, "sparql-update", "sparql-update"),
                base_iri=settings.base_iri,
                allow_load=settings.allow_load,
            )
        except UpdateSyntaxError as error:
            raise UpdateSyntaxError(line_as_written(str(error), added_lines)) from error
        return {
            "added": receipt.added,
            "removed": receipt.removed,
            "activity": None if receipt.activity is None else str(receipt.activity),
            "report": receipt.report.as_dict(),
        }

    return _json(await run_in_threadpool(apply))


# -- parameters -----------------------------------------------------------------------


def _multi(items) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for name, value in items:
        params.setdefault(name, []).append(value)
    return params


def _single(params: Params, name: str) -> str:
    values = params[name]
    if len(values) != 1:
        raise Problem(
            400,
            f"exactly one {name} parameter is allowed, got {len(values)}",
            f"several-{name}-parameters",
        )
    return values[0]


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "the request body is not UTF-8", "not-utf8") from None


def _json(payload: dict) -> Response:
    return JSONResponse(payload)
