"""The diagnosis's SPARQL steps: the ``.rq`` files of ``queries/``, run on a graph.

Each file is a saved query in the catalogue's format (header, parameters pre-bound in
``VALUES`` clauses), read by :func:`kg.queries.catalogue.load_query`, so an analyst can
run any step alone. Parameters are bound by :func:`kg.queries.binding.bind`: the firm
IRI and the dates are parsed into typed terms, never pasted into the text.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from rdflib.term import URIRef

from kg.graph import KnowledgeGraph
from kg.queries.binding import bind
from kg.queries.catalogue import load_query
from kg.queries.model import SavedQuery
from kg.store.base import Row

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


@cache
def diagnosis_query(name: str) -> SavedQuery:
    """The diagnosis step ``name`` (a file stem of ``queries/``), read once.

    Raises:
        FileNotFoundError: no such step.
        QueryDefinitionError: the file is malformed.
    """
    return load_query(QUERIES_DIR / f"{name}.rq")


def run_step(
    graph: KnowledgeGraph,
    name: str,
    firm: URIRef,
    start: date | None = None,
    end: date | None = None,
) -> list[Row]:
    """The rows of step ``name`` for ``firm`` and the period (a bound left out: open).

    Raises:
        BadParameter: ``firm`` is not an absolute IRI.
        QueryTimeout, StoreError: the store could not answer.
    """
    query = diagnosis_query(name)
    params = {"firm": str(firm)}
    if start is not None and query.parameter("from") is not None:
        params["from"] = start.isoformat()
    if end is not None and query.parameter("to") is not None:
        params["to"] = end.isoformat()
    return graph.select(bind(query, params))
