"""What keeps one client's SPARQL text from taking the server down.

Oxigraph parses, plans and evaluates a query recursively and cannot be interrupted while
it plans. Measured on pyoxigraph 0.5 in an 8 MB thread stack: 5,000 nested ``{`` or
``(``, 3,000 ``BIND``s, 25,000 chained ``!`` or a sum of 60,000 terms overflow the stack
and kill the whole process; 200 triple patterns sharing a subject take 7 s to plan,
400 more than 20 s, 200 nested ``[ ?p`` 13 s. So a query from a client is refused (400
``query-too-complex``) unless its brackets nest at most :data:`MAX_NESTING` deep, it
has at most :data:`MAX_CLAUSES` clauses (``. ; , / |`` between triple patterns and path
steps, ``{`` and the keywords that add to a group) and at most :data:`MAX_OPERATORS`
operators. The saved queries stay below 40 clauses; at the bounds Oxigraph plans in
about a second (tests/security/test_query_limits.py).

And at most :data:`QUERY_SLOTS` client queries are evaluated at once; the others wait
for a slot. A query past its deadline that Oxigraph cannot stop keeps its slot until it
ends, so a few runaway queries cannot take every thread and core: when no slot frees up
within a query's time limit, the query gets 503 ``server-busy``, while REST, Graph Store
and writes go on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from api.errors import Problem
from api.sparql_text import tokens

MAX_NESTING = 32
MAX_CLAUSES = 128
MAX_OPERATORS = 256
QUERY_SLOTS = 4
_OPEN, _CLOSE = "{([", "})]"
_SEPARATORS = frozenset(".;,/|{")
_CLAUSE_KEYWORDS = frozenset(
    {"BIND", "FILTER", "OPTIONAL", "MINUS", "UNION", "GRAPH", "SERVICE", "VALUES"}
)
_OPERATORS = frozenset("+-*&=<>!^")
T = TypeVar("T")


def check_query_shape(sparql: str) -> None:
    """Refuse SPARQL text that would overflow Oxigraph's stack or take long to plan.

    Brackets inside IRIs count too (in ``?o<((1))>2`` Oxigraph reads a less-than and
    parentheses, not an IRI); strings and comments do not.
    Raises:
        Problem: 400 ``query-too-complex`` naming the bounds.
    """
    depth = deepest = clauses = operators = 0
    for token in tokens(sparql):
        if token.kind in ("iri", "other", "open", "close"):
            for char in token.text:
                if char in _OPEN:
                    depth += 1
                    deepest = max(deepest, depth)
                elif char in _CLOSE:
                    depth = max(depth - 1, 0)
        if token.kind in ("other", "open"):
            clauses += token.text in _SEPARATORS
            operators += token.text in _OPERATORS
        elif token.kind == "word":
            clauses += token.text.upper() in _CLAUSE_KEYWORDS
        if deepest > MAX_NESTING or clauses > MAX_CLAUSES or operators > MAX_OPERATORS:
            raise Problem(
                400,
                f"the query is too complex for this server: at most {MAX_NESTING} nested "
                f"brackets, {MAX_CLAUSES} triple patterns, path steps and groups, and "
                f"{MAX_OPERATORS} operators",
                "query-too-complex",
            )


class QuerySlots:
    """At most ``slots`` client queries evaluated at once, abandoned ones included."""

    def __init__(self, slots: int = QUERY_SLOTS) -> None:
        self._free = threading.BoundedSemaphore(slots)
        self.slots = slots

    def run(self, work: Callable[[], T], wait_s: float) -> T:
        """``work()`` in a slot, held until it returns (in this worker thread); waits up
        to ``wait_s`` for one to free up.

        Raises:
            Problem: 503 ``server-busy`` when no slot freed up in time.
        """
        if not self._free.acquire(timeout=wait_s):
            raise Problem(
                503,
                f"{self.slots} queries are running and none ended in time; try again shortly",
                "server-busy",
                headers={"Retry-After": "5"},
            )
        try:
            return work()
        finally:
            self._free.release()
