"""Reading SPARQL text just enough for the protocol: the query form, whether a keyword
occurs outside strings, IRIs and comments, and adding protocol ``USING`` clauses.

Nothing here evaluates SPARQL; a request this lexer misreads still meets the real
parser, which has the last word on syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib.term import URIRef

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<name>[A-Za-z_][\w\-.]*:[\w\-.:%]*|:[\w\-.:%]*)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<var>[?$]\w+)
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` with the brace depth each sits at (comments dropped)."""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "comment":
            continue
        if kind == "close":
            depth = max(depth - 1, 0)
        yield Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``; None when none is found."""
    for token in tokens(text):
        if token.kind == "word" and token.text.upper() in QUERY_FORMS:
            return token.text.upper()
    return None


def has_keyword(text: str, keyword: str) -> bool:
    """Whether ``keyword`` occurs as a keyword (not in a string, IRI, name or comment)."""
    wanted = keyword.upper()
    return any(t.kind == "word" and t.text.upper() == wanted for t in tokens(text))


def with_using(update: str, using: list[URIRef], using_named: list[URIRef]) -> str:
    """``update`` with protocol ``USING``/``USING NAMED`` graphs added to every
    ``DELETE/INSERT … WHERE`` operation (SPARQL 1.1 Protocol §2.2.3).

    Raises:
        ValueError: the request already has ``USING`` or ``WITH`` (the protocol
            forbids combining them with the parameters).
    """
    if not using and not using_named:
        return update
    if has_keyword(update, "USING") or has_keyword(update, "WITH"):
        raise ValueError(
            "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH "
            "in the request"
        )
    clause = " ".join(
        [f"USING {g.n3()}" for g in using] + [f"USING NAMED {g.n3()}" for g in using_named]
    )
    inserts = []
    previous = ""
    for token in tokens(update):
        if token.depth == 0 and token.kind == "word":
            word = token.text.upper()
            if word == "WHERE" and previous != "DELETE":
                inserts.append(token.start)
            previous = word
        elif token.depth == 0 and token.kind not in ("open", "close"):
            previous = ""
    for position in reversed(inserts):
        update = f"{update[:position]}{clause} {update[position:]}"
    return update
