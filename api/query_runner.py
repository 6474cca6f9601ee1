"""Answering one SPARQL query within the API's limits: the negotiated format, SERVICE
policy, a deadline and a row limit. Reads only; never writes."""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from api.errors import Problem
from api.limits import within_deadline
from api.negotiation import BOOLEAN_RESULTS, GRAPH_SYNTAXES, SELECT_RESULTS, negotiate
from api.query_guard import QuerySlots, check_query_shape
from api.results import SPREADSHEET_WRITERS, WRITERS, truncated
from api.settings import ApiSettings
from kg import (
    COMMON_PREFIXES,
    Dataset,
    KnowledgeGraph,
    QuerySyntaxError,
    may_call_out,
    query_form,
    readable_syntax_error,
    with_common_prefixes,
)

RESULTS_JSON = "application/sparql-results+json"
# Client queries evaluated at once in this process (see api.query_guard).
_SLOTS = QuerySlots()


@dataclass(frozen=True)
class Answer:
    """A serialised query answer; ``truncated`` when rows beyond the limit were cut."""

    body: bytes
    media_type: str
    truncated: bool = False


async def answer_query(
    graph: KnowledgeGraph,
    settings: ApiSettings,
    sparql: str,
    dataset: Dataset | None,
    accept: str | None,
    *,
    for_spreadsheets: bool = False,
) -> Answer:
    """Run ``sparql`` and serialise its answer in the best format ``accept`` allows
    (CSV with formula-like cells written as text when ``for_spreadsheets``). The common
    prefixes (``COMMON_PREFIXES``: ckm, rdf, rdfs, owl, xsd, skos, prov, dcterms, foaf,
    schema…) may be used undeclared; a syntax error names the line as sent.

    Raises:
        Problem: 406 nothing acceptable; 400 SERVICE while disabled or a query too
            complex to plan safely; 503 every query slot taken.
        QuerySyntaxError: the query does not parse.
        QueryTimeout: no answer within ``settings.query_timeout_s``.
    """
    sent = sparql
    sparql, added_lines = with_common_prefixes(sparql, COMMON_PREFIXES)
    try:
        return await _answer(graph, settings, sparql, dataset, accept, for_spreadsheets)
    except QuerySyntaxError as error:
        raise QuerySyntaxError(readable_syntax_error(str(error), sent, added_lines)) from error


async def _answer(
    graph: KnowledgeGraph,
    settings: ApiSettings,
    sparql: str,
    dataset: Dataset | None,
    accept: str | None,
    for_spreadsheets: bool,
) -> Answer:
    check_query_shape(sparql)
    if not settings.allow_service and may_call_out(sparql):
        raise Problem(
            400, "SERVICE is disabled on this server (it would call a URL)", "service-disabled"
        )
    form = query_form(sparql)
    if form in ("CONSTRUCT", "DESCRIBE"):
        media_type = negotiate(accept, GRAPH_SYNTAXES)
        body = await _run(graph, settings, sparql, media_type, dataset)
        return Answer(body, media_type)
    media_type = negotiate(accept, BOOLEAN_RESULTS if form == "ASK" else SELECT_RESULTS)
    try:
        raw = await _run(graph, settings, sparql, RESULTS_JSON, dataset)
    except ValueError:  # the lexer missed a graph form hidden behind unusual syntax
        media_type = negotiate(accept, GRAPH_SYNTAXES)
        return Answer(await _run(graph, settings, sparql, media_type, dataset), media_type)
    results, cut = truncated(orjson.loads(raw), settings.result_limit)
    if "boolean" in results and media_type not in BOOLEAN_RESULTS.values():
        raise Problem(406, "an ASK answer is served as SPARQL JSON or XML", "not-acceptable")
    writers = SPREADSHEET_WRITERS if for_spreadsheets else WRITERS
    return Answer(writers[media_type](results), media_type, cut)


async def _run(
    graph: KnowledgeGraph,
    settings: ApiSettings,
    sparql: str,
    media_type: str,
    dataset: Dataset | None,
) -> bytes:
    # One row past the limit tells truncated() that rows were cut.
    rows = settings.result_limit + 1

    def evaluate() -> bytes:
        return _SLOTS.run(
            lambda: graph.query_serialized(sparql, media_type, dataset, rows),
            wait_s=settings.query_timeout_s,
        )

    return await within_deadline(evaluate, settings.query_timeout_s)
