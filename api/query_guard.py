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
about a second (tests/security/test_query_limits.py). The text is read by the one lexer
of :mod:`kg.sparql_text`, as the engine reads it.

And at most :data:`QUERY_SLOTS` client queries are in flight at once; the others wait
for a slot, and get 503 ``server-busy`` when none frees up within their time limit, while
REST, Graph Store and writes go on. On the embedded stores a query past its deadline or
memory cap is killed with the worker process evaluating it
(:mod:`kg.store.query_workers`), so its slot frees at once; on a remote store it holds its
slot until the engine's own time limit ends it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from api.errors import Problem
from kg import codepoint_escapes, tokens

MAX_NESTING = 32
MAX_CLAUSES = 128
MAX_OPERATORS = 256
# Tokens lexed at most: bounds the guard's own time (a 20 MB body of names and numbers).
MAX_TOKENS = 100_000
QUERY_SLOTS = 4
_SEPARATORS = frozenset(".;,/|")
_CLAUSE_KEYWORDS = frozenset(
    {"BIND", "FILTER", "OPTIONAL", "MINUS", "UNION", "GRAPH", "SERVICE", "VALUES", "LATERAL"}
)
_OPERATORS = frozenset({"+", "-", "*", "=", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "^"})
T = TypeVar("T")


@dataclass(frozen=True)
class QueryShape:
    """How complex a query text is, in the terms of the guard's bounds."""

    nesting: int
    clauses: int
    operators: int
    tokens: int

    def within_bounds(self) -> bool:
        return (
            self.nesting <= MAX_NESTING
            and self.clauses <= MAX_CLAUSES
            and self.operators <= MAX_OPERATORS
            and self.tokens <= MAX_TOKENS
        )


def query_shape(sparql: str, *, stop_past_bounds: bool = False) -> QueryShape:
    """The nesting, clauses, operators and tokens of ``sparql``, read by the one lexer
    of :mod:`kg.sparql_text` as the engine reads it (a comment ends at ``\\r`` as at
    ``\\n``; ``<`` after an operand is less-than): tests/security/
    test_lexer_agrees_with_the_engine.py checks that the two agree.

    With ``stop_past_bounds``, reading stops at the first token past a bound.
    """
    depth = deepest = clauses = operators = count = 0
    for count, token in enumerate(tokens(sparql), start=1):
        if token.kind == "open":
            depth += 1
            clauses += token.text == "{"
        elif token.kind == "close":
            depth = max(depth - 1, 0)
        elif token.kind == "punct":
            clauses += token.text in _SEPARATORS
            operators += token.text in _OPERATORS
        clauses += sum(k in _CLAUSE_KEYWORDS for k in token.keywords)
        deepest = max(deepest, depth)
        if stop_past_bounds and not QueryShape(deepest, clauses, operators, count).within_bounds():
            break
    return QueryShape(deepest, clauses, operators, count)


def check_query_shape(sparql: str) -> None:
    """Refuse SPARQL text that would overflow Oxigraph's stack or take long to plan
    (see :func:`query_shape`). ``\\u`` escapes outside strings and IRIs are refused:
    SPARQL 1.1 §19.2 applies them before parsing, Oxigraph does not, so engines
    disagree on what such a text is.

    Raises:
        Problem: 400 ``query-too-complex`` naming the bounds; 400 ``codepoint-escape``.
    """
    if codepoint_escapes(sparql):
        raise Problem(
            400,
            "\\u and \\U escapes are accepted inside strings and IRIs only",
            "codepoint-escape",
        )
    if not query_shape(sparql, stop_past_bounds=True).within_bounds():
        raise Problem(
            400,
            f"the query is too complex for this server: at most {MAX_NESTING} nested "
            f"brackets, {MAX_CLAUSES} triple patterns, path steps and groups, "
            f"{MAX_OPERATORS} operators and {MAX_TOKENS} tokens",
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
