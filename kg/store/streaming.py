"""Query answers serialised as Oxigraph computes them, under a time limit and a row cap.

Oxigraph evaluates lazily: solutions and triples come one at a time. Taking them one by
one here, rather than letting Oxigraph serialise the whole answer in one call, lets a
query that enumerates too much (a cartesian product) be stopped at its deadline, and a
huge answer be cut at the row cap instead of being built in memory first. Operators that
must see all their input before the first row (``ORDER BY``, ``GROUP BY``, aggregates)
still run to completion inside Oxigraph, which cannot be interrupted.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

import orjson
import pyoxigraph as ox

from kg.store.base import QueryTimeout

SPARQL_JSON = "application/sparql-results+json"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
T = TypeVar("T")


class Deadline:
    """When a query must have finished (never, when ``timeout_s`` is None)."""

    def __init__(self, timeout_s: float | None) -> None:
        self.timeout_s = timeout_s
        self._end = None if timeout_s is None else time.monotonic() + timeout_s

    def check(self) -> None:
        """Raises QueryTimeout once the deadline has passed."""
        if self._end is not None and time.monotonic() > self._end:
            raise QueryTimeout(f"the query ran longer than {self.timeout_s:g} s")

    def watch(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, checking the deadline before each one is taken.

        Raises:
            QueryTimeout: the deadline passed; the rest of the answer is not computed.
        """
        iterator = iter(items)
        while True:
            self.check()
            try:
                item = next(iterator)
            except StopIteration:
                return
            yield item


def solutions_json(
    solutions: ox.QuerySolutions, deadline: Deadline, row_limit: int | None = None
) -> bytes:
    """SPARQL 1.1 Query Results JSON of at most ``row_limit`` solutions.

    Raises:
        QueryTimeout: the deadline passed before the rows were taken.
    """
    names = [variable.value for variable in solutions.variables]
    rows = []
    for solution in deadline.watch(solutions):
        if row_limit is not None and len(rows) >= row_limit:
            break
        rows.append({n: _term(solution[n]) for n in names if solution[n] is not None})
    answer = {"head": {"vars": names}, "results": {"bindings": rows}}
    return orjson.dumps(answer)


def _term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        literal: dict = {"type": "literal", "value": term.value}
        if term.language:
            literal["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            literal["datatype"] = term.datatype.value
        return literal
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term(getattr(term, p)) for p in parts}}
    raise ValueError(f"not an RDF term: {term!r}")
