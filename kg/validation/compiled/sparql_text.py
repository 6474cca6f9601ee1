"""SHACL-SPARQL query texts rewritten for the compiled engine (SHACL §5.2.1 and
Appendix "Pre-binding of Variables").

SHACL defines pre-binding as *values insertion*: every basic graph pattern, path and
``GRAPH ?var`` of the query is joined with the pre-bound values. This module does
that on the text: right after every ``{`` that opens a group (not the one holding a
sub-SELECT), it inserts the patterns that bind each pre-bound variable, read from the
validator's auxiliary graphs. Joining a group with a table once is the same as joining
each of its basic graph patterns with it, so the inserted patterns give exactly the
spec's semantics, for all focus nodes at once (the focus nodes of one target group are
one table).

``$PATH`` is replaced by the property shape's path (§6.3), and a ``GRAPH ?g`` over a
variable is kept off the validator's own graphs (the data graph has no named graphs).

Only tokens outside strings, IRIs and comments are touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<variable>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.X | re.S,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokens(text: str) -> Iterator[Token]:
    """The query's tokens; joined again they give back ``text`` exactly."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        yield Token(kind, match.group())


def variables(text: str) -> set[str]:
    """The names of the variables the query text mentions (``$x`` and ``?x`` alike)."""
    return {t.text[1:] for t in tokens(text) if t.kind == "variable"}


def with_path(text: str, path: str) -> str:
    """``text`` with every ``$PATH`` replaced by the SPARQL path ``path`` (§6.3)."""
    return "".join(
        path if t.kind == "variable" and t.text == "$PATH" else t.text for t in tokens(text)
    )


def with_prebound(text: str, binding: str, hidden_graphs: tuple[str, ...] = ()) -> str:
    """``text`` with the patterns ``binding`` (which bind the pre-bound variables)
    inserted at the start of every group, and each ``GRAPH ?g { }`` kept off the
    graphs ``hidden_graphs`` (IRIs, without angle brackets).

    A group that holds a sub-SELECT gets none (SPARQL allows nothing beside it); the
    sub-SELECT's own WHERE group does, and it returns the pre-bound variables (a rule
    checked when the shapes are read).
    """
    parts = list(tokens(text))
    out: list[str] = []
    graph_vars: list[tuple[int, str]] = []  # (depth of the GRAPH's group, variable)
    depth = 0
    for index, token in enumerate(parts):
        out.append(token.text)
        if token.kind == "open":
            depth += 1
            if _next_word(parts, index) != "SELECT":
                out.append(f" {binding} ")
        elif token.kind == "close":
            while graph_vars and graph_vars[-1][0] == depth:
                _depth, var = graph_vars.pop()
                out.append(_kept_off(var, hidden_graphs))
            depth -= 1
        elif token.kind == "word" and token.text.upper() == "GRAPH":
            var = _graph_variable(parts, index)
            if var is not None and hidden_graphs:
                graph_vars.append((depth + 1, var))
    return "".join(out)


def _kept_off(var: str, graphs: tuple[str, ...]) -> str:
    tests = " && ".join(f"!sameTerm(?{var[1:]}, <{g}>)" for g in graphs)
    return f" FILTER({tests}) "


def _significant(parts: list[Token], start: int) -> Iterator[Token]:
    for token in parts[start:]:
        if token.kind not in ("space", "comment"):
            yield token


def _next_word(parts: list[Token], index: int) -> str | None:
    following = next(_significant(parts, index + 1), None)
    if following is None or following.kind != "word":
        return None
    return following.text.upper()


def _graph_variable(parts: list[Token], index: int) -> str | None:
    """The variable of ``GRAPH ?g {``; None for ``GRAPH <iri>``."""
    following = next(_significant(parts, index + 1), None)
    if following is not None and following.kind == "variable":
        return following.text
    return None


def filled_template(text: str, bindings: Mapping[str, str]) -> str:
    """A result message with ``{?var}`` / ``{$var}`` replaced by the bindings (§5.3.2);
    a variable without a binding is left as written."""

    def fill(match: re.Match) -> str:
        return bindings.get(match.group(1), match.group(0))

    return re.sub(r"{[?$](\w+)}", fill, text)
