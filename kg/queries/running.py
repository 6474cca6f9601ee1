"""Answering a saved query on a knowledge graph: parameters bound, SPARQL JSON results."""

from __future__ import annotations

from collections.abc import Mapping

import orjson

from kg.graph import KnowledgeGraph
from kg.queries.binding import bind
from kg.queries.catalogue import saved_query

RESULTS_JSON = "application/sparql-results+json"


def bound_sparql(name: str, params: Mapping[str, str]) -> str:
    """The SPARQL text of saved query ``name`` with ``params`` bound, ready to run.

    Raises:
        UnknownQuery: no saved query has that name.
        BadParameter: an unknown parameter name, or a value not of the parameter's type.
    """
    return bind(saved_query(name), params)


def results_json(graph: KnowledgeGraph, name: str, params: Mapping[str, str]) -> dict:
    """The answer of saved query ``name`` on ``graph`` as SPARQL 1.1 Query Results JSON.

    ``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``; reads only.
    Raises:
        UnknownQuery: no saved query has that name.
        BadParameter: an unknown parameter name, or a value not of the parameter's type.
        QueryTimeout, StoreError: the store could not answer.
    """
    sparql = bound_sparql(name, params)
    return orjson.loads(graph.query_serialized(sparql, RESULTS_JSON))
