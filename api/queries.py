"""Saved analyst queries over HTTP: ``GET /api/queries`` lists them with their metadata,
``GET /api/queries/{name}?param=value`` runs one.

Results are SPARQL 1.1 Query Results JSON by default, CSV (or XML, TSV) when ``Accept``
asks or ``?format=`` names it; the negotiation, limits and writers are those of
``/sparql``, except that CSV cells a spreadsheet would run as formulas are written as
text (:mod:`kg.spreadsheet`). Reads follow the rule of ``/sparql``
(``CKM_READS_NEED_KEY``). Parameter values are typed and checked by :mod:`kg.queries`:
a wrong value or an unknown name is a 400 problem naming the parameter, an unknown
query a 404.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import AppSettings, Graph, ReaderCaller
from api.errors import Problem
from api.query_runner import answer_query
from api.rdf_output import content_type
from kg import bound_sparql, saved_queries

router = APIRouter(prefix="/api/queries", tags=["saved queries"])

# ?format= values and the media type each asks for (instead of an Accept header).
FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "xml": "application/sparql-results+xml",
    "tsv": "text/tab-separated-values",
}
SPARQL_TEXT = "application/sparql-query"  # ?format=sparql: the query bound, not run


@router.get("", summary="List the saved analyst queries with their metadata")
def list_saved_queries(request: Request, _caller: ReaderCaller) -> list[dict]:
    """Every saved query: name, title, question, parameters (name, datatype, default,
    description), concepts, sources, the SPARQL text and the URL that runs it."""
    return [
        {**query.as_dict(), "url": str(request.url_for("run_saved_query", name=query.name))}
        for query in saved_queries().values()
    ]


@router.get(
    "/{name}",
    name="run_saved_query",
    summary="Run a saved query; its parameters as query parameters",
    responses={
        200: {"content": {t: {} for t in (*FORMATS.values(), SPARQL_TEXT)}},
        400: {"description": "unknown parameter or a value not of its type"},
        404: {"description": "no saved query of that name"},
    },
)
async def run_saved_query(
    name: str, request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
) -> Response:
    """The answer of saved query ``name``; ``format`` (json, csv, xml, tsv) overrides
    ``Accept``, and ``format=sparql`` answers the query's text with the parameters
    bound, without running it; every other query parameter is a parameter of the saved
    query."""
    params: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in params:
            raise Problem(
                400, f"parameter {key!r} is given more than once", "bad-parameter", parameter=key
            )
        params[key] = value
    accept = request.headers.get("accept")
    chosen = params.pop("format", None)
    if chosen == "sparql":  # the editor's parameter form: the text to open, checked
        return Response(bound_sparql(name, params), media_type=SPARQL_TEXT)
    if chosen is not None:
        if chosen not in FORMATS:
            raise Problem(
                400,
                f"format {chosen!r}: use one of {', '.join(FORMATS)} or sparql",
                "bad-parameter",
                parameter="format",
            )
        accept = FORMATS[chosen]
    sparql = bound_sparql(name, params)
    answer = await answer_query(graph, settings, sparql, None, accept, for_spreadsheets=True)
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["CKM-Result-Limit"] = str(settings.result_limit)
    return Response(answer.body, media_type=content_type(answer.media_type), headers=headers)
